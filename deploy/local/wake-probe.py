#!/usr/bin/env python3
"""How long this machine takes to run a thread that became ready: the scheduling tail every request pays per hop.

Two measures, N samples each, printed as p50 / p90 / p99 / max in milliseconds:
- oversleep: how late a 2 ms sleep returns (the timer fired; the process waited for a core);
- pipe round trip: a byte to a second process and back (two wake-ups of processes blocked on a pipe).
Run it beside a load (e.g. inside deploy/local/pull-bench.sh's measured window) and alone, and compare.

usage: deploy/local/wake-probe.py [samples, default 3000]
"""
import os
import sys
import time


def percentiles(samples):
    ordered = sorted(samples)
    n = len(ordered)
    return " ".join(f"{name} {ordered[min(n - 1, int(n * q))]:.3f}" for name, q in (("p50", 0.5), ("p90", 0.9), ("p99", 0.99), ("max", 1.0)))


def main():
    count = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    to_child_r, to_child_w = os.pipe()
    to_parent_r, to_parent_w = os.pipe()
    child = os.fork()
    if child == 0:
        # The echo: blocks on its pipe, answers each byte, ends when the parent closes its end.
        os.close(to_child_w)
        os.close(to_parent_r)
        while os.read(to_child_r, 1):
            os.write(to_parent_w, b"x")
        os._exit(0)

    os.close(to_child_r)
    os.close(to_parent_w)
    oversleep, round_trip = [], []
    for _ in range(count):
        started = time.perf_counter()
        time.sleep(0.002)
        oversleep.append((time.perf_counter() - started) * 1000 - 2.0)
        started = time.perf_counter()
        os.write(to_child_w, b"x")
        os.read(to_parent_r, 1)
        round_trip.append((time.perf_counter() - started) * 1000)
    os.close(to_child_w)
    os.waitpid(child, 0)
    print(f"oversleep ms       {percentiles(oversleep)}")
    print(f"pipe round trip ms {percentiles(round_trip)}")


if __name__ == "__main__":
    main()
