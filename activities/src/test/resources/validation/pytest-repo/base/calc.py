"""A tiny module under test."""


def add(a, b):
    return a + b


def clamp(x, lo, hi):
    """Limit x to the range [lo, hi]."""
    return max(lo, x)
