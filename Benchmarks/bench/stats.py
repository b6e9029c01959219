"""Rates and latency percentiles from a sink's receive timestamps."""


def percentile(sorted_values, q):
    """Nearest-rank percentile (q in 0..100) of an ascending list."""
    if not sorted_values:
        return None
    rank = max(1, min(len(sorted_values), int(-(-q * len(sorted_values) // 100))))
    return sorted_values[rank - 1]


def burst(times, t_due, n):
    """A burst of `n` messages that fell due at `t_due` (wall clock), received at `times` (ascending)."""
    if not times:
        return {"n": n, "delivered": 0}
    latencies = [t - t_due for t in times]
    span = times[-1] - times[0]
    return {
        "n": n,
        "delivered": len(times),
        "first_latency": latencies[0],
        "p50": percentile(latencies, 50),
        "p99": percentile(latencies, 99),
        "max": latencies[-1],
        # Messages per second while sending (first to last message), and for the whole burst from its due moment.
        "rate": (len(times) - 1) / span if span > 0 else None,
        "rate_from_due": len(times) / (times[-1] - t_due) if times[-1] > t_due else None,
    }
