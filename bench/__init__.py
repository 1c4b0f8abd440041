"""Benchmarks run by `make bench` (bench/run_all.sh): ratios measured in one run, never asserted in tests.
Each module prints its figures and rewrites its own section of docs/benchmarks.md."""
