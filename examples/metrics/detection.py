"""Object-detection metrics in plain numpy.

Boxes are (x1, y1, x2, y2) with x2 > x1 and y2 > y1.
"""
from __future__ import annotations

import numpy as np


# --8<-- [start:iou]
def iou(box_a, box_b) -> float:
    """IoU(A, B) = area(A ∩ B) / area(A ∪ B), from 0 to 1."""
    ax1, ay1, ax2, ay2 = box_a
    bx1, by1, bx2, by2 = box_b
    inter_w = max(0.0, min(ax2, bx2) - max(ax1, bx1))
    inter_h = max(0.0, min(ay2, by2) - max(ay1, by1))
    inter = inter_w * inter_h
    area_a = (ax2 - ax1) * (ay2 - ay1)
    area_b = (bx2 - bx1) * (by2 - by1)
    union = area_a + area_b - inter
    return inter / union if union > 0 else 0.0
# --8<-- [end:iou]


# --8<-- [start:detection_ap]
def detection_average_precision(detections, ground_truth,
                                iou_threshold: float = 0.5) -> float:
    """AP for one class at one IoU threshold.

    detections: list of (image_id, score, box).
    ground_truth: dict of image_id -> list of boxes.
    PASCAL VOC matching: from the highest score down, a detection is a
    true positive if its best-overlapping box in the same image has
    IoU ≥ threshold and is not matched yet. Otherwise it is a false
    positive, duplicates included, even when another box would clear the
    threshold (COCO's tool would match that box instead). AP is the area
    under the precision-recall curve after making precision
    non-increasing (all-point interpolation, VOC since 2010; COCO samples
    101 recall points instead).
    """
    n_truth = sum(len(boxes) for boxes in ground_truth.values())
    taken = {img: [False] * len(b) for img, b in ground_truth.items()}
    is_tp = []
    for image, _, box in sorted(detections, key=lambda d: -d[1]):
        overlaps = [iou(box, t) for t in ground_truth.get(image, [])]
        best = int(np.argmax(overlaps)) if overlaps else -1
        hit = (best >= 0 and overlaps[best] >= iou_threshold
               and not taken[image][best])
        if hit:
            taken[image][best] = True
        is_tp.append(hit)
    tp = np.cumsum(is_tp)
    precision = tp / np.arange(1, len(is_tp) + 1)
    recall = tp / n_truth
    # best precision at this recall or any higher recall
    envelope = np.maximum.accumulate(precision[::-1])[::-1]
    return float(np.sum(np.diff(np.r_[0.0, recall]) * envelope))


def map_over_iou_thresholds(detections, ground_truth,
                            thresholds=np.linspace(0.5, 0.95, 10)):
    """AP@[.50:.95] for one class: mean AP over IoU 0.50, 0.55, …, 0.95,
    COCO's averaging applied to the VOC-style AP above. mAP averages it
    over classes. pycocotools also caps detections at 100 per image,
    ignores crowd regions and matches differently, so its numbers differ
    slightly; report the tool with the number."""
    return float(np.mean([
        detection_average_precision(detections, ground_truth, t)
        for t in thresholds]))
# --8<-- [end:detection_ap]
