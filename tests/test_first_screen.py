"""The first paint waits for the first heading below a screenful of text (vrp/first_screen.py)."""
from __future__ import annotations

from vrp.first_screen import first_heading_below


def test_the_first_heading_after_a_screenful_of_text_is_chosen():
    page = ('<h1 id="title">Title</h1><p>' + "word " * 100 + '</p><h2 id="near">Near</h2>'
            '<p>' + "word " * 120 + '</p><h3 class="x" id="below">Below</h3><h2 id="later">Later</h2>')
    assert first_heading_below(page) == "below"


def test_markup_and_entities_are_not_counted_as_text():
    padded = '<h1 id="t">T</h1><p><a href="' + "x" * 2000 + '">a</a>&amp;' * 10 + '</p><h2 id="h">H</h2>'
    assert first_heading_below(padded) is None


def test_a_short_page_names_no_heading():
    assert first_heading_below('<h1 id="t">Help</h1><p>Call 999.</p><h2 id="more">More</h2>') is None
