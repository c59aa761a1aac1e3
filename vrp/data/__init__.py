"""Read data/ once, check it against its schemas and across files, and word each mistake for an editor."""
