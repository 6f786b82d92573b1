#!/usr/bin/env bash
# Regenerates the IO fixtures in this folder with independent tools: libtiff-tools (tiffcp) and Debian's
# /usr/bin/python3 with numpy, tifffile and PIL. Run from anywhere:  tests/Golden/io/make_fixtures.sh
# Step 2 (verify) reads the files SemRestore wrote (written/*, made by the test
# TiffWriterGoldenTests with SEMRESTORE_WRITE_GOLDEN=1) with tifffile, PIL and tiffinfo and records the result.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
command -v tiffcp >/dev/null || { echo "tiffcp missing: apt-get install libtiff-tools" >&2; exit 1; }
cd "$here"
/usr/bin/python3 make_fixtures.py "${1:-all}"
