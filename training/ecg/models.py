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


class WaveEncoder(nn.Module):
    """The beat's waveform [batch, 1, samples] (features.beat_waveform: ~0.6 s before to 0.25 s after
    the R peak at 128 Hz) and the record's usual waveform (same shape): z-scored per beat inside the
    graph, the difference beat - usual beat in the same units as a second channel (as Encoder), 1-D
    convolutions, then a linear layer over time: where a wave lies before the R peak (the P wave's
    timing) is what it carries, so time is not pooled away."""

    def __init__(self, samples):
        super().__init__()
        self.body = nn.Sequential(
            nn.Conv1d(2, 8, 7, padding=3), nn.BatchNorm1d(8), nn.ReLU(),
            nn.Conv1d(8, 16, 5, stride=2, padding=2), nn.BatchNorm1d(16), nn.ReLU(),
            nn.Conv1d(16, 16, 5, stride=2, padding=2), nn.BatchNorm1d(16), nn.ReLU())
        self.width = 32
        self.out = nn.Sequential(nn.Flatten(), nn.Linear(16 * ((samples + 3) // 4), self.width), nn.ReLU())

    def forward(self, wave, template):
        mean = wave.mean(dim=2, keepdim=True)
        std = wave.std(dim=2, keepdim=True) + 1e-6
        return self.out(self.body(torch.cat([(wave - mean) / std, (wave - template) / std], dim=1)))


class SpectrogramRrNet(nn.Module):
    """Encoder(spectrogram) and a small MLP on the RR features -> class probabilities; with
    template=True a third input, the record's usual beat (features.beat_templates), beside the beat;
    with wave_samples > 0 two more, the beat's waveform and its usual waveform (WaveEncoder)."""

    def __init__(self, rr_features, classes, template=False, wave_samples=0):
        super().__init__()
        self.template = template
        self.encoder = Encoder(2 if template else 1)
        self.wave = WaveEncoder(wave_samples) if wave_samples else None
        self.rr = nn.Sequential(nn.Linear(rr_features, 16), nn.ReLU())
        width = self.encoder.width + 16 + (self.wave.width if self.wave else 0)
        self.head = nn.Sequential(nn.Linear(width, 32), nn.ReLU(), nn.Linear(32, classes))

    def logits(self, spec, rr, template=None, wave=None, wave_template=None):
        rr = torch.clamp(rr, 0.0, 5.0)
        parts = [self.encoder(spec, template), self.rr(rr)]
        if self.wave is not None:
            parts.append(self.wave(wave, wave_template))
        return self.head(torch.cat(parts, dim=1))

    def forward(self, spectrogram, rr, template=None, wave=None, wave_template=None):
        return torch.softmax(self.logits(spectrogram, rr, template, wave, wave_template), dim=1)
