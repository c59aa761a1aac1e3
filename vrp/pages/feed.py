"""Shape the updates for an Atom 1.0 feed (RFC 4287): absolute addresses, RFC 3339 times, stable ids.

A feed reader knows an entry it has already shown by its id, so the ids must never change when the
file is reordered, an update is edited or the site moves to another address: they are tag URIs
(RFC 4151) made from a fixed name and the update's `id`, not its web address.
"""
from __future__ import annotations

from vrp.model import Update

# Never change: every entry's id starts with it (the site's address when the feed began).
TAG = "tag:avon-somerset-vrp.github.io,2026:vrp-site"
# At the site's root: Material reads a page's <link rel="alternate"> as another version of the site
# and fetches sitemap.xml beside it, which exists only there.
FEED = "feed.xml"


def atom_time(day) -> str:
    """A date as an RFC 3339 time: the start of that day in UTC."""
    return f"{day.isoformat()}T00:00:00Z"


def feed(updates: list[Update], site_url: str) -> dict:
    """What the feed template needs. `updates` newest first; `site_url` ends with /."""
    entries = [{"id": f"{TAG}:updates:{u.id}", "title": u.title, "summary": u.summary, "url": site_url + u.path,
                "updated": atom_time(u.date)} for u in updates]
    return {"id": f"{TAG}:updates", "updated": entries[0]["updated"] if entries else None,
            "entries": entries, "page": site_url + "updates/", "self": site_url + FEED}
