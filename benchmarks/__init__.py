"""Speed and memory targets, measured on this machine. Run ``python -m benchmarks.run``."""
