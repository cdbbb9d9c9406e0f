"""Benchmarks: a synthetic news corpus and measurements of indexing, search and the app against their floors."""
