#!/usr/bin/python3
"""Peer for the `classical` suite: OpenCV (python3-opencv) on the same image SemRestore filters.

usage: classical.py CASE RAW_FLOAT32 WIDTH HEIGHT [WARM_UP_SECONDS]
RAW_FLOAT32 is the benchmark image as little-endian float32 in [0, 1], row-major. Cases on 8-bit data convert
it first (outside the timing). Warms up once, or repeatedly until WARM_UP_SECONDS have passed (at most 10 calls, as
the C# side does), times one run, prints {"ms": ..., "peak_rss_mb": ...}.
"""
import json
import resource
import sys
import time

import cv2
import numpy as np

case, path, width, height = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
warm_up_seconds = float(sys.argv[5]) if len(sys.argv) > 5 else 0.0
image = np.fromfile(path, dtype="<f4").reshape(height, width)
image8 = np.clip(np.round(image * 255), 0, 255).astype(np.uint8)

cases = {
    "median3": lambda: cv2.medianBlur(image, 3),
    "median5": lambda: cv2.medianBlur(image, 5),
    "median3_u8": lambda: cv2.medianBlur(image8, 3),
    "median11x3_u8": lambda: cv2.medianBlur(cv2.medianBlur(cv2.medianBlur(image8, 11), 11), 11),
    "gaussian2": lambda: cv2.GaussianBlur(image, (17, 17), 2.0),
    "bilateral9": lambda: cv2.bilateralFilter(image, 9, 25 / 255, 3),
    "nlm_u8": lambda: cv2.fastNlMeansDenoising(image8, None, 10, 7, 21),
}
run = cases[case]
warm_up = time.perf_counter()
run()
for _ in range(9):
    if time.perf_counter() - warm_up >= warm_up_seconds:
        break
    run()
start = time.perf_counter()
run()
ms = (time.perf_counter() - start) * 1000
print(json.dumps({"ms": ms, "peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
