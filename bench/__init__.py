"""The performance benchmark behind `make bench`: synthetic data at several sizes, timed builds,
page weights and the directory's search in Chromium. Run it with `python -m bench.run`."""
