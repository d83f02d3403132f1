"""The Textual reader: topics on the left, the two speakers side by side on the right.

Nothing in this package imports spaCy; a corpus whose statements are cached opens without
loading the NLP stack.
"""
