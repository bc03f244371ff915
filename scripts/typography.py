"""Numbers as people read them: `10^8` in prose becomes 10⁸ (code keeps the caret)."""
from __future__ import annotations

import re

SUPERSCRIPT = str.maketrans("0123456789-", "⁰¹²³⁴⁵⁶⁷⁸⁹⁻")
POWER_RE = re.compile(r"(?<![\w^.])(\d+)\^(-?\d+)(?![\w^])")
# Fenced blocks, inline code spans, HTML comments and link targets are left as written.
PROTECTED_RE = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[ \t]*$|(`+).+?\2|<!--.*?-->|\]\([^)]*\)",
                          re.M | re.S)


def powers(text: str) -> str:
    """`text` with every `a^b` written with superscript digits."""
    return POWER_RE.sub(lambda m: m.group(1) + m.group(2).translate(SUPERSCRIPT), text)


def prose_powers(markdown: str) -> str:
    """`powers` applied to the prose of a Markdown page, never inside code, comments or URLs."""
    out, last = [], 0
    for m in PROTECTED_RE.finditer(markdown):
        out.append(powers(markdown[last:m.start()]))
        out.append(m.group(0))
        last = m.end()
    out.append(powers(markdown[last:]))
    return "".join(out)
