#!/usr/bin/python3
"""Peer timings for the metrics suite (scikit-image 0.19, OpenCV 4.6, numpy from Debian).

usage: metrics.py CASE A.f32 B.f32 WIDTH HEIGHT
Cases: psnr, ssim-skimage (defaults, data_range=1), ssim-wang (gaussian_weights, sigma 1.5, population covariance),
hough (cv2.HoughCircles on A as 8-bit, the parameters of the C# suite). The inputs are raw little-endian float32.
Warms up once, times once, prints {"ms": ..., "peak_rss_mb": ..., "value": ...}.
"""
import json
import resource
import sys
import time

import numpy as np


def main():
    case, path_a, path_b, width, height = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), int(sys.argv[5])
    a = np.fromfile(path_a, dtype='<f4').reshape(height, width).astype(np.float64)
    b = np.fromfile(path_b, dtype='<f4').reshape(height, width).astype(np.float64)
    if case == 'psnr':
        from skimage.metrics import peak_signal_noise_ratio
        run = lambda: peak_signal_noise_ratio(b, a, data_range=1.0)
    elif case == 'ssim-skimage':
        from skimage.metrics import structural_similarity
        run = lambda: structural_similarity(a, b, data_range=1.0)
    elif case == 'ssim-wang':
        from skimage.metrics import structural_similarity
        run = lambda: structural_similarity(a, b, data_range=1.0, gaussian_weights=True, sigma=1.5, use_sample_covariance=False)
    elif case == 'hough':
        import cv2
        cv2.setNumThreads(2)
        a8 = np.clip(np.round(a * 255), 0, 255).astype(np.uint8)
        run = lambda: cv2.HoughCircles(a8, cv2.HOUGH_GRADIENT, dp=1, minDist=14, param1=100, param2=20, minRadius=5, maxRadius=15)
    else:
        raise SystemExit(f'unknown case {case}')
    run()
    start = time.perf_counter()
    value = run()
    ms = (time.perf_counter() - start) * 1000
    if case == 'hough':
        value = 0 if value is None else len(value[0])
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"ms": ms, "peak_rss_mb": rss, "value": float(value)}))


if __name__ == '__main__':
    main()
