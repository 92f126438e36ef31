"""The benchmark model: a CNN the size of Ictal's seizure detector (~240k parameters) on 3x64x64
spectrogram images, 2 classes. Random weights with a fixed seed: speed does not depend on training."""
import torch


class DetectorSizedCnn(torch.nn.Module):
    def __init__(self):
        super().__init__()
        layers = []
        channels = [3, 32, 64, 128, 128]
        for c_in, c_out in zip(channels, channels[1:]):
            layers += [torch.nn.Conv2d(c_in, c_out, 3, padding=1), torch.nn.BatchNorm2d(c_out), torch.nn.ReLU(),
                       torch.nn.MaxPool2d(2)]
        self.features = torch.nn.Sequential(*layers)
        self.head = torch.nn.Linear(128, 2)

    def forward(self, image):
        x = self.features(image).mean(dim=(2, 3))
        return torch.softmax(self.head(x), dim=1)


def build(seed=7):
    torch.manual_seed(seed)
    model = DetectorSizedCnn().eval()
    # Non-trivial batch-norm statistics, as a trained model would have.
    for m in model.modules():
        if isinstance(m, torch.nn.BatchNorm2d):
            m.running_mean.uniform_(-0.1, 0.1)
            m.running_var.uniform_(0.5, 1.5)
    return model


def parameters(model):
    return sum(p.numel() for p in model.parameters())
