"""Ranking and retrieval metrics for one query at a time, in plain numpy.

`relevant` is a 0/1 list of items in the order the model ranked them,
position 1 first. `grades` is the same for graded relevance (0, 1, 2, 3).
`n_relevant` is how many relevant items the query has in total, including
any the model did not return.
"""
from __future__ import annotations

import numpy as np


# --8<-- [start:precision_recall_at_k]
def precision_at_k(relevant, k: int) -> float:
    """precision@k = (relevant items in the top k) / k."""
    return float(np.sum(np.asarray(relevant)[:k]) / k)


def recall_at_k(relevant, k: int, n_relevant: int) -> float:
    """recall@k = (relevant items in the top k) / n_relevant."""
    if not n_relevant:
        return 0.0
    return float(np.sum(np.asarray(relevant)[:k]) / n_relevant)
# --8<-- [end:precision_recall_at_k]


# --8<-- [start:mrr]
def reciprocal_rank(relevant) -> float:
    """RR = 1 / (position of the first relevant item); 0 if none."""
    hits = np.flatnonzero(np.asarray(relevant))
    return 1.0 / (hits[0] + 1) if hits.size else 0.0


def mean_reciprocal_rank(relevant_per_query) -> float:
    """MRR = (1 / |Q|) · Σ_q RR_q."""
    return float(np.mean([reciprocal_rank(r) for r in relevant_per_query]))
# --8<-- [end:mrr]


# --8<-- [start:map]
def average_precision_at_k(relevant, k: int, n_relevant: int) -> float:
    """AP@k = (1 / n_relevant) · Σ precision@i over relevant positions
    i ≤ k.

    Some libraries divide by min(k, n_relevant) instead, so a perfect
    top k scores 1.0 even when more relevant items exist. Say which.
    """
    if not n_relevant:
        return 0.0
    rel = np.asarray(relevant)[:k]
    positions = np.flatnonzero(rel) + 1            # 1-based ranks of hits
    precision_at_hits = np.cumsum(rel)[rel == 1] / positions
    return float(np.sum(precision_at_hits) / n_relevant)


def mean_average_precision(queries, k: int) -> float:
    """mAP@k = mean of AP@k over queries, given (relevant, n_relevant)."""
    return float(np.mean([average_precision_at_k(r, k, n)
                          for r, n in queries]))
# --8<-- [end:map]


# --8<-- [start:ndcg]
def dcg_at_k(grades, k: int, gain: str = "exponential") -> float:
    """DCG@k = Σ_{i=1..k} gain(rel_i) / log2(i + 1), where
    gain(rel) = 2^rel − 1 ("exponential") or rel ("linear")."""
    rel = np.asarray(grades, dtype=float)[:k]
    gains = 2.0 ** rel - 1 if gain == "exponential" else rel
    discounts = np.log2(np.arange(2, rel.size + 2))   # log2(i + 1)
    return float(np.sum(gains / discounts))


def ndcg_at_k(grades, k: int, gain: str = "exponential") -> float:
    """NDCG@k = DCG@k / IDCG@k; IDCG@k is DCG@k of the grades sorted
    best first.

    Pass the grades of every judged item, in ranked order, so the ideal
    order can use relevant items ranked below k. A query with no
    relevant item scores 0 here; many tools drop such queries instead.
    """
    ideal = dcg_at_k(sorted(grades, reverse=True), k, gain)
    return dcg_at_k(grades, k, gain) / ideal if ideal > 0 else 0.0
# --8<-- [end:ndcg]
