"""The site's content model and build steps, grouped as the pipeline runs them:

- `vrp.data`: read data/ once, check it, word each mistake for an editor;
- `vrp.pages`: shape the checked data for pages and published files;
- `vrp.postbuild`: steps over the built HTML (whitespace, unused CSS, inline CSS);
- `vrp.tools`: commands run outside the build (build, check, contributing, linkcheck, screenshots).

Nothing here knows about MkDocs, so a later move to another engine touches only hooks/ (whose order is
in mkdocs.yml).
"""
