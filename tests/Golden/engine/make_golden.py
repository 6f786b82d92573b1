#!/usr/bin/python3
"""Golden fixtures for SemRestore.Tensors (run with Debian's /usr/bin/python3, torch 1.13).

Writes, next to this script:
  ops.safetensors          per op: inputs <op>.x<i>, output <op>.y, upstream gradient <op>.gy and input
                           gradients <op>.gx<i> (float32, torch CPU, default threads)
  unet_torch.safetensors   a PyTorch-written state dict of the Noise2Noise U-Net (SPECS A1), stored as F16 so the
                           fixture stays under 2 MB; the torch model uses exactly these (upcast) weights
  unet_golden.safetensors  U-Net on a 1x1x64x64 input: x, y, gy, gx and a strided sample of every weight gradient
                           (grad.flatten()[::stride], stride = max(1, numel // 256)) as grad.<name>; computed in
                           float64 from the float32 inputs/weights (the exact values), stored as F32
  fbinet_golden.safetensors  FBI-Net (F=8, L=5) translated from SPECS A2 / the reference layers.py: weights w.<name>,
                           x, y, gy, gx and full parameter gradients g.<name>
  adam_golden.safetensors  a small conv net: initial weights, data, and the parameters after each of 10 steps of
                           torch.optim.Adam / AdamW / SGD(momentum, nesterov) on an MSE loss
  engine_check.json        verdict on engine_written.safetensors (written by the C# test
                           SafetensorsInteropTests): header canonical, loads strictly into torch, same output

safetensors is not installed on Debian's python, so the file format is written and read by hand below,
following the reference library: 8-byte LE header length, compact JSON with __metadata__ first and tensors
sorted by (dtype alignment desc, name), header padded with spaces to a multiple of 8.
"""
import json
import math
import os
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
DTYPES = {torch.float32: ("F32", 4), torch.float16: ("F16", 2)}
ALIGN = {"F32": 4, "F16": 2}
NP = {"F32": np.float32, "F16": np.float16}


def save_safetensors(path, tensors, metadata=None):
    items = []
    for name, t in tensors.items():
        t = t.detach().contiguous().cpu()
        items.append((name, t))
    items.sort(key=lambda kv: (-ALIGN[DTYPES[kv[1].dtype][0]], kv[0]))
    header = {}
    if metadata:
        header["__metadata__"] = {k: metadata[k] for k in sorted(metadata)}
    offset = 0
    blobs = []
    for name, t in items:
        dtype, size = DTYPES[t.dtype]
        data = t.numpy().astype(NP[dtype]).tobytes()
        header[name] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [offset, offset + len(data)]}
        offset += len(data)
        blobs.append(data)
    raw = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    raw += b" " * ((8 - len(raw) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(raw)))
        f.write(raw)
        for b in blobs:
            f.write(b)


def load_safetensors(path):
    with open(path, "rb") as f:
        blob = f.read()
    (n,) = struct.unpack("<Q", blob[:8])
    header = json.loads(blob[8:8 + n].decode("utf-8"))
    meta = header.pop("__metadata__", {})
    data = blob[8 + n:]
    out = {}
    for name, info in header.items():
        b, e = info["data_offsets"]
        arr = np.frombuffer(data[b:e], dtype=NP[info["dtype"]]).reshape(info["shape"])
        out[name] = torch.from_numpy(arr.astype(np.float32).copy())
    return out, meta, blob, n


# ---------------------------------------------------------------------------------------------- ops
NEW1 = torch.tensor([[1, 1, 1], [1, 0, 1], [1, 1, 1]], dtype=torch.float32)
NEW2 = torch.tensor([[0, 1, 0, 1, 0], [1, 0, 0, 0, 1], [0, 0, 1, 0, 0], [1, 0, 0, 0, 1], [0, 1, 0, 1, 0]], dtype=torch.float32)


def randn(*shape):
    return torch.randn(*shape, dtype=torch.float32)


def away(*shape):
    m = 0.1 + torch.rand(*shape)
    s = torch.where(torch.rand(*shape) < 0.5, -1.0, 1.0)
    return m * s


def distinct(*shape):
    n = int(np.prod(shape))
    v = (torch.arange(n, dtype=torch.float32) * 0.01 - n * 0.005)[torch.randperm(n)]
    return v.reshape(shape)


def uniform(lo, hi, *shape):
    return lo + (hi - lo) * torch.rand(*shape)


def bn_train(x, w, b):
    return F.batch_norm(x, torch.zeros(x.shape[1]), torch.ones(x.shape[1]), w, b, training=True, momentum=0.1, eps=1e-5)


def bn_eval(x, w, b):
    return F.batch_norm(x, torch.full((x.shape[1],), 0.3), torch.full((x.shape[1],), 1.7), w, b, training=False, eps=1e-5)


def layer_norm2d(x, w, b, eps=1e-6):
    mu = x.mean(1, keepdim=True)
    var = (x - mu).pow(2).mean(1, keepdim=True)
    y = (x - mu) / (var + eps).sqrt()
    return y * w.view(1, -1, 1, 1) + b.view(1, -1, 1, 1)


OPS = {
    # name: (input factories, function) -- mirrored line by line in GoldenOpTests.cs
    "add_broadcast": ([lambda: randn(2, 3, 4, 5), lambda: randn(1, 3, 1, 1)], lambda x: x[0] + x[1]),
    "sub_broadcast": ([lambda: randn(3, 1), lambda: randn(2, 3, 4)], lambda x: x[0] - x[1]),
    "mul_broadcast": ([lambda: randn(2, 3, 1, 5), lambda: randn(4, 1)], lambda x: x[0] * x[1]),
    "div_broadcast": ([lambda: randn(2, 3, 5), lambda: uniform(0.5, 1.5, 3, 1)], lambda x: x[0] / x[1]),
    "scalar_chain": ([lambda: uniform(0.5, 2.0, 2, 7)], lambda x: (3.0 - x[0] * 1.5 + 2.5) / 0.7),
    "rdiv": ([lambda: uniform(0.5, 2.0, 9)], lambda x: 2.0 / x[0]),
    "relu": ([lambda: away(2, 3, 5)], lambda x: F.relu(x[0])),
    "leaky_relu": ([lambda: away(2, 3, 5)], lambda x: F.leaky_relu(x[0], 0.1)),
    "prelu": ([lambda: away(2, 3, 2, 3), lambda: uniform(0.0, 0.5, 3)], lambda x: F.prelu(x[0], x[1])),
    "sigmoid": ([lambda: randn(2, 9)], lambda x: torch.sigmoid(x[0])),
    "tanh": ([lambda: randn(2, 9)], lambda x: torch.tanh(x[0])),
    "gelu": ([lambda: randn(3, 9)], lambda x: F.gelu(x[0])),
    "exp": ([lambda: randn(2, 9)], lambda x: torch.exp(x[0])),
    "log": ([lambda: uniform(0.5, 3.0, 2, 9)], lambda x: torch.log(x[0])),
    "sqrt": ([lambda: uniform(0.5, 3.0, 2, 9)], lambda x: torch.sqrt(x[0])),
    "abs": ([lambda: away(2, 9)], lambda x: torch.abs(x[0])),
    "pow": ([lambda: uniform(0.5, 2.0, 2, 9)], lambda x: torch.pow(x[0], 2.5)),
    "clamp": ([lambda: away(3, 7)], lambda x: torch.clamp(x[0], -0.55, 0.65)),
    "sum_axes": ([lambda: randn(2, 3, 4, 5)], lambda x: x[0].sum(dim=(1, 3))),
    "mean_keep": ([lambda: randn(2, 3, 4, 5)], lambda x: x[0].mean(dim=(0, 2), keepdim=True)),
    "mean_all": ([lambda: randn(2, 3, 4, 5)], lambda x: x[0].mean()),
    "conv2d_3x3": ([lambda: randn(2, 3, 9, 8), lambda: randn(4, 3, 3, 3), lambda: randn(4)], lambda x: F.conv2d(x[0], x[1], x[2], padding=1)),
    "conv2d_stride2": ([lambda: randn(1, 2, 9, 7), lambda: randn(3, 2, 3, 3), lambda: randn(3)], lambda x: F.conv2d(x[0], x[1], x[2], stride=2, padding=1)),
    "conv2d_dilation": ([lambda: randn(1, 2, 11, 10), lambda: randn(2, 2, 3, 3), lambda: randn(2)], lambda x: F.conv2d(x[0], x[1], x[2], padding=3, dilation=3)),
    "conv2d_groups": ([lambda: randn(1, 4, 6, 5), lambda: randn(6, 2, 3, 3), lambda: randn(6)], lambda x: F.conv2d(x[0], x[1], x[2], padding=1, groups=2)),
    "conv2d_depthwise": ([lambda: randn(2, 3, 6, 7), lambda: randn(3, 1, 5, 5), lambda: randn(3)], lambda x: F.conv2d(x[0], x[1], x[2], padding=2, groups=3)),
    "conv2d_reflect": ([lambda: randn(1, 2, 6, 7), lambda: randn(2, 2, 3, 3), lambda: randn(2)], lambda x: F.conv2d(F.pad(x[0], (1, 1, 1, 1), mode="reflect"), x[1], x[2])),
    "conv2d_replicate": ([lambda: randn(1, 2, 6, 7), lambda: randn(2, 2, 3, 3), lambda: randn(2)], lambda x: F.conv2d(F.pad(x[0], (2, 2, 2, 2), mode="replicate"), x[1], x[2], dilation=2)),
    "conv2d_mask_new1": ([lambda: randn(1, 2, 7, 6), lambda: randn(3, 2, 3, 3), lambda: randn(3)], lambda x: F.conv2d(x[0], x[1] * NEW1, x[2], padding=1)),
    "conv2d_mask_new2": ([lambda: randn(1, 2, 8, 7), lambda: randn(2, 2, 5, 5), lambda: randn(2)], lambda x: F.conv2d(x[0], x[1] * NEW2, x[2], padding=2)),
    "conv_transpose2d": ([lambda: randn(2, 3, 4, 5), lambda: randn(3, 2, 3, 3), lambda: randn(2)], lambda x: F.conv_transpose2d(x[0], x[1], x[2], stride=2, padding=1, output_padding=1)),
    "max_pool2d": ([lambda: distinct(2, 2, 7, 6)], lambda x: F.max_pool2d(x[0], 2)),
    "max_pool2d_3s2p1": ([lambda: distinct(1, 2, 7, 8)], lambda x: F.max_pool2d(x[0], 3, 2, 1)),
    "avg_pool2d": ([lambda: randn(2, 2, 7, 6)], lambda x: F.avg_pool2d(x[0], 2)),
    "avg_pool2d_3s2p1": ([lambda: randn(1, 2, 7, 8)], lambda x: F.avg_pool2d(x[0], 3, 2, 1)),
    "global_avg_pool": ([lambda: randn(2, 3, 5, 4)], lambda x: F.adaptive_avg_pool2d(x[0], 1)),
    "upsample_nearest": ([lambda: randn(1, 2, 3, 4)], lambda x: F.interpolate(x[0], scale_factor=2, mode="nearest")),
    "upsample_bilinear": ([lambda: randn(1, 2, 3, 4)], lambda x: F.interpolate(x[0], scale_factor=2, mode="bilinear", align_corners=False)),
    "upsample_bilinear_size": ([lambda: randn(1, 2, 4, 3)], lambda x: F.interpolate(x[0], size=(7, 5), mode="bilinear", align_corners=False)),
    "pixel_shuffle": ([lambda: randn(1, 8, 2, 3)], lambda x: F.pixel_shuffle(x[0], 2)),
    "pixel_unshuffle": ([lambda: randn(1, 2, 4, 6)], lambda x: F.pixel_unshuffle(x[0], 2)),
    "concat": ([lambda: randn(2, 3, 2, 3), lambda: randn(2, 1, 2, 3)], lambda x: torch.cat([x[0], x[1]], 1)),
    "slice": ([lambda: randn(2, 2, 6, 3)], lambda x: x[0][:, :, 1:5]),
    "pad_reflect": ([lambda: randn(1, 2, 4, 5)], lambda x: F.pad(x[0], (2, 3, 3, 1), mode="reflect")),
    "pad_replicate": ([lambda: randn(1, 2, 3, 4)], lambda x: F.pad(x[0], (3, 1, 2, 4), mode="replicate")),
    "pad_zeros": ([lambda: randn(1, 2, 3, 4)], lambda x: F.pad(x[0], (1, 2, 2, 1))),
    "permute": ([lambda: randn(2, 3, 4, 5)], lambda x: x[0].permute(0, 2, 3, 1).contiguous()),
    "layer_norm2d": ([lambda: randn(2, 5, 3, 4), lambda: randn(5), lambda: randn(5)], lambda x: layer_norm2d(x[0], x[1], x[2])),
    "batch_norm_train": ([lambda: randn(3, 2, 3, 4), lambda: randn(2), lambda: randn(2)], lambda x: bn_train(x[0], x[1], x[2])),
    "batch_norm_eval": ([lambda: randn(3, 2, 3, 4), lambda: randn(2), lambda: randn(2)], lambda x: bn_eval(x[0], x[1], x[2])),
    "matmul": ([lambda: randn(2, 3, 4), lambda: randn(2, 4, 5)], lambda x: torch.matmul(x[0], x[1])),
    "softmax": ([lambda: randn(2, 3, 5)], lambda x: torch.softmax(x[0], -1)),
    "softmax_axis1": ([lambda: randn(2, 4, 3)], lambda x: torch.softmax(x[0], 1)),
}


def make_ops():
    torch.manual_seed(1234)
    out = {}
    for name, (factories, fn) in OPS.items():
        xs = [f().float().requires_grad_(True) for f in factories]
        y = fn(xs)
        gy = randn(*y.shape) if y.dim() > 0 else torch.randn(()).float()
        y.backward(gy)
        for i, x in enumerate(xs):
            out[f"{name}.x{i}"] = x.detach()
            out[f"{name}.gx{i}"] = x.grad.detach()
        out[f"{name}.y"] = y.detach().reshape(y.shape) if y.dim() > 0 else y.detach().reshape(1)
        out[f"{name}.gy"] = gy.reshape(y.shape) if y.dim() > 0 else gy.reshape(1)
    save_safetensors(os.path.join(HERE, "ops.safetensors"), out, {"generator": "make_golden.py", "torch": torch.__version__})


# --------------------------------------------------------------------------------------------- U-Net
class UNet(nn.Module):
    """Official Noise2Noise topology (SPECS A1), PyTorch naming of the NVlabs layers."""

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


def make_unet():
    torch.manual_seed(99)
    net = UNet(1)
    with torch.no_grad():
        for name, p in net.named_parameters():
            fan_in = p.shape[1] * 9 if p.dim() == 4 else None
            if p.dim() == 4:
                gain = 1.0 if name.startswith("dec_conv1.") else math.sqrt(2)
                p.normal_(0, gain / math.sqrt(fan_in))
            else:
                p.uniform_(-0.05, 0.05)  # non-zero biases so their gradients and loading are tested
            p.copy_(p.half().float())   # the file stores F16; the model uses exactly those values
    state = {k: v.half() for k, v in net.state_dict().items()}
    save_safetensors(os.path.join(HERE, "unet_torch.safetensors"), state, {"format": "pt"})

    # The reference values are computed in float64 from the float32 inputs and weights: torch's own float32
    # result deviates from it by 3.8e-4 under the tests' relative error (floor 1e-3 * max), so a float32 torch
    # run cannot serve as a 1e-4 reference for a deep network; the exact value can.
    x = torch.rand(1, 1, 64, 64) - 0.5
    gy = torch.randn(1, 1, 64, 64)
    net64 = UNet(1).double()
    net64.load_state_dict({k: v.double() for k, v in net.state_dict().items()})
    x64 = x.double().requires_grad_(True)
    y = net64(x64)
    y.backward(gy.double())
    out = {"x": x, "y": y.detach().float(), "gy": gy, "gx": x64.grad.detach().float()}
    for name, p in net64.named_parameters():
        g = p.grad.detach().flatten().float()
        stride = max(1, g.numel() // 256)
        out[f"grad.{name}"] = g[::stride].clone()
    with torch.no_grad():
        y32 = net(x)
    floor = 1e-3 * y.detach().abs().max().item()
    err = ((y32.double() - y.detach()).abs() / y.detach().abs().clamp(min=floor)).max().item()
    print(f"torch float32 U-Net output vs float64 reference: relative error {err:.2e}")
    save_safetensors(os.path.join(HERE, "unet_golden.safetensors"), out, {"generator": "make_golden.py"})
    n = sum(p.numel() for p in net.parameters())
    print(f"unet parameters: {n}")


# -------------------------------------------------------------------------------------------- FBI-Net
NEW3 = torch.tensor([[1, 0, 1], [0, 1, 0], [1, 0, 1]], dtype=torch.float32)


class MaskedConv(nn.Module):
    """New1/New2/New3: the reference overwrites weight.data with weight * mask before each forward; here the
    mask is applied inside the graph, which gives the same output and zero gradient on the masked taps."""

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
    def __init__(self, cin=1, cout=1, f=8, layers=5):
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


def make_fbinet():
    torch.manual_seed(21)
    net = FbiNet(f=8, layers=5)
    with torch.no_grad():
        for name, p in net.named_parameters():
            if name.endswith("conv1.weight") and p.shape[-1] > 1:
                mask = {3: NEW1, 5: NEW2}[p.shape[-1]] if ".new3." not in name else NEW3
                p.mul_(mask)
            if "activation" in name:
                p.uniform_(0.0, 0.3)  # non-zero slopes so the negative branch and slope gradients are tested
    x = torch.randn(1, 1, 14, 13, requires_grad=True)
    y = net(x)
    gy = torch.randn_like(y)
    y.backward(gy)
    out = {"x": x.detach(), "y": y.detach(), "gy": gy, "gx": x.grad.detach()}
    for name, p in net.named_parameters():
        out[f"w.{name}"] = p.detach().clone()
        out[f"g.{name}"] = p.grad.detach().clone()
    save_safetensors(os.path.join(HERE, "fbinet_golden.safetensors"), out, {"generator": "make_golden.py"})


# ------------------------------------------------------------------------------------------ optimizers
class SmallNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 1, 3, padding=1)

    def forward(self, x):
        return self.conv2(torch.tanh(self.conv1(x)))


def make_optim():
    torch.manual_seed(7)
    base = SmallNet()
    x = torch.randn(2, 1, 8, 8)
    t = torch.randn(2, 1, 8, 8)
    out = {"x": x, "t": t}
    for k, v in base.state_dict().items():
        out[f"init.{k}"] = v.clone()
    configs = {
        "adam": lambda p: torch.optim.Adam(p, lr=1e-2, betas=(0.9, 0.99), eps=1e-8),
        "adam_wd": lambda p: torch.optim.Adam(p, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.1),
        "adamw": lambda p: torch.optim.AdamW(p, lr=1e-2, betas=(0.9, 0.999), eps=1e-8, weight_decay=0.05),
        "sgd": lambda p: torch.optim.SGD(p, lr=5e-2, momentum=0.9, dampening=0.1, weight_decay=1e-3),
        "sgd_nesterov": lambda p: torch.optim.SGD(p, lr=5e-2, momentum=0.9, nesterov=True),
    }
    for cname, make in configs.items():
        net = SmallNet()
        net.load_state_dict(base.state_dict())
        opt = make(net.parameters())
        for step in range(10):
            opt.zero_grad()
            loss = F.mse_loss(net(x), t)
            loss.backward()
            opt.step()
            out[f"{cname}.loss{step}"] = loss.detach().reshape(1)
            for k, v in net.state_dict().items():
                out[f"{cname}.step{step}.{k}"] = v.clone()
    save_safetensors(os.path.join(HERE, "adam_golden.safetensors"), out, {"generator": "make_golden.py"})


# ------------------------------------------------------------------------------- engine-written check
def check_engine_file():
    path = os.path.join(HERE, "engine_written.safetensors")
    verdict = {"file": "engine_written.safetensors", "exists": os.path.exists(path)}
    if verdict["exists"]:
        tensors, meta, blob, n = load_safetensors(path)
        io = tensors.pop("io.x"), tensors.pop("io.y")
        # The header must follow the reference layout: padded, metadata first, sorted, contiguous offsets.
        header = json.loads(blob[8:8 + n].decode("utf-8"))
        verdict["header_padded_to_8"] = n % 8 == 0
        keys = [k for k in header.keys() if k != "__metadata__"]
        verdict["keys_sorted"] = keys == sorted(keys)
        verdict["metadata_first"] = list(header.keys())[0] == "__metadata__" if "__metadata__" in header else True
        offsets_ok = True
        expect = 0
        for k in keys:
            b, e = header[k]["data_offsets"]
            offsets_ok &= b == expect
            expect = e
        verdict["offsets_contiguous"] = bool(offsets_ok and expect == len(blob) - 8 - n)
        net = SmallNet()
        try:
            net.load_state_dict(tensors, strict=True)
            verdict["strict_load"] = True
            with torch.no_grad():
                y = net(io[0])
            diff = (y - io[1]).abs().max().item()
            verdict["max_abs_output_diff"] = diff
            verdict["output_matches"] = diff <= 1e-5
        except Exception as e:  # noqa: BLE001 - the verdict records the failure for the C# test
            verdict["strict_load"] = False
            verdict["error"] = str(e)
        verdict["metadata"] = meta
    with open(os.path.join(HERE, "engine_check.json"), "w") as f:
        json.dump(verdict, f, indent=2, sort_keys=True)
        f.write("\n")
    print("engine check:", verdict)


if __name__ == "__main__":
    torch.set_num_threads(2)
    make_ops()
    make_unet()
    make_fbinet()
    make_optim()
    check_engine_file()
