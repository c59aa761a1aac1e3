"""What the directory and the site search share: how words are split, which are too small to search for,
and how their index is written in pieces. The engine that reads it is docs/assets/javascripts/search-engine.mjs."""
