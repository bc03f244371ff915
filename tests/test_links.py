"""Internal links and anchors in the built site all resolve (under the sub-path)."""
import sitecheck


def test_internal_links_and_anchors_resolve(site):
    problems = sitecheck.broken_links(site)
    assert not problems, f"{len(problems)} broken internal link(s):\n" + "\n".join(problems[:50])
