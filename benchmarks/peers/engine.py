#!/usr/bin/python3
"""Peer for the `engine` suite: PyTorch (Debian python3-torch, CPU) in its best configuration.

Usage: engine.py CASE THREADS [ARGS...]; prints one JSON line {"ms", "peak_rss_mb", ...}.
Best configuration: tcmalloc preloaded when libtcmalloc.so.4 exists (the script re-executes itself with
LD_PRELOAD), torch.set_num_threads(THREADS), SGEMM through oneDNN (Debian's torch links the generic
reference BLAS for torch.matmul, which is ~40x slower; case sgemm-blas times that path).
"""
import json
import os
import resource
import sys
import time

TCMALLOC = "/usr/lib/x86_64-linux-gnu/libtcmalloc.so.4"
if os.path.exists(TCMALLOC) and "libtcmalloc" not in os.environ.get("LD_PRELOAD", "") and os.environ.get("ENGINE_PEER_NO_TCMALLOC") != "1":
    os.environ["LD_PRELOAD"] = TCMALLOC
    os.execv(sys.executable, [sys.executable] + sys.argv)

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402


def timed(step, warmups=1):
    for _ in range(warmups):
        step()
    start = time.perf_counter()
    step()
    return (time.perf_counter() - start) * 1000.0


def case_sgemm(n):
    torch.manual_seed(0)
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    am = a.to_mkldnn()
    bt = b.t().contiguous().to_mkldnn()  # linear computes x @ w^T
    return timed(lambda: torch._C._nn.mkldnn_linear(am, bt), warmups=2)


def case_sgemm_blas(n):
    torch.manual_seed(0)
    a = torch.randn(n, n)
    b = torch.randn(n, n)
    return timed(lambda: torch.matmul(a, b))


def conv_tensors(channels, size):
    torch.manual_seed(0)
    x = torch.randn(1, channels, size, size)
    w = torch.randn(channels, channels, 3, 3) * 0.05
    b = torch.randn(channels)
    return x, w, b


def case_conv_fwd(channels, size):
    x, w, b = conv_tensors(channels, size)
    return timed(lambda: F.conv2d(x, w, b, padding=1), warmups=2)


def case_conv_bwd(channels, size):
    x, w, b = conv_tensors(channels, size)
    g = torch.randn(1, channels, size, size)

    def step():
        torch.ops.aten.convolution_backward(g, x, w, [channels], [1, 1], [1, 1], [1, 1], False, [0, 0], 1, [True, True, True])

    return timed(step, warmups=2)


def main():
    case, threads = sys.argv[1], int(sys.argv[2])
    args = [int(v) for v in sys.argv[3:]]
    torch.set_num_threads(threads)
    with torch.no_grad():
        ms = {
            "sgemm": case_sgemm,
            "sgemm-blas": case_sgemm_blas,
            "conv-fwd": case_conv_fwd,
            "conv-bwd": case_conv_bwd,
        }[case](*args)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"ms": ms, "peak_rss_mb": peak, "tcmalloc": "libtcmalloc" in os.environ.get("LD_PRELOAD", ""), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
