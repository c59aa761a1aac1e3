"""Name the heading the first paint waits for (vrp/first_screen.py); main.html puts it in the head."""
from vrp.first_screen import SCREEN, first_heading_below


def on_page_content(html, page, config, files):
    # a page in larger type (Easy Read) fills a screen with fewer characters; its front matter says how many
    page.first_screen_end = first_heading_below(html, page.meta.get("first_screen_characters", SCREEN))
    return html
