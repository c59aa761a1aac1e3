"""Send every page without the templates' indentation and blank lines (vrp/postbuild/html_whitespace.py)."""
from vrp.postbuild.html_whitespace import collapse


def on_post_page(output, page, config):
    return collapse(output)


def on_post_template(output_content, template_name, config):
    """The theme's own pages, such as 404.html."""
    return collapse(output_content) if template_name.endswith(".html") else output_content
