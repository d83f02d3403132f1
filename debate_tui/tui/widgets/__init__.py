"""Small widgets of the reader, each with its own default styles."""
