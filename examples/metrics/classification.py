"""Classification metrics in plain numpy, written to be read.

Labels are 0/1 arrays. `scores` are any real numbers, higher meaning "more
positive"; `probs` are predicted probabilities of the positive class. The
tests in tests/test_metric_examples.py compare each function with
scikit-learn or with values worked out by hand.
"""
from __future__ import annotations

import numpy as np


# --8<-- [start:confusion]
def precision(y_true, y_pred) -> float:
    """precision = TP / (TP + FP): the share of flagged items that are
    positive."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == 1) & (y_true == 1))
    fp = np.sum((y_pred == 1) & (y_true == 0))
    return float(tp / (tp + fp)) if tp + fp else 0.0


def recall(y_true, y_pred) -> float:
    """recall = TP / (TP + FN): the share of positive items you flagged."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum((y_pred == 1) & (y_true == 1))
    fn = np.sum((y_pred == 0) & (y_true == 1))
    return float(tp / (tp + fn)) if tp + fn else 0.0


def f1(y_true, y_pred) -> float:
    """F1 = 2 · P · R / (P + R), the harmonic mean of precision and
    recall."""
    p, r = precision(y_true, y_pred), recall(y_true, y_pred)
    return 2 * p * r / (p + r) if p + r else 0.0
# --8<-- [end:confusion]


# --8<-- [start:averaging]
def macro_f1(y_true, y_pred) -> float:
    """Macro F1 = mean over classes c of F1(c vs rest).
    Every class counts the same."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    classes = np.union1d(y_true, y_pred)
    return float(np.mean([f1(y_true == c, y_pred == c) for c in classes]))


def micro_f1(y_true, y_pred) -> float:
    """Micro F1 = F1 of TP, FP and FN pooled over classes.
    Every item counts the same. With one label per item, pooled FP equals
    pooled FN, so micro F1 equals accuracy."""
    y_true, y_pred = np.asarray(y_true), np.asarray(y_pred)
    tp = np.sum(y_true == y_pred)
    fp = fn = np.sum(y_true != y_pred)
    return float(2 * tp / (2 * tp + fp + fn))
# --8<-- [end:averaging]


# --8<-- [start:roc_auc]
def roc_auc(y_true, scores) -> float:
    """ROC-AUC = P(random positive outscores random negative), ties = 1/2.
    Unchanged by any strictly increasing transform of the scores.

    Rank form (Mann-Whitney U), with ranks 1..N in ascending score order
    and tied scores sharing their average rank:
    AUC = (Σ ranks of positives − n_pos · (n_pos + 1) / 2) / (n_pos · n_neg)
    """
    y_true = np.asarray(y_true)
    scores = np.asarray(scores, dtype=float)
    _, group, counts = np.unique(scores, return_inverse=True,
                                 return_counts=True)
    last_rank = np.cumsum(counts)          # rank of each tie group's last
    ranks = (last_rank - (counts - 1) / 2)[group]      # average rank
    n_pos = int(np.sum(y_true == 1))
    n_neg = y_true.size - n_pos
    u = np.sum(ranks[y_true == 1]) - n_pos * (n_pos + 1) / 2
    return float(u / (n_pos * n_neg))
# --8<-- [end:roc_auc]


# --8<-- [start:average_precision]
def average_precision(y_true, scores) -> float:
    """AP = Σ_n (R_n − R_{n−1}) · P_n over thresholds, highest first.

    Step-wise, no interpolation. Without ties it equals
    (1 / #positives) · Σ over positives of precision at its rank.
    Tied scores form one threshold, as in scikit-learn.
    """
    y_true = np.asarray(y_true)
    scores = np.asarray(scores, dtype=float)
    order = np.argsort(-scores, kind="mergesort")
    y, s = y_true[order], scores[order]
    tp, fp = np.cumsum(y == 1), np.cumsum(y == 0)
    cut = np.r_[s[1:] != s[:-1], True]     # last item of each score value
    tp, fp = tp[cut], fp[cut]
    precision_at_cut = tp / (tp + fp)
    recall_at_cut = tp / tp[-1]
    recall_gain = np.diff(np.r_[0.0, recall_at_cut])
    return float(np.sum(recall_gain * precision_at_cut))
# --8<-- [end:average_precision]


# --8<-- [start:log_loss]
def log_loss(y_true, probs) -> float:
    """log loss = −(1/N) · Σ [y · ln(p) + (1 − y) · ln(1 − p)], in nats."""
    y = np.asarray(y_true, dtype=float)
    p = np.clip(np.asarray(probs, dtype=float), 1e-15, 1 - 1e-15)
    return float(-np.mean(y * np.log(p) + (1 - y) * np.log(1 - p)))


def normalized_cross_entropy(y_true, probs) -> float:
    """NE = log loss / H(p̄), where p̄ is the observed positive rate and
    H(p̄) = −[p̄ · ln(p̄) + (1 − p̄) · ln(1 − p̄)].

    He et al. (2014) call it normalized entropy. 1.0 means no better than
    always predicting the base rate; lower is better.
    """
    rate = float(np.mean(y_true))
    h = -(rate * np.log(rate) + (1 - rate) * np.log(1 - rate))
    return log_loss(y_true, probs) / h
# --8<-- [end:log_loss]


# --8<-- [start:calibration]
def calibration_ratio(y_true, probs) -> float:
    """calibration ratio = Σ p / Σ y (expected over observed positives)."""
    return float(np.sum(probs) / np.sum(y_true))


def reliability_bins(y_true, probs, n_bins: int = 10,
                     strategy: str = "uniform"):
    """Per bin: count, mean prediction, observed positive rate. Plot
    observed rate against mean prediction for a reliability diagram.

    "uniform": equal-width bins (b/n, (b+1)/n], the first also holding 0.
    "quantile": equal-count bins, for skewed scores such as a rare-event
    model's. Edges as in scikit-learn's calibration_curve. Empty bins
    have count 0 and NaN means.
    """
    y = np.asarray(y_true, dtype=float)
    p = np.asarray(probs, dtype=float)
    if strategy == "uniform":
        edges = np.linspace(0.0, 1.0, n_bins + 1)
    elif strategy == "quantile":
        edges = np.quantile(p, np.linspace(0.0, 1.0, n_bins + 1))
    else:
        raise ValueError(f"unknown strategy {strategy!r}")
    b = np.searchsorted(edges[1:-1], p)   # p on an edge: the lower bin
    counts = np.bincount(b, minlength=n_bins)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean_pred = np.bincount(b, weights=p, minlength=n_bins) / counts
        observed = np.bincount(b, weights=y, minlength=n_bins) / counts
    return counts, mean_pred, observed


def expected_calibration_error(y_true, probs, n_bins: int = 10,
                               strategy: str = "uniform") -> float:
    """ECE = Σ_b (n_b / N) · |observed rate_b − mean prediction_b|."""
    counts, mean_pred, observed = reliability_bins(y_true, probs, n_bins,
                                                   strategy)
    filled = counts > 0
    gaps = np.abs(observed[filled] - mean_pred[filled])
    return float(np.sum(counts[filled] / counts.sum() * gaps))
# --8<-- [end:calibration]
