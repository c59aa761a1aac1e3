"""The site's content model: load, validate and shape the YAML in data/.

Nothing here knows about MkDocs, so a later move to another engine touches only hooks/.
"""
