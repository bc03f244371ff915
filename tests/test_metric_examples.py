"""The metric examples included in docs/building-blocks/metrics.md compute what the page says.

Each function in examples/metrics/ is checked against scikit-learn where scikit-learn has the
metric (with its conventions matched explicitly), and against values worked out by hand, in the
comments, where it does not. Random cases use fixed seeds.
"""
from __future__ import annotations

import importlib.util
import math
from pathlib import Path

import numpy as np
import pytest

import sklearn.metrics as sklearn_metrics
from sklearn.calibration import calibration_curve

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "metrics"


def load(name: str):
    """Import examples/metrics/<name>.py by path (the examples folder is not an installed package)."""
    spec = importlib.util.spec_from_file_location(f"metric_examples_{name}", EXAMPLES / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


clf = load("classification")
rank = load("ranking")
det = load("detection")
gen = load("generation")

SEEDS = [0, 1, 2, 3, 4]


def binary_case(seed: int, n: int = 300, rate: float = 0.2, decimals: int | None = None):
    """Labels, probabilities that carry some signal, and hard predictions at 0.5."""
    rng = np.random.default_rng(seed)
    y = (rng.random(n) < rate).astype(int)
    logits = 1.5 * y + rng.normal(0.0, 1.0, n) - 1.0
    p = 1 / (1 + np.exp(-logits))
    if decimals is not None:               # coarse scores create many ties
        p = np.clip(np.round(p, decimals), 0.01, 0.99)
    return y, p, (p >= 0.5).astype(int)


# ---------------------------------------------------------------- classification


@pytest.mark.parametrize("seed", SEEDS)
def test_precision_recall_f1_match_sklearn(seed):
    y, _, pred = binary_case(seed)
    assert clf.precision(y, pred) == pytest.approx(sklearn_metrics.precision_score(y, pred))
    assert clf.recall(y, pred) == pytest.approx(sklearn_metrics.recall_score(y, pred))
    assert clf.f1(y, pred) == pytest.approx(sklearn_metrics.f1_score(y, pred))


def test_precision_recall_f1_by_hand():
    y = [1, 1, 1, 0, 0, 0, 0, 0]
    pred = [1, 1, 0, 1, 0, 0, 0, 0]
    # TP = 2, FP = 1, FN = 1: precision 2/3, recall 2/3, F1 2/3
    assert clf.precision(y, pred) == pytest.approx(2 / 3)
    assert clf.recall(y, pred) == pytest.approx(2 / 3)
    assert clf.f1(y, pred) == pytest.approx(2 / 3)
    # Nothing flagged: precision is 0/0, reported as 0 (scikit-learn's zero_division=0)
    assert clf.precision(y, [0] * 8) == 0.0
    assert clf.f1(y, [0] * 8) == 0.0


@pytest.mark.parametrize("seed", SEEDS)
def test_macro_and_micro_f1_match_sklearn(seed):
    rng = np.random.default_rng(seed)
    y = rng.choice(3, size=400, p=[0.8, 0.15, 0.05])
    pred = np.where(rng.random(400) < 0.7, y, rng.choice(3, size=400))
    assert clf.macro_f1(y, pred) == pytest.approx(sklearn_metrics.f1_score(y, pred, average="macro"))
    assert clf.micro_f1(y, pred) == pytest.approx(sklearn_metrics.f1_score(y, pred, average="micro"))


def test_macro_and_micro_f1_diverge_on_a_rare_class():
    # 8 items of class 0 all right; 2 items of class 1 both called 0.
    y = [0] * 8 + [1] * 2
    pred = [0] * 10
    # micro F1 = accuracy = 0.8. Class 0: P = 0.8, R = 1, F1 = 1.6 / 1.8 = 0.8889; class 1: F1 = 0.
    assert clf.micro_f1(y, pred) == pytest.approx(0.8)
    assert clf.macro_f1(y, pred) == pytest.approx((16 / 18 + 0) / 2)


def test_macro_f1_counts_a_class_that_is_only_predicted():
    # Class 2 never occurs but is predicted once; scikit-learn averages over the union of labels.
    y = [0, 0, 1, 1]
    pred = [0, 2, 1, 1]
    # Class 0: P = 1, R = 1/2, F1 = 2/3; class 1: F1 = 1; class 2: P = 0, F1 = 0 → (2/3 + 1 + 0) / 3 = 0.5556
    assert clf.macro_f1(y, pred) == pytest.approx((2 / 3 + 1) / 3)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("decimals", [None, 1])
def test_roc_auc_matches_sklearn_with_and_without_ties(seed, decimals):
    y, p, _ = binary_case(seed, decimals=decimals)
    assert clf.roc_auc(y, p) == pytest.approx(sklearn_metrics.roc_auc_score(y, p))


def test_roc_auc_by_hand_and_by_pairs():
    y = [1, 0, 1, 0, 0]
    s = [0.9, 0.8, 0.4, 0.4, 0.1]
    # 6 positive-negative pairs: (0.9 vs 0.8, 0.4, 0.1) = 3 wins; (0.4 vs 0.8) loss,
    # (0.4 vs 0.4) tie = 1/2, (0.4 vs 0.1) win. AUC = 4.5 / 6 = 0.75
    assert clf.roc_auc(y, s) == pytest.approx(0.75)
    # A strictly increasing transform leaves AUC unchanged; a decreasing one gives 1 − AUC
    assert clf.roc_auc(y, np.log(s)) == pytest.approx(0.75)
    assert clf.roc_auc(y, -np.asarray(s)) == pytest.approx(0.25)


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("decimals", [None, 1])
def test_average_precision_matches_sklearn_step_ap(seed, decimals):
    y, p, _ = binary_case(seed, decimals=decimals)
    assert clf.average_precision(y, p) == pytest.approx(sklearn_metrics.average_precision_score(y, p))


def test_average_precision_by_hand_and_chance_level():
    # Positives at ranks 1, 3, 6 of 6: AP = (1 + 2/3 + 3/6) / 3 = 0.7222
    y = [1, 0, 1, 0, 0, 1]
    s = [6, 5, 4, 3, 2, 1]
    assert clf.average_precision(y, s) == pytest.approx((1 + 2 / 3 + 0.5) / 3)
    # Random scores: AP sits near the positive rate (0.01 here), ROC-AUC near 0.5
    rng = np.random.default_rng(7)
    y = (rng.random(200_000) < 0.01).astype(int)
    s = rng.random(200_000)
    assert clf.average_precision(y, s) == pytest.approx(0.01, abs=0.002)
    assert clf.roc_auc(y, s) == pytest.approx(0.5, abs=0.02)


@pytest.mark.parametrize("seed", SEEDS)
def test_log_loss_matches_sklearn(seed):
    y, p, _ = binary_case(seed)
    assert clf.log_loss(y, p) == pytest.approx(sklearn_metrics.log_loss(y, p))


def test_log_loss_by_hand():
    # −(ln 0.9 + ln 0.8) / 2 = (0.10536 + 0.22314) / 2 = 0.16425
    assert clf.log_loss([1, 0], [0.9, 0.2]) == pytest.approx(0.16425, abs=1e-5)
    # One confident mistake: p = 0.99 on a negative costs ln(100) = 4.605 nats
    assert clf.log_loss([0], [0.99]) == pytest.approx(4.60517, abs=1e-5)


@pytest.mark.parametrize("seed", SEEDS)
def test_normalized_cross_entropy_matches_sklearn_ratio(seed):
    y, p, _ = binary_case(seed)
    baseline = np.full(len(y), y.mean())
    expected = sklearn_metrics.log_loss(y, p) / sklearn_metrics.log_loss(y, baseline)
    assert clf.normalized_cross_entropy(y, p) == pytest.approx(expected)


def test_normalized_cross_entropy_by_hand():
    y = [1, 0, 0, 0]
    # Log loss = −(ln 0.5 + 3 ln 0.75) / 4 = (0.69315 + 0.86305) / 4 = 0.38905
    # Base rate 0.25: H = −(0.25 ln 0.25 + 0.75 ln 0.75) = 0.34657 + 0.21576 = 0.56233
    # NE = 0.38905 / 0.56233 = 0.69185
    assert clf.normalized_cross_entropy(y, [0.5, 0.25, 0.25, 0.25]) == pytest.approx(0.69185, abs=1e-4)
    # Predicting the base rate for everyone gives exactly 1.0
    assert clf.normalized_cross_entropy(y, [0.25] * 4) == pytest.approx(1.0)
    # Base rate 1%: H = 0.01 × 4.6052 + 0.99 × 0.01005 = 0.0560 nats (the ad-click page's number)
    y = [1] + [0] * 99
    baseline_loss = clf.log_loss(y, [0.01] * 100)
    assert baseline_loss == pytest.approx(0.0560, abs=1e-4)


def test_calibration_ratio_by_hand():
    # Σ p = 0.2 + 0.2 + 0.6 = 1.0 expected positives; 2 observed: ratio 0.5 (under-predicting)
    assert clf.calibration_ratio([1, 0, 1], [0.2, 0.2, 0.6]) == pytest.approx(0.5)


def test_expected_calibration_error_by_hand():
    # Bin [0.1, 0.2): four items at 0.15, one positive → observed 0.25, gap 0.10
    # Bin [0.8, 0.9): four items at 0.85, three positive → observed 0.75, gap 0.10
    # ECE = 0.5 × 0.10 + 0.5 × 0.10 = 0.10
    y = [1, 0, 0, 0, 1, 1, 1, 0]
    p = [0.15] * 4 + [0.85] * 4
    assert clf.expected_calibration_error(y, p) == pytest.approx(0.10)
    counts, mean_pred, observed = clf.reliability_bins(y, p)
    assert counts.tolist() == [0, 4, 0, 0, 0, 0, 0, 0, 4, 0]
    assert observed[1] == pytest.approx(0.25) and observed[8] == pytest.approx(0.75)
    # Unequal bins: 6 items at 0.25 with 3 positives (gap 0.25), 2 at 0.95 with 2 positives (gap 0.05)
    # ECE = 6/8 × 0.25 + 2/8 × 0.05 = 0.1875 + 0.0125 = 0.20
    y = [1, 1, 1, 0, 0, 0, 1, 1]
    p = [0.25] * 6 + [0.95] * 2
    assert clf.expected_calibration_error(y, p) == pytest.approx(0.20)
    # Calibrated on this sample: 1 positive in 4 items scored 0.25 → 0
    assert clf.expected_calibration_error([1, 0, 0, 0], [0.25] * 4) == pytest.approx(0.0)
    # p = 1.0 lands in the top bin, not in an eleventh one
    assert clf.expected_calibration_error([1], [1.0]) == pytest.approx(0.0)
    counts, _, _ = clf.reliability_bins([1, 0], [1.0, 0.0])
    assert counts.tolist() == [1, 0, 0, 0, 0, 0, 0, 0, 0, 1]
    # A prediction on an edge joins the lower bin: 0.2 is in (0.1, 0.2], 0.3 in (0.2, 0.3]
    counts, _, _ = clf.reliability_bins([0, 1], [0.2, 0.3])
    assert counts.tolist() == [0, 1, 1, 0, 0, 0, 0, 0, 0, 0]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("strategy", ["uniform", "quantile"])
@pytest.mark.parametrize("decimals", [None, 1])
def test_reliability_bins_and_ece_match_sklearn_calibration_curve(seed, strategy, decimals):
    # decimals=1 puts many predictions exactly on bin edges, where the edge convention matters
    y, p, _ = binary_case(seed, n=2000, decimals=decimals)
    prob_true, prob_pred = calibration_curve(y, p, n_bins=10, strategy=strategy)
    counts, mean_pred, observed = clf.reliability_bins(y, p, n_bins=10, strategy=strategy)
    filled = counts > 0
    assert observed[filled] == pytest.approx(prob_true)
    assert mean_pred[filled] == pytest.approx(prob_pred)
    expected = np.sum(counts[filled] / len(y) * np.abs(prob_true - prob_pred))
    assert clf.expected_calibration_error(y, p, n_bins=10, strategy=strategy) == pytest.approx(expected)


def test_equal_width_bins_collapse_for_a_rare_event_model():
    # Predictions between 0.1% and 5%: all 5,000 fall in the first equal-width bin [0, 0.1],
    # so the reliability diagram has one point; equal-count bins give ten points of 500.
    rng = np.random.default_rng(5)
    p = rng.uniform(0.001, 0.05, 5_000)
    y = (rng.random(p.size) < p).astype(int)
    counts, _, _ = clf.reliability_bins(y, p)
    assert counts[0] == 5_000
    counts, _, _ = clf.reliability_bins(y, p, strategy="quantile")
    assert counts.tolist() == [500] * 10
    with pytest.raises(ValueError):
        clf.reliability_bins(y, p, strategy="log")


def test_ece_noise_floor_of_a_perfectly_calibrated_model():
    # Labels drawn from the predicted probabilities are calibrated by construction. Ten bins of
    # width 0.02 over [0.4, 0.6) hold ~1,000 items each near p = 0.5, so each bin's observed rate
    # wanders by √(0.25 / 1000) = 0.0158 and its expected absolute gap is √(2/π) × 0.0158 = 0.0126:
    # the page's noise floor of about 0.013. The mean over 200 draws has a standard error of ~0.0002.
    rng = np.random.default_rng(11)
    p = rng.uniform(0.4, 0.6, 10_000)
    eces = [clf.expected_calibration_error((rng.random(p.size) < p).astype(int), p, n_bins=50)
            for _ in range(200)]
    assert np.mean(eces) == pytest.approx(0.0126, abs=0.001)


# ---------------------------------------------------------------- ranking


def test_precision_and_recall_at_k_by_hand():
    relevant = [1, 0, 1, 0, 0, 1, 0, 0, 0, 0]
    # Top 5 holds 2 relevant items: precision@5 = 2/5; with 4 relevant in total, recall@5 = 2/4
    assert rank.precision_at_k(relevant, 5) == pytest.approx(0.4)
    assert rank.recall_at_k(relevant, 5, n_relevant=4) == pytest.approx(0.5)
    # A list shorter than k still divides by k
    assert rank.precision_at_k([1, 1], 5) == pytest.approx(0.4)
    # More relevant items than k: recall@2 = 2/4, not 2 / min(k, R) = 1
    assert rank.recall_at_k(relevant=[1, 1, 0], k=2, n_relevant=4) == pytest.approx(0.5)


def test_mean_reciprocal_rank_by_hand():
    queries = [[0, 0, 1], [1, 0], [0, 0, 0], [0, 1]]
    # RR = 1/3, 1, 0, 1/2 → MRR = (0.3333 + 1 + 0 + 0.5) / 4 = 0.45833
    assert rank.reciprocal_rank(queries[0]) == pytest.approx(1 / 3)
    assert rank.mean_reciprocal_rank(queries) == pytest.approx(0.458333, abs=1e-6)


def test_average_precision_at_k_by_hand():
    # Relevant at ranks 1, 3, 6, R = 3: AP = (1/1 + 2/3 + 3/6) / 3 = 0.7222
    relevant = [1, 0, 1, 0, 0, 1]
    assert rank.average_precision_at_k(relevant, 6, n_relevant=3) == pytest.approx(0.722222, abs=1e-6)
    # Cut at k = 3 with 4 relevant items in total: (1 + 2/3) / 4 = 0.41667
    assert rank.average_precision_at_k(relevant, 3, n_relevant=4) == pytest.approx(0.416667, abs=1e-6)
    # mAP@3 over two queries: AP@3 of the first with R = 3 is (1 + 2/3) / 3 = 0.5556; the second
    # has no hit in its top 3 and scores 0, so mAP@3 = 0.2778
    assert rank.mean_average_precision([(relevant, 3), ([0, 0, 0, 1], 1)], k=3) == pytest.approx(
        (1 + 2 / 3) / 3 / 2)


@pytest.mark.parametrize("seed", SEEDS)
def test_average_precision_at_full_depth_matches_sklearn(seed):
    # With every relevant item in the list and k = list length, AP@k is scikit-learn's step-wise AP
    rng = np.random.default_rng(seed)
    scores = rng.random(50)
    labels = (rng.random(50) < 0.3).astype(int)
    relevant_in_rank_order = labels[np.argsort(-scores)]
    ours = rank.average_precision_at_k(relevant_in_rank_order, 50, n_relevant=int(labels.sum()))
    assert ours == pytest.approx(sklearn_metrics.average_precision_score(labels, scores))


def graded_case(seed: int, n: int = 20):
    rng = np.random.default_rng(seed)
    grades = rng.integers(0, 4, n)          # 0..3
    scores = grades + rng.normal(0, 1.5, n)  # noisy but informative; continuous, so no ties
    return grades, scores, grades[np.argsort(-scores)]


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("k", [1, 3, 5, 10, 20])
def test_dcg_and_ndcg_linear_gain_match_sklearn(seed, k):
    grades, scores, ranked = graded_case(seed)
    # scikit-learn's dcg_score and ndcg_score use linear gain rel / log2(i + 1)
    assert rank.dcg_at_k(ranked, k, gain="linear") == pytest.approx(
        sklearn_metrics.dcg_score([grades], [scores], k=k))
    assert rank.ndcg_at_k(ranked, k, gain="linear") == pytest.approx(
        sklearn_metrics.ndcg_score([grades], [scores], k=k))


@pytest.mark.parametrize("seed", SEEDS)
@pytest.mark.parametrize("k", [1, 3, 5, 10, 20])
def test_ndcg_exponential_gain_matches_sklearn_on_transformed_labels(seed, k):
    grades, scores, ranked = graded_case(seed)
    # Exponential gain 2^rel − 1 is linear gain applied to the labels 2^rel − 1
    transformed = 2 ** grades - 1
    assert rank.ndcg_at_k(ranked, k) == pytest.approx(sklearn_metrics.ndcg_score([transformed], [scores], k=k))


def test_ndcg_worked_example_on_the_page():
    # Five judged results: one grade 3, two grade 2, two grade 0. Discounts 1, 1.585, 2, 2.322, 2.585.
    ranker_a = [3, 0, 0, 2, 2]
    ranker_b = [2, 2, 3, 0, 0]
    # Exponential gains 7, 3, 0. A: 7 + 3/2.322 + 3/2.585 = 9.453; B: 3 + 3/1.585 + 7/2 = 8.393
    # Ideal [3, 2, 2, 0, 0]: 7 + 3/1.585 + 3/2 = 10.393 → A 0.910, B 0.808
    assert rank.dcg_at_k(ranker_a, 5) == pytest.approx(9.453, abs=1e-3)
    assert rank.dcg_at_k(ranker_b, 5) == pytest.approx(8.393, abs=1e-3)
    assert rank.ndcg_at_k(ranker_a, 5) == pytest.approx(0.910, abs=1e-3)
    assert rank.ndcg_at_k(ranker_b, 5) == pytest.approx(0.808, abs=1e-3)
    # Linear gains 3, 2, 0. A: 3 + 2/2.322 + 2/2.585 = 4.635; B: 2 + 2/1.585 + 3/2 = 4.762
    # Ideal: 3 + 2/1.585 + 2/2 = 5.262 → A 0.881, B 0.905: the winner flips
    assert rank.ndcg_at_k(ranker_a, 5, gain="linear") == pytest.approx(0.881, abs=1e-3)
    assert rank.ndcg_at_k(ranker_b, 5, gain="linear") == pytest.approx(0.905, abs=1e-3)
    # At k = 3, A has only its grade-3 item: 7 / (7 + 3/1.585 + 3/2) = 7 / 10.393 = 0.674
    assert rank.ndcg_at_k(ranker_a, 3) == pytest.approx(0.674, abs=1e-3)
    # The event-recommendation page's example: grades 0, 3, 1, 0, 2 → NDCG@5 = 0.647, and 0.922
    # after moving the registered event to position 1
    assert rank.ndcg_at_k([0, 3, 1, 0, 2], 5) == pytest.approx(0.647, abs=1e-3)
    assert rank.ndcg_at_k([3, 0, 1, 0, 2], 5) == pytest.approx(0.922, abs=1e-3)
    # No relevant item: 0, as scikit-learn reports
    assert rank.ndcg_at_k([0, 0, 0], 3) == 0.0
    assert sklearn_metrics.ndcg_score([[0, 0, 0]], [[0.3, 0.2, 0.1]]) == 0.0


# ---------------------------------------------------------------- detection


def test_iou_by_hand():
    assert det.iou((0, 0, 10, 10), (0, 0, 10, 10)) == pytest.approx(1.0)
    assert det.iou((0, 0, 10, 10), (20, 20, 30, 30)) == 0.0
    assert det.iou((0, 0, 10, 10), (10, 0, 20, 10)) == 0.0          # touching edges share no area
    # (0,0,2,2) and (1,1,3,3): intersection 1, union 4 + 4 − 1 = 7
    assert det.iou((0, 0, 2, 2), (1, 1, 3, 3)) == pytest.approx(1 / 7)
    # Same-size box shifted by a third of its width: (1 − 1/3) / (1 + 1/3) = 0.5
    assert det.iou((0, 0, 12, 12), (4, 0, 16, 12)) == pytest.approx(0.5)
    # Shifted by a seventh: (6/7) / (8/7) = 0.75
    assert det.iou((0, 0, 14, 14), (2, 0, 16, 14)) == pytest.approx(0.75)
    # A box twice the width and height, same center: 100 / 400 = 0.25
    assert det.iou((5, 5, 15, 15), (0, 0, 20, 20)) == pytest.approx(0.25)
    assert det.iou((0, 0, 4, 2), (2, -1, 6, 1)) == det.iou((2, -1, 6, 1), (0, 0, 4, 2))


GROUND_TRUTH = {"img1": [(0, 0, 10, 10), (20, 20, 30, 30)], "img2": [(0, 0, 10, 10)]}
DETECTIONS = [
    ("img1", 0.9, (0, 0, 10, 10)),       # exact hit on img1 box A
    ("img1", 0.8, (0, 0, 10, 10)),       # duplicate of A: false positive at every threshold
    ("img2", 0.7, (0, 0, 10, 10)),       # exact hit on img2
    ("img2", 0.6, (50, 50, 60, 60)),     # nothing there
    ("img1", 0.5, (20, 20, 30, 26.8)),   # covers 68% of box B: IoU 0.68
]


def test_detection_average_precision_by_hand():
    # IoU 0.5: TP, FP, TP, FP, TP. Precision 1, 1/2, 2/3, 1/2, 3/5; recall 1/3, 1/3, 2/3, 2/3, 1.
    # Non-increasing envelope: 1, 2/3, 2/3, 3/5, 3/5. AP = 1/3·1 + 1/3·2/3 + 1/3·3/5 = 34/45 = 0.7556
    assert det.detection_average_precision(DETECTIONS, GROUND_TRUTH, 0.5) == pytest.approx(34 / 45)
    # IoU 0.75: the last detection becomes a false positive. AP = 1/3·1 + 1/3·2/3 = 5/9 = 0.5556
    assert det.detection_average_precision(DETECTIONS, GROUND_TRUTH, 0.75) == pytest.approx(5 / 9)
    # AP@[.50:.95]: the 0.68 box counts at 0.50, 0.55, 0.60, 0.65 and misses at 0.70 … 0.95
    # (4 × 34/45 + 6 × 5/9) / 10 = 286 / 450 = 0.6356
    assert det.map_over_iou_thresholds(DETECTIONS, GROUND_TRUTH) == pytest.approx(286 / 450)
    # Interpolation: one image with 3 boxes; hits at ranks 1, 4, 5 and misses at ranks 2, 3.
    # Precision 1, 1/2, 1/3, 1/2, 3/5. The envelope lifts rank 4 from 1/2 to 3/5:
    # AP = 1/3 · (1 + 3/5 + 3/5) = 0.7333 (the raw step sum would give 0.7000)
    truth = {"a": [(0, 0, 10, 10), (20, 0, 30, 10), (40, 0, 50, 10)]}
    dets = [("a", 0.9, (0, 0, 10, 10)), ("a", 0.8, (60, 0, 70, 10)), ("a", 0.7, (80, 0, 90, 10)),
            ("a", 0.6, (20, 0, 30, 10)), ("a", 0.5, (40, 0, 50, 10))]
    assert det.detection_average_precision(dets, truth, 0.5) == pytest.approx(11 / 15)
    # A detection in an image without ground truth is a false positive. Ranked first, it halves
    # precision at the only hit: precision 0, 1/2 at recall 0, 1 → AP = 1 × 1/2 = 0.5
    truth = {"a": [(0, 0, 10, 10)]}
    dets = [("b", 0.9, (0, 0, 10, 10)), ("a", 0.8, (0, 0, 10, 10))]
    assert det.detection_average_precision(dets, truth, 0.5) == pytest.approx(0.5)
    # Perfect detections score 1.0 at every threshold
    perfect = [("img1", 0.9, GROUND_TRUTH["img1"][0]), ("img1", 0.8, GROUND_TRUTH["img1"][1]),
               ("img2", 0.7, GROUND_TRUTH["img2"][0])]
    assert det.map_over_iou_thresholds(perfect, GROUND_TRUTH) == pytest.approx(1.0)


def test_detection_matching_follows_the_voc_rule():
    # Two overlapping boxes G1 = (0,0,20,20) and G2 = (4,0,24,20). The second detection overlaps G1
    # best (IoU 19/21 = 0.905) but G1 is taken; it also clears 0.5 with G2 (IoU 340/460 = 0.739).
    # VOC matching calls it a false positive: precision 1, 1/2 at recall 1/2, 1/2 → AP = 0.5.
    # COCO's tool would match it to G2 and report 1.0; the docstring says which rule this is.
    truth = {"a": [(0, 0, 20, 20), (4, 0, 24, 20)]}
    dets = [("a", 0.9, (0, 0, 20, 20)), ("a", 0.8, (1, 0, 21, 20))]
    assert det.iou(dets[1][2], truth["a"][0]) == pytest.approx(19 / 21)
    assert det.iou(dets[1][2], truth["a"][1]) == pytest.approx(340 / 460)
    assert det.detection_average_precision(dets, truth, 0.5) == pytest.approx(0.5)


# ---------------------------------------------------------------- generation


def test_perplexity_by_hand():
    # A uniform guess among 50 tokens has perplexity 50
    assert gen.perplexity([math.log(1 / 50)] * 10) == pytest.approx(50.0)
    # p = 0.5 then 0.25: exp((ln 2 + ln 4) / 2) = √8 = 2.828
    assert gen.perplexity([math.log(0.5), math.log(0.25)]) == pytest.approx(math.sqrt(8))
    # Mean negative log-likelihood 2.0 nats per token → e² = 7.389
    assert gen.perplexity([-1.5, -2.5]) == pytest.approx(math.exp(2.0))


def test_bleu_and_rouge_by_hand():
    reference = "the cat sat on the mat".split()
    # Clipping: "the" appears twice in the reference, so 4 × "the" earns 2 / 4
    assert gen.clipped_ngram_precision(["the"] * 4, reference, 1) == pytest.approx(0.5)
    # One word changed: p1 = 5/6, p2 = 3/5, p3 = 2/4, p4 = 1/3; BLEU = (1/12)^(1/4) = 0.5373
    candidate = "the cat sat on a mat".split()
    assert gen.bleu(candidate, reference) == pytest.approx((1 / 12) ** 0.25)
    assert gen.bleu(candidate, reference) == pytest.approx(0.5373, abs=1e-4)
    # Truncated but otherwise exact: every p_n = 1, brevity penalty exp(1 − 6/5) = 0.8187
    assert gen.bleu(reference[:5], reference) == pytest.approx(math.exp(-0.2))
    assert gen.bleu(reference, reference) == pytest.approx(1.0)
    # A paraphrase with no shared 4-gram scores 0 without smoothing
    assert gen.bleu("a cat was sitting on the mat".split(), reference) == 0.0
    # ROUGE-1 recall: 5 of the 6 reference unigrams are matched; ROUGE-2: 3 of 5 bigrams
    assert gen.rouge_n_recall(candidate, reference, 1) == pytest.approx(5 / 6)
    assert gen.rouge_n_recall(candidate, reference, 2) == pytest.approx(3 / 5)
    # ROUGE-N divides by the reference's n-grams, not the candidate's: a truncated candidate has
    # every n-gram right (precision 1) but recalls only 5 of 6 unigrams and 4 of 5 bigrams
    assert gen.rouge_n_recall(reference[:5], reference, 1) == pytest.approx(5 / 6)
    assert gen.rouge_n_recall(reference[:5], reference, 2) == pytest.approx(4 / 5)
