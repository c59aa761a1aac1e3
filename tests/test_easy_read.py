"""Easy Read (docs/easy-read.md) in headless Chromium: one short idea per line, in type at least
1.25 times the body size, each with a picture on its left and the words on its right."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

POINTS = """() => [...document.querySelectorAll('.vrp-easy-read li')].map(li => {
    const picture = li.querySelector(':scope > .vrp-picture'), words = document.createRange();
    if (picture) words.setStartAfter(picture); else words.setStart(li, 0);
    words.setEnd(li, li.childNodes.length);
    const w = words.getBoundingClientRect(), p = picture && picture.querySelector('svg') && picture.getBoundingClientRect();
    return {text: li.textContent.trim(), size: parseFloat(getComputedStyle(li).fontSize),
            words: {left: w.left, top: w.top, bottom: w.bottom},
            picture: p && getComputedStyle(picture).visibility === 'visible'
                ? {width: p.width, height: p.height, left: p.left, right: p.right, top: p.top, bottom: p.bottom} : null,
            hidden: picture && picture.getAttribute('aria-hidden') === 'true',
            named: picture && picture.getAttribute('role') === 'img' && !!picture.getAttribute('aria-label')};
})"""


@pytest.mark.parametrize("width,height", [(390, 844), (1280, 800)])
def test_each_point_is_short_large_and_has_a_picture_on_its_left(browser, base_url, width, height):
    context = browser.new_context(viewport={"width": width, "height": height}, locale="en-GB")
    page = context.new_page()
    page.goto(base_url + "about/")  # an ordinary page: its paragraphs are the body size
    body = page.evaluate("parseFloat(getComputedStyle(document.querySelector('article.md-typeset > p')).fontSize)")
    page.goto(base_url + "easy-read/")
    blocks = page.evaluate("[...document.querySelector('.vrp-easy-read').children].map(el => el.tagName)")
    assert "UL" in blocks and set(blocks) <= {"H2", "UL"}, f"only headings and points, each point with a picture: {blocks}"
    points = page.evaluate(POINTS)
    assert len(points) >= 10
    for point in points:
        picture, words = point["picture"], point["words"]
        assert picture, f"no picture: {point['text']}"
        assert picture["width"] >= 32 and picture["height"] >= 32, point
        assert picture["right"] <= words["left"], f"the picture is not on the left of the words: {point}"
        assert picture["top"] < words["bottom"] and words["top"] < picture["bottom"], f"not beside its words: {point}"
        assert point["hidden"] or point["named"], f"the picture is neither decorative nor named: {point['text']}"
        assert point["size"] >= 1.25 * body, f"{point['size']}px is less than 1.25 x {body}px: {point['text']}"
        assert len(point["text"].split()) <= 20, f"not one short idea: {point['text']}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    context.close()
