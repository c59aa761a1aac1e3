"""Words as the search sees them, in the text it indexes here and in what a reader types there
(search-engine.mjs `words`, held to this by tests/js/words.test.mjs on the cases in tests/js/cases.json), and the
one way the site tells whether two names are the same (`name_key`)."""
from __future__ import annotations

import re
import unicodedata

# Words too common to say anything about a service; a query drops them too ("my partner hit me" is
# "partner hit"). Sent to the browser with each index, so the list lives here only.
STOP_WORDS = sorted("""a about all also am an and any are as at be been but by can could do for from had has have
he her him his how i if im in into is it its me my no not of on or our she so than that the their them there these
they this those to us was we were what when where which who will with would you your""".split())

_MARKS = re.compile("[\u0300-\u036f]")
_POSSESSIVE = re.compile(r"['\u2019]s\b")
_APOSTROPHE = re.compile("['\u2018\u2019]")
_WORD = re.compile(r"[a-z0-9]+")


def words(text: str) -> list[str]:
    """Lower-case words without accents, possessives or apostrophes ("Men's" -> "men")."""
    text = _MARKS.sub("", unicodedata.normalize("NFD", text)).lower()
    return _WORD.findall(_APOSTROPHE.sub("", _POSSESSIVE.sub("", text)))


ARTICLES = ("a", "an", "the")  # small words (STOP_WORDS) that never make two names different


def name_key(text: str) -> str:
    """A name as its words, without articles and with "&" as "and": "The Child Line" -> "childline", so two
    entries whose titles differ only so are seen as the same (vrp.data.content)."""
    return "".join(w for w in words(str(text).replace("&", " and ")) if w not in ARTICLES)
