"""Word lists that extraction and merging agree on (plain data: no spaCy here).

Extraction keeps a statement's content lemmas (extract/content.py) and drops spaCy's stop
words; merging compares them (merge.py). A few stop words still say something a merge must
see: a negation turns a claim into its opposite, a number or a quantity is a figure, and
some stop words are one side of a pair of opposites ("always"/"never"). Both sides read
these lists from here, so what one keeps is what the other expects.
"""

from __future__ import annotations

# Words that negate what they stand in ("n't" has the lemma "not"; "zero interest" is
# "no interest").
NEGATORS = frozenset(
    "not no never nothing none nobody noone nowhere neither nor cannot zero without".split()
)
# Phrases whose negator negates nothing: both words are left out of a statement's content.
IDIOMS = frozenset({("no", "matter"), ("not", "only"), ("not", "just"), ("no", "doubt")})
# Number words, each with the figure it is compared as ("four" and "4" are one figure).
NUMBER_WORDS: dict[str, str] = {
    word: str(value)
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen "
        "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split()
    )
    if value
}
NUMBER_WORDS.update(
    {
        w: w
        for w in (
            "thirty forty fifty sixty seventy eighty ninety hundred thousand "
            "million billion trillion dozen half"
        ).split()
    }
)
# Pairs of lemmas whose swap turns a claim into its opposite: general diplomatic
# vocabulary, not phrases from particular articles.
OPPOSITES: tuple[tuple[str, str], ...] = (
    ("support", "oppose"),
    ("accept", "reject"),
    ("agree", "disagree"),
    ("continue", "stop"),
    ("continue", "end"),
    ("continue", "halt"),
    ("return", "withdraw"),
    ("return", "leave"),
    ("join", "leave"),
    ("join", "quit"),
    ("open", "close"),
    ("open", "closed"),
    ("win", "lose"),
    ("victory", "defeat"),
    ("succeed", "fail"),
    ("success", "failure"),
    ("increase", "decrease"),
    ("increase", "reduce"),
    ("raise", "lower"),
    ("rise", "fall"),
    ("strengthen", "weaken"),
    ("strong", "weak"),
    ("lift", "impose"),
    ("lift", "tighten"),
    ("allow", "ban"),
    ("allow", "forbid"),
    ("allow", "prevent"),
    ("allow", "block"),
    ("ease", "tighten"),
    ("escalate", "deescalate"),
    ("expand", "shrink"),
    ("approve", "veto"),
    ("confirm", "deny"),
    ("include", "exclude"),
    ("welcome", "condemn"),
    ("praise", "condemn"),
    ("praise", "criticize"),
    ("praise", "criticise"),
    ("guilty", "innocent"),
    ("true", "false"),
    ("right", "wrong"),
    ("more", "less"),
    ("more", "fewer"),
    ("always", "never"),
    ("everyone", "nobody"),
    ("everything", "nothing"),
)
# Stop words a statement's content keeps all the same.
KEPT_STOP_WORDS = NEGATORS | frozenset(NUMBER_WORDS) | frozenset(w for p in OPPOSITES for w in p)
