"""Speech cues: whether a token introduces what someone said, by the shape its class needs.

The words and the class of each verb are data (rules/en.toml); here are only the shapes a
class may need in a dependency parse: a clausal complement, a predicate, an object, an
object followed by a predicate, a particle, a topic preposition, an "as" phrase. Only the
token's own subtree is read; whose cue it is, is decided by attribution.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from debate_tui.extract.quotes import OPENING_MARKS
from debate_tui.extract.rules import Rules
from debate_tui.extract.tokens import perfect_read_as_passive

Token = Any  # a spaCy Token; typed loosely so this module never imports spaCy

# What a cue says beyond a pronoun object: a clause, a predicate, an infinitive.
_CONTENT_DEPS = frozenset({"ccomp", "xcomp", "oprd", "attr", "acomp", "parataxis"})


def is_according(token: Token, rules: Rules) -> bool:
    """'according to X', 'per X', 'in X's view', 'for X, it was important that ...': a
    phrase naming whose account its sentence gives (see `stance_source`)."""
    return (
        (
            token.lower_ in rules.according
            and token.i + 1 < len(token.doc)
            and token.nbor(1).lower_ == "to"
        )
        or _per(token, rules)
        or stance_source(token, rules) is not None
    )


def _per(token: Token, rules: Rules) -> bool:
    """'per Musk', 'per his complaint': "according to" in one word (the data's
    `according_preps`), with a name, a pronoun or a person's paper after it ("per day",
    "per share" name nobody)."""
    return token.lower_ in rules.according_preps and any(
        c.dep_ == "pobj"
        and (c.pos_ in ("PROPN", "PRON") or c.lemma_.lower() in rules.document_nouns)
        for c in token.children
    )


def stance_source(token: Token, rules: Rules) -> Token | None:
    """Whose view a stance phrase names: "view" in "in Lavrov's view" or "in the view of
    Lavrov" (the noun is the cue), or "For" in a fronted "For Musk, it was important that
    ..." (an impersonal "it" with an adjective and a clause)."""
    if (
        token.lemma_.lower() in rules.stance_nouns
        and token.dep_ == "pobj"
        and token.head.lower_ in rules.stance_preps
    ):
        for child in token.children:
            if child.dep_ == "poss":
                return child
            if child.dep_ == "prep" and child.lower_ == "of":
                objects = [c for c in child.children if c.dep_ == "pobj"]
                if objects:
                    return objects[0]
        return None
    head = token.head
    if (
        token.lower_ == "for"
        and token.dep_ == "prep"
        and token.i == token.sent.start
        and head.lemma_ == "be"
        and any(c.dep_ in ("nsubj", "expl") and c.lower_ == "it" for c in head.children)
        and any(c.dep_ == "acomp" and c.pos_ == "ADJ" for c in head.children)
        and any(c.dep_ in ("ccomp", "xcomp") for c in head.subtree)
    ):
        objects = [c for c in token.children if c.dep_ == "pobj"]
        return objects[0] if objects else None
    return None


def remark_owner(token: Token, rules: Rules) -> Token | None:
    """Whose words a subject names with their content: "Lavrov's diatribe against the
    West", "Lavrov's remarks that the West had declared war", "Lavrov's argument is that
    ...". A bare "Lavrov's remarks drew condemnation" names no content and is no cue."""
    if token.pos_ != "NOUN" or token.lemma_.lower() not in rules.remark_nouns:
        return None
    owners = [c for c in token.children if c.dep_ == "poss"] or [
        g
        for c in token.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ in ("PROPN", "PRON")
    ]  # "the words of Secretary Rubio that ..."
    if not owners:
        return None
    # a "that" clause of content (the parser may call it relative; "that" as its marker
    # says it is not)
    content = any(
        c.dep_ in ("acl", "ccomp", "relcl")
        and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
        for c in token.children
    )
    if token.dep_ not in ("nsubj", "nsubjpass", "ROOT"):
        # elsewhere in a sentence only with what was said: "following the words of X that"
        return owners[0] if content and token.dep_ in ("pobj", "dobj", "attr") else None
    if _imputed_aim(token, rules):
        return None  # "X's statements that ... attempt to present ...": the writer's reading
    said = (
        content
        or any(c.dep_ == "prep" and c.lower_ in rules.remark_preps for c in token.children)
        or (token.head.lemma_ == "be" and any(c.dep_ == "ccomp" for c in token.head.children))
        or _colon_after(token)
    )
    return owners[0] if said else None


def _imputed_aim(token: Token, rules: Rules) -> bool:
    """'X's statements that ... attempt to present the USA as neutral': the verb of a
    remark noun as subject reads an aim into the words (the data's `imputing` verbs), or,
    where the parser left the noun as the root, such a word read as a noun takes a "to"
    infinitive after it (the verb misread: "... of August 15, 2025 attempt to present")."""
    if token.dep_ == "nsubj":
        return token.head.lemma_.lower() in rules.imputing
    return token.dep_ == "ROOT" and any(
        t.i > token.i
        and t.pos_ == "NOUN"
        and t.lemma_.lower() in rules.imputing
        and any(
            g.dep_ in ("acl", "xcomp") and any(a.lower_ == "to" for a in g.children)
            for g in t.children
        )
        for t in token.subtree
    )


def _colon_after(token: Token) -> bool:
    """'Musk's accusations were damning: a betrayal of trust, ...': the words said
    follow a colon that the subject's own verb opens, with some words after it."""
    head = token.head
    if head.dep_ in ("aux", "auxpass"):
        head = head.head  # the parser may hang the subject on "were" in "were damning"
    if head.i < token.i:
        return False
    # the colon is the verb's, or closes its phrase where the parser made the quoted
    # sentence after it the root ('Lavrov's reply was blunt: "This is a farce."')
    colons = [c for c in head.children if c.text == ":"]
    after = head.right_edge.i + 1
    quoted = after + 1 < token.sent.end and token.doc[after + 1].text in OPENING_MARKS
    if head.dep_ == "ccomp" and quoted and token.doc[after].text == ":":
        colons.append(token.doc[after])
    return any(head.i < c.i < token.sent.end - 3 for c in colons)


def frames_clause(token: Token, rules: Rules) -> bool:
    """'In his reply, Altman said, Musk complains ...', 'As he mentioned, the envoy
    conveyed ...': a verb with a subject of its own, set off by a comma before the subject
    of the clause it hangs from (as a parenthetical, or in an "as" clause of the data's
    `frame_marks`): that clause is what it reports. After that subject ("The sanctions,
    Lavrov said, will fail") it is an aside inside the clause instead."""
    head = token.head
    if head is token or token.dep_ not in ("parataxis", "advcl"):
        return False
    if token.dep_ == "advcl" and not any(
        c.dep_ == "mark" and c.lower_ in rules.frame_marks for c in token.children
    ):
        return False
    if not any(c.dep_ == "nsubj" for c in token.children):
        return False
    subjects = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass", "expl")]
    edge = token.right_edge
    if not subjects or any(s.left_edge.i <= edge.i for s in subjects):
        return False
    return edge.text == "," or (edge.i + 1 < len(token.doc) and token.doc[edge.i + 1].text == ",")


def is_cue(token: Token, rules: Rules) -> bool:
    """A speech verb (or "according to") in a shape its class accepts, not negated, not
    passive ("was asked": the subject is the addressee, not the speaker)."""
    if is_according(token, rules) or remark_owner(token, rules) is not None:
        return True
    lemma = cue_lemma(token, rules)
    if not (
        token.pos_ == "VERB"
        or (token.tag_.startswith("VB") and token.pos_ == "AUX" and lemma in _AUX_CUES)
    ):
        return False
    cue_class = rules.cues.get(lemma)
    if cue_class is None:
        return False
    children = list(token.children)
    if any(c.dep_ == "neg" for c in children) or _after_nor(token, children):
        return False
    if any(c.dep_ == "mark" and c.lower_ == "whether" for c in children):
        return False  # "declined to say whether he thought ...": a question, not a view
    if any(c.i < token.i and c.lower_ in rules.wh_free for c in children) and not any(
        c.dep_ in _CONTENT_DEPS or (c.dep_ == "prep" and c.lower_ == "as") for c in children
    ):
        return False  # "what Altman said", "how he said it": a saying named in narration
    if (
        cue_class.needs != ("particle",)
        and any(c.dep_ in ("auxpass", "nsubjpass") for c in children)
        and not _agent(children)
        and not perfect_read_as_passive(token)
    ):
        return False  # "was asked": the addressee; "was rebuffed by Altman" names the speaker
    if _hedged(token, children, rules):
        return False  # "probably said as much", "may have said so": the writer's guess
    if _not_yet_said(token, children, rules):
        return False  # "will tell the assembly", "plans to urge": a preview, nothing said
    if _asked_by_the_writer(token, children):
        return False  # "Did he expect ...?", "What did Lavrov expect would happen?"
    if lemma in rules.money_verbs and _spends_money(token, rules):
        return False  # "offered to buy it for $97bn", "pledging money": a bid, an act
    if any(c.dep_ == "dobj" and _money_bid(c, rules) for c in children):
        return False  # "made an offer of $97bn", "rejecting a $97bn offer": a deal
    if _declares_an_act(token, children, rules):
        return False  # "declared a ceasefire", "a truce announced by Putin": an act
    if _turns_down_a_bid_named_before(token, children, rules):
        return False  # "X made an offer of $97bn, but Altman rejected it": the same deal
    if _only_questions(children, rules):
        return False  # "answering questions in the case": what was asked, nothing said
    if lemma in rules.refusal_verbs and any(
        c.dep_ == "xcomp" and c.lemma_.lower() in rules.cues for c in children
    ):
        return False  # "refused to say whether ...": speech refused, nothing said
    if not cue_class.needs:
        return True
    return any(SHAPES[need](token, children, rules) for need in cue_class.needs)


def _only_questions(children: list[Token], rules: Rules) -> bool:
    """The verb's object is what was asked ("answered questions from reporters"), with no
    clause, quotation or "about" phrase giving what was said."""
    objects = [c for c in children if c.dep_ == "dobj"]
    return (
        bool(objects)
        and all(o.lemma_.lower() in rules.asked_nouns for o in objects)
        and not any(c.dep_ in _CONTENT_DEPS for c in children)
        # 'posed a question: "Is the West ready?"': the quotation is what was said
        and not any(t.i > objects[0].i and t.text in '"“«' for t in objects[0].sent)
        and not any(
            p.dep_ == "prep" and p.lower_ in ("about", "on", "over")
            for o in objects
            for p in (*o.children, *children)
        )
    )


# Inflections the lemmatiser may strip one letter short ("hopes" -> "hop"): the suffix
# and what to put back, tried in order when the lemma it gave is no cue.
_INFLECTIONS = {"VBZ": (("es", "e"), ("s", "")), "VBD": (("ed", "e"),), "VBN": (("ed", "e"),)}


# Auxiliaries that may be cues: "say" tagged as one, and the copula of a stance
# ("was adamant that ...", see `stance-adjective`).
_AUX_CUES = frozenset({"say", "be"})


def cue_lemma(token: Token, rules: Rules) -> str:
    """The token's lemma, or, when that is no cue and the word is an inflected verb, the
    cue its inflection reads as: the lemmatiser gives "hopes" as "hop", a word with no
    speech in it, though its tag says it is a present-tense verb of "hope"."""
    lemma = str(token.lemma_).lower()
    if lemma in rules.cues or token.pos_ != "VERB":
        return lemma
    word = str(token.lower_)
    for suffix, restore in _INFLECTIONS.get(token.tag_, ()):
        stem = word[: -len(suffix)] + restore if word.endswith(suffix) else ""
        if stem and stem != lemma and stem in rules.cues:
            return stem
    return lemma


def _agent(children: list[Token]) -> bool:
    """A passive verb's "by" phrase naming who did it."""
    return any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in children)


def _after_nor(token: Token, children: list[Token]) -> bool:
    """'... declined to say, nor would he describe how ...': a verb joined by "nor" is
    negated as "not" would negate it."""
    joined = children
    if token.dep_ == "conj":
        joined = [*children, *(c for c in token.head.children if c.i < token.i)]
    return any(c.dep_ in ("cc", "preconj") and c.lower_ == "nor" for c in joined)


def _declares_an_act(token: Token, children: list[Token], rules: Rules) -> bool:
    """'declared a three-day ceasefire', 'a similar ceasefire declared by Putin': a verb
    of declaring whose object is an act of the data's `declared_acts`, with no clause of
    what was said."""
    if cue_lemma(token, rules) not in rules.declaring_verbs:
        return False
    if any(c.dep_ in ("ccomp", "xcomp") for c in children):
        return False
    objects = [c for c in children if c.dep_ in ("dobj", "nsubjpass")]
    if token.dep_ == "acl":
        objects.append(token.head)  # "a ceasefire declared by Putin"
    return any(o.lemma_.lower() in rules.declared_acts for o in objects)


def _turns_down_a_bid_named_before(token: Token, children: list[Token], rules: Rules) -> bool:
    """'X made an offer of $97bn, but Altman immediately rejected it': the cue's only
    object a pronoun, a bid of money (`bid_nouns` with an amount) named before it in the
    sentence, and nothing said with it ("rejected it as absurd", "..., saying ...")."""
    return (
        any(c.dep_ == "dobj" and c.lower_ in ("it", "that", "this") for c in children)
        and not any(c.dep_ in ("ccomp", "xcomp", "prep", "advcl", "oprd") for c in children)
        and any(t.i < token.i and _money_bid(t, rules) for t in token.sent)
    )


def _money_bid(noun: Token, rules: Rules) -> bool:
    """A bid of the data's `bid_nouns` with an amount of money in its phrase."""
    return noun.lemma_.lower() in rules.bid_nouns and any(
        t.ent_type_ == "MONEY" for t in noun.subtree
    )


def _spends_money(token: Token, rules: Rules) -> bool:
    """An amount of money, or a noun of the data's money words, in the verb's own phrase
    (not in a clause it reports: "promised that the aid would come" still says something)."""
    stack = list(token.children)
    while stack:
        t = stack.pop()
        if t.dep_ == "ccomp":
            continue
        if t.ent_type_ == "MONEY" or (t.dep_ == "dobj" and t.lemma_.lower() in rules.money_nouns):
            return True
        stack.extend(t.children)
    if token.dep_ == "relcl":
        # "a $1 billion backing, of which Musk had pledged to provide the lion's share":
        # the money is the noun the relative clause describes
        noun = token.head
        return noun.lemma_.lower() in rules.money_nouns or any(
            t.ent_type_ == "MONEY" for c in noun.children if c.i < noun.i for t in c.subtree
        )
    return False


def _hedged(token: Token, children: list[Token], rules: Rules) -> bool:
    """'probably said as much', 'may have said so': the writer's guess. So is a cue that
    hangs without a subject of its own on a guessed verb ('He might have deflected blame,
    suggesting that ...', '... and hinted that ...')."""
    if _guessed(children, rules):
        return True
    shares = token.dep_ in ("advcl", "xcomp", "conj") and token.tag_ in ("VBG", "VBN", "VBD")
    if not shares or any(c.dep_ in ("nsubj", "nsubjpass", "aux") for c in children):
        return False
    return _guessed(list(token.head.children), rules)


def _guessed(children: list[Token], rules: Rules) -> bool:
    if any(c.dep_ == "advmod" and c.lower_ in rules.hedges for c in children):
        return True
    auxes = [c.lower_ for c in children if c.dep_ == "aux"]
    return "have" in auxes and any(a in rules.hedge_modals for a in auxes)


def _not_yet_said(token: Token, children: list[Token], rules: Rules) -> bool:
    """'Lavrov will tell the assembly that ...', 'Blinken plans to urge ...', 'is set to
    raise ...': speech in the future or planned (a future auxiliary of the data, or the
    verb hung as "to ..." on a verb of planning) is a preview, not something said; "would
    later say" (the future seen from the past) is said."""
    if any(c.dep_ == "aux" and c.lower_ in rules.future_auxiliaries for c in children):
        return True
    # "declined to comment", "refused to say whether ...": speech refused, nothing said
    heads = rules.plan_verbs | rules.refusal_verbs
    return token.dep_ == "xcomp" and token.head.lemma_.lower() in heads


def _asked_by_the_writer(token: Token, children: list[Token]) -> bool:
    """A direct question: an auxiliary before the cue's subject and a question mark
    ending the sentence. A writer asking what a speaker said or meant states nothing."""
    subjects = [c.i for c in children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects or not any(c.dep_ == "aux" and c.i < subjects[0] for c in children):
        return False
    tail = [t for t in token.sent if not (t.is_space or t.is_quote)]
    return bool(tail) and tail[-1].text == "?"


def _clause(token: Token, children: list[Token], rules: Rules) -> bool:
    return any(c.dep_ == "ccomp" for c in children)


def _predicate(token: Token, children: list[Token], rules: Rules) -> bool:
    return any(c.dep_ in ("xcomp", "oprd", "attr", "acomp") for c in children)


def _object(token: Token, children: list[Token], rules: Rules) -> bool:
    return any(c.dep_ == "dobj" for c in children)


def _object_and_predicate(token: Token, children: list[Token], rules: Rules) -> bool:
    """'called the talks (with Blinken) constructive': an adjective or quotation follows
    the object inside the verb's phrase, which a phone call never has."""
    objects = [c for c in children if c.dep_ == "dobj"]
    if not objects:
        return False
    after = [t for t in token.subtree if t.i > objects[0].i]
    return any(
        (t.pos_ == "ADJ" and t.head.i < t.i) or t.tag_ == "``" or t.text in '“"«' for t in after
    ) or _adjective_read_as_a_noun(after)


def _adjective_read_as_a_noun(after: list[Token]) -> bool:
    """'called the talks with Anthony Blinken constructive': the tagger reads the
    adjective ending the phrase as a noun under the name before it ("Blinken
    constructive"). A lower-case singular noun with no determiner (not "the Blinken
    team") that ends the phrase, holds a proper name as its compound and is the object of
    a preposition is that adjective."""
    words = [t for t in after if not t.is_punct]
    if not words:
        return False
    last = words[-1]
    return (
        last.tag_ == "NN"
        and last.is_lower
        and last.dep_ == "pobj"
        and not any(c.dep_ in ("det", "poss", "nummod") for c in last.children)  # a bare noun
        and any(
            c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == last.i - 1 for c in last.children
        )
    )


def _particle(token: Token, children: list[Token], rules: Rules) -> bool:
    wanted = rules.particles.get(cue_lemma(token, rules), frozenset())
    # "pushed back": the parser often makes the particle an adverb
    return any(c.dep_ in ("prt", "prep", "dobj", "advmod") and c.lower_ in wanted for c in children)


def _about(token: Token, children: list[Token], rules: Rules) -> bool:
    return any(c.dep_ == "prep" and c.lower_ in rules.about for c in children)


def _as_phrase(token: Token, children: list[Token], rules: Rules) -> bool:
    return any(t.lower_ == "as" for t in token.subtree)


def _audience(token: Token, children: list[Token], rules: Rules) -> bool:
    """'spoke to reporters', 'told the press': addressed to an audience of the data's list."""
    return any(
        c.dep_ == "prep"
        and c.lower_ in ("to", "with")
        and any(o.dep_ == "pobj" and o.lower_ in rules.audiences for o in c.children)
        for c in children
    )


def _topic(token: Token, children: list[Token], rules: Rules) -> bool:
    """'talked about the tweets': a topic, and nobody addressed ("to X", "with X"); "spoke
    on Friday" names a day, no topic."""
    return any(
        c.dep_ == "prep" and c.lower_ in ("about", "on") and not _when(c) for c in children
    ) and not any(c.dep_ == "prep" and c.lower_ in ("to", "with") for c in children)


def _speech_object(token: Token, children: list[Token], rules: Rules) -> bool:
    """'challenged the claim': the object is something said."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in rules.speech_nouns for c in children)


def _aside(token: Token, children: list[Token], rules: Rules) -> bool:
    """'The talks, Lavrov continued, had stalled': the verb set off inside the sentence it
    frames, with nothing of its own to do ("continued to deny" is an act)."""
    return token.dep_ == "parataxis" and not any(
        c.dep_ in ("xcomp", "dobj", "ccomp", "prep") for c in children
    )


def _as_it(token: Token, children: list[Token], rules: Rules) -> bool:
    """'..., as he put it, ...': "as" and "it", the way someone worded what went before."""
    return any(c.dep_ == "mark" and c.lower_ == "as" for c in children) and any(
        c.dep_ == "dobj" and c.lower_ == "it" for c in children
    )


def _verdict(token: Token, children: list[Token], rules: Rules) -> bool:
    """'found the statement strange': a small clause whose predicate is an adjective."""
    return any(
        c.dep_ in ("ccomp", "oprd", "xcomp")
        and c.pos_ == "ADJ"
        and any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)
        for c in children
    )


# What a noun of speech carries: a clause, a phrase, an apposition ("an alibi that ...",
# "a warning against ...", "concerns about ...", "the demand: ...").
_CARRIES = frozenset({"acl", "relcl", "ccomp", "prep", "appos"})


def _said_object(token: Token, children: list[Token], rules: Rules) -> bool:
    """'made the announcement that ...': an object of the data's speech nouns with what
    was said hanging from it, or a quotation after it in the verb's phrase."""
    for obj in children:
        if obj.dep_ != "dobj" or obj.lemma_.lower() not in rules.said_nouns:
            continue
        if any(c.dep_ in ("det", "neg") and c.lower_ == "no" for c in obj.children):
            return False  # "made no other comments about ...": nothing said
        if any(c.dep_ in _CARRIES and c.i > obj.i and not _when(c) for c in obj.children):
            return True
        if any(t.i > obj.i and (t.tag_ == "``" or t.text in '“"«') for t in token.subtree):
            return True
    return False


def _when(phrase: Token) -> bool:
    """'the remarks on Tuesday': a phrase of time, not what was said."""
    objects = [c for c in phrase.children if c.dep_ == "pobj"]
    return bool(objects) and all(o.ent_type_ in ("DATE", "TIME") for o in objects)


def _preps(word: str, children: list[Token], objects: list[Token]) -> list[Token]:
    """The `word` phrases of a verb, hung on the verb or, as the parser often does, on one
    of its `objects` ("sued OpenAI for breach", "drew attention to")."""
    return [
        c
        for c in (*children, *(g for o in objects for g in o.children))
        if c.dep_ == "prep" and c.lower_ == word
    ]


def _object_as(token: Token, children: list[Token], rules: Rules) -> bool:
    """'saw Putin's remark as menacing', 'regards the treaty as dead': an object and an
    "as" phrase saying what the object is held to be (hung on the verb or the object)."""
    objects = [c for c in children if c.dep_ == "dobj"]
    return bool(objects) and any(
        any(True for _ in c.children) for c in _preps("as", children, objects)
    )


def _quotation(token: Token, children: list[Token], rules: Rules) -> bool:
    """'spoke “ideas presented in writing”': a quotation opening right after the verb is
    what was said."""
    doc = token.doc
    nxt = token.i + 1
    return (
        nxt < len(doc)
        and nxt < token.sent.end
        and (doc[nxt].tag_ == "``" or doc[nxt].text in '“"«')
    )


def _forum(token: Token, children: list[Token], rules: Rules) -> bool:
    """'During the interview, Altman spoke to Fridman about ...': a phrase of the verb
    naming an interview or a show (the data's `forums`), where speaking to the host is
    speaking to the public, not a conversation."""
    return any(
        c.dep_ == "prep"
        and any(g.dep_ == "pobj" and g.lemma_.lower() in rules.forums for g in c.children)
        for c in children
    )


def _after_quotation(token: Token, children: list[Token], rules: Rules) -> bool:
    """'"...," Musk posted on X': a quotation closed right before the verb and its subject
    (the parser may join the verb to the quotation's own as a conjunct, not a clause)."""
    subject = {t.i for c in children if c.dep_ == "nsubj" and c.i < token.i for t in c.subtree}
    at = token.i - 1
    while at in subject:
        at -= 1
    if not subject or at < token.sent.start:
        return False
    before = token.doc[at]
    return before.tag_ == "''" or before.text in '”"»’'


def _account_object(token: Token, children: list[Token], rules: Rules) -> bool:
    """'presented an entirely different picture', 'gave his version': an object of the
    data's `account_nouns`, a telling that is itself what was said."""
    return any(c.dep_ == "dobj" and c.lemma_.lower() in rules.account_nouns for c in children)


def _named_object(token: Token, children: list[Token], rules: Rules) -> bool:
    """'addressed Russia's aggression': a direct object that is a noun, not a relative or
    personal pronoun standing for something named elsewhere ("which he addressed")."""
    return any(c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN") for c in children)


def _as_aside(token: Token, children: list[Token], rules: Rules) -> bool:
    """'As he mentioned, the envoy had ...': an "as" clause with no object of its own,
    framing the clause after it (see `frames_clause`)."""
    return (
        token.dep_ == "advcl"
        and not any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in children)
        and frames_clause(token, rules)
    )


def _wrong(token: Token, children: list[Token], rules: Rules) -> bool:
    """'sued OpenAI for breach of contract': a "for" phrase naming a wrong of the data's
    list (or a list of them), what the suer claims was done; hung on the verb or, as the
    parser often does, on its object."""
    objects = [c for c in children if c.dep_ == "dobj"]
    return any(
        any(o.dep_ == "pobj" and o.lemma_.lower() in rules.wrongs for o in c.children)
        for c in _preps("for", children, objects)
    )


def _remedy(token: Token, children: list[Token], rules: Rules) -> bool:
    """'is seeking damages and Altman's ouster', 'seeking $134 billion in damages': an
    object (or one of a list of them, or what an amount is "in") naming a remedy of the
    data's list, what a claimant demands."""
    objects = [c for c in children if c.dep_ == "dobj"]
    objects += [g for o in objects for g in o.conjuncts]
    # "$134 billion in damages": the remedy after an amount
    objects += [g for o in objects for p in _preps("in", [], [o]) for g in p.children]
    return any(o.lemma_.lower() in rules.remedies or o.lower_ in rules.remedies for o in objects)


def _declared(token: Token, children: list[Token], rules: Rules) -> bool:
    """'made clear that ...', 'made it plain to his guests that ...': an adjective of the
    data's `declared` list as what the verb makes."""
    return any(
        c.dep_ in ("ccomp", "oprd", "acomp", "xcomp", "dobj") and c.lower_ in rules.declared
        for c in children
    )


def _attention(token: Token, children: list[Token], rules: Rules) -> bool:
    """'drew attention to ...', "drew his counterpart's attention to ...": a noun of the
    data's `attention_nouns` as object, with what it is drawn to (on the verb or on it)."""
    objects = [
        c for c in children if c.dep_ == "dobj" and c.lemma_.lower() in rules.attention_nouns
    ]
    return bool(objects) and bool(_preps("to", children, objects))


def _particle_object(token: Token, children: list[Token], rules: Rules) -> bool:
    """'set out Russia's position', 'put forward proposals': the verb's particle of the
    data with a direct object (a bare "set out for Geneva" is a journey; "the plan that he
    put forward was rejected" tells of the plan, not what he said)."""
    return _particle(token, children, rules) and any(
        c.dep_ == "dobj" and c.lower_ not in rules.relative_pronouns for c in children
    )


def _advocacy(token: Token, children: list[Token], rules: Rules) -> bool:
    """'spoke in favour of ...', 'spoke out against ...': speaking for or against
    something."""
    return any(
        c.dep_ == "prep"
        and (
            c.lower_ == "against"
            or (
                c.lower_ == "in"
                and any(o.dep_ == "pobj" and o.lower_ in rules.advocacy for o in c.children)
            )
        )
        for c in children
    )


def _stance_adjective(token: Token, children: list[Token], rules: Rules) -> bool:
    """'was adamant that ...', 'was critical of the decision': the copula with an
    adjective of the data's `stance_adjectives` and what it is said of (a clause, or a
    phrase of `stance_preps`); a bare "was blunt" says nothing yet."""
    return any(
        c.dep_ == "acomp"
        and c.lemma_.lower() in rules.stance_adjectives
        and any(
            g.dep_ == "ccomp" or (g.dep_ == "prep" and g.lower_ in rules.stance_adjective_preps)
            for g in (*c.children, *(t for t in children if t.i > c.i))
        )
        for c in children
    )


def _idiom_object(token: Token, children: list[Token], rules: Rules) -> bool:
    """'took issue with', 'sounded the alarm over', 'struck a conciliatory tone': the verb
    with an object of its idioms (rules data `idioms`)."""
    wanted = rules.idioms.get(cue_lemma(token, rules), frozenset())
    return any(c.dep_ == "dobj" and c.lemma_.lower() in wanted for c in children)


SHAPES: dict[str, Callable[[Token, list[Token], Rules], bool]] = {
    "clause": _clause,
    "predicate": _predicate,
    "object": _object,
    "object-and-predicate": _object_and_predicate,
    "particle": _particle,
    "about": _about,
    "as-phrase": _as_phrase,
    "audience": _audience,
    "topic": _topic,
    "speech-object": _speech_object,
    "aside": _aside,
    "as-it": _as_it,
    "verdict": _verdict,
    "said-object": _said_object,
    "object-as": _object_as,
    "quotation": _quotation,
    "forum": _forum,
    "as-aside": _as_aside,
    "after-quotation": _after_quotation,
    "wrong": _wrong,
    "remedy": _remedy,
    "account-object": _account_object,
    "declared": _declared,
    "attention": _attention,
    "particle-object": _particle_object,
    "advocacy": _advocacy,
    "named-object": _named_object,
    "stance-adjective": _stance_adjective,
    "idiom-object": _idiom_object,
}
