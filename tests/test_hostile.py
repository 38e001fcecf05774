"""Hostile input (issue 18): each bad input or document is one error value naming it, the
rest of the batch goes on, and limits keep one input's memory and time bounded.

The files are made here, small; where a failure needs a big input, the limit it meets is
lowered instead (``wirewatch.limits`` is read when the code runs).
"""

from __future__ import annotations

import gzip
import json
import tracemalloc
from collections.abc import Iterable
from pathlib import Path

import pytest
from spacy.language import Language

from scripts.make_hostile import warc_records
from tests.conftest import FIXTURES, cli
from wirewatch import __version__, api, limits
from wirewatch.errors import InputError
from wirewatch.nlp.annotate import ParseFailure, parse
from wirewatch.nlp.parts import split_parts
from wirewatch.pipeline import Result
from wirewatch.records import AnnotatedArticle, Article, ArticleRecord, Document
from wirewatch.sources import read_inputs
from wirewatch.sources.detect import sniff
from wirewatch.store import SqliteStore

SENTENCE = "The army attacked the town of Kismayo on Monday, officials said. "
PAGE = (f"<html><head><title>Army attacks Kismayo</title></head><body><article>"
        f"<h1>Army attacks Kismayo</h1><p>{SENTENCE * 3}</p><p>{SENTENCE * 2}</p>"
        f"</article></body></html>")


def read(*paths: Path | str) -> list[Document | InputError]:
    return list(read_inputs([str(p) for p in paths]))


def read_with_peak(path: Path) -> tuple[list[Document | InputError], int]:
    """What reading one input gives, and the most memory Python held while reading it."""
    tracemalloc.start()
    try:
        found = read(path)
        return found, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def extracted(*paths: Path | str) -> list[Result]:
    return list(api.extract([str(p) for p in paths], articles_only=True))


def errors(found: list[Document | InputError] | list[Result]) -> list[InputError]:
    return [x for x in found if isinstance(x, InputError)]


def rss(*items: tuple[str, str, str]) -> str:
    """A feed of (link, date, body) items."""
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>Test Wire</title>"
            + "".join(f"<item><title>Item {n}</title><link>{link}</link><pubDate>{date}"
                      f"</pubDate><description><![CDATA[<p>{body}</p>]]></description></item>"
                      for n, (link, date, body) in enumerate(items))
            + "</channel></rss>")


# --- one bad document does not stop the batch ---------------------------------------------


def test_a_feed_with_impossible_dates_keeps_the_batch(tmp_path: Path, nlp: Language) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text("".join(json.dumps({"id": f"good-{n}", "text": f"{SENTENCE} Item {n}."})
                            + "\n" for n in range(3)))
    weird = tmp_path / "weird-dates.rss"
    weird.write_text(rss(("https://w.example/1", "0000-00-00", SENTENCE),
                         ("https://w.example/2", "Mon, 31 Feb 2024 99:99:99 +9999", SENTENCE),
                         ("https://w.example/3", "Mon, 03 Mar 2025 10:00:00 GMT", SENTENCE)))
    store = SqliteStore(tmp_path / "w.db")
    try:
        report = api.ingest([str(good), str(weird)], store)
        counts = store.counts()
    finally:
        store.close()
    assert report.errors == []
    assert report.documents == 6 and counts["documents"] == 6
    dates = {d.doc_id: d.published for d in read(weird) if isinstance(d, Document)}
    assert dates == {"https://w.example/1": None, "https://w.example/2": None,
                     "https://w.example/3": "2025-03-03"}


def test_a_reader_that_fails_costs_only_its_input(tmp_path: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    import wirewatch.sources as sources

    def broken(name: str, data: bytes) -> list[Document]:
        raise RuntimeError("a defect\nover two lines")

    monkeypatch.setattr(sources, "read_feed", broken)
    feed = tmp_path / "a.rss"
    feed.write_text(rss(("https://w.example/1", "", SENTENCE)))
    page = tmp_path / "b.html"
    page.write_text(PAGE)
    found = read(feed, page)
    assert [str(e) for e in errors(found)] == [
        f"wirewatch: skipped {feed}: unreadable (RuntimeError: a defect over two lines)"]
    assert [d.doc_id for d in found if isinstance(d, Document)] == [str(page)]


def test_a_parser_failure_costs_only_its_article(monkeypatch: pytest.MonkeyPatch) -> None:
    import wirewatch.nlp.annotate as annotate_module

    class Fussy:  # a parser that fails on one text
        def pipe(self, texts: Iterable[str], batch_size: int) -> list[str]:
            return [self(t) for t in texts]

        def __call__(self, text: str) -> str:
            if "BOOM" in text:
                raise ValueError("cannot parse this")
            return text

    def to_record(doc: str, article: Article) -> AnnotatedArticle:
        return AnnotatedArticle(article, [], [], [])

    monkeypatch.setattr(annotate_module, "to_record", to_record)
    arts = [Article("d", str(n), None, body) for n, body in enumerate(["one", "BOOM", "three"])]
    out = list(parse(arts, Fussy()))  # type: ignore[arg-type]
    assert [a.article.body for a in out] == ["one", "BOOM", "three"]
    assert isinstance(out[1], ParseFailure) and "cannot parse this" in out[1].reason
    assert not isinstance(out[0], ParseFailure) and not isinstance(out[2], ParseFailure)


def test_a_document_the_store_refuses_costs_only_itself(tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("".join(json.dumps({"id": f"d{n}", "text": f"{SENTENCE} Number {n}."}) + "\n"
                            for n in range(3)))
    store = SqliteStore(tmp_path / "s.db")
    add = store.add_document

    def picky(doc_id: str, content_hash: str, records: list[ArticleRecord],
              done: bool = True) -> int:
        if doc_id == "d1":
            raise KeyError("a defect")
        return add(doc_id, content_hash, records, done)

    monkeypatch.setattr(store, "add_document", picky)
    try:
        report = api.ingest([str(path)], store, articles_only=True)
        assert store.counts()["documents"] == 2
    finally:
        store.close()
    assert [e.input for e in report.errors] == ["d1"]
    assert "could not be stored" in report.errors[0].reason


def test_an_unforeseen_error_is_one_line(monkeypatch: pytest.MonkeyPatch,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    import wirewatch.cli.commands as commands
    from wirewatch.cli import main

    def broken(args: object) -> int:
        raise RuntimeError("something\nunforeseen")

    monkeypatch.setattr(commands, "extract", broken)
    monkeypatch.delenv("WIREWATCH_DEBUG", raising=False)
    assert main(["extract", "x"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "RuntimeError: something unforeseen" in err


def test_error_lines_stay_one_line() -> None:
    error = InputError("a\nname\u2028with\x85breaks", "a reason\nover lines " + "x" * 1000)
    assert len(str(error).splitlines()) == 1
    assert len(str(error)) < 700


# --- limits ------------------------------------------------------------------------------


def test_parts_join_back_and_cut_at_paragraphs() -> None:
    text = "\n\n".join(f"Paragraph {n}. " + "word " * (n % 7) for n in range(200))
    parts = split_parts(text, 100)
    assert "".join(parts) == text
    assert all(len(p) <= 100 for p in parts)
    assert all(p.endswith("\n\n") for p in parts[:-1])
    assert split_parts("x" * 250, 100) == ["x" * 100, "x" * 100, "x" * 50]  # one long word


def test_an_article_past_the_parsers_length_is_parsed_in_parts(
        nlp: Language, monkeypatch: pytest.MonkeyPatch) -> None:
    body = "\n\n".join(f"{SENTENCE}Ethiopia sent aid to Somalia on day {n}." for n in range(60))
    monkeypatch.setattr(nlp, "max_length", 2_000)  # spaCy's E088, at a size a test can pay
    monkeypatch.setattr(limits, "PART_CHARS", 1_500)
    article = Article("long", "long", "Long", body)
    (ann,) = parse([article], nlp)
    assert not isinstance(ann, ParseFailure), ann
    assert ann.article is article
    assert "".join(t.text + t.ws for t in ann.tokens) == body
    assert [t.i for t in ann.tokens] == list(range(len(ann.tokens)))
    assert all(body[t.idx: t.idx + len(t.text)] == t.text for t in ann.tokens)
    assert all(0 <= t.head < len(ann.tokens) for t in ann.tokens)
    assert all(body[e.start_char: e.end_char] == e.text for e in ann.entities)
    assert sum(e.text == "Somalia" for e in ann.entities) == 60
    assert ann.sentences[-1].end == len(ann.tokens)
    assert all(a.end <= b.start for a, b in zip(ann.sentences, ann.sentences[1:], strict=False))
    from wirewatch.events.extract import extract

    assert len(extract(ann).events) >= 60  # the event stage reads the joined parse


def test_texts_over_the_limits_are_refused_one_line_each(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_DOCUMENT_CHARS", 20_000)
    monkeypatch.setattr(limits, "MAX_ARTICLE_CHARS", 5_000)
    monkeypatch.setattr(limits, "MAX_ARTICLES_PER_DOCUMENT", 3)
    files = {
        "big.txt": "Army attacks town\n\n" + (SENTENCE * 10 + "\n\n") * 40,  # 26,000 chars
        "one-line.txt": SENTENCE * 400,
        "one-token.txt": "a" * 30_000,
        "paragraphs.html": "<html><body>" + f"<p>{SENTENCE}</p>" * 400 + "</body></html>",
        "long.jsonl": json.dumps({"id": "long", "text": SENTENCE * 100}) + "\n"
                      + json.dumps({"id": "short", "text": SENTENCE}) + "\n",
        "blocks.html": "<html><body>" + "".join(
            f'<article><h2><a href="/{n}">Army attacks town number {n} today</a></h2>'
            f"<p>{SENTENCE}</p></article>" for n in range(10)) + "</body></html>",
    }
    for name, text in files.items():
        (tmp_path / name).write_text(text)
    found = extracted(*(tmp_path / name for name in files))
    reasons = {e.input: e.reason for e in errors(found)}

    def text(size: int) -> str:
        return f"a text of {size:,} characters is over the limit of 20,000 per document"

    long_article = next(k for k in reasons if k.startswith("long ("))
    assert reasons == {
        str(tmp_path / "big.txt"): text(len(files["big.txt"])),
        str(tmp_path / "one-line.txt"): text(len(files["one-line.txt"])),
        str(tmp_path / "one-token.txt"): text(30_000),
        str(tmp_path / "paragraphs.html"): f"a page's text of {len(SENTENCE) * 400:,} characters "
                                           "is over the limit of 20,000 per document",
        long_article: f"an article of {len(SENTENCE.strip()) * 100 + 99:,} characters is over "
                      "the limit of 5,000 per article",
        str(tmp_path / "blocks.html"): "7 articles after the first 3 (the limit per document; "
                                       "it holds 10)",
    }
    kept = [r.article.doc_id for r in found if isinstance(r, ArticleRecord)]
    assert kept == ["short"] + [str(tmp_path / "blocks.html")] * 3


def test_a_device_that_never_ends_is_read_up_to_the_limit(monkeypatch: pytest.MonkeyPatch
                                                          ) -> None:
    monkeypatch.setattr(limits, "MAX_INPUT_BYTES", 2**20)
    (error,) = read("/dev/zero")
    assert isinstance(error, InputError) and error.reason == "too large (over 1 MB, the limit)"


def test_a_gzip_bomb_is_refused_while_inflating(tmp_path: Path,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_INFLATED_BYTES", 4 * 2**20)
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip.compress(b"<html><body><p>" + b" " * (64 * 2**20), 9))
    found, peak = read_with_peak(bomb)
    assert [e.reason for e in errors(found)] == ["decompresses to more than 4 MB, the limit"]
    assert peak < 16 * 2**20


def test_warc_bombs_are_refused_before_inflating(tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_RECORD_BYTES", 2**20)
    monkeypatch.setattr(limits, "MAX_ARCHIVE_BYTES", 48 * 2**20)
    zeros = b"<html><body><p>" + b" " * (40 * 2**20)
    archive = tmp_path / "bombs.warc.gz"
    archive.write_bytes(warc_records([
        ("https://w.example/big", zeros, []),  # a record of 40 MB, stored gzipped
        ("https://w.example/encoded", gzip.compress(zeros, 9), [("Content-Encoding", "gzip")]),
        ("https://w.example/ok", PAGE.encode(), []),
    ]))
    found, peak = read_with_peak(archive)
    assert [(e.input, e.reason) for e in errors(found)] == [
        ("https://w.example/big", "record payload too large (over 1 MB, the limit)"),
        ("https://w.example/encoded", "record payload too large (over 1 MB, the limit)")]
    assert [d.doc_id for d in found if isinstance(d, Document)] == ["https://w.example/ok"]
    assert peak < 24 * 2**20
    monkeypatch.setattr(limits, "MAX_ARCHIVE_BYTES", 8 * 2**20)
    assert [e.reason for e in read(archive) if isinstance(e, InputError)] == [
        "record payload too large (over 1 MB, the limit)",
        "truncated or corrupt WARC after 0 records (decompresses to more than 8 MB, the limit)"]


def test_a_huge_inline_image_or_attribute_leaves_the_article(tmp_path: Path) -> None:
    for name, filler in (("image.html", '<img src="data:image/png;base64,' + "A" * 11_000_000
                          + '">'), ("attribute.html", '<div data-x="' + "x" * 200_000 + '">'
                                    "</div>")):
        (tmp_path / name).write_text(PAGE.replace("<h1>", filler + "<h1>"))
    found = extracted(tmp_path / "image.html", tmp_path / "attribute.html")
    assert errors(found) == []
    assert all(isinstance(r, ArticleRecord) and "Kismayo on Monday" in r.article.body
               for r in found)


def test_a_page_nested_thousands_deep_is_read(tmp_path: Path) -> None:
    page = tmp_path / "deep.html"
    page.write_text("<html><body>" + "<div>" * 1_500 + f"<p>{SENTENCE * 5}</p>" + "</div>" * 1_500
                    + "</body></html>")
    (record,) = extracted(page)
    assert isinstance(record, ArticleRecord) and "Kismayo on Monday" in record.article.body


def test_an_extension_wins_only_when_the_content_agrees() -> None:
    assert sniff(b"<html><body><p>x</p></body></html>", "page.xml") == "html"
    assert sniff(b"<?xml version='1.0'?><rss><channel></channel></rss>", "x.xml") == "feed"
    assert sniff(b"<html><body><p>x</p></body></html>", "x.jsonl") == "html"


def test_a_huge_title_is_cut(tmp_path: Path) -> None:
    page = tmp_path / "title.html"
    page.write_text(PAGE.replace("Army attacks Kismayo</title>",
                                 "Army attacks Kismayo " + "again " * 200_000 + "</title>"))
    (record,) = extracted(page)
    assert isinstance(record, ArticleRecord)
    assert record.article.title and len(record.article.title) <= limits.MAX_TITLE_CHARS


# --- readers ---------------------------------------------------------------------------


def test_jsonl_with_lines_longer_than_detection_reads(tmp_path: Path) -> None:
    html = "<html><body>" + f"<p>{SENTENCE}</p>" * 2_000 + "</body></html>"  # 140 KB a line
    path = tmp_path / "pages.jsonl"
    path.write_text("".join(json.dumps({"id": f"p{n}", "html": html}) + "\n" for n in range(2)))
    assert sniff(path.read_bytes(), str(path)) == "jsonl"
    assert sniff(path.read_bytes(), "-") == "jsonl"  # no extension: the line's shape
    assert [d.doc_id for d in read(path) if isinstance(d, Document)] == ["p0", "p1"]


def test_jsonl_lines_end_only_at_newlines(tmp_path: Path) -> None:
    path = tmp_path / "seps.jsonl"
    texts = [f"{SENTENCE}\u2028{SENTENCE}", f"{SENTENCE}\x85{SENTENCE}", f"{SENTENCE}\x0c."]
    path.write_bytes("\r\n".join(json.dumps({"id": str(n), "text": t}, ensure_ascii=False)
                                 for n, t in enumerate(texts)).encode())
    found = read(path)
    assert errors(found) == []
    assert [d.content for d in found if isinstance(d, Document)] == texts


def test_jsonl_nesting_and_huge_numbers_cost_one_line(tmp_path: Path) -> None:
    path = tmp_path / "deep.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "first", "text": SENTENCE}),
        '{"id": "deep", "text": "x", "n": ' + "[" * 10_000 + "]" * 10_000 + "}",
        '{"id": "digits", "text": "x", "n": ' + "9" * 5_000 + "}",
        json.dumps({"id": "last", "text": SENTENCE})]))
    found = read(path)
    assert [(e.input, e.reason.split(" (")[0]) for e in errors(found)] == [
        (f"{path}:2", "invalid JSON"), (f"{path}:3", "invalid JSON")]
    assert [e.reason for e in errors(found)] == ["invalid JSON (nested too deeply)",
                                                 "invalid JSON (a number too long to read)"]
    assert [d.doc_id for d in found if isinstance(d, Document)] == ["first", "last"]


@pytest.mark.parametrize("name", ["feed.rss.gz", "feed.xml.gz", "feed.atom.gz", "download.gz"])
def test_gzipped_feeds_are_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    path.write_bytes(gzip.compress(rss(("https://w.example/1", "", SENTENCE)).encode()))
    assert [d.doc_id for d in read(path) if isinstance(d, Document)] == ["https://w.example/1"]


@pytest.mark.parametrize("how", ["whole file", "record by record", "two members"])
def test_every_record_of_a_gzipped_warc_records(tmp_path: Path, how: str) -> None:
    pages = [(f"https://w.example/{n}", PAGE.encode(), []) for n in range(3)]
    if how == "whole file":
        data = gzip.compress(warc_records(pages, gzip_records=False))
    elif how == "record by record":
        data = warc_records(pages)
    else:
        data = (gzip.compress(warc_records(pages[:1], False)) +
                gzip.compress(warc_records(pages[1:], False)))
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(data)
    found = read(path)
    assert errors(found) == []
    assert [d.doc_id for d in found if isinstance(d, Document)] == [u for u, _, _ in pages]


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_wide_encodings_with_a_byte_order_mark(tmp_path: Path, encoding: str) -> None:
    bom = {"utf-16-le": b"\xff\xfe", "utf-16-be": b"\xfe\xff"}.get(encoding, b"")
    text = PAGE.replace("Kismayo", "Kismayo – Jubaland’s port")
    page = tmp_path / "page.html"
    page.write_bytes(bom + text.encode(encoding))
    feed = tmp_path / "feed.rss"
    feed.write_bytes(bom + rss(("https://w.example/1", "", SENTENCE)).encode(encoding))
    found = read(page, feed)
    assert errors(found) == []
    assert found[0].content == text  # type: ignore[union-attr]
    assert found[1].doc_id == "https://w.example/1"  # type: ignore[union-attr]


def test_a_feed_with_bytes_that_are_not_utf8_loses_only_their_entry(tmp_path: Path) -> None:
    items = [(f"https://w.example/{n}", "", SENTENCE.replace("Kismayo", "Jubaland’s port"))
             for n in range(3)]
    data = rss(*items).encode()
    cut = data.index(b"<p>", data.index(b"<item>", data.index(b"<item>") + 1)) + 5  # in the
    # second item's text
    path = tmp_path / "feed.rss"
    path.write_bytes(data[:cut] + b"\xff\xfe\xc3\x28" + data[cut:])
    found = read(path)
    assert [(e.input, e.reason.split(" (")[0]) for e in errors(found)] == [
        (f"{path}#2", "bytes that are not UTF-8 in this entry")]
    docs = [d for d in found if isinstance(d, Document)]
    assert [d.doc_id for d in docs] == ["https://w.example/0", "https://w.example/2"]
    assert all("Jubaland’s port" in d.content for d in docs)  # read as UTF-8, not cp1252
    latin = tmp_path / "latin.rss"  # a feed that declares another charset is read in it
    latin.write_bytes(rss(*items).replace("<?xml version='1.0'?>",
                                          "<?xml version='1.0' encoding='cp1252'?>"
                                          ).encode("cp1252"))
    found = read(latin)
    assert errors(found) == [] and all("Jubaland’s port" in d.content for d in found
                                       if isinstance(d, Document))


def test_the_cli_gives_one_line_per_hostile_input(tmp_path: Path) -> None:
    hostile = {
        "weird-dates.rss": rss(("https://w.example/1", "0000-00-00", SENTENCE)).encode(),
        "deep.jsonl": b'{"id": "deep", "text": ' + b"[" * 10_000 + b"]" * 10_000 + b"}\n",
        "digits.jsonl": b'{"id": "n", "text": "x", "n": ' + b"9" * 5_000 + b"}\n",
        "broken.warc.gz": gzip.compress(warc_records([("https://w.example/2", PAGE.encode(), [])],
                                             False))[:-40],
    }
    for name, data in hostile.items():
        (tmp_path / name).write_bytes(data)
    good = FIXTURES / "dump_plain.txt"
    run = cli("extract", "--articles-only", str(good), *(str(tmp_path / n) for n in hostile))
    assert "Traceback" not in run.stderr
    lines = run.stderr.splitlines()
    assert all(line.startswith("wirewatch: skipped ") for line in lines), run.stderr
    assert len(lines) == 3, run.stderr  # the feed's date is only left out
    doc_ids = [json.loads(line)["doc_id"] for line in run.stdout.splitlines()]
    assert doc_ids[0] == str(good) and "https://w.example/1" in doc_ids


def test_a_document_a_defect_cut_short_is_done_again(tmp_path: Path, nlp: Language,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An article whose event extraction raised used to leave its page recorded as
    ingested, never processed again, even after the fix."""
    import wirewatch.pipeline as pipeline

    section = str(FIXTURES / "section.html")  # a page of three articles
    real = pipeline.extract

    def flaky(ann: AnnotatedArticle) -> ArticleRecord:
        if ann.article.title == "Protesters march against new mining law":
            raise RuntimeError("a defect")
        return real(ann)

    store = SqliteStore(tmp_path / "s.db")
    try:
        monkeypatch.setattr(pipeline, "extract", flaky)
        first = api.ingest([section], store)
        assert [e.retry for e in first.errors] == [section]
        assert store.counts()["documents"] == 0 and store.counts()["articles"] == 2
        [failure] = store.failures()  # recorded as a failure, with its reason and version
        assert failure["doc_id"] == failure["source"] == section
        assert "RuntimeError: a defect" in failure["reason"]
        assert failure["version"] == __version__
        assert api.ingest([section], store).errors  # still failing: still recorded
        assert len(store.failures()) == 1
        shown = cli("status", "--db", str(tmp_path / "s.db"))
        assert shown.returncode == 0 and "1 failed documents" in shown.stdout
        assert "RuntimeError: a defect" in shown.stdout and "--retry-failed" in shown.stdout
        monkeypatch.setattr(pipeline, "extract", real)  # the defect fixed
        second = api.ingest([], store, retry_failed=True)  # its input is read again
        assert second.errors == [] and second.new_articles == 1
        assert store.failures() == []
        counts = store.counts()
        assert counts["documents"] == 1 and counts["articles"] == 3
        assert api.ingest([section], store).unchanged == 1
        assert store.counts() == counts
    finally:
        store.close()
