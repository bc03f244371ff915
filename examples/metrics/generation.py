"""Text-generation metrics, kept tiny: perplexity, clipped n-gram
precision, BLEU and ROUGE-N recall.

Texts are lists of tokens. Real evaluations use a fixed tokenizer and a
maintained package (for BLEU, a corpus-level one such as sacreBLEU);
these functions only show the arithmetic.
"""
from __future__ import annotations

import math
from collections import Counter

import numpy as np


# --8<-- [start:perplexity]
def perplexity(token_log_probs) -> float:
    """PPL = exp(−(1/T) · Σ_t ln p(token_t | earlier tokens)).

    Takes natural-log probabilities. A uniform guess among V tokens has
    perplexity V. Compare only models that share a tokenizer.
    """
    return float(np.exp(-np.mean(token_log_probs)))
# --8<-- [end:perplexity]


# --8<-- [start:bleu]
def ngrams(tokens, n: int) -> Counter:
    return Counter(tuple(tokens[i:i + n])
                   for i in range(len(tokens) - n + 1))


def clipped_ngram_precision(candidate, reference, n: int) -> float:
    """p_n = Σ min(count in candidate, count in reference)
           / Σ count in candidate, over the candidate's n-grams."""
    cand, ref = ngrams(candidate, n), ngrams(reference, n)
    total = sum(cand.values())
    matched = sum(min(c, ref[g]) for g, c in cand.items())
    return matched / total if total else 0.0


def bleu(candidate, reference, max_n: int = 4) -> float:
    """BLEU = BP · exp((1/N) · Σ_{n=1..N} ln p_n), with brevity penalty
    BP = min(1, exp(1 − len(reference) / len(candidate))).

    One sentence, one reference, no smoothing: any p_n = 0 gives 0.
    """
    p = [clipped_ngram_precision(candidate, reference, n)
         for n in range(1, max_n + 1)]
    if min(p) == 0:
        return 0.0
    bp = min(1.0, math.exp(1 - len(reference) / len(candidate)))
    return bp * math.exp(sum(math.log(x) for x in p) / max_n)


def rouge_n_recall(candidate, reference, n: int = 1) -> float:
    """ROUGE-N = Σ min(count in candidate, count in reference)
               / Σ count in reference, over the reference's n-grams."""
    cand, ref = ngrams(candidate, n), ngrams(reference, n)
    total = sum(ref.values())
    matched = sum(min(c, cand[g]) for g, c in ref.items())
    return matched / total if total else 0.0
# --8<-- [end:bleu]
