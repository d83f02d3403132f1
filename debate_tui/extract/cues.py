"""Speech cues: the verbs (and one preposition) that introduce what someone said.

Classes follow the shapes they take in a dependency parse: assertive verbs take a clausal
complement, directive ones an object plus an infinitive, accusatory and evaluative ones
an object plus of/for/as, commissive ones an infinitive. Only the lemma matters here; the
attribution code decides whose cue it is.
"""

from __future__ import annotations

ASSERTIVE = frozenset(
    """say tell add note stress insist argue warn claim deny recall reiterate emphasize
    emphasise state explain declare assert announce acknowledge admit affirm allege answer
    reply respond remark comment maintain contend observe write tweet predict conclude
    highlight underline underscore cite counter lament complain concede confirm repeat
    reveal assure indicate caution protest object retort quip joke boast hint express
    voice suggest signal report mention describe characterize characterise question
    testify brief inform""".split()
)
DIRECTIVE = frozenset(
    "urge ask press demand implore plead appeal request encourage advise invite call".split()
)
ACCUSATORY = frozenset(
    """accuse blame criticise criticize condemn denounce defend reject dismiss mock ridicule
    deride deem slam blast decry disparage chide rebuke scold fault brand label hail
    praise welcome thank applaud commend challenge dispute contradict rebut charge allege""".split()
)
COMMISSIVE = frozenset("vow pledge promise threaten refuse offer propose swear guarantee".split())

CUE_LEMMAS = ASSERTIVE | DIRECTIVE | ACCUSATORY | COMMISSIVE

# Verbs that only count with a particle: "brushed off claims", "pointed out that".
PARTICLE_CUES = {
    "brush": {"off", "aside"},
    "point": {"out", "to"},
    "shrug": {"off"},
    "lash": {"out"},
}

# "call" is a cue as "called on/for", "called X a ...", "called it ..."; "call" alone (a phone
# call) is not: checked where the parse is at hand.
NEEDS_COMPLEMENT = frozenset(
    {
        "call",
        "ask",
        "offer",
        "express",
        "voice",
        "mention",
        "describe",
        "inform",
        "brief",
        "charge",
        "write",
    }
)

PRONOUNS = frozenset({"he", "she"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})

# Head nouns that make a subject someone other than a configured speaker, even when a
# speaker's name sits inside it ("Lavrov's spokeswoman", "a spokesman for Blinken").
PERSON_ROLE_NOUNS = frozenset(
    """spokesman spokeswoman spokesperson spokespeople aide adviser advisor deputy official
    officials source sources ministry department office embassy ambassador envoy brother
    sister wife husband family lawyer analyst expert representative diplomat diplomats
    minister president premier chancellor secretary leader leaders chief head counterpart
    colleague colleagues ally allies critic critics observer observers reporter reporters
    journalist correspondent""".split()
)
