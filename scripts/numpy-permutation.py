#!/usr/bin/env python3
"""numpy reference draws for src/core/rngPermutation.test.ts and batches.test.ts (numpy only).

Reads a JSON list of cases on stdin: {"seed": s, "ops": [...]} where each op is
["normal", loc, scale, count] (np.random.normal(loc, scale, size=count)) or
["permutation", n] (np.random.permutation(n)), run in order on the legacy global generator
after np.random.seed(s). Writes, per case, the list of each op's result as JSON on stdout
(floats in Python's repr, the shortest form that round-trips: exact doubles).
"""
import json
import sys

import numpy as np


def run(case):
    np.random.seed(case["seed"])
    out = []
    for op in case["ops"]:
        if op[0] == "normal":
            _, loc, scale, count = op
            out.append(np.random.normal(loc, scale, size=count).tolist())
        elif op[0] == "permutation":
            out.append(np.random.permutation(op[1]).tolist())
        else:
            raise ValueError(f"unknown op {op[0]!r}")
    return out


def main():
    cases = json.load(sys.stdin)
    json.dump([run(c) for c in cases], sys.stdout)


if __name__ == "__main__":
    main()
