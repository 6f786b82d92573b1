#!/usr/bin/python3
"""Peer for the `training` suite: PyTorch CPU running SemRestore's models.

Usage: training.py train MODEL THREADS BATCH SIZE  (median of 3 Adam steps after 3 warm-up steps)
       training.py restore MODEL THREADS HEIGHT WIDTH TILE HALO
prints one JSON line {"ms", "peak_rss_mb", ...}. MODEL is unet, fbinet (L=17, F=64, kernels masked by multiplying as
ReNIn's code does) or dncnn (KAIR's DnCNN: 17 layers, 64 channels, batch norm eps 1e-4, residual). Importing the
engine peer configures the process the same way (tcmalloc preloaded, OpenMP wait policy) and shares its U-Net,
FBI-Net, training step and peak-RSS reading. `restore` tiles exactly as SemRestore's Restorer: output tiles of
TILE px, read windows grown by HALO px (already rounded to the model's size multiple) on every side that is not the
image border, only the tile kept; the whole image is timed, including the first (cold) forward.
"""
import json
import os
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import engine  # noqa: E402  (re-executes this script once with tcmalloc preloaded)

import torch  # noqa: E402
import torch.nn as nn  # noqa: E402


class DnCNN(nn.Module):
    def __init__(self, layers=17, channels=64):
        super().__init__()
        body = [nn.Conv2d(1, channels, 3, padding=1), nn.ReLU(inplace=True)]
        for _ in range(layers - 2):
            body += [nn.Conv2d(channels, channels, 3, padding=1), nn.BatchNorm2d(channels, eps=1e-4, momentum=0.9),
                     nn.ReLU(inplace=True)]
        body.append(nn.Conv2d(channels, 1, 3, padding=1))
        self.model = nn.Sequential(*body)

    def forward(self, x):
        return x - self.model(x)


def build(name):
    torch.manual_seed(1)
    if name == "unet":
        return engine.UNet(1)
    if name == "fbinet":
        return engine.FbiNet(1, 1, 64, 17)
    if name == "dncnn":
        return DnCNN()
    raise SystemExit(f"training.py: unknown model {name}")


WARM_UP_STEPS, TIMED_STEPS = 3, 3  # as ModelChild.cs: the median of 3 steps after 3 warm-up steps


def case_train(name, batch, size):
    step = engine.train_step(build(name), batch, size)
    with torch.enable_grad():
        for _ in range(WARM_UP_STEPS):
            step()
        times = []
        for _ in range(TIMED_STEPS):
            start = time.perf_counter()
            step()
            times.append((time.perf_counter() - start) * 1000.0)
    return sorted(times)[TIMED_STEPS // 2]


def case_restore(name, height, width, tile, halo):
    net = build(name).eval()
    torch.manual_seed(7)
    x = torch.rand(1, 1, height, width)
    start = time.perf_counter()
    out = torch.empty_like(x)
    for y0 in range(0, height, tile):
        for x0 in range(0, width, tile):
            y1, x1 = min(y0 + tile, height), min(x0 + tile, width)
            ya, xa = max(0, y0 - halo), max(0, x0 - halo)
            yb, xb = min(height, y1 + halo), min(width, x1 + halo)
            part = net(x[:, :, ya:yb, xa:xb])
            out[:, :, y0:y1, x0:x1] = part[:, :, y0 - ya:y1 - ya, x0 - xa:x1 - xa]
    return (time.perf_counter() - start) * 1000.0


def main():
    case, name, threads = sys.argv[1], sys.argv[2], int(sys.argv[3])
    args = [int(v) for v in sys.argv[4:]]
    torch.set_num_threads(threads)
    with torch.no_grad():
        ms = {"train": case_train, "restore": case_restore}[case](name, *args)
    print(json.dumps({"ms": ms, "peak_rss_mb": engine.peak_rss_mb(), "model": name,
                      "tcmalloc": "libtcmalloc" in os.environ.get("LD_PRELOAD", ""), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
