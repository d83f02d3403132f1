"""The attribution rules of one language, read once from `rules/<language>.toml`.

The code knows shapes (what a cue class needs around it, what a turn label or a dateline
looks like); the words live in the data file, so a new speech verb or title is one line
there. The file is part of the extractor version (see cache.py): editing it refreshes
cached statements by itself.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

RULES_DIR = Path(__file__).resolve().parent / "rules"

# The shapes a cue class may need; see the comment at the top of rules/en.toml.
NEEDS = frozenset(
    {
        "clause",
        "predicate",
        "object",
        "object-and-predicate",
        "particle",
        "about",
        "as-phrase",
        "audience",
        "topic",
        "speech-object",
        "aside",
        "as-it",
        "verdict",
        "said-object",
        "object-as",
        "quotation",
        "forum",
        "as-aside",
        "after-quotation",
        "wrong",
        "remedy",
        "account-object",
        "declared",
        "attention",
        "particle-object",
        "advocacy",
        "named-object",
        "stance-adjective",
        "idiom-object",
    }
)


@dataclass(frozen=True, slots=True)
class CueClass:
    name: str
    needs: tuple[str, ...]  # any one of these shapes; empty accepts the verb alone


@dataclass(frozen=True, slots=True)
class Rules:
    cues: dict[str, CueClass]  # lemma -> its class
    particles: dict[str, frozenset[str]]
    about: frozenset[str]
    channels: frozenset[str]
    quoting_verbs: frozenset[str]  # "was quoted/cited as saying": the subject speaks
    according: frozenset[str]
    according_preps: frozenset[str]  # "per Musk": according to, in one word
    wh_free: frozenset[str]
    source_nouns: frozenset[str]
    spokespeople: frozenset[str]  # "spokesman Ned Price said": a body's voice
    asked_nouns: frozenset[str]  # "answered questions": what was asked, nothing said
    media_words: frozenset[str]  # "State media said Xi blamed ...": an outlet, a channel
    outlet_verbs: frozenset[str]  # "..., RIA Novosti writes": a channel with an outlet as subject
    audiences: frozenset[str]
    forums: frozenset[str]  # "during the interview": where speaking to the host is public
    hedges: frozenset[str]
    speech_nouns: frozenset[str]
    occasion_preps: frozenset[str]
    money_verbs: frozenset[str]  # "offered $97bn", "pledging money": a bid, not a statement
    money_nouns: frozenset[str]
    bid_nouns: frozenset[str]  # "made an offer of $97bn": a deal, not a statement
    declared_acts: frozenset[str]  # "declared a ceasefire": an act, not a statement
    declaring_verbs: frozenset[str]  # the verbs `declared_acts` follow
    said_nouns: frozenset[str]  # "made the announcement that ...": a light verb's speech
    wrongs: frozenset[str]  # "sued for breach of contract": the suer's claim
    remedies: frozenset[str]  # "is seeking damages": a claimant's demand
    declared: frozenset[str]  # "made clear that ...", "made it plain"
    attention_nouns: frozenset[str]  # "drew attention to ..."
    advocacy: frozenset[str]  # "spoke in favour of ..."
    stance_adjectives: frozenset[str]  # "was adamant that ...", "was critical of ..."
    stance_adjective_preps: frozenset[str]
    idioms: dict[str, frozenset[str]]  # verb -> objects: "took issue with", "took aim at"
    hedge_modals: frozenset[str]
    future_auxiliaries: frozenset[str]  # "will tell": a preview, not yet said
    plan_verbs: frozenset[str]  # "plans to urge", "is set to raise"
    refusal_verbs: frozenset[str]  # "declined to comment": nothing said
    joint: frozenset[str]  # "jointly", "together": a coordinated subject speaking as one
    joint_verbs: frozenset[str]  # "agreed", "concurred": what two say as one
    stance_nouns: frozenset[str]  # "in X's view", "in the words of X"
    stance_preps: frozenset[str]  # the "in" of "in X's view"
    remark_nouns: frozenset[str]  # "Lavrov's remarks that ...", "Lavrov's diatribe against"
    remark_preps: frozenset[str]
    document_nouns: frozenset[str]  # "his lawsuit accused ...": the owner's words
    readers: frozenset[str]  # bodies and papers whose quoted summaries report a speaker
    pronoun_forms: dict[str, str]  # "his" -> "he", "her" -> "she"
    openers: re.Pattern[str]  # a paragraph opened by a channel phrase: "As per X,"
    compilation_marks: frozenset[str]  # "the key statements by X": a selection of them
    pronouns: frozenset[str]
    relative_pronouns: frozenset[str]
    non_person_pronouns: frozenset[str]
    demonstratives: frozenset[str]
    person_roles: frozenset[str]
    turn_label: re.Pattern[str]
    dotted_label: re.Pattern[str]  # "The President. I didn't know ...": a stop for a colon
    time_mark: re.Pattern[str]  # "(00:13)" in a label: a transcription service's turn
    turn_roles: frozenset[str]
    asking_roles: frozenset[str]  # "Q:", "Question:": an interviewer's labels
    asked_asides: frozenset[str]  # "X, asked about Y, said": the asking set off by commas
    fronted_topic: frozenset[str]  # "For Zelensky, ..., he has warned": the sentence's topic
    # "Ukraine told Vladimir Putin": "told" is no title the article gives him, nor a person
    # role ("spokesman"), nor a cue verb
    title_words_not_given: frozenset[str]
    reporting_past: re.Pattern[str]  # "said", "noted", "urged": reporting verbs' past forms
    reporting_that: re.Pattern[str]  # "noted that", "underscored his view that"
    reporting_present: re.Pattern[str]  # "says", "warns": their present, third person
    bare_role: re.Pattern[str]  # "Q  Mr. Secretary, ...": a role printed without a colon
    answer_roles: frozenset[str]  # "A:", "ANSWER:": the interviewee's turn
    stage_breaks: frozenset[str]  # "(BEGIN VIDEO CLIP)": a stage direction ending a turn
    honorifics: frozenset[str]
    infixes: tuple[str, ...]  # quotation marks glued to words, split off by the tokenizer
    post_signature: re.Pattern[str]  # "— Elon Musk (@elonmusk) May 18" under a post
    post_signature_end: re.Pattern[str]  # the same closing the post's own paragraph
    dash_signature: re.Pattern[str]  # "— Sergei Lavrov" under a quotation
    dash_after_quote: re.Pattern[str]  # '“...,” — Sergei Lavrov'
    dash_attribution: re.Pattern[str]  # "..., - Putin said": unquoted speech signed after
    honorific_links: frozenset[str]  # "of" in "SECRETARY OF STATE RUBIO:"
    min_labels: int
    datelines: tuple[re.Pattern[str], ...]
    priors: dict[str, float]
    modifiers: dict[str, float]
    remark_after: re.Pattern[str]  # "'s opening remarks" right after a speaker's mention
    remark_before: re.Pattern[str]  # "Remarks by ", "statements by " right before it
    remark_tail: re.Pattern[str]  # what may follow the remark noun
    what_said: re.Pattern[str]  # " said:" after a name in "Here is what Putin said:"
    lead_from: frozenset[str]  # "A good one from Xi:": his quotation below
    announcing: frozenset[str]  # "here is a full transcript of ...": his words below
    remark_about: frozenset[str]  # "Putin on Belarus:": what he speaks about, over his words
    first_person: re.Pattern[str]
    first_person_words: frozenset[str]  # the same words, for a token's lower-case form
    first_person_min: int
    reasoning_subjects: frozenset[str]  # "we may assume", "one can see": the writer's
    second_person: re.Pattern[str]  # "you", "your": a question put to someone
    abbreviations: dict[str, tuple[str, ...]]
    office_epithets: dict[str, tuple[str, ...]]  # "president" -> ("head of state",)
    office_bodies: dict[str, str]  # "foreign minister" -> "Foreign Ministry"
    line_glue: frozenset[str]  # words a wrapped line may end with, never a sentence
    quote_labels: frozenset[str]  # "Quote:" before a paragraph's quotation
    holder_nouns: frozenset[str]  # "the owner of Tesla": who holds one speaker's firms
    frame_marks: frozenset[str]  # "As he mentioned, ...": a cue set off before its clause
    reportive: frozenset[str]  # "allegedly": a claim told as someone's, not the writer's
    imputing: frozenset[str]  # "X's remarks that ... attempt to ...": the writer's reading
    relative_openers: frozenset[str]  # "X's lawsuit, wherein he alleges": X's paper
    account_nouns: frozenset[str]  # "presented a different picture": a telling in itself


def _words(values: Any) -> frozenset[str]:
    return frozenset(str(v).lower() for v in values)


def _reporting_lemmas(cues: dict[str, CueClass], words: dict[str, Any]) -> list[str]:
    """The cue lemmas of the classes that report what someone said (`reporting_classes`),
    for the passes that read words before parsing."""
    classes = _words(words.get("reporting_classes", ()))
    return [
        lemma for lemma, cue_class in cues.items() if lemma.isalpha() and cue_class.name in classes
    ]


def _any_form(forms: set[str]) -> str:
    return r"\b(?:" + "|".join(sorted(forms)) + r")\b"


def _reporting_present(cues: dict[str, CueClass], words: dict[str, Any]) -> re.Pattern[str]:
    """The present forms, third person, of those verbs ("says", "warns", "urges"), for a
    summary's bulleted items ("• Putin says ...")."""
    forms = {
        lemma[:-1] + "ies"
        if lemma.endswith("y") and lemma[-2:-1] not in "aeiou"
        else lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x")) else "s")
        for lemma in _reporting_lemmas(cues, words)
    }
    return re.compile(_any_form(forms), re.IGNORECASE)


def _reporting_past(cues: dict[str, CueClass], words: dict[str, Any]) -> str:
    """The past forms of those verbs, as a pattern: regular ones built from the lemmas
    ("noted", "urged"), irregular ones listed (`said_forms`: "said", "told"). Past forms
    only: "states" or "claims" is a noun as often."""
    forms = {
        form for lemma in _reporting_lemmas(cues, words) for form in (lemma + "d", lemma + "ed")
    } | _words(words.get("said_forms", ()))
    return _any_form(forms)


def parse_rules(data: dict[str, Any]) -> Rules:
    """Rules from the parsed TOML; a cue class needing an unknown shape is an error."""
    cues: dict[str, CueClass] = {}
    for name, table in data["cues"].items():
        needs = tuple(table.get("needs", ()))
        unknown = set(needs) - NEEDS
        if unknown:
            raise ValueError(f"cue class {name!r} needs unknown shapes {sorted(unknown)}")
        for lemma in table["lemmas"]:
            known = cues.get(lemma.lower())
            if known is not None:
                # a verb in two classes ("put" forward, "as he put it") takes either shape;
                # a class that accepts the verb alone accepts it alone
                both = () if not known.needs or not needs else (*known.needs, *needs)
                cues[lemma.lower()] = CueClass(known.name, tuple(dict.fromkeys(both)))
            else:
                cues[lemma.lower()] = CueClass(name, needs)
    particles = data.get("particles", {})
    words = data["words"]
    turns = data["turns"]
    remarks = data["remarks"]
    nouns = "|".join(re.escape(n) for n in sorted(remarks["nouns"], key=len, reverse=True))
    tail = "|".join(re.escape(w) for w in remarks["tail"])
    about = "|".join(re.escape(w) for w in remarks.get("about", ())) or "(?!)"
    evidence = dict(data["evidence"])
    modifiers = evidence.pop("modifiers", {})
    past = _reporting_past(cues, words)
    return Rules(
        cues=cues,
        particles={k: _words(v) for k, v in particles.items() if isinstance(v, list)},
        about=_words(words.get("about", ())),
        channels=_words(words.get("channels", ())),
        quoting_verbs=_words(words.get("quoting_verbs", ())),
        according=_words(words.get("according", ())),
        according_preps=_words(words.get("according_preps", ())),
        wh_free=_words(words.get("wh_free", ())),
        source_nouns=_words(words.get("source_nouns", ())),
        spokespeople=_words(words.get("spokespeople", ())),
        asked_nouns=_words(words.get("asked_nouns", ())),
        outlet_verbs=_words(words.get("outlet_verbs", ())),
        media_words=_words(words.get("media_words", ())),
        audiences=_words(words.get("audiences", ())),
        forums=_words(words.get("forums", ())),
        hedges=_words(words.get("hedges", ())),
        speech_nouns=_words(words.get("speech_nouns", ())),
        occasion_preps=_words(words.get("occasion_preps", ())),
        said_nouns=_words(words.get("said_nouns", ())),
        wrongs=_words(words.get("wrongs", ())),
        remedies=_words(words.get("remedies", ())),
        declared=_words(words.get("declared", ())),
        attention_nouns=_words(words.get("attention_nouns", ())),
        advocacy=_words(words.get("advocacy", ())),
        stance_adjectives=_words(words.get("stance_adjectives", ())),
        stance_adjective_preps=_words(words.get("stance_adjective_preps", ())),
        idioms={k: _words(v) for k, v in data.get("idioms", {}).items()},
        money_verbs=_words(words.get("money_verbs", ())),
        money_nouns=_words(words.get("money_nouns", ())),
        bid_nouns=_words(words.get("bid_nouns", ())),
        declared_acts=_words(words.get("declared_acts", ())),
        declaring_verbs=_words(words.get("declaring_verbs", ())),
        hedge_modals=_words(words.get("hedge_modals", ())),
        future_auxiliaries=_words(words.get("future_auxiliaries", ())),
        plan_verbs=_words(words.get("plan_verbs", ())),
        refusal_verbs=_words(words.get("refusal_verbs", ())),
        joint=_words(words.get("joint", ())),
        joint_verbs=_words(words.get("joint_verbs", ())),
        stance_nouns=_words(words.get("stance_nouns", ())),
        stance_preps=_words(words.get("stance_preps", ())),
        remark_nouns=_words(words.get("remark_nouns", ())),
        remark_preps=_words(words.get("remark_preps", ())),
        document_nouns=_words(words.get("document_nouns", ())),
        readers=_words(words.get("readers", ())),
        pronoun_forms={
            word.lower(): form
            for form, forms in data.get("pronoun_forms", {}).items()
            for word in forms
        },
        openers=re.compile(
            r"(?:"
            + "|".join(re.escape(o) for o in words.get("openers", ()))
            + r")\b[^,.;:]{0,60}?,",
            re.IGNORECASE,
        ),
        compilation_marks=_words(words.get("compilation_marks", ())),
        pronouns=_words(words["pronouns"]),
        relative_pronouns=_words(words["relative_pronouns"]),
        non_person_pronouns=_words(words["non_person_pronouns"]),
        demonstratives=_words(words["demonstratives"]),
        person_roles=_words(words["person_roles"]),
        turn_label=re.compile(turns["label"]),
        dotted_label=re.compile(turns.get("dotted_label", "(?!)")),
        time_mark=re.compile(turns.get("time_mark", "(?!)")),
        turn_roles=_words(turns["roles"]),
        asking_roles=_words(turns.get("asking_roles", ())),
        asked_asides=_words(words.get("asked_asides", ())),
        fronted_topic=_words(words.get("fronted_topic", ())),
        title_words_not_given=_words(words.get("not_titles", ()))
        | _words(words.get("person_roles", ()))
        | frozenset(cues)
        | frozenset(lemma + "s" for lemma in cues),
        reporting_past=re.compile(past, re.IGNORECASE),
        # "noted that", "underscored his consistent view that": a readout's report
        reporting_that=re.compile(past + r"\s+(?:\w+\s+){0,4}?that\b", re.IGNORECASE),
        reporting_present=_reporting_present(cues, words),
        bare_role=re.compile(
            r"^(?P<label>"
            + ("|".join(re.escape(str(w).upper()) for w in turns.get("bare_roles", ())) or "(?!)")
            + r")\.?\s+(?=[A-Z“\"‘'(])"
        ),
        answer_roles=_words(turns.get("answer_roles", ())),
        stage_breaks=_words(turns.get("stage_breaks", ())),
        honorifics=_words(turns["honorifics"]),
        infixes=tuple(data.get("tokenizer", {}).get("infixes", ())),
        post_signature=re.compile(turns.get("post_signature", "(?!)")),
        post_signature_end=re.compile(turns.get("post_signature_end", "(?!)")),
        dash_signature=re.compile(turns.get("dash_signature", "(?!)")),
        dash_after_quote=re.compile(turns.get("dash_after_quote", "(?!)")),
        dash_attribution=re.compile(turns.get("dash_attribution", "(?!)")),
        honorific_links=_words(turns.get("honorific_links", ())),
        min_labels=int(turns["min_labels"]),
        datelines=tuple(re.compile(p) for p in data["datelines"]["shapes"]),
        priors={k: float(v) for k, v in evidence.items()},
        modifiers={k: float(v) for k, v in modifiers.items()},
        remark_after=re.compile(
            rf"['’]s\s+(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b"
            # "Marco Rubio — about the call with Lavrov:", a header over his own post
            rf"|\s*[—–-]+\s*(?:{about})\b[^:\n]{{0,80}}(?=:\s*$)",
            re.IGNORECASE,
        ),
        remark_before=re.compile(
            rf"\b(?:{nouns})\s+(?:and\s+[\w-]+(?:\s+[\w-]+){{0,3}}\s+)?(?:by|of|with|from)\s+"
            rf"(?:[\w.’'-]+\s+){{0,6}}",
            re.IGNORECASE,
        ),
        lead_from=_words(remarks.get("lead_from", ())),
        what_said=re.compile(
            r"\s+(?:"
            + ("|".join(re.escape(w) for w in remarks.get("what_said", ())) or "(?!)")
            + r")\b(?:\s+[\w'’-]+){0,4}\s*$",
            re.IGNORECASE,
        ),
        announcing=_words(remarks.get("announcing", ())),
        remark_about=_words(remarks.get("about", ())),
        remark_tail=re.compile(rf"\s*(?:$|[,:;.(\-–—|]|(?:{tail})\b)", re.IGNORECASE),
        first_person=re.compile(
            r"\b(?:" + "|".join(re.escape(w) for w in remarks["first_person"]) + r")\b",
            re.IGNORECASE,
        ),
        first_person_words=_words(remarks["first_person"]),
        first_person_min=int(remarks["first_person_min"]),
        reasoning_subjects=_words(remarks.get("reasoning_subjects", ())),
        second_person=_any_word(turns.get("second_person", ())),
        abbreviations={k.lower(): tuple(v) for k, v in data.get("abbreviations", {}).items()},
        office_bodies={k.lower(): str(v) for k, v in data.get("office_bodies", {}).items()},
        office_epithets={k.lower(): tuple(v) for k, v in data.get("office_epithets", {}).items()},
        line_glue=_words(data.get("lines", {}).get("glue", ())),
        quote_labels=_words(data.get("lines", {}).get("quote_labels", ())),
        holder_nouns=_words(words.get("holder_nouns", ())),
        frame_marks=_words(words.get("frame_marks", ())),
        reportive=_words(words.get("reportive", ())),
        imputing=_words(words.get("imputing", ())),
        relative_openers=_words(words.get("relative_openers", ())),
        account_nouns=_words(words.get("account_nouns", ())),
    )


def _any_word(words: Sequence[str]) -> re.Pattern[str]:
    """Any of `words` as a whole word in any case ("you" never matches in "you're")."""
    if not words:
        return re.compile("(?!)")
    alternatives = "|".join(re.escape(w) for w in words)
    return re.compile(rf"\b(?:{alternatives})(?![\w’'])", re.IGNORECASE)


@lru_cache(maxsize=4)
def load_rules(language: str = "en") -> Rules:
    """The rules of `language`, parsed once per process."""
    path = RULES_DIR / f"{language}.toml"
    return parse_rules(tomllib.loads(path.read_text("utf-8")))
