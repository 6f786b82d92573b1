#!/usr/bin/python3
"""Golden fixtures for SemRestore.Metrics (run with Debian's /usr/bin/python3: numpy, scipy, skimage 0.19, cv2 4.6).

Writes small raw little-endian files (float32 .f32, uint8 .u8, row-major) and golden.json with the expected
values. Tests read these files and never run Python. Regenerate only when a reference library changes.

References:
  PSNR        skimage.metrics.peak_signal_noise_ratio(data_range=...)
  SSIM        skimage.metrics.structural_similarity, defaults (7x7 uniform, sample covariance) and
              gaussian_weights=True, sigma=1.5, use_sample_covariance=False (Wang et al. 2004 window)
  MS-SSIM     pytorch-msssim's algorithm (VainF/pytorch-msssim ssim.py) re-written in numpy below:
              11x11 Gaussian sigma 1.5 'valid' filtering, population covariance, relu'd cs per scale,
              2x2 average pooling with padding = size % 2 (zeros counted), weights [0.0448 .. 0.1333]
  Circles     cv2.HoughCircles(HOUGH_GRADIENT) on a committed noisy rendered holes scene
"""
import json
import os

import cv2
import numpy as np
from scipy import ndimage
from skimage.metrics import peak_signal_noise_ratio, structural_similarity

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(20261202)


def save(name, array):
    path = os.path.join(HERE, name)
    if array.dtype == np.uint8:
        array.tofile(path)
    else:
        array.astype('<f4').tofile(path)
    return name


def textured(h, w, seed):
    r = np.random.default_rng(seed)
    yy, xx = np.mgrid[0:h, 0:w].astype(np.float64)
    v = np.zeros((h, w))
    for _ in range(6):
        fx, fy, ph = (r.random() - 0.5) * 0.5, (r.random() - 0.5) * 0.5, r.random() * 2 * np.pi
        v += np.sin(fx * xx + fy * yy + ph)
    v = 0.5 + 0.4 * v / 6
    v[h // 4:h // 2, w // 3:w // 2] += 0.2  # a sharp-edged block so SSIM sees structure
    return np.clip(v, 0, 1)


def msssim_reference(x, y, data_range):
    weights = np.array([0.0448, 0.2856, 0.3001, 0.2363, 0.1333])
    c1, c2 = (0.01 * data_range) ** 2, (0.03 * data_range) ** 2
    values = []
    for level in range(5):
        mu1 = ndimage.gaussian_filter(x, 1.5, truncate=3.5, mode='reflect')
        mu2 = ndimage.gaussian_filter(y, 1.5, truncate=3.5, mode='reflect')
        s11 = ndimage.gaussian_filter(x * x, 1.5, truncate=3.5, mode='reflect') - mu1 * mu1
        s22 = ndimage.gaussian_filter(y * y, 1.5, truncate=3.5, mode='reflect') - mu2 * mu2
        s12 = ndimage.gaussian_filter(x * y, 1.5, truncate=3.5, mode='reflect') - mu1 * mu2
        cs_map = (2 * s12 + c2) / (s11 + s22 + c2)
        ssim_map = (2 * mu1 * mu2 + c1) / (mu1 ** 2 + mu2 ** 2 + c1) * cs_map
        crop = (slice(5, -5), slice(5, -5))  # 'valid' filtering = reflect-filtered map without its 5-px border
        if level < 4:
            values.append(max(cs_map[crop].mean(), 0.0))
            x, y = pool(x), pool(y)
        else:
            values.append(max(ssim_map[crop].mean(), 0.0))
    return float(np.prod(np.array(values) ** weights))


def pool(a):
    ph, pw = a.shape[0] % 2, a.shape[1] % 2
    p = np.pad(a, ((ph, ph), (pw, pw)))
    h, w = (p.shape[0] // 2) * 2, (p.shape[1] // 2) * 2
    p = p[:h, :w]
    return (p[0::2, 0::2] + p[1::2, 0::2] + p[0::2, 1::2] + p[1::2, 1::2]) / 4


def holes_scene(irregular, seed, w=384, h=288, pitch=32):
    """12 x 9 = 108 dark holes with a bright rim on a grey background, anti-aliased by 4x4 supersampling."""
    r = np.random.default_rng(seed)
    circles = []
    ss = 4
    yy, xx = np.mgrid[0:h * ss, 0:w * ss].astype(np.float64)
    xx = (xx + 0.5) / ss
    yy = (yy + 0.5) / ss
    img = np.full((h * ss, w * ss), 0.55)
    for j in range(9):
        for i in range(12):
            cx = pitch * i + pitch / 2 + r.uniform(-3, 3)
            cy = pitch * j + pitch / 2 + r.uniform(-3, 3)
            rad = r.uniform(7, 12)
            x0, x1 = max(0, int((cx - 16) * ss)), int((cx + 16) * ss)
            y0, y1 = max(0, int((cy - 16) * ss)), int((cy + 16) * ss)
            sx, sy = xx[y0:y1, x0:x1] - cx, yy[y0:y1, x0:x1] - cy
            d = np.hypot(sx, sy)
            if irregular:
                th = np.arctan2(sy, sx)
                a1, a2, p1, p2 = r.uniform(0.02, 0.05), r.uniform(0.01, 0.03), r.uniform(0, 6.3), r.uniform(0, 6.3)
                local = rad * (1 + a1 * np.sin(3 * th + p1) + a2 * np.sin(5 * th + p2))
            else:
                local = rad
            region = img[y0:y1, x0:x1]
            region[d < local] = 0.15
            region += np.where(d >= local, 0.3 * np.exp(-0.5 * ((d - local) / 1.5) ** 2), 0.0)
            # continuous coordinates put pixel i on [i, i + 1]; SemRestore and cv2 put pixel centres at integers
            circles.append({"x": cx - 0.5, "y": cy - 0.5, "r": rad})
    img = img.reshape(h, ss, w, ss).mean(axis=(1, 3))
    return np.clip(img, 0, 1), circles


def main():
    golden = {}
    # PSNR / SSIM on a small textured pair (odd-ish size so borders and reflect rules matter)
    a = textured(80, 96, 1)
    b = np.clip(a + rng.normal(0, 0.08, a.shape), 0, 1)
    a32, b32 = a.astype(np.float32), b.astype(np.float32)
    a64, b64 = a32.astype(np.float64), b32.astype(np.float64)
    save('ssim_a_96x80.f32', a32)
    save('ssim_b_96x80.f32', b32)
    golden['psnr_range1'] = float(peak_signal_noise_ratio(a64, b64, data_range=1.0))
    golden['psnr_range2'] = float(peak_signal_noise_ratio(a64, b64, data_range=2.0))
    m, s = structural_similarity(a64, b64, data_range=1.0, full=True)
    golden['ssim_skimage_default'] = float(m)
    save('ssim_map_skimage_default_96x80.f32', s.astype(np.float32))
    m, s = structural_similarity(a64, b64, data_range=1.0, gaussian_weights=True, sigma=1.5,
                                 use_sample_covariance=False, full=True)
    golden['ssim_wang'] = float(m)
    save('ssim_map_wang_96x80.f32', s.astype(np.float32))
    golden['ssim_skimage_default_range255'] = float(structural_similarity(a64 * 255, b64 * 255, data_range=255.0))
    # tiny image: reflect borders wider than one reflection (width 9 with a 7x7 window)
    t1, t2 = a32[:9, :12].astype(np.float64), b32[:9, :12].astype(np.float64)
    golden['ssim_skimage_default_12x9'] = float(structural_similarity(t1, t2, data_range=1.0))
    # MS-SSIM on a 200 x 176 pair (> 160 px in both axes)
    c = textured(176, 200, 2)
    d = np.clip(c + rng.normal(0, 0.05, c.shape), 0, 1)
    c32, d32 = c.astype(np.float32), d.astype(np.float32)
    save('msssim_a_200x176.f32', c32)
    save('msssim_b_200x176.f32', d32)
    golden['msssim'] = msssim_reference(c32.astype(np.float64), d32.astype(np.float64), 1.0)

    # Circle scenes
    clean, circles = holes_scene(False, 5)
    irregular, circles_irregular = holes_scene(True, 6)
    noisy = np.clip(clean + rng.normal(0, 0.04, clean.shape), 0, 1)
    u8 = lambda im: np.clip(np.round(im * 255), 0, 255).astype(np.uint8)
    save('holes_clean_384x288.u8', u8(clean))
    save('holes_irregular_384x288.u8', u8(irregular))
    save('holes_noisy_384x288.u8', u8(noisy))
    hough = dict(dp=1, minDist=14, param1=100, param2=20, minRadius=5, maxRadius=15)
    found = cv2.HoughCircles(u8(noisy), cv2.HOUGH_GRADIENT, **hough)
    found = [] if found is None else found[0].tolist()
    golden['circles'] = {
        'width': 384, 'height': 288,
        'ground_truth': circles,
        'ground_truth_irregular': circles_irregular,
        'hough_parameters': hough,
        'cv2_noisy': [{"x": x, "y": y, "r": r} for x, y, r in found],
    }
    with open(os.path.join(HERE, 'golden.json'), 'w') as f:
        json.dump(golden, f, indent=1)
    print({k: v for k, v in golden.items() if k != 'circles'}, 'cv2 circles:', len(found))


if __name__ == '__main__':
    main()
