# Crops of clean, F01, F08, F64 from a renin dataset, aligned by the manifest offsets.
import json, sys, numpy as np, tifffile
from PIL import Image
root, out = sys.argv[1], sys.argv[2]
m = json.load(open(f"{root}/manifest.json"))
x0, y0, size = 96, 96, 256
for scene in m["scenes"]:
    if scene["name"] not in ("scene-000", "scene-007"):
        continue
    panels = []
    for key in ("clean", "F01", "F08", "F64"):
        a = tifffile.imread(f"{root}/{scene['files'][key]}").astype(np.float64)
        if a.dtype != np.float32 and a.max() > 1.5:
            a = a / 255.0
        dx, dy = (round(v) for v in scene["offsets"].get(key, [0, 0]))
        crop = np.clip(a[y0 + dy:y0 + dy + size, x0 + dx:x0 + dx + size], 0, 1)
        img = Image.fromarray((crop * 255 + 0.5).astype(np.uint8), "L")
        img.save(f"{out}/{scene['kind']}-{key}.png", optimize=True)
        panels.append(img)
    strip = Image.new("L", (4 * size + 3 * 4, size), 255)
    for i, p in enumerate(panels):
        strip.paste(p, (i * (size + 4), 0))
    strip.save(f"{out}/{scene['kind']}-strip.png", optimize=True)
