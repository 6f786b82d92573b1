"""Peer for the `imaging` suite: python3-pil reads or writes the same 3072x2048 16-bit files as SemRestore.

usage: imaging.py CASE FILE [OUT]
  read-tiff | read-png          Image.open(FILE) + load() (the decode; no conversion to float)
  write-tiff-none | write-tiff-lzw | write-png
                                FILE is loaded untimed, then saved to OUT (PNG at PIL's default level 6)
Warms up with one untimed run, times one run, prints {"ms": ..., "peak_rss_mb": ...}.
"""
import json
import resource
import sys
import time

from PIL import Image


def main():
    case, path = sys.argv[1], sys.argv[2]
    out = sys.argv[3] if len(sys.argv) > 3 else None
    if case.startswith('read'):
        def op():
            with Image.open(path) as im:
                im.load()
    else:
        source = Image.open(path)
        source.load()
        options = {'write-tiff-none': {'compression': 'raw'}, 'write-tiff-lzw': {'compression': 'tiff_lzw'}, 'write-png': {}}[case]

        def op():
            source.save(out, **options)
    op()
    start = time.perf_counter()
    op()
    ms = (time.perf_counter() - start) * 1000.0
    print(json.dumps({'ms': ms, 'peak_rss_mb': peak_rss_mb()}))


def peak_rss_mb():
    # VmHWM belongs to this process image; ru_maxrss would carry over the parent's peak across fork + exec.
    try:
        with open('/proc/self/status') as status:
            for line in status:
                if line.startswith('VmHWM:'):
                    return int(line.split()[1]) / 1024.0
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


if __name__ == '__main__':
    main()
