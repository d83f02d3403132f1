"""Matching configured topic terms against a statement's words and lemmas.

Pure Python over (text, lemma) pairs, so it is testable without spaCy. A term word
written with a capital matches only capitalised words ("New START" is not "a new start");
a lower-case term word matches the word or its lemma, case-insensitively ("escalate"
finds "escalating"). Words inside a speaker's own name, alias or title never count: "the
leader of U.S. diplomacy" names Blinken, it is not the topic "diplomacy".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from debate_tui.model import TopicSpec

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _words(text: str) -> list[str]:
    return _WORD.findall(text)


def _compile(term: str) -> list[tuple[str, bool]]:
    """Each term word with whether it must be capitalised in the text."""
    return [(w.lower(), w[0].isupper()) for w in _words(term)]


class TopicMatcher:
    def __init__(self, topics: Sequence[TopicSpec], ignore: Sequence[str] = ()):
        """`ignore`: phrases whose words are never a topic (the speakers' names, aliases
        and titles), matched whatever their case."""
        self.topics = [(t.id, [_compile(term) for term in t.terms]) for t in topics]
        self._ignore: dict[str, list[list[str]]] = {}
        for phrase in ignore:
            words = [w.lower() for w in _words(phrase)]
            if words:
                self._ignore.setdefault(words[0], []).append(words)
        # Terms indexed by their first word, so a statement is read once, not once per term.
        self._by_first: dict[str, list[tuple[int, list[tuple[str, bool]]]]] = {}
        for index, (_topic_id, terms) in enumerate(self.topics):
            for term in terms:
                if term:
                    self._by_first.setdefault(term[0][0], []).append((index, term))

    def ordered(self, topic_ids: set[str]) -> tuple[str, ...]:
        """The given topic ids in configuration order."""
        return tuple(topic_id for topic_id, _terms in self.topics if topic_id in topic_ids)

    def match(self, tokens: Sequence[tuple[str, str]]) -> list[str]:
        """Topic ids whose terms occur in the tokens, in configuration order."""
        words: list[tuple[str, str, bool]] = []
        for text, lemma in tokens:
            pieces = _words(text)
            lemma_pieces = _words(lemma) if len(pieces) == 1 else pieces
            for index, piece in enumerate(pieces):
                lem = lemma_pieces[index] if index < len(lemma_pieces) else piece
                words.append((piece.lower(), lem.lower(), piece[:1].isupper()))
        hidden = self._hidden(words)
        hits: set[int] = set()
        for start, (lower, lemma, _capital) in enumerate(words):
            if start in hidden:
                continue
            candidates = self._by_first.get(lower, [])
            if lemma != lower:
                candidates = candidates + self._by_first.get(lemma, [])
            for index, term in candidates:
                if (
                    index not in hits
                    and self._occurs_at(term, words, start)
                    and hidden.isdisjoint(range(start, start + len(term)))
                ):
                    hits.add(index)
        return [topic_id for index, (topic_id, _terms) in enumerate(self.topics) if index in hits]

    def _hidden(self, words: list[tuple[str, str, bool]]) -> set[int]:
        """Positions of the words that are part of an ignored phrase."""
        hidden: set[int] = set()
        if not self._ignore:
            return hidden
        for start, (lower, _lemma, _capital) in enumerate(words):
            for phrase in self._ignore.get(lower, ()):
                end = start + len(phrase)
                if end <= len(words) and all(
                    words[start + offset][0] == want for offset, want in enumerate(phrase)
                ):
                    hidden.update(range(start, end))
        return hidden

    @staticmethod
    def _occurs_at(
        term: list[tuple[str, bool]], words: list[tuple[str, str, bool]], at: int
    ) -> bool:
        if at + len(term) > len(words):
            return False
        for offset, (want, capital) in enumerate(term):
            lower, lemma, is_capital = words[at + offset]
            if capital and not is_capital:
                return False
            if want != lower and (capital or want != lemma):
                return False
        return True
