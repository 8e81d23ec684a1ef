#!/usr/bin/env python3
"""numpy reference runs at any depth, for src/core/numpyDeep.test.ts (numpy only).

Reads a JSON list of cases on stdin and writes, per case, the data, the initial layers, the
weight scales and the loss of every step, as JSON on stdout. Each case is the tutorial's
script generalised: np.random.seed(s), the data's noise, then a list of layers drawn from
the input side (`w = np.random.normal(loc=0, scale=..., size=[in, out])` then
`b = np.full([1, out], bias)`), and a loop over the tutorial's `backprop`, all in float64.
"""
import json
import sys

import numpy as np

LEAKY_SLOPE = 0.01
ELU_ALPHA = 1.0

TARGETS = {
    "linear": lambda x: x,
    "quadratic": lambda x: x ** 2,
    "sine": lambda x: np.sin(np.pi * x),
    "abs": lambda x: np.abs(x),
    "step": lambda x: np.where(x >= 0, 1.0, 0.0),
    "cubic": lambda x: x ** 3,
}


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def softplus(z):
    return np.where(z > 0, z + np.log1p(np.exp(-np.abs(z))), np.log1p(np.exp(np.minimum(z, 0))))


ACTIVATIONS = {
    "none": (lambda z: z, lambda z: np.ones_like(z)),
    "relu": (lambda z: np.maximum(0, z), lambda z: np.where(z > 0, 1.0, 0.0)),
    "tanh": (np.tanh, lambda z: 1 - np.tanh(z) ** 2),
    "sigmoid": (sigmoid, lambda z: sigmoid(z) * (1 - sigmoid(z))),
    "leaky-relu": (lambda z: np.where(z > 0, z, LEAKY_SLOPE * z), lambda z: np.where(z > 0, 1.0, LEAKY_SLOPE)),
    "elu": (lambda z: np.where(z > 0, z, ELU_ALPHA * np.expm1(np.minimum(z, 0))),
            lambda z: np.where(z > 0, 1.0, ELU_ALPHA * np.exp(np.minimum(z, 0)))),
    "softplus": (softplus, sigmoid),
    "sine": (np.sin, np.cos),
}


def scale_of(init, fan_in, fan_out):
    if init == "tutorial":
        return 0.1
    if init == "glorot":
        return np.sqrt(2 / (fan_in + fan_out))
    return np.sqrt(2 / fan_in)


def layer(in_dim, out_dim, init):
    scale = scale_of(init, in_dim, out_dim)
    weights = np.random.normal(loc=0, scale=scale, size=[in_dim, out_dim])
    bias = np.full([1, out_dim], 0.1 if init == "tutorial" else 0.0)
    return {"w": weights, "b": bias}, float(scale)


def backprop(dz, layer, layer_in, learning_rate):
    gw = layer_in.T.dot(dz)
    gb = np.sum(dz, axis=0, keepdims=True)
    new_dz = dz.dot(layer["w"].T)  # with the weights before their update
    layer["w"] += learning_rate * gw
    layer["b"] += learning_rate * gb
    return new_dz


def run(case):
    np.random.seed(case["seed"])
    n = case["points"]
    x = np.linspace(-1, 1, n)[:, None]
    y = np.random.normal(loc=0, scale=case["noise"], size=[n, 1]) + TARGETS[case["dataset"]](x)
    sizes = [1] + case["layers"] + [1]
    layers, scales = [], []
    for i in range(len(sizes) - 1):
        l, s = layer(sizes[i], sizes[i + 1], case["init"])
        layers.append(l)
        scales.append(s)
    initial = [{"w": l["w"].ravel().tolist(), "b": l["b"].ravel().tolist()} for l in layers]
    act, act_derivative = ACTIVATIONS[case["activation"]]
    losses = []
    for _ in range(case["steps"]):
        ins, outs = [], []  # each layer's input and pre-activation
        a = x
        for k, l in enumerate(layers):
            ins.append(a)
            o = a.dot(l["w"]) + l["b"]
            outs.append(o)
            a = o if k == len(layers) - 1 else act(o)
        losses.append(float(np.mean(np.square(a - y))))
        dz = -2 * (a - y)
        for k in range(len(layers) - 1, -1, -1):
            dz = backprop(dz, layers[k], ins[k], case["learningRate"])
            if k > 0:
                dz = dz * act_derivative(outs[k - 1])
    return {"x": x.ravel().tolist(), "y": y.ravel().tolist(), "initial": initial,
            "scales": scales, "losses": losses}


json.dump([run(case) for case in json.load(sys.stdin)], sys.stdout)
