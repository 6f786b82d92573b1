#!/usr/bin/python3
"""Golden fixtures for SemRestore.Classical (run with Debian's /usr/bin/python3: python3-opencv 4.6,
python3-skimage 0.19, python3-numpy). Writes small .npy files and golden.json beside this script.

Float images are float32 in [0, 1]; 8-bit ones uint8. Sigma/h values in 8-bit units are divided by 255 where the
reference works on floats. Every random draw has a fixed seed.
  median   cv2.medianBlur on uint8 (sizes 3 and 5, replicate border); numpy sort-based 11x11 with reflect border.
  gaussian cv2.GaussianBlur on float32 with an explicit ksize (BORDER_REFLECT_101).
  bilateral cv2.bilateralFilter on float32 (sigmaColor = 25/255).
  nlm      cv2.fastNlMeansDenoising on uint8 noisy crops; its PSNR against the clean crop is stored.
  bm3d     the whole skimage camera, moon and coins images + Gaussian noise sigma 25 (float, not clipped); only the clean
           uint8 images are stored: the noise comes from counter_random_gaussians below (SemRestore's CounterRandom), which
           the C# test draws again (golden.json holds its first values as a check). PSNR of the best of a few skimage denoise_nl_means and denoise_wavelet
           settings (listed in golden.json) is stored. The bior1.5 matrix BM3D's first stage uses, from pywt, too.
  tv       skimage denoise_tv_chambolle on float32.
"""
import json
import os

import cv2
import numpy as np
from skimage import data
from skimage.restoration import denoise_nl_means, denoise_tv_chambolle, denoise_wavelet

here = os.path.dirname(os.path.abspath(__file__))
meta = {}


def save(name, array):
    np.save(os.path.join(here, name + ".npy"), np.ascontiguousarray(array))


def psnr(a, b):
    mse = np.mean((a.astype(np.float64) - b.astype(np.float64)) ** 2)
    return float(10 * np.log10(1.0 / mse))


rng = np.random.default_rng(20251202)
camera = data.camera()
textured_u8 = np.clip(camera[200:264, 180:245].astype(np.float64) + rng.normal(0, 20, (64, 65)), 0, 255).round().astype(np.uint8)
save("textured_u8", textured_u8)  # 65 wide: odd width exercises SIMD tails
save("median3_cv2", cv2.medianBlur(textured_u8, 3))
save("median5_cv2", cv2.medianBlur(textured_u8, 5))

random_f32 = rng.random((40, 37), dtype=np.float32)
save("random_f32", random_f32)
padded = np.pad(random_f32, 5, mode="reflect")
windows = np.lib.stride_tricks.sliding_window_view(padded, (11, 11)).reshape(40, 37, 121)
save("median11_reflect", np.sort(windows, axis=2)[:, :, 60])

textured_f32 = (textured_u8.astype(np.float32) / np.float32(255))
save("textured_f32", textured_f32)
save("gaussian_s1.5_k13", cv2.GaussianBlur(textured_f32, (13, 13), 1.5))
save("gaussian_s0.8_k5", cv2.GaussianBlur(textured_f32, (5, 5), 0.8))
save("bilateral_d9_c25_s3", cv2.bilateralFilter(textured_f32, 9, 25 / 255, 3))
save("bilateral_d0_c40_s2", cv2.bilateralFilter(textured_f32, 0, 40 / 255, 2))

# NLM: uint8 noisy crops, cv2 output PSNR.
nlm_cases = []
clean = camera[256:384, 128:256]
save("nlm_clean_u8", clean)
for noise, h, template, search in [(10, 10, 7, 21), (5, 3, 7, 21), (15, 12, 5, 15)]:
    noisy = np.clip(clean.astype(np.float64) + rng.normal(0, noise, clean.shape), 0, 255).round().astype(np.uint8)
    name = f"nlm_noisy{noise}_u8"
    save(name, noisy)
    out = cv2.fastNlMeansDenoising(noisy, None, h, template, search)
    nlm_cases.append({"noisy": name, "h": h, "template": template, "search": search,
                      "psnr_noisy": psnr(noisy / 255.0, clean / 255.0), "psnr_cv2": psnr(out / 255.0, clean / 255.0)})
meta["nlm"] = nlm_cases

# BM3D comparison set: whole images, noise from the counter-based generator the C# test reproduces exactly.
def counter_random_gaussians(key, count):
    """SemRestore.Synthesis.Randomness.CounterRandom(key).NextGaussian() repeated: draw i is splitmix64's finaliser of
    key + i * golden gamma (i = 1, 2, ...); each pair of draws gives u1 = ((z1 >> 11) + 0.5) / 2^53, u2 = (z2 >> 11) / 2^53
    and the deviates r cos t, then r sin t, with r = sqrt(-2 ln u1), t = 2 pi u2."""
    pairs = (count + 1) // 2
    with np.errstate(over="ignore"):
        z = np.uint64(key) + np.arange(1, 2 * pairs + 1, dtype=np.uint64) * np.uint64(0x9E3779B97F4A7C15)
        z = (z ^ (z >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
        z = (z ^ (z >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
        z = z ^ (z >> np.uint64(31))
    bits = (z >> np.uint64(11)).astype(np.float64)
    radius = np.sqrt(-2 * np.log((bits[0::2] + 0.5) / float(2 ** 53)))
    angle = 2 * np.pi * bits[1::2] / float(2 ** 53)
    return np.stack([radius * np.cos(angle), radius * np.sin(angle)], axis=1).ravel()[:count]


sigma = 25 / 255
for _ in range(3):
    rng.normal(0, sigma, (128, 128))  # the draws of the former 128x128 crops, kept so the fixtures below stay as committed
bm3d_cases = []
for seed, name in enumerate(["camera", "moon", "coins"], start=1):
    image = getattr(data, name)()
    clean = image.astype(np.float32) / np.float32(255)
    noise = (sigma * counter_random_gaussians(seed, clean.size)).astype(np.float32).reshape(clean.shape)
    noisy = clean + noise
    save(f"bm3d_{name}_clean_u8", image)
    results = {}
    for h_factor, patch, distance, fast in [(0.8, 5, 6, True), (0.6, 5, 6, False), (1.0, 7, 11, True)]:
        out = denoise_nl_means(noisy, h=h_factor * sigma, sigma=sigma, patch_size=patch, patch_distance=distance, fast_mode=fast)
        results[f"nl_means(h={h_factor}*sigma,sigma,patch={patch},distance={distance},fast={fast})"] = psnr(out, clean)
    for method in ["BayesShrink", "VisuShrink"]:
        out = denoise_wavelet(noisy, sigma=sigma, method=method, mode="soft", rescale_sigma=True)
        results[f"wavelet({method},soft,sigma,rescale)"] = psnr(out, clean)
    bm3d_cases.append({"name": name, "seed": seed, "psnr_noisy": psnr(noisy, clean), "skimage": results,
                       "best_skimage_psnr": max(results.values()),
                       "noise_head": [float(v) for v in noise.ravel()[:8]],
                       "noise_mean_square": float(np.mean(noise.astype(np.float64) ** 2))})

# bior1.5, 3 levels, periodisation, on 8 samples: column x = coefficients of the unit vector e_x, rows scaled to unit norm.
import warnings  # noqa: E402
import pywt  # noqa: E402

bior = np.zeros((8, 8))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")  # "level 3 is too high": intended, every coefficient wraps around
    for x in range(8):
        unit = np.zeros(8)
        unit[x] = 1
        bior[:, x] = np.concatenate(pywt.wavedec(unit, "bior1.5", mode="periodization", level=3))
bior /= np.linalg.norm(bior, axis=1, keepdims=True)
meta["bm3d"] = {"sigma_8bit": 25, "cases": bm3d_cases, "bior15_rows": bior.tolist()}

tv_cases = []
tv_input = np.clip(textured_f32 + rng.normal(0, 0.05, textured_f32.shape).astype(np.float32), 0, 1).astype(np.float32)
save("tv_input_f32", tv_input)
for weight, iterations in [(0.1, 200), (0.3, 50)]:
    name = f"tv_w{weight}_n{iterations}"
    save(name, denoise_tv_chambolle(tv_input, weight=weight, max_num_iter=iterations).astype(np.float32))
    tv_cases.append({"output": name, "weight": weight, "iterations": iterations})
meta["tv"] = tv_cases

with open(os.path.join(here, "golden.json"), "w") as f:
    json.dump(meta, f, indent=2)
print(json.dumps(meta, indent=2))
