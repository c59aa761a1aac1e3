"""Pages are sent without the templates' indentation and blank lines (vrp/postbuild/html_whitespace.py),
and no reader can tell: the text and the layout stay the same."""
from __future__ import annotations

import pytest

from conftest import pages
from vrp.postbuild.html_whitespace import KEPT, collapse

SAMPLE = """
<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>t</title>
    <style>
      p.tight { margin: 0 }
    </style>
</head>
<body>
  <p class="tight">
      Call <a href="tel:116123">116 123</a>
      <strong>free</strong>,&nbsp;any time.\u00a0
      <span>Or</span>     text us.
  </p>

  <pre>  line one
      indented line two
  </pre>
  <p>Press <kbd>Shift</kbd>
     three times, or run <code>make   test</code>.</p>
  <textarea>
    kept
  </textarea>
  <script>document.body.dataset.said = `first
      second`;</script>
</body>
</html>
"""

# What a reader gets: the text as laid out, and where each element sits.
SEEN = """() => [document.body.innerText, document.body.dataset.said, document.querySelector('textarea').value,
  ...[...document.body.querySelectorAll('*')].map((el) => {
    const box = el.getBoundingClientRect();
    return [el.tagName, box.x, box.y, box.width, box.height].join(' ');
  })]"""


def test_runs_of_whitespace_become_one_line_break_outside_what_keeps_them():
    out = collapse(SAMPLE)
    assert out.startswith("<!doctype html>")
    assert "\n  " not in KEPT.sub("<kept>", out) and "\n\n" not in out
    assert "<strong>free</strong>,&nbsp;any time.\u00a0\n<span>" in out  # a no-break space is not whitespace here
    assert "<span>Or</span>     text us." in out  # runs without a line break are left as they are
    for kept in KEPT.finditer(SAMPLE):
        assert kept.group(0) in out
    assert collapse(out) == out


@pytest.mark.browser
def test_a_page_reads_and_lays_out_the_same_without_its_indentation(page):
    page.set_content(SAMPLE)
    before = page.evaluate(SEEN)
    page.set_content(collapse(SAMPLE))
    assert page.evaluate(SEEN) == before


def test_every_built_page_is_sent_without_indentation(site):
    for path in [*pages(site), site / "404.html"]:
        html = path.read_text(encoding="utf-8")
        assert html.startswith("<!doctype html>"), path
        outside = KEPT.sub("<kept>", html)
        assert "\n " not in outside and "\n\t" not in outside and "\n\n" not in outside, path
