"""Inputs: every kind the contract lists, detected and read, with the user's defaults."""

from __future__ import annotations

import gzip
import http.server
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from tests.conftest import FIXTURES, SAMPLES
from wirewatch.errors import InputError
from wirewatch.pipeline import articles_of
from wirewatch.records import Document
from wirewatch.sources import Defaults, read_inputs
from wirewatch.sources.detect import sniff
from wirewatch.sources.fetch import MappingTransport, UrllibTransport


def docs(*inputs: str, **kw: object) -> list[Document | InputError]:
    return list(read_inputs(list(inputs), **kw))  # type: ignore[arg-type]


def make_warc(pages: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=True)
    for url, body in pages.items():
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")],
                                   protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                      http_headers=headers))
    return out.getvalue()


@pytest.mark.parametrize(("name", "kind"), [
    ("harbor-ledger-section.txt", "text"),
    ("coastline-times-article.html", "html"),
    ("north-wire.rss", "feed"),
    ("syndication.warc.gz", "warc"),
    ("wire.jsonl", "jsonl"),
])
def test_detects_every_sample_kind(name: str, kind: str) -> None:
    assert sniff((SAMPLES / name).read_bytes(), name) == kind


def test_detection_by_content_not_name(tmp_path: Path) -> None:
    page = tmp_path / "page.txt"
    page.write_text("<!DOCTYPE html><html><body><p>Hello there.</p></body></html>")
    assert sniff(page.read_bytes(), str(page)) == "html"
    feed = tmp_path / "download"
    feed.write_bytes((FIXTURES / "feed.atom").read_bytes())
    assert sniff(feed.read_bytes(), str(feed)) == "feed"


def test_feed_entries_become_documents_with_links_and_dates() -> None:
    found = docs(str(FIXTURES / "feed.atom"))
    assert [d.doc_id for d in found if isinstance(d, Document)] == [
        "https://atom-wire.example/navy-intercepts-boat", "https://atom-wire.example/trade-talks"]
    first = found[0]
    assert isinstance(first, Document)
    assert first.kind == "html" and "<p>" in first.content
    assert first.published == "2024-05-01"
    assert first.publisher == "Test Atom Wire (fictional)"


def test_warc_response_records_are_documents(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    path.write_bytes(make_warc({"https://a.example/1": b"<html><body><p>One</p></body></html>",
                                "https://a.example/2": b"<html><body><p>Two</p></body></html>"}))
    found = docs(str(path))
    assert [d.doc_id for d in found if isinstance(d, Document)] == [
        "https://a.example/1", "https://a.example/2"]


def test_jsonl_keeps_ids_and_fields_and_skips_bad_lines(tmp_path: Path) -> None:
    path = tmp_path / "docs.jsonl"
    path.write_text("\n".join([
        json.dumps({"id": "a1", "text": "Some text here.", "publisher": "P", "url": "u"}),
        "{not json",
        json.dumps({"id": "a2", "html": "<p>Hi</p>"}),
        json.dumps({"id": "a3"}),
    ]))
    found = docs(str(path))
    ok = [d for d in found if isinstance(d, Document)]
    bad = [d for d in found if isinstance(d, InputError)]
    assert [d.doc_id for d in ok] == ["a1", "a2"]
    assert ok[0].publisher == "P" and ok[0].url == "u" and ok[1].kind == "html"
    assert [e.input for e in bad] == [f"{path}:2", f"{path}:4"]


def test_csv_tables_are_one_document_a_row(tmp_path: Path) -> None:
    """A news table as datasets ship it: an index column, a multi-line text, a date
    column; a row without text is skipped with its line number."""
    path = tmp_path / "news.csv"
    path.write_text('"","date","text","source"\n'
                    '"7",2019-04-10,"Police arrested two men.\n\nThey were freed.","guardian"\n'
                    '"8",2019-04-11,"",x\n'
                    '"9",,"Talks resumed in Geneva.",\n', encoding="utf-8")
    assert sniff(path.read_bytes(), str(path)) == "csv"
    found = docs(str(path))
    ok = [d for d in found if isinstance(d, Document)]
    assert [(d.doc_id, d.published, d.publisher) for d in ok] == [
        ("7", "2019-04-10", "guardian"), ("9", None, None)]
    assert ok[0].content == "Police arrested two men.\n\nThey were freed."
    assert [e.input for e in found if isinstance(e, InputError)] == [f"{path}:5"]
    tsv = tmp_path / "news.tsv"
    tsv.write_text("headline\tbody\nA title\tA body.\n", encoding="utf-8")
    assert [(d.title, d.content) for d in docs(str(tsv)) if isinstance(d, Document)] == [
        ("A title", "A body.")]
    table = tmp_path / "table.csv"
    table.write_text("name,value\na,1\n", encoding="utf-8")
    assert [str(e) for e in docs(str(table))] == [
        f'wirewatch: skipped {table}: no "text" or "html" column in the header']


def test_directories_and_globs_expand_sorted(tmp_path: Path) -> None:
    for name in ("b.txt", "a.txt", ".hidden.txt"):
        (tmp_path / name).write_text("Some words of a page.")
    assert [d.doc_id for d in docs(str(tmp_path))] == [str(tmp_path / "a.txt"),
                                                       str(tmp_path / "b.txt")]
    assert [d.doc_id for d in docs(str(tmp_path / "*.txt"))] == [str(tmp_path / "a.txt"),
                                                                str(tmp_path / "b.txt")]
    missing = docs(str(tmp_path / "nothing-*.txt"))
    assert isinstance(missing[0], InputError)


def test_urls_go_through_the_transport() -> None:
    transport = MappingTransport({"https://x.example/p": (b"<html><body><p>A page.</p></body>"
                                                          b"</html>", "text/html")})
    found = docs("https://x.example/p", "https://x.example/missing", transport=transport)
    assert isinstance(found[0], Document) and found[0].url == "https://x.example/p"
    assert isinstance(found[1], InputError) and "could not fetch" in found[1].reason


@pytest.fixture
def local_server() -> Iterator[str]:
    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            body = (FIXTURES / "article_comments.html").read_bytes()
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/floods"
    server.shutdown()


def test_real_http_fetch_on_loopback(local_server: str) -> None:
    refused = docs(local_server)  # loopback is fetched only when the user allows it
    assert isinstance(refused[0], InputError) and "loopback address" in refused[0].reason
    found = docs(local_server, transport=UrllibTransport(allow_private=True))
    assert isinstance(found[0], Document)
    assert "Floods force thousands" in found[0].content


def test_user_defaults_fill_only_what_articles_lack() -> None:
    defaults = Defaults(published="2024-03-01", publisher="X", url="u")
    page = Document("p", "text", "A title for the page\n\n" + "Words of a sentence. " * 5)
    stated = Document("s", "text", page.content, url="stated", published="2020-01-01",
                      publisher="Own")
    filled = articles_of(page, defaults)
    kept = articles_of(stated, defaults)
    assert not isinstance(filled, InputError) and not isinstance(kept, InputError)
    assert (filled[0].published, filled[0].publisher, filled[0].url) == ("2024-03-01", "X", "u")
    assert (kept[0].published, kept[0].publisher, kept[0].url) == ("2020-01-01", "Own", "stated")


def test_gzip_pages_are_decompressed(tmp_path: Path) -> None:
    path = tmp_path / "page.html.gz"
    path.write_bytes(gzip.compress((FIXTURES / "section.html").read_bytes()))
    found = docs(str(path))
    assert isinstance(found[0], Document) and "Globe Daily" in found[0].content
