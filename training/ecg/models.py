"""Small spectrogram CNNs. The encoder takes [batch, 1, frames, bins] decibels of any length; each
input is standardised inside the graph (so the lead's gain, mV or uV, does not matter), then
pooled over time and frequency. The beat and rhythm models share the encoder's architecture, which
is what lets the rhythm model start from the beat model's encoder (transfer learning)."""
import torch
from torch import nn


class Encoder(nn.Module):
    """channels 1: the spectrogram; 2: also its difference from the record's usual beat (template),
    in the same per-window units (both are decibels, so the difference does not depend on the gain)."""

    def __init__(self, channels=1):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv2d(channels, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU(),
            nn.Conv2d(8, 16, 3, stride=2, padding=1), nn.BatchNorm2d(16), nn.ReLU(),
            nn.Conv2d(16, 32, 3, stride=2, padding=1), nn.BatchNorm2d(32), nn.ReLU())
        self.width = 32

    def forward(self, spec, template=None):
        mean = spec.mean(dim=(2, 3), keepdim=True)
        std = spec.std(dim=(2, 3), keepdim=True) + 1e-3
        z = (spec - mean) / std
        if template is not None:
            z = torch.cat([z, (spec - template) / std], dim=1)
        return self.body(z).mean(dim=(2, 3))


class SpectrogramRrNet(nn.Module):
    """Encoder(spectrogram) and a small MLP on the RR features -> class probabilities; with
    template=True a third input, the record's usual beat (features.beat_templates), beside the beat."""

    def __init__(self, rr_features, classes, template=False):
        super().__init__()
        self.template = template
        self.encoder = Encoder(2 if template else 1)
        self.rr = nn.Sequential(nn.Linear(rr_features, 16), nn.ReLU())
        self.head = nn.Sequential(nn.Linear(self.encoder.width + 16, 32), nn.ReLU(), nn.Linear(32, classes))

    def logits(self, spec, rr, template=None):
        rr = torch.clamp(rr, 0.0, 5.0)
        return self.head(torch.cat([self.encoder(spec, template), self.rr(rr)], dim=1))

    def forward(self, spectrogram, rr, template=None):
        return torch.softmax(self.logits(spectrogram, rr, template), dim=1)
