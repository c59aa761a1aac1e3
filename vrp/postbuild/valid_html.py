"""Mend what the theme writes that HTML does not allow, so the Nu HTML Checker finds no error on
any page (tests/test_valid_html.py): an empty `tabindex=""` on the navigation's section labels,
`autocomplete` on its hidden checkboxes (allowed only on text-like inputs), and, on a page that has
no contents toggle (a page outside the navigation, or a section's index page), the contents
title's `for="__toc"` pointing at nothing. Each is a no-op once Material stops writing it."""
import re

EMPTY_TABINDEX = re.compile(r'(<label\b[^>]*?) tabindex=""')
CHECKBOX_AUTOCOMPLETE = re.compile(r'(<input\b(?=[^>]*\btype="checkbox")[^>]*?) autocomplete="off"')
TOC_LABEL = re.compile(r'(<label\b[^>]*?) for="__toc"')


def mend(html: str) -> str:
    html = CHECKBOX_AUTOCOMPLETE.sub(r"\1", EMPTY_TABINDEX.sub(r"\1", html))
    return html if 'id="__toc"' in html else TOC_LABEL.sub(r"\1", html)
