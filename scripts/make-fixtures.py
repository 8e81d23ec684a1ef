#!/usr/bin/env python3
"""Writes the numpy fixtures the TypeScript tests compare against (numpy only).

    python3 scripts/make-fixtures.py        # rewrites src/core/fixtures/*.json

rng.json      numpy's legacy generator after np.random.seed(s), for several seeds:
              raw MT19937 words, random_sample doubles, a few normals as exact doubles,
              and a large sample of standard normals as little-endian float64 (base64).
presets.json  the tutorial's four experiments, run by the tutorial's own functions
              (copied below from the article, unchanged except for seeding and for
              recording the loss of every step instead of printing every 10th).

JSON floats are written with Python's repr, the shortest string that reads back as the
same double, so the TypeScript side gets numpy's exact float64 values.
"""
import base64
import json
import os
import platform

import numpy as np

OUT_DIR = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "src", "core", "fixtures")

#: Seeds for every fixture: both ends of numpy's legacy range and a few in between.
SEEDS = [0, 1, 42, 123456789, 2**32 - 1]
#: Seeds for the loss curves (each preset is run once per seed).
CURVE_SEEDS = [0, 1, 2**32 - 1]
#: Standard normals per seed in the large sample (float32 agreement is checked on all).
LARGE_SAMPLE = 2000


# ---------------------------------------------------------------------------------------
# The tutorial's functions, as the article gives them (comments translated, shortened).
# ---------------------------------------------------------------------------------------
def layer(in_dim, out_dim):
    weights = np.random.normal(loc=0, scale=0.1, size=[in_dim, out_dim])
    bias = np.full([1, out_dim], 0.1)
    return {"w": weights, "b": bias}


def relu(x):
    return np.maximum(0, x)


def relu_derivative(x):  # derivative
    return np.where(x > 0, np.ones_like(x), np.zeros_like(x))


def backprop(dz, layer, layer_in, learning_rate=0.01):
    # gradient of the weights: layer_in^T . dz
    gw = layer_in.T.dot(dz)
    # gradient of the biases: column sums, keeping dims
    gb = np.sum(dz, axis=0, keepdims=True)
    # gradient for the layer below, with the weights before their update
    new_dz = dz.dot(layer["w"].T)
    # the tutorial adds (dz already carries the minus sign)
    layer["w"] += learning_rate * gw
    layer["b"] += learning_rate * gb
    return new_dz


def predictjihuo(x, l1, l2):
    o1 = x.dot(l1["w"]) + l1["b"]
    a1 = relu(o1)  # the activation
    o2 = a1.dot(l2["w"]) + l2["b"]
    return [o1, a1, o2]


def predict(x, l1, l2):
    o1 = x.dot(l1["w"]) + l1["b"]
    o2 = o1.dot(l2["w"]) + l2["b"]
    return [o1, o2]


def snapshot(l1, l2):
    return [{"w": l["w"].tolist(), "b": l["b"].tolist()} for l in (l1, l2)]


def predict01(seed):
    """Untrained network on the line."""
    np.random.seed(seed)
    x = np.linspace(-1, 1, 10)[:, None]  # shape [10, 1]
    y = np.random.normal(loc=0, scale=0.2, size=[10, 1]) + x  # shape [10, 1]
    l1 = layer(1, 3)
    l2 = layer(3, 1)
    o2 = predict(x, l1, l2)[-1]
    return {"x": x.ravel().tolist(), "y": y.ravel().tolist(), "initial": snapshot(l1, l2),
            "losses": [], "final": snapshot(l1, l2), "finalLoss": float(np.mean(np.square(o2 - y))),
            "prediction": o2.ravel().tolist()}


def predict02(seed):
    """Fitting the line: 50 steps, no activation."""
    np.random.seed(seed)
    x = np.linspace(-1, 1, 10)[:, None]  # shape [10, 1]
    y = np.random.normal(loc=0, scale=0.2, size=[10, 1]) + x  # shape [10, 1]
    l1 = layer(1, 3)
    l2 = layer(3, 1)
    initial = snapshot(l1, l2)
    losses = []
    learning_rate = 0.01
    for i in range(50):
        o1, o2 = predict(x, l1, l2)
        average_cost = np.mean(np.square(o2 - y))
        losses.append(float(average_cost))  # the tutorial prints this when i % 10 == 0
        dz2 = -2 * (o2 - y)
        dz1 = backprop(dz2, l2, o1)
        _ = backprop(dz1, l1, x)
    o2 = predict(x, l1, l2)[-1]
    return {"x": x.ravel().tolist(), "y": y.ravel().tolist(), "initial": initial, "losses": losses,
            "final": snapshot(l1, l2), "finalLoss": float(np.mean(np.square(o2 - y))),
            "prediction": o2.ravel().tolist()}


def predict03(seed):
    """The square without activation: 300 steps."""
    np.random.seed(seed)
    x = np.linspace(-1, 1, 30)[:, None]  # shape [30, 1]
    y = np.random.normal(loc=0, scale=0.2, size=[30, 1]) + x ** 2  # shape [30, 1]
    l1 = layer(1, 10)
    l2 = layer(10, 1)
    initial = snapshot(l1, l2)
    losses = []
    learning_rate = 0.01
    for i in range(300):
        o1, o2 = predict(x, l1, l2)
        average_cost = np.mean(np.square(o2 - y))
        losses.append(float(average_cost))
        dz2 = -2 * (o2 - y)
        dz1 = backprop(dz2, l2, o1)
        _ = backprop(dz1, l1, x)
    o2 = predict(x, l1, l2)[-1]
    return {"x": x.ravel().tolist(), "y": y.ravel().tolist(), "initial": initial, "losses": losses,
            "final": snapshot(l1, l2), "finalLoss": float(np.mean(np.square(o2 - y))),
            "prediction": o2.ravel().tolist()}


def predict04(seed):
    """The square with ReLU: 300 steps."""
    np.random.seed(seed)
    x = np.linspace(-1, 1, 30)[:, None]  # shape [30, 1]
    y = np.random.normal(loc=0, scale=0.2, size=[30, 1]) + x ** 2  # shape [30, 1]
    l1 = layer(1, 10)
    l2 = layer(10, 1)
    initial = snapshot(l1, l2)
    losses = []
    learning_rate = 0.01
    for i in range(300):
        o1, a1, o2 = predictjihuo(x, l1, l2)
        average_cost = np.mean(np.square(o2 - y))
        losses.append(float(average_cost))
        dz2 = -2 * (o2 - y)
        dz1 = backprop(dz2, l2, a1)
        dz1 *= relu_derivative(o1)  # the activation's backward pass
        _ = backprop(dz1, l1, x)
    o2 = predictjihuo(x, l1, l2)[-1]
    return {"x": x.ravel().tolist(), "y": y.ravel().tolist(), "initial": initial, "losses": losses,
            "final": snapshot(l1, l2), "finalLoss": float(np.mean(np.square(o2 - y))),
            "prediction": o2.ravel().tolist()}


PRESETS = {
    "untrained-line": predict01,
    "fit-line": predict02,
    "square-none": predict03,
    "square-relu": predict04,
}


def rng_fixture(seed):
    bg = np.random.MT19937()
    bg._legacy_seeding(seed)
    raw = bg.random_raw(626)  # straddles the second twist
    np.random.seed(seed)
    uniform = np.random.random_sample(4).tolist()
    np.random.seed(seed)
    normals = np.random.normal(0, 1, 10).tolist()
    np.random.seed(seed)
    large = np.random.normal(0, 1, LARGE_SAMPLE).astype("<f8")
    return {
        "seed": seed,
        "rawHead": [int(v) for v in raw[:3]],
        "rawTwist": [int(v) for v in raw[623:626]],
        "randomSample": uniform,
        "normal": normals,
        "largeNormalF64Base64": base64.b64encode(large.tobytes()).decode("ascii"),
    }


def write(name, payload):
    path = os.path.join(OUT_DIR, name)
    with open(path, "w") as f:
        json.dump(payload, f, separators=(",", ":"))
        f.write("\n")
    print("wrote", os.path.relpath(path))


def main():
    os.makedirs(OUT_DIR, exist_ok=True)
    made_by = {"numpy": np.__version__, "python": platform.python_version(), "script": "scripts/make-fixtures.py"}
    write("rng.json", {"madeBy": made_by, "largeSample": LARGE_SAMPLE, "seeds": [rng_fixture(s) for s in SEEDS]})
    runs = {name: {str(s): fn(s) for s in CURVE_SEEDS} for name, fn in PRESETS.items()}
    write("presets.json", {"madeBy": made_by, "seeds": CURVE_SEEDS, "runs": runs})


if __name__ == "__main__":
    main()
