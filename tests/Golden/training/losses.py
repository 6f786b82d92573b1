#!/usr/bin/python3
"""Reference loss values for tests/SemRestore.Training.Tests/Losses/LossTests.cs (run with Debian's /usr/bin/python3).

Same patterns as the test: x = 0.5 + 0.3 sin(0.37 i + 0.11 j) + noise * cos(1.3 i - 0.7 j), prediction noise 0.1,
target noise 0. SSIM as pytorch-msssim: separable Gaussian 11 / 1.5, 'valid' filtering, population statistics,
C1 = 0.01^2, C2 = 0.03^2. MS-SSIM: 96 px -> 4 scales (weights renormalised), 2x2 average pooling, relu/clamp 1e-6.
Sobel edge: replicate padding, mean(|Gx d| + |Gy d|) with d = p - t.
"""
import numpy as np
from scipy.signal import correlate2d


def pattern(size, noise):
    i, j = np.meshgrid(np.arange(size), np.arange(size), indexing="ij")
    return (0.5 + 0.3 * np.sin(0.37 * i + 0.11 * j) + noise * np.cos(1.3 * i - 0.7 * j)).astype(np.float32).astype(np.float64)


def gaussian(size=11, sigma=1.5):
    c = (size - 1) / 2
    g = np.exp(-0.5 * (np.arange(size) - c) ** 2 / sigma ** 2)
    return g / g.sum()


def filt(x, g):
    return correlate2d(correlate2d(x, g[None, :], mode="valid"), g[:, None], mode="valid")


def ssim_maps(x, y, g):
    c1, c2 = 0.01 ** 2, 0.03 ** 2
    mx, my = filt(x, g), filt(y, g)
    sxx = filt(x * x, g) - mx * mx
    syy = filt(y * y, g) - my * my
    sxy = filt(x * y, g) - mx * my
    cs = (2 * sxy + c2) / (sxx + syy + c2)
    lum = (2 * mx * my + c1) / (mx * mx + my * my + c1)
    return lum * cs, cs


def msssim(x, y, scales):
    w = np.array([0.0448, 0.2856, 0.3001, 0.2363, 0.1333])[:scales]
    w = w / w.sum()
    g = gaussian()
    prod = 1.0
    for j in range(scales):
        s, cs = ssim_maps(x, y, g)
        v = max((s if j == scales - 1 else cs).mean(), 1e-6)
        prod *= v ** w[j]
        if j < scales - 1:
            h, wd = x.shape[0] // 2 * 2, x.shape[1] // 2 * 2
            x = x[:h, :wd].reshape(h // 2, 2, wd // 2, 2).mean(axis=(1, 3))
            y = y[:h, :wd].reshape(h // 2, 2, wd // 2, 2).mean(axis=(1, 3))
    return 1 - prod


def edge(p, t):
    d = np.pad(p - t, 1, mode="edge")
    gx = np.array([[-1, 0, 1], [-2, 0, 2], [-1, 0, 1]], dtype=np.float64)
    return (np.abs(correlate2d(d, gx, mode="valid")) + np.abs(correlate2d(d, gx.T, mode="valid"))).mean()


p, t = pattern(48, 0.1), pattern(48, 0)
d = p - t
lines = {
    "mse": (d * d).mean(),
    "l1": np.abs(d).mean(),
    "charbonnier": np.sqrt(d * d + 1e-6).mean(),
    "ssim": 1 - ssim_maps(p, t, gaussian())[0].mean(),
    "edge": edge(p, t),
    "msssim": msssim(pattern(96, 0.1), pattern(96, 0), 4),
}
with open(__file__.replace("losses.py", "losses.txt"), "w") as f:
    for k, v in lines.items():
        f.write(f"{k} {v:.10g}\n")
