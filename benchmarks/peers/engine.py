#!/usr/bin/python3
"""Peer for the `engine` suite: PyTorch (Debian python3-torch, CPU) in its best configuration.

Usage: engine.py CASE THREADS [ARGS...]; prints one JSON line {"ms", "peak_rss_mb", ...}.
Best configuration: tcmalloc preloaded when libtcmalloc.so.4 exists (the script re-executes itself with
LD_PRELOAD), OMP_WAIT_POLICY passive when the machine is oversubscribed (else active), torch.set_num_threads(THREADS), SGEMM through oneDNN (Debian's torch links the generic
reference BLAS for torch.matmul, which is ~40x slower; case sgemm-blas times that path).
"""
import json
import os
import resource
import sys
import time

TCMALLOC = "/usr/lib/x86_64-linux-gnu/libtcmalloc.so.4"
if "ENGINE_PEER_CONFIGURED" not in os.environ:
    os.environ["ENGINE_PEER_CONFIGURED"] = "1"
    if os.path.exists(TCMALLOC) and os.environ.get("ENGINE_PEER_NO_TCMALLOC") != "1":
        os.environ["LD_PRELOAD"] = (TCMALLOC + " " + os.environ.get("LD_PRELOAD", "")).strip()
    # OpenMP's default spin-waiting is best on an idle machine but collapses when the cores are
    # oversubscribed (a U-Net step 20x slower), where passive waiting is PyTorch's best setting.
    if "OMP_WAIT_POLICY" not in os.environ:
        os.environ["OMP_WAIT_POLICY"] = "PASSIVE" if os.getloadavg()[0] > os.cpu_count() else "ACTIVE"
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


# ------------------------------------------------------------------------------------------- models
# The PyTorch U-Net (SPECS A1) and FBI-Net (SPECS A2, masks applied as weight * mask like ReNIn, i.e. a full
# conv runs) are the ones the engine's golden fixtures are generated from; import them rather than copy.
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "tests", "Golden", "engine"))
from make_golden import FbiNet, UNet  # noqa: E402


def train_step(net, batch, size):
    """One optimisation step (zero_grad, forward, MSE on fixed random data, backward, Adam); call under enable_grad."""
    torch.manual_seed(0)
    x = torch.rand(batch, 1, size, size)
    y = torch.rand(batch, 1, size, size)
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)

    def step():
        opt.zero_grad()
        loss = F.mse_loss(net(x), y)
        loss.backward()
        opt.step()

    return step


def train_case(net, batch, size):
    with torch.enable_grad():
        return timed(train_step(net, batch, size))


def case_unet_train(batch, size):
    torch.manual_seed(1)
    return train_case(UNet(1), batch, size)


def case_fbinet_train(batch, size):
    torch.manual_seed(1)
    return train_case(FbiNet(1, 1, 64, 17), batch, size)


def case_unet_infer(height, width, tile):
    """Whole image when tile == 0, else tiles of tile x tile output pixels with a 64-pixel margin (more than
    the U-Net needs for seamless results at these sizes), each inferred separately and cropped."""
    torch.manual_seed(1)
    net = UNet(1).eval()
    x = torch.rand(1, 1, height, width)
    margin = 64

    def whole():
        return net(x)

    def tiled():
        out = torch.empty_like(x)
        for y0 in range(0, height, tile):
            for x0 in range(0, width, tile):
                y1, x1 = min(y0 + tile, height), min(x0 + tile, width)
                ya, xa = max(0, y0 - margin), max(0, x0 - margin)
                yb, xb = min(height, y1 + margin), min(width, x1 + margin)
                # extend to a multiple of 32 inside the image where possible
                while (yb - ya) % 32:
                    if yb < height: yb += 1
                    else: ya -= 1
                while (xb - xa) % 32:
                    if xb < width: xb += 1
                    else: xa -= 1
                part = net(x[:, :, ya:yb, xa:xb])
                out[:, :, y0:y1, x0:x1] = part[:, :, y0 - ya:y1 - ya, x0 - xa:x1 - xa]
        return out

    return timed(tiled if tile > 0 else whole, warmups=0 if height * width > 4_000_000 else 1)


def peak_rss_mb():
    """VmHWM of this process image. Not getrusage's ru_maxrss, which a child inherits from its parent at fork
    and keeps across exec, so it would report the benchmark driver's own peak."""
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


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
            "unet-train": case_unet_train,
            "fbinet-train": case_fbinet_train,
            "unet-infer": case_unet_infer,
        }[case](*args)
    peak = peak_rss_mb()
    print(json.dumps({"ms": ms, "peak_rss_mb": peak, "tcmalloc": "libtcmalloc" in os.environ.get("LD_PRELOAD", ""),
                      "omp_wait_policy": os.environ.get("OMP_WAIT_POLICY"), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
