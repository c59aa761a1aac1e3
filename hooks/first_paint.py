"""Name the heading the first paint waits for (vrp/first_screen.py); main.html puts it in the head."""
from vrp.first_screen import first_heading_below


def on_page_content(html, page, config, files):
    page.first_screen_end = first_heading_below(html)
    return html
