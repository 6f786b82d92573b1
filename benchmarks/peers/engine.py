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
import torch.nn as nn  # noqa: E402
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
# Same topologies as tests/Golden/engine/make_golden.py (SPECS A1 U-Net, A2 FBI-Net).
class UNet(nn.Module):
    def __init__(self, c=1):
        super().__init__()
        conv = lambda i, o: nn.Conv2d(i, o, 3, padding=1)
        self.enc_conv0 = conv(c, 48)
        for i in range(1, 7):
            setattr(self, f"enc_conv{i}", conv(48, 48))
        self.dec_conv5 = conv(96, 96)
        self.dec_conv5b = conv(96, 96)
        for lvl in (4, 3, 2):
            setattr(self, f"dec_conv{lvl}", conv(144, 96))
            setattr(self, f"dec_conv{lvl}b", conv(96, 96))
        self.dec_conv1a = conv(96 + c, 64)
        self.dec_conv1b = conv(64, 32)
        self.dec_conv1 = conv(32, c)

    def forward(self, x):
        a = lambda t: F.leaky_relu(t, 0.1)
        skips = [x]
        h = a(self.enc_conv0(x))
        h = a(self.enc_conv1(h))
        h = F.max_pool2d(h, 2)
        skips.append(h)
        for lvl in range(2, 6):
            h = F.max_pool2d(a(getattr(self, f"enc_conv{lvl}")(h)), 2)
            if lvl <= 4:
                skips.append(h)
        h = a(self.enc_conv6(h))
        for lvl in (5, 4, 3, 2):
            h = torch.cat([F.interpolate(h, scale_factor=2, mode="nearest"), skips.pop()], 1)
            h = a(getattr(self, f"dec_conv{lvl}")(h))
            h = a(getattr(self, f"dec_conv{lvl}b")(h))
        h = torch.cat([F.interpolate(h, scale_factor=2, mode="nearest"), skips.pop()], 1)
        h = a(self.dec_conv1a(h))
        h = a(self.dec_conv1b(h))
        return self.dec_conv1(h)


NEW1 = torch.tensor([[1, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=torch.float32)
NEW2 = torch.tensor([[0, 1, 0, 1, 0], [1, 0, 0, 0, 1], [0, 0, 1, 0, 0], [1, 0, 0, 0, 1], [0, 1, 0, 1, 0]], dtype=torch.float32)
NEW3 = torch.tensor([[1, 0, 1], [0, 1, 0], [1, 0, 1]], dtype=torch.float32)


class MaskedConv(nn.Module):
    """As ReNIn: the weight is multiplied by the fixed mask on every forward (a full conv runs)."""

    def __init__(self, cin, cout, k, pad, dil, mask):
        super().__init__()
        self.conv1 = nn.Conv2d(cin, cout, k, padding=pad, dilation=dil)
        self.mask = mask

    def forward(self, x):
        return F.conv2d(x, self.conv1.weight * self.mask, self.conv1.bias, padding=self.conv1.padding, dilation=self.conv1.dilation)


class ResidualModule(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.activation1 = nn.PReLU(c, 0)
        self.activation2 = nn.PReLU(c, 0)
        self.conv1_1by1 = nn.Conv2d(c, c, 1)
        self.conv2_1by1 = nn.Conv2d(c, c, 1)

    def forward(self, x):
        r = self.conv2_1by1(self.activation1(self.conv1_1by1(x)))
        return self.activation2((x + r) / 2.0)


class FbiLayer(nn.Module):
    def __init__(self, kind, cin, f):
        super().__init__()
        self.kind = kind
        if kind == "new1":
            self.new1 = MaskedConv(cin, f, 3, 1, 1, NEW1)
            self.residual_module = ResidualModule(f)
            self.activation_new1 = nn.PReLU(cin, 0)
        else:
            conv = MaskedConv(f, f, 5, 2, 1, NEW2) if kind == "new2" else MaskedConv(f, f, 3, 3, 3, NEW3)
            setattr(self, kind, conv)
            self.activation_new1 = nn.PReLU(f, 0)
            self.residual_module = ResidualModule(f)
            self.activation_new2 = nn.PReLU(f, 0)

    def forward(self, o, b):
        b = self.activation_new1(getattr(self, self.kind)(b))
        if self.kind == "new1":
            return self.residual_module(b), b
        return self.residual_module(self.activation_new2((b + o) / 2.0)), b


class FbiNet(nn.Module):
    def __init__(self, cin=1, cout=1, f=64, layers=17):
        super().__init__()
        self.new1 = FbiLayer("new1", cin, f)
        self.new2 = FbiLayer("new2", cin, f)
        for i in range(layers - 2):
            self.add_module(f"new_{i}", FbiLayer("new3", cin, f))
        self.residual_module = ResidualModule(f)
        self.activation = nn.PReLU(f, 0)
        self.output_layer = nn.Conv2d(f, cout, 1)
        self.layers = layers

    def forward(self, x):
        o, b = self.new1(None, x)
        total = o
        for i in range(self.layers - 1):
            layer = self.new2 if i == 0 else getattr(self, f"new_{i - 1}")
            o, b = layer(o, b)
            total = total + o
        h = self.activation(total / self.layers)
        return self.output_layer(self.residual_module(h))


def train_case(net, batch, size):
    torch.manual_seed(0)
    x = torch.rand(batch, 1, size, size)
    y = torch.rand(batch, 1, size, size)
    opt = torch.optim.Adam(net.parameters(), lr=1e-4)

    def step():
        opt.zero_grad()
        loss = F.mse_loss(net(x), y)
        loss.backward()
        opt.step()

    with torch.enable_grad():
        return timed(step)


def case_unet_train(batch, size):
    torch.manual_seed(1)
    return train_case(UNet(1), batch, size)


def case_fbinet_train(batch, size):
    torch.manual_seed(1)
    return train_case(FbiNet(), batch, size)


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
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"ms": ms, "peak_rss_mb": peak, "tcmalloc": "libtcmalloc" in os.environ.get("LD_PRELOAD", ""), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
