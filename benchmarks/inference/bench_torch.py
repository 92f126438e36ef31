#!/usr/bin/python3
"""Times the benchmark model in PyTorch (CPU): median seconds per call at each batch size.

    /usr/bin/python3 benchmarks/inference/bench_torch.py <threads> <batch>=<calls> ...
Prints one JSON object: {"1": median_seconds, "64": median_seconds}.
"""
import json
import os
import statistics
import sys
import time

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import model as bench_model  # noqa: E402


def main(threads, runs):
    torch.set_num_threads(threads)  # Debian's PyTorch uses one thread unless told
    model = bench_model.build()
    medians = {}
    with torch.inference_mode():
        for batch, calls in runs:
            x = torch.rand(batch, 3, 64, 64)
            for _ in range(max(3, calls // 5)):
                model(x)
            times = []
            for _ in range(calls):
                start = time.perf_counter()
                model(x)
                times.append(time.perf_counter() - start)
            medians[str(batch)] = statistics.median(times)
    print(json.dumps(medians))


if __name__ == "__main__":
    main(int(sys.argv[1]), [tuple(int(v) for v in a.split("=")) for a in sys.argv[2:]])
