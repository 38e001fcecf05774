"""Navigation over an annotated article's dependency parse (plain records, no spaCy)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable

from wirewatch.records import AnnotatedArticle, Entity, Sentence, Token

SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "expl"})
CLAUSES = frozenset({"ccomp", "xcomp", "advcl", "relcl", "acl", "parataxis", "pcomp", "csubj"})
PRONOUNS = frozenset(
    "he she they it him her them we us i me you his its their our hers theirs himself "
    "herself itself themselves ourselves myself".split()
)


class Parse:
    """Children, subtrees, sentences and entities of one article, indexed once."""

    def __init__(self, ann: AnnotatedArticle) -> None:
        self.ann = ann
        self.tokens: list[Token] = ann.tokens
        self.body = ann.article.body
        self.kids: list[list[int]] = [[] for _ in self.tokens]
        for t in self.tokens:
            if t.head != t.i:
                self.kids[t.head].append(t.i)
        self._sent_starts = [s.start for s in ann.sentences]
        self._starts = [t.idx for t in self.tokens]  # each word's character offset
        self.ent_at: list[Entity | None] = [None] * len(self.tokens)
        for ent in ann.entities:
            for i in range(ent.start, ent.end):
                self.ent_at[i] = ent

    # --- structure -------------------------------------------------------------------
    def children(self, i: int, *deps: str) -> list[int]:
        return [c for c in self.kids[i] if not deps or self.tokens[c].dep in deps]

    def child(self, i: int, *deps: str) -> int | None:
        found = self.children(i, *deps)
        return found[0] if found else None

    def subtree(self, i: int, skip: Iterable[str] = ()) -> list[int]:
        """Token indices under i (inclusive), not descending into children with these deps."""
        skipped = frozenset(skip)
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(c for c in self.kids[j] if self.tokens[c].dep not in skipped)
        return sorted(out)

    def ancestors(self, i: int) -> list[int]:
        out = []
        while self.tokens[i].head != i:
            i = self.tokens[i].head
            out.append(i)
        return out

    def tokens_between(self, start: int, end: int) -> list[Token]:
        """The words that begin between two character offsets."""
        return self.tokens[bisect_left(self._starts, start):bisect_left(self._starts, end)]

    def sentence(self, i: int) -> Sentence:
        return self.ann.sentences[bisect_right(self._sent_starts, i) - 1]

    def sentence_index(self, i: int) -> int:
        return bisect_right(self._sent_starts, i) - 1

    def subject(self, verb: int) -> int | None:
        return self.child(verb, "nsubj", "nsubjpass")

    def is_passive(self, verb: int) -> bool:
        return any(self.tokens[c].dep in ("auxpass", "nsubjpass") for c in self.kids[verb])

    def preps(self, i: int) -> list[tuple[str, int]]:
        """(preposition, its object) pairs attached to i, also through 'agent' (by) and
        through a second preposition ("from within X": from, X)."""
        out: list[tuple[str, int]] = []
        for c in self.kids[i]:
            tok = self.tokens[c]
            if tok.dep in ("prep", "agent", "dative") or (tok.dep == "prt" and tok.pos == "ADP"):
                objects = self.children(c, "pobj", "pcomp") or [
                    obj for inner in self.children(c, "prep")
                    for obj in self.children(inner, "pobj")]
                out.extend((tok.lower_text, obj) for obj in objects)
        return out

    def by_object(self, i: int) -> int | None:
        """The object of a "by" on i: a passive's doer ("was reported by X"), a noun's."""
        return next((obj for prep, obj in self.preps(i) if prep == "by"), None)

    def conjuncts(self, i: int) -> list[int]:
        """i and the nouns coordinated with it ("A, B and C")."""
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(j)
            stack.extend(self.children(j, "conj", "appos") if j == i else self.children(j, "conj"))
        return sorted(set(out))

    def span_head(self, start: int, end: int) -> int | None:
        """The head of a token range: a word whose head lies outside it, a noun before other
        words and a name before a common noun ("the service known as the FSB", misparsed)."""
        inside = range(start, end)
        heads = [i for i in inside if self.tokens[i].head not in inside or
                 self.tokens[i].head == i]
        heads = [i for i in heads if self.tokens[i].pos in ("NOUN", "PROPN", "PRON")] or heads
        return next((i for i in heads if self.tokens[i].pos == "PROPN"), next(iter(heads), None))

    # --- text ------------------------------------------------------------------------
    def span(self, indices: Iterable[int]) -> tuple[int, int]:
        idx = list(indices)
        first, last = self.tokens[min(idx)], self.tokens[max(idx)]
        return first.idx, last.idx + len(last.text)

    def text(self, indices: Iterable[int]) -> str:
        start, end = self.span(indices)
        return self.body[start:end]

    def is_pronoun(self, i: int) -> bool:
        tok = self.tokens[i]  # "the US" is not "us"
        return tok.lower_text in PRONOUNS and tok.pos != "PROPN" and tok.ent_type != "GPE"

    def lemma(self, i: int) -> str:
        return self.tokens[i].lemma.lower()
