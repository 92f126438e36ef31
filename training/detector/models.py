"""The two candidate per-channel CNNs (input [N, 3, 32, 16] RGB spectrogram images).

Both end in global average pooling and one linear layer, so the class-activation map (Zhou et al.
2016) is the linear layer's seizure-minus-background weights applied to the last feature maps; the
exported graph returns it, upsampled to the image, as its second output.
"""
import torch
from torch import nn
from torch.nn import functional as F


def conv(cin, cout, k=3):
    return nn.Sequential(nn.Conv2d(cin, cout, k, padding=k // 2, bias=False), nn.BatchNorm2d(cout), nn.ReLU())


class Cnn6(nn.Module):
    """Six convolutions, widening as the map shrinks: ~130k parameters, ~1.9 M multiply-adds per image."""

    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(
            conv(3, 8), nn.MaxPool2d(2),          # 32x16 -> 16x8
            conv(8, 16), nn.MaxPool2d(2),         # -> 8x4
            conv(16, 32), conv(32, 64), nn.MaxPool2d(2),  # -> 4x2
            conv(64, 128), conv(128, 256, k=1))
        self.head = nn.Linear(256, 2)

    def forward(self, x):
        return self.head_and_cam(self.features(x), x)

    def head_and_cam(self, f, x):
        logits = self.head(f.mean(dim=(2, 3)))
        w = self.head.weight[1] - self.head.weight[0]
        cam = torch.einsum("k,nkhw->nhw", w, f).unsqueeze(1)
        cam = F.interpolate(cam, size=x.shape[2:], mode="bilinear", align_corners=False).squeeze(1)
        return torch.softmax(logits, dim=1), cam


class Block(nn.Module):
    def __init__(self, cin, cout, stride):
        super().__init__()
        self.a = nn.Sequential(nn.Conv2d(cin, cout, 3, stride, 1, bias=False), nn.BatchNorm2d(cout), nn.ReLU())
        self.b = nn.Sequential(nn.Conv2d(cout, cout, 3, 1, 1, bias=False), nn.BatchNorm2d(cout))
        self.skip = (nn.Sequential(nn.Conv2d(cin, cout, 1, stride, bias=False), nn.BatchNorm2d(cout))
                     if stride != 1 or cin != cout else nn.Identity())

    def forward(self, x):
        return F.relu(self.b(self.a(x)) + self.skip(x))


class SmallResNet(Cnn6):
    """A ResNet with one basic block per stage (16, 32, 64, 128 wide): ~300k parameters."""

    def __init__(self):
        nn.Module.__init__(self)
        self.features = nn.Sequential(conv(3, 16), Block(16, 16, 2), Block(16, 32, 2), Block(32, 64, 2),
                                      Block(64, 128, 1))
        self.head = nn.Linear(128, 2)


CANDIDATES = {"cnn6": Cnn6, "resnet-small": SmallResNet}


def parameters(model):
    return sum(p.numel() for p in model.parameters())


def multiply_adds(model):
    """Multiply-adds of the convolutions and the linear layer for one image (hooks on a dry run)."""
    total = [0]

    def hook(module, inputs, output):
        if isinstance(module, nn.Conv2d):
            total[0] += output.numel() * module.in_channels * module.kernel_size[0] * module.kernel_size[1] \
                // module.groups
        elif isinstance(module, nn.Linear):
            total[0] += module.in_features * module.out_features
    handles = [m.register_forward_hook(hook) for m in model.modules() if isinstance(m, (nn.Conv2d, nn.Linear))]
    model.eval()
    with torch.no_grad():
        model(torch.zeros(1, 3, 32, 16))
    for h in handles:
        h.remove()
    return total[0]
