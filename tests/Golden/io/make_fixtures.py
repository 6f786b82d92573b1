"""Makes the TIFF/PNG/PGM/PFM fixtures for SemRestore's IO tests with independent tools.

Originals are stored as raw little-endian arrays (*.raw, row-major, sizes in fixtures.json) so the tests compare
every decoded variant with the exact source pixels rather than with another decode of ours.

  make_fixtures.py all      make every fixture (tiffcp, tifffile, PIL, a small hand-written PNG encoder)
  make_fixtures.py verify   read SemRestore's written files (written/) with tifffile, PIL and tiffinfo and
                            write written/verify.json, which the tests read
"""
import hashlib
import json
import os
import struct
import subprocess
import sys
import zlib

import numpy as np
import tifffile
from PIL import Image

W, H = 67, 45
rng = np.random.default_rng(20261202)


def texture(dtype, maxcode):
    y, x = np.mgrid[0:H, 0:W]
    smooth = 0.5 + 0.3 * np.sin(x / 5.0) * np.cos(y / 7.0) + 0.15 * (x / W)
    noisy = np.clip(smooth + rng.normal(0, 0.05, (H, W)), 0, 1)
    img = np.round(noisy * maxcode).astype(dtype)
    img[0, 0] = 0
    img[0, 1] = maxcode
    return img


def raw(name, array):
    array.astype(array.dtype.newbyteorder('<')).tofile(name)


def palette_colours():
    """256 RGB entries (flat list) that differ in luma, for the palette fixtures."""
    colours = []
    for i in range(256):
        colours += [(i * 37) % 256, (i * 91) % 256, (255 - i * 13) % 256]
    return colours


def tiffcp(args, src, dst):
    subprocess.run(['tiffcp'] + args + [src, dst], check=True)


def make_all():
    manifest = {'width': W, 'height': H}
    u8 = texture(np.uint8, 255)
    u16 = texture(np.uint16, 65535)
    f32 = (texture(np.uint16, 65535).astype(np.float32) / 40000.0 - 0.3).astype(np.float32)
    raw('base_u8.raw', u8)
    raw('base_u16.raw', u16)
    raw('base_f32.raw', f32)

    # Uncompressed originals written by tifffile (strips of 8 rows, so there is more than one strip).
    tifffile.imwrite('u8_none.tif', u8, rowsperstrip=8, photometric='minisblack')
    tifffile.imwrite('u16_none.tif', u16, rowsperstrip=8, photometric='minisblack')
    tifffile.imwrite('f32_none.tif', f32, rowsperstrip=8, photometric='minisblack')

    variants = {
        'lzw': ['-c', 'lzw'],
        'lzw_pred2': ['-c', 'lzw:2'],
        'zip': ['-c', 'zip'],
        'zip_pred2': ['-c', 'zip:2'],
        'packbits': ['-c', 'packbits'],
        'tiles': ['-t', '-w', '16', '-l', '16'],
        'tiles_lzw_pred2': ['-t', '-w', '32', '-l', '16', '-c', 'lzw:2'],
        'be': ['-B'],
        'be_lzw_pred2': ['-B', '-c', 'lzw:2'],
        'be_tiles_zip': ['-B', '-t', '-w', '16', '-l', '16', '-c', 'zip'],
        'rows7': ['-r', '7', '-c', 'zip'],
        'bigtiff_lzw': ['-8', '-c', 'lzw'],
    }
    for depth in ('u8', 'u16'):
        for name, args in variants.items():
            tiffcp(args, f'{depth}_none.tif', f'{depth}_{name}.tif')
    float_variants = {
        'lzw': ['-c', 'lzw'],
        'zip_pred3': ['-c', 'zip:3'],
        'lzw_pred3': ['-c', 'lzw:3'],
        'be': ['-B'],
        'be_zip_pred3': ['-B', '-c', 'zip:3'],
        'tiles_zip': ['-t', '-w', '16', '-l', '16', '-c', 'zip'],
    }
    for name, args in float_variants.items():
        tiffcp(args, 'f32_none.tif', f'f32_{name}.tif')

    # tifffile: BigTIFF, Deflate with the other tag value (32946), big-endian float, multi-page, min-is-white.
    tifffile.imwrite('u16_bigtiff.tif', u16, bigtiff=True, photometric='minisblack')
    tifffile.imwrite('u16_bigtiff_be.tif', u16, bigtiff=True, byteorder='>', photometric='minisblack', rowsperstrip=5)
    tifffile.imwrite('u16_deflate32946.tif', u16, compression=32946, photometric='minisblack', rowsperstrip=16)
    tifffile.imwrite('f32_be_tifffile.tif', f32, byteorder='>', photometric='minisblack')
    tifffile.imwrite('u8_miniswhite.tif', 255 - u8, photometric='miniswhite')
    pages = np.stack([u16, 65535 - u16, np.roll(u16, 5, axis=1)])
    raw('stack3_u16.raw', pages)
    with tifffile.TiffWriter('stack3_u16.tif') as tif:
        for page in pages:
            tif.write(page, photometric='minisblack', contiguous=False)
    tiffcp(['-c', 'lzw:2'], 'stack3_u16.tif', 'stack3_u16_lzw.tif')

    # Text metadata: ImageDescription and the FEI tag 34682 as a real microscope writes them.
    fei = '[User]\r\nDate=08/09/2021\r\nUser=support\r\n\r\n[Scan]\r\nPixelWidth=5.82813e-009\r\n'
    tifffile.imwrite('u8_metadata.tif', u8, photometric='minisblack', description='SEM image, 10 kV',
                     extratags=[(34682, 's', 0, fei, True), (34118, 's', 0, 'AP_PIXEL_SIZE\r\nPixel Size = 5.8 nm', True)])
    manifest['fei_34682'] = fei
    manifest['zeiss_34118'] = 'AP_PIXEL_SIZE\r\nPixel Size = 5.8 nm'
    manifest['description'] = 'SEM image, 10 kV'

    # Colour: RGB / RGBA / palette by PIL, planar RGB and JPEG by tiffcp.
    rgb = np.stack([u8, np.flipud(u8), 255 - u8], axis=2).astype(np.uint8)
    raw('rgb8.raw', rgb)
    Image.fromarray(rgb, 'RGB').save('rgb8.tif')
    tiffcp(['-c', 'lzw:2'], 'rgb8.tif', 'rgb8_lzw_pred2.tif')
    tiffcp(['-p', 'separate'], 'rgb8.tif', 'rgb8_planar.tif')
    rgba = np.dstack([rgb, u8]).astype(np.uint8)
    Image.fromarray(rgba, 'RGBA').save('rgba8.tif')
    rgb16 = np.stack([u16, np.flipud(u16), 65535 - u16], axis=2).astype(np.uint16)
    raw('rgb16.raw', rgb16)
    tifffile.imwrite('rgb16.tif', rgb16, photometric='rgb')
    index = (u8 // 16).astype(np.uint8)
    palette = Image.fromarray(index, 'P')
    palette.putpalette(palette_colours())
    palette.save('palette8.tif')
    raw('palette8_index.raw', index)
    colormap = tifffile.TiffFile('palette8.tif').pages[0].colormap.astype(np.uint16)
    raw('palette8_colormap.raw', colormap)
    tiffcp(['-c', 'jpeg', '-r', '16'], 'rgb8.tif', 'rgb8_jpeg.tif')

    make_png(u8, u16, rgb)
    make_netpbm(u8, u16, f32)
    with open('fixtures.json', 'w') as f:
        json.dump(manifest, f, indent=1, sort_keys=True)


def png_chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xFFFFFFFF)


def paeth(a, b, c):
    p = a + b - c
    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
    if pa <= pb and pa <= pc:
        return a
    return b if pb <= pc else c


def filter_rows(rows, bpp):
    """Filters scanlines with filter type (row index mod 5), so every PNG filter is exercised."""
    out = bytearray()
    prev = bytes(len(rows[0])) if rows else b''
    for n, row in enumerate(rows):
        kind = n % 5
        line = bytearray(len(row))
        for i in range(len(row)):
            a = row[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            pred = [0, a, b, (a + b) // 2, paeth(a, b, c)][kind]
            line[i] = (row[i] - pred) & 0xFF
        out.append(kind)
        out += line
        prev = row
    return bytes(out)


def pack_rows(samples, bits, channels):
    """Packs a (h, w*channels) array of samples at the bit depth into PNG scanlines (big-endian 16-bit)."""
    rows = []
    for r in samples:
        if bits == 16:
            rows.append(r.astype('>u2').tobytes())
        elif bits == 8:
            rows.append(r.astype(np.uint8).tobytes())
        else:
            per = 8 // bits
            padded = np.zeros(((len(r) + per - 1) // per) * per, np.uint8)
            padded[:len(r)] = r
            packed = bytearray()
            for i in range(0, len(padded), per):
                v = 0
                for j in range(per):
                    v = (v << bits) | int(padded[i + j])
                packed.append(v)
            rows.append(bytes(packed))
    return rows


ADAM7 = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]


def write_png(name, image, bits, color_type, interlace=False, idat_pieces=3, palette=None):
    """A hand-written PNG encoder (independent of PIL): any bit depth, all five filters, Adam7, split IDAT."""
    h, w = image.shape[:2]
    channels = 1 if image.ndim == 2 else image.shape[2]
    bpp = max(1, bits * channels // 8)
    data = b''
    passes = ADAM7 if interlace else [(0, 0, 1, 1)]
    for (x0, y0, dx, dy) in passes:
        sub = image[y0::dy, x0::dx]
        if sub.shape[0] == 0 or sub.shape[1] == 0:
            continue
        rows = pack_rows(sub.reshape(sub.shape[0], -1), bits, channels)
        data += filter_rows(rows, bpp)
    compressed = zlib.compress(data, 9)
    step = (len(compressed) + idat_pieces - 1) // idat_pieces
    out = b'\x89PNG\r\n\x1a\n' + png_chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, bits, color_type, 0, 0, 1 if interlace else 0))
    if palette is not None:
        out += png_chunk(b'PLTE', bytes(palette))
    out += png_chunk(b'tEXt', b'Comment\x00made by make_fixtures.py')
    for i in range(0, len(compressed), step):
        out += png_chunk(b'IDAT', compressed[i:i + step])
    out += png_chunk(b'IEND', b'')
    with open(name, 'wb') as f:
        f.write(out)


def make_png(u8, u16, rgb):
    # PIL-written variants.
    Image.fromarray(u8, 'L').save('gray8_pil.png')
    Image.fromarray(u16.astype(np.uint16), 'I;16').save('gray16_pil.png')
    Image.fromarray(np.dstack([u8, 255 - u8]).astype(np.uint8), 'LA').save('gray8_alpha_pil.png')
    Image.fromarray(rgb, 'RGB').save('rgb8_pil.png')
    Image.fromarray(np.dstack([rgb, u8]).astype(np.uint8), 'RGBA').save('rgba8_pil.png')
    index = (u8 // 16).astype(np.uint8)
    p = Image.fromarray(index, 'P')
    colours = palette_colours()
    p.putpalette(colours)
    p.save('palette8_pil.png')
    raw('png_palette_rgb.raw', np.array(colours[:48], np.uint8))
    # Hand-written variants: low bit depths, Adam7, all filters, IDAT in pieces, 16-bit colour.
    for bits in (1, 2, 4):
        g = (u8 >> (8 - bits)).astype(np.uint8)
        raw(f'gray{bits}.raw', g)
        write_png(f'gray{bits}.png', g, bits, 0)
        write_png(f'gray{bits}_adam7.png', g, bits, 0, interlace=True)
    write_png('gray8_filters.png', u8, 8, 0)
    write_png('gray8_adam7.png', u8, 8, 0, interlace=True)
    write_png('gray16_adam7.png', u16, 16, 0, interlace=True)
    write_png('rgb8_adam7.png', rgb, 8, 2, interlace=True)
    rgb16 = np.stack([u16, np.flipud(u16), 65535 - u16], axis=2).astype(np.uint16)
    write_png('rgba16.png', np.dstack([rgb16, u16]), 16, 6)
    write_png('gray16_alpha.png', np.dstack([u16, u16]), 16, 4)
    write_png('palette4_adam7.png', (u8 >> 4).astype(np.uint8), 4, 3, interlace=True, palette=colours[:48])


def make_netpbm(u8, u16, f32):
    with open('gray8_p5.pgm', 'wb') as f:
        f.write(b'P5\n# made by make_fixtures.py\n%d %d\n255\n' % (W, H) + u8.tobytes())
    with open('gray16_p5.pgm', 'wb') as f:
        f.write(b'P5\n%d %d\n65535\n' % (W, H) + u16.astype('>u2').tobytes())
    small = (u16 // 64).astype(np.uint16)  # maxval 1023: values scale by 1/1023
    raw('gray10.raw', small)
    with open('gray10_p5.pgm', 'wb') as f:
        f.write(b'P5\n%d %d\n1023\n' % (W, H) + small.astype('>u2').tobytes())
    with open('gray8_p2.pgm', 'w') as f:
        f.write('P2\n# plain\n%d %d\n255\n' % (W, H))
        for row in u8:
            f.write(' '.join(str(int(v)) for v in row) + '\n')
    # PFM: bottom-to-top rows; negative scale = little endian, positive = big endian.
    with open('gray_le.pfm', 'wb') as f:
        f.write(b'Pf\n%d %d\n-1.0\n' % (W, H) + np.flipud(f32).astype('<f4').tobytes())
    with open('gray_be.pfm', 'wb') as f:
        f.write(b'Pf\n%d %d\n1.0\n' % (W, H) + np.flipud(f32).astype('>f4').tobytes())


def verify():
    """Reads SemRestore's written files with independent tools and records what they saw."""
    results = {}
    base = {'u8': np.fromfile('base_u8.raw', '<u1'), 'u16': np.fromfile('base_u16.raw', '<u2'),
            'f32': np.fromfile('base_f32.raw', '<f4')}
    for name in sorted(os.listdir('written')):
        path = os.path.join('written', name)
        if name.endswith('.json'):
            continue
        depth = name.split('_')[1].split('.')[0]
        expected = base[depth].reshape(H, W)
        entry = {'sha256': hashlib.sha256(open(path, 'rb').read()).hexdigest()}
        if name.endswith('.tif'):
            # libtiff decodes our compression (tiffcp -c none), tifffile then reads plain strips.
            plain = '/tmp/semrestore_verify_plain.tif'
            subprocess.run(['tiffcp', '-c', 'none', path, plain], check=True)
            with tifffile.TiffFile(plain) as tif:
                pages = [p.asarray() for p in tif.pages]
            entry['libtiff_pages'] = len(pages)
            entry['libtiff_exact'] = all(bool(np.array_equal(p, expected if i % 2 == 0 else expected[::-1])) for i, p in enumerate(pages))
            with tifffile.TiffFile(path) as tif:
                desc = tif.pages[0].tags.get(270)
                entry['description'] = desc.value if desc is not None else None
            # PIL returns the vendor tag as the stored text (tifffile would parse the FEI INI format).
            with Image.open(path) as im:
                entry['tag34682'] = im.tag_v2.get(34682)
            info = subprocess.run(['tiffinfo', path], capture_output=True, text=True)
            entry['tiffinfo_ok'] = info.returncode == 0 and 'Image Width: %d Image Length: %d' % (W, H) in info.stdout
        if depth != 'f32':
            with Image.open(path) as im:
                entry['pil_exact'] = bool(np.array_equal(np.array(im).astype(expected.dtype), expected))
        results[name] = entry
    with open(os.path.join('written', 'verify.json'), 'w') as f:
        json.dump(results, f, indent=1, sort_keys=True)
    print(json.dumps(results, indent=1))


if __name__ == '__main__':
    mode = sys.argv[1] if len(sys.argv) > 1 else 'all'
    if mode in ('all', 'fixtures'):
        make_all()
    if mode in ('all', 'verify') and os.path.isdir('written'):
        verify()
