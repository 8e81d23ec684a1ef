"""The numpy tutorial's own training step (its backprop(), activations and loop body from
predict04(), with the chosen activation), timed on data and initial weights given as JSON.

Usage: python3 tutorial_numpy.py problem.json  ->  prints JSON {losses, stepsPerSecond, ...}
"""
import json
import sys
import time

import numpy as np


# --- the tutorial's code, verbatim apart from comments -------------------------------
def relu(x):
    return np.maximum(0, x)


def relu_derivative(x):
    return np.where(x > 0, np.ones_like(x), np.zeros_like(x))


def tanh(x):
    return np.tanh(x)


def tanh_derivative(x):
    return 1 - np.square(np.tanh(x))


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def sigmoid_derivative(x):
    o = sigmoid(x)
    return o * (1 - o)


def backprop(dz, layer, layer_in, learning_rate=0.01):
    gw = layer_in.T.dot(dz)
    gb = np.sum(dz, axis=0, keepdims=True)
    new_dz = dz.dot(layer["w"].T)
    layer["w"] += learning_rate * gw
    layer["b"] += learning_rate * gb
    return new_dz
# --------------------------------------------------------------------------------------

ACTS = {
    "relu": (relu, relu_derivative),
    "tanh": (tanh, tanh_derivative),
    "sigmoid": (sigmoid, sigmoid_derivative),
    "none": (lambda x: x, lambda x: np.ones_like(x)),
}


def main():
    p = json.load(open(sys.argv[1]))
    act, act_derivative = ACTS[p["activation"]]
    n, h = p["points"], p["hidden"]
    x = np.array(p["x"], dtype=np.float64).reshape(n, 1)
    y = np.array(p["y"], dtype=np.float64).reshape(n, 1)
    l1 = {"w": np.array(p["w1"]).reshape(1, h), "b": np.array(p["b1"]).reshape(1, h)}
    l2 = {"w": np.array(p["w2"]).reshape(h, 1), "b": np.array(p["b2"]).reshape(1, 1)}
    learning_rate = p["learningRate"]

    def step():
        # predict04()'s loop body; the cost is computed every step, as the app records it.
        o1 = x.dot(l1["w"]) + l1["b"]
        a1 = act(o1)
        o2 = a1.dot(l2["w"]) + l2["b"]
        average_cost = np.mean(np.square(o2 - y))
        dz2 = -2 * (o2 - y)
        dz1 = backprop(dz2, l2, a1, learning_rate)
        dz1 *= act_derivative(o1)
        _ = backprop(dz1, l1, x, learning_rate)
        return float(average_cost)

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
