"""The steps over a built site, in this order, whatever engine built it (`run`): each page's links to other
sites marked rel="noreferrer", what the theme writes that HTML does not allow mended, the templates'
indentation taken out; the site search's index; the theme's CSS trimmed to what is used; each page's
stylesheets put into it; the Content-Security-Policy; and last the directory's own pages, from their shells.

The MkDocs build runs them after it has written the site (hooks/postbuild.py); `python -m vrp.postbuild SITE`
runs the same function (vrp.postbuild.steps.run) over a site another engine built from vrp.prebuild's folder.
"""
