"""Hand-written parses: an article annotated as the parser would, written out word by word,
so that a rule can be tested on the parse it reads without loading the language model.

Each row is ``text lemma POS TAG dep head [IOB-LABEL]``; heads are word numbers from 0 in
the whole text; a blank line ends a sentence.
"""

from __future__ import annotations

from wirewatch.records import AnnotatedArticle, Article, Entity, Sentence, Token


def hand_parse(text: str, rows: str, published: str | None = None,
               title: str | None = None) -> AnnotatedArticle:
    tokens: list[Token] = []
    sentences: list[Sentence] = []
    entities: list[Entity] = []
    at, first = 0, 0
    for line in [*rows.strip("\n").splitlines(), ""]:
        if not line.strip():
            if len(tokens) > first:
                sentences.append(Sentence(first, len(tokens), tokens[first].idx,
                                          tokens[-1].idx + len(tokens[-1].text)))
            first = len(tokens)
            continue
        word, lemma, pos, tag, dep, head, *ent = line.split()
        idx = text.index(word, at)
        at = idx + len(word)
        iob, _, label = ent[0].partition("-") if ent else ("O", "", "")
        tokens.append(Token(len(tokens), word, idx, lemma, pos, tag, dep, int(head), label,
                            iob, ""))
        if iob == "B":
            entities.append(Entity(label, len(tokens) - 1, len(tokens), idx, at, word))
        elif iob == "I":
            last = entities[-1]
            entities[-1] = Entity(last.label, last.start, len(tokens), last.start_char, at,
                                  text[last.start_char:at])
    tokens = [Token(t.i, t.text, t.idx, t.lemma, t.pos, t.tag, t.dep, t.head, t.ent_type,
                    t.ent_iob, text[t.idx + len(t.text):nxt.idx if nxt else len(text)])
              for t, nxt in zip(tokens, [*tokens[1:], None], strict=True)]
    article = Article(doc_id="hand", article_id="hand", title=title, body=text,
                      published=published)
    return AnnotatedArticle(article, tokens, sentences, entities)
