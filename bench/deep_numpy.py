"""The numpy tutorial's training step extended to a list of layers (its backprop() per
layer, relu between them, linear output), with plain SGD or Adam (torch.optim's rules, as
core/optimizers.ts) and optional mini-batches, timed on data and weights given as JSON.

Usage: python3 deep_numpy.py problem.json  ->  prints JSON {losses, rates, numpy}
"""
import json
import sys
import time

import numpy as np


def relu(x):
    return np.maximum(0, x)


def relu_derivative(x):
    return np.where(x > 0, np.ones_like(x), np.zeros_like(x))


def gradients(dz, layer, layer_in):
    """The tutorial's backprop() without its update: gw, gb and the next dz (old weights)."""
    gw = layer_in.T.dot(dz)
    gb = np.sum(dz, axis=0, keepdims=True)
    return gw, gb, dz.dot(layer["w"].T)


def main():
    p = json.load(open(sys.argv[1]))
    n = p["points"]
    dims = [1] + p["widths"] + [1]
    x = np.array(p["x"], dtype=np.float64).reshape(n, 1)
    y = np.array(p["y"], dtype=np.float64).reshape(n, 1)
    layers = [
        {
            "w": np.array(l["w"], dtype=np.float64).reshape(dims[i], dims[i + 1]),
            "b": np.array(l["b"], dtype=np.float64).reshape(1, dims[i + 1]),
        }
        for i, l in enumerate(p["layers"])
    ]
    lr = p["learningRate"]
    adam = p["optimizer"] == "adam"
    for l in layers:
        l["m"] = {k: np.zeros_like(l[k]) for k in ("w", "b")}
        l["v"] = {k: np.zeros_like(l[k]) for k in ("w", "b")}
    batch = p["batchSize"] or n
    # The first epoch's order as the TS run draws it; later ones from numpy's own generator.
    first = np.array(p["order"]) if p["order"] is not None else None
    rng = np.random.RandomState(1)
    state = {"t": 0, "k": 0, "perm": first}

    def update(l, k, gw):
        if not adam:
            l[k] += lr * gw  # the tutorial's update: gw is minus the loss gradient
            return
        g = -gw
        t = state["t"]
        l["m"][k] = 0.9 * l["m"][k] + (1 - 0.9) * g
        l["v"][k] = 0.999 * l["v"][k] + (1 - 0.999) * g * g
        step = lr / (1 - 0.9**t)
        l[k] -= step * l["m"][k] / (np.sqrt(l["v"][k]) / np.sqrt(1 - 0.999**t) + 1e-8)

    def step():
        if batch < n:
            if state["perm"] is None:
                state["perm"] = rng.permutation(n)
            k = state["k"]
            idx = state["perm"][k : k + batch]
            state["k"] = k + batch
            if state["k"] >= n:  # the epoch's last batch (possibly smaller)
                state["k"], state["perm"] = 0, None
            xb, yb = x[idx], y[idx]
        else:
            xb, yb = x, y
        state["t"] += 1
        a, outs, ins = xb, [], []
        for i, l in enumerate(layers):
            ins.append(a)
            o = a.dot(l["w"]) + l["b"]
            outs.append(o)
            a = relu(o) if i < len(layers) - 1 else o
        cost = np.mean(np.square(a - yb))
        dz = -2 * (a - yb)
        for i in range(len(layers) - 1, -1, -1):
            gw, gb, dz = gradients(dz, layers[i], ins[i])
            update(layers[i], "w", gw)
            update(layers[i], "b", gb)
            if i > 0:
                dz *= relu_derivative(outs[i - 1])
        return float(cost)

    losses = [step() for _ in range(p["checkSteps"])]
    rates = timed(step, p["budgetSeconds"], p["repeats"])
    print(json.dumps({"losses": losses, "rates": rates, "numpy": np.__version__}))


def timed(step, budget, repeats):
    """Steps per second of `repeats` runs, each about budget / repeats seconds."""
    t = time.perf_counter()
    step()
    one = max(time.perf_counter() - t, 1e-7)
    count = max(1, int(budget / repeats / one))
    rates = []
    for _ in range(repeats):
        t = time.perf_counter()
        for _ in range(count):
            step()
        rates.append(count / (time.perf_counter() - t))
    return rates


if __name__ == "__main__":
    main()
