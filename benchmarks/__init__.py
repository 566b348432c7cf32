"""Benchmarks of the whole pipeline and its parts: `python -m benchmarks.run --corpus PATH` (`make bench`)."""
