"""PyTorch's own optimizers on given gradient sequences, for the optimizers' parity test.

Usage: torch-optim.py CASES.json DTYPE (float32 or float64). Each case (see
src/core/optimizers.harness.ts) has the starting parameters per layer, the tutorial-sign
summed gradients gw, gb per step, the batch size, the learning rate and the options. Each
step sets every parameter's .grad to the loss gradient (-gw, divided by the batch under
'mean'; plus l1 * sign(w) on weights, the gradient of an L1 term l1 * sum|w| added to the
loss) and calls the optimizer: torch.optim.SGD, SGD(momentum=m), RMSprop or Adam with their
default hyper-parameters, L2 as weight_decay on a parameter group of the weights alone.
Prints the final parameters as JSON: per case, per layer, {"w": [...], "b": [...]}.
"""
import json
import sys

import torch

cases = json.load(open(sys.argv[1]))
dtype = {"float32": torch.float32, "float64": torch.float64}[sys.argv[2]]


def make_optimizer(name, groups, lr, momentum):
    if name == "sgd":
        return torch.optim.SGD(groups, lr=lr)
    if name == "momentum":
        return torch.optim.SGD(groups, lr=lr, momentum=momentum)
    if name == "rmsprop":
        return torch.optim.RMSprop(groups, lr=lr)
    if name == "adam":
        return torch.optim.Adam(groups, lr=lr)
    raise ValueError(name)


results = []
for case in cases:
    opts = case["options"]
    weights = [torch.tensor(layer["w"], dtype=dtype, requires_grad=True) for layer in case["initial"]]
    biases = [torch.tensor(layer["b"], dtype=dtype, requires_grad=True) for layer in case["initial"]]
    groups = [
        {"params": weights, "weight_decay": opts["l2"]},
        {"params": biases, "weight_decay": 0.0},
    ]
    optimizer = make_optimizer(opts["optimizer"], groups, case["lr"], opts["momentum"])
    divisor = case["batch"] if opts["reduction"] == "mean" else 1
    for step in case["grads"]:
        for layer, w, b in zip(step, weights, biases):
            gw = -torch.tensor(layer["w"], dtype=dtype)
            gb = -torch.tensor(layer["b"], dtype=dtype)
            if divisor != 1:
                gw = gw / divisor
                gb = gb / divisor
            if opts["l1"] != 0:
                gw = gw + opts["l1"] * torch.sign(w.detach())
            w.grad = gw
            b.grad = gb
        optimizer.step()
    results.append(
        [{"w": w.detach().tolist(), "b": b.detach().tolist()} for w, b in zip(weights, biases)]
    )

json.dump(results, sys.stdout)
