"""SeizureNet-style networks (Asif et al. 2019), small enough to train here in minutes.

Every network reads [batch, channels, layers, bins, frames] (any number of EEG channels, in any order):
it first summarises the channels per layer, bin and frame by their mean, maximum and standard deviation
(how widespread the activity is, how strong at its strongest: generalised vs focal), then a small CNN
reads these planes (3 per spectral layer) as an image of bins x frames, and a linear layer gives the 8
type logits. Summarising before the CNN keeps it one image per event, not one per channel: 21 times
less compute, which is what lets the k-fold evaluation train here in minutes.

Teacher: an ensemble of sub-networks, each on a subset of the spectral layers (short windows 1-4 s,
long windows 4-16 s, all five), its output the mean of their softmax probabilities. Student: one
narrower network on all layers, trained on the teacher's soft labels (knowledge distillation)."""
import torch
from torch import nn

import config


class SubNet(nn.Module):
    def __init__(self, layers, width, classes=len(config.TYPES)):
        super().__init__()
        self.layers = list(layers)
        planes = 3 * len(self.layers)
        self.encode = nn.Sequential(
            nn.BatchNorm2d(planes),
            nn.Conv2d(planes, width, (5, 3), padding=(2, 1)), nn.BatchNorm2d(width), nn.ReLU(),
            nn.MaxPool2d((2, 1)),
            nn.Conv2d(width, 2 * width, (3, 3), padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(),
            nn.MaxPool2d((2, 1)),
            nn.Conv2d(2 * width, 2 * width, (3, 3), padding=1), nn.BatchNorm2d(2 * width), nn.ReLU(),
            nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.classify = nn.Sequential(nn.Dropout(0.2), nn.Linear(2 * width, classes))

    def forward(self, x):
        x = x[:, :, self.layers]
        mean = x.mean(1)
        spread = torch.sqrt(torch.clamp((x * x).mean(1) - mean * mean, min=1e-6))
        planes = torch.cat([mean, x.amax(1), spread], dim=1)
        return self.classify(self.encode(planes))


class Teacher(nn.Module):
    """The ensemble; forward gives probabilities (softmax averaged over the sub-networks)."""

    SUBSETS = [[0, 1, 2], [2, 3, 4], [0, 1, 2, 3, 4]]

    def __init__(self, width=16):
        super().__init__()
        self.members = nn.ModuleList([SubNet(s, width) for s in self.SUBSETS])

    def forward(self, x):
        return torch.stack([torch.softmax(m(x), dim=1) for m in self.members]).mean(0)


class Student(nn.Module):
    """The distilled network; forward gives probabilities."""

    def __init__(self, width=12):
        super().__init__()
        self.net = SubNet(range(config.LAYERS), width)

    def forward(self, x):
        return torch.softmax(self.net(x), dim=1)

    def logits(self, x):
        return self.net(x)


def parameters(model):
    return sum(p.numel() for p in model.parameters())
