"""Write the hostile inputs of issue 18 into a folder: one file per case, its extension the
input kind it poses as (``.txt`` a text page dump, ``.html``, ``.rss`` a feed, ``.jsonl``,
``.warc`` / ``.warc.gz``).

    python scripts/make_hostile.py OUTDIR [--only NAME ...]

The files are the same bytes on every run (a seeded generator, fixed WARC record ids and
dates, gzip streams without a time stamp); together they take some 110 MB and about 15 s on
two cores, most of it compressing the two 1 GB bombs. ``CASES`` maps each file name to what
it is; ``bench/hostile.py`` runs them through the command line.
"""

from __future__ import annotations

import argparse
import gzip
import io
import json
import random
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

MB = 2**20
SEED = 18
WARC_DATE = "2025-03-03T10:00:00Z"

SUBJECTS = ["The army", "Police", "Protesters", "The government", "Rebel fighters",
            "The foreign minister", "Striking workers", "The central bank", "Opposition leaders",
            "A coalition of aid groups", "The president", "Border guards"]
VERBS = ["attacked", "met", "criticised", "blockaded", "visited", "sanctioned", "praised",
         "accused", "arrested", "negotiated with", "warned", "thanked"]
OBJECTS = ["the town of Kismayo", "officials in Nairobi", "the ruling party", "the port of Aden",
           "residents of Goma", "the defence ministry", "traders in Kampala", "the United Nations",
           "villagers near Mosul", "the electoral commission", "journalists in Harare"]
WHENS = ["on Monday", "on Tuesday", "late on Wednesday", "on Thursday", "early on Friday",
         "at the weekend", "last week", "overnight"]
SECTIONS = ["Kenya", "Somalia", "Uganda", "Yemen", "Iraq"]
TELLERS = ["officials said", "witnesses told reporters", "a spokesperson said",
           "local media reported", "according to a statement", "the agency reported"]


def sentence(rng: random.Random) -> str:
    return (f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} "
            f"{rng.choice(WHENS)}, {rng.choice(TELLERS)}.")


def paragraph(rng: random.Random, sentences: int = 4) -> str:
    return " ".join(sentence(rng) for _ in range(sentences))


def headline(rng: random.Random, n: int) -> str:
    return f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} in report {n}"


def page(body: str, title: str = "Army attacks Kismayo", head: str = "") -> str:
    return (f"<!DOCTYPE html><html><head><meta charset='utf-8'><title>{title}</title>{head}"
            f"</head><body>{body}</body></html>")


def article(rng: random.Random, n: int = 0, paragraphs: int = 3) -> str:
    return (f"<article><h1>{headline(rng, n)}</h1>"
            + "".join(f"<p>{paragraph(rng)}</p>" for _ in range(paragraphs)) + "</article>")


def sized_text(rng: random.Random, size: int, sep: str) -> str:
    """Prose of ``size`` bytes (ASCII): sentences joined by ``sep``, cut to the size."""
    parts: list[str] = []
    total = 0
    while total < size:
        s = sentence(rng)
        parts.append(s)
        total += len(s) + len(sep)
    return sep.join(parts)[:size]


def sized_paragraphs(rng: random.Random, size: int) -> str:
    """``<p>`` paragraphs of prose, ``size`` bytes of them or a paragraph more."""
    parts: list[str] = []
    total = 0
    while total < size:
        parts.append(f"<p>{paragraph(rng, 5)}</p>")
        total += len(parts[-1])
    return "".join(parts)


def rss(items: list[tuple[str, str, str, str]], title: str = "Test Wire") -> str:
    """A feed of (title, link, date, HTML body) items."""
    return ("<?xml version='1.0' encoding='UTF-8'?><rss version='2.0'><channel>"
            f"<title>{title}</title><link>https://wire.example/</link>"
            "<description>Hostile feed</description>"
            + "".join(f"<item><title>{t}</title><link>{link}</link>"
                      + (f"<pubDate>{date}</pubDate>" if date else "")
                      + f"<description><![CDATA[{body}]]></description></item>"
                      for t, link, date, body in items)
            + "</channel></rss>\n")


def good_items(rng: random.Random, count: int, site: str = "wire.example"
               ) -> list[tuple[str, str, str, str]]:
    return [(headline(rng, n), f"https://{site}/news/{n}",
             f"Mon, 03 Mar 2025 {n % 24:02d}:{n % 60:02d}:00 GMT",
             f"<p>{paragraph(rng)}</p><p>{paragraph(rng)}</p>") for n in range(count)]


def jsonl(docs: list[dict[str, object]]) -> str:
    return "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


# --- WARC ----------------------------------------------------------------------------------


def warc_records(pages: list[tuple[str, bytes, list[tuple[str, str]]]], gzip_records: bool = True
                 ) -> bytes:
    """Response records of (target URI, HTTP body, extra HTTP headers), with fixed ids."""
    out = io.BytesIO()
    writer = WARCWriter(out, gzip=gzip_records)
    for url, body, extra in pages:
        headers = StatusAndHeaders(
            "200 OK", [("Content-Type", "text/html; charset=utf-8"), *extra],
            protocol="HTTP/1.1")
        record_id = f"<urn:uuid:{zlib.crc32(url.encode()):08x}-0000-4000-8000-000000000018>"
        record = writer.create_warc_record(
            url, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Record-ID": record_id, "WARC-Date": WARC_DATE})
        writer.write_record(record)
    return out.getvalue()


def good_pages(rng: random.Random, count: int, site: str
               ) -> list[tuple[str, bytes, list[tuple[str, str]]]]:
    return [(f"https://{site}/news/{n}",
             page(article(rng, n), title=headline(rng, n)).encode(), []) for n in range(count)]


def gzip_stream(out: BinaryIO, chunks: Iterator[bytes]) -> None:
    """One gzip member of the chunks (level 9, no time stamp), streamed to ``out``."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    for chunk in chunks:
        out.write(packer.compress(chunk))
    out.write(packer.flush())


def blanks(size: int, block: int = MB) -> Iterator[bytes]:
    """``size`` spaces, a block at a time."""
    whole, rest = divmod(size, block)
    blank = b" " * block
    for _ in range(whole):
        yield blank
    yield b" " * rest


def bomb_record(out: BinaryIO, url: str, size: int) -> None:
    """A response record, gzipped as WARC records are, whose HTTP body is ``size`` bytes: the
    record is written by hand, streamed, so the body is never held."""
    http = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
            b"Content-Length: " + str(size).encode() + b"\r\n\r\n")
    prefix = b"<html><body><p>"
    block_length = len(http) + size
    head = (f"WARC/1.0\r\nWARC-Type: response\r\n"
            f"WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-0000000b0b18>\r\n"
            f"WARC-Date: {WARC_DATE}\r\nWARC-Target-URI: {url}\r\n"
            f"Content-Type: application/http; msgtype=response\r\n"
            f"Content-Length: {block_length}\r\n\r\n").encode()
    gzip_stream(out, iter([head, http, prefix, *blanks(size - len(prefix)), b"\r\n\r\n"]))


# --- the cases -----------------------------------------------------------------------------

Maker = Callable[[Path, random.Random], None]
CASES: dict[str, tuple[str, Maker]] = {}


def case(name: str, what: str) -> Callable[[Maker], Maker]:
    def register(make: Maker) -> Maker:
        CASES[name] = (what, make)
        return make
    return register


@case("plain-31mb.txt", "a 31 MB plain-text file (paragraphs of prose)")
def _plain_31mb(path: Path, rng: random.Random) -> None:
    with path.open("w", encoding="ascii") as out:
        written = 0
        n = 0
        while written < 31 * MB:
            chunk = f"{headline(rng, n)}\n\n{paragraph(rng, 6)}\n\n{paragraph(rng, 5)}\n\n"
            out.write(chunk)
            written += len(chunk)
            n += 1


@case("p-tags-100k.html", "an HTML page of 100,000 <p> tags")
def _p_tags(path: Path, rng: random.Random) -> None:
    path.write_text(page("<article><h1>Army attacks Kismayo</h1>"
                         + "".join(f"<p>{sentence(rng)}</p>" for _ in range(100_000))
                         + "</article>"), encoding="utf-8")


@case("title-1mb.html", "an HTML page whose <title> is 1 MB")
def _title(path: Path, rng: random.Random) -> None:
    path.write_text(page(article(rng), title="Army attacks Kismayo "
                         + sized_text(rng, MB, " ")), encoding="utf-8")


@case("one-line-5mb.txt", "a 5 MB text file on one line")
def _one_line(path: Path, rng: random.Random) -> None:
    path.write_text(sized_text(rng, 5 * MB, " "), encoding="ascii")


@case("one-token-5mb.txt", "a 5 MB single token")
def _one_token(path: Path, rng: random.Random) -> None:
    letters = b"abcdefghijklmnopqrstuvwxyz"
    path.write_bytes(bytes(letters[b % 26] for b in rng.randbytes(5 * MB)))


@case("dump-10k-articles.txt", "a text dump of 10,000 short articles (a section, a headline "
      "and two sentences each: 1.9 MB, under the limit of one document's text)")
def _dump(path: Path, rng: random.Random) -> None:
    path.write_text("".join(
        f"{rng.choice(SECTIONS)}\n\n{rng.choice(SUBJECTS)} {rng.choice(VERBS)} "
        f"{rng.choice(OBJECTS)}\n\n{sentence(rng)} "
        f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)} {rng.choice(WHENS)}."
        "\n\n" for _ in range(10_000)), encoding="ascii")


@case("lines-100k.txt", "a text of 100,000 short lines (1.5 MB, under the limit of one "
      "document's text)")
def _lines(path: Path, rng: random.Random) -> None:
    path.write_text("".join(f"{rng.choice(VERBS)} {n}\n" for n in range(100_000)),
                    encoding="ascii")


@case("nested-10k.jsonl", "a JSON Lines line nested 10,000 deep, between two good lines")
def _nested(path: Path, rng: random.Random) -> None:
    deep = '{"id": "nested-deep", "text": "x", "n": ' + "[" * 10_000 + "]" * 10_000 + "}\n"
    path.write_text(jsonl([{"id": "nested-first", "text": paragraph(rng)}]) + deep
                    + jsonl([{"id": "nested-last", "text": paragraph(rng)}]), encoding="utf-8")


@case("digits-5000.jsonl", "a JSON Lines line holding a 5,000-digit integer, between two good")
def _digits(path: Path, rng: random.Random) -> None:
    digits = "".join(str(rng.randrange(10)) for _ in range(4_999))
    line = '{"id": "digits-long", "text": "x", "n": 9' + digits + "}\n"
    path.write_text(jsonl([{"id": "digits-first", "text": paragraph(rng)}]) + line
                    + jsonl([{"id": "digits-last", "text": paragraph(rng)}]), encoding="utf-8")


@case("odd-dates.rss", "a feed with dates no calendar has (0000-00-00, year 99999, "
      "'yesterday') beside good items")
def _odd_dates(path: Path, rng: random.Random) -> None:
    dates = ["0000-00-00", "Mon, 03 Mar 99999 10:00:00 GMT", "99999-01-01", "yesterday",
             "Mon, 31 Feb 2024 99:99:99 +9999", "", "Mon, 03 Mar 2025 10:00:00 GMT",
             "2025-03-04T08:30:00Z"]
    path.write_text(rss([(headline(rng, n), f"https://odd.example/news/{n}", date,
                          f"<p>{paragraph(rng)}</p>") for n, date in enumerate(dates)]),
                    encoding="utf-8")


@case("item-5mb.rss", "a feed with one 5 MB item, beside a good one")
def _item_5mb(path: Path, rng: random.Random) -> None:
    body = sized_paragraphs(rng, 5 * MB)
    path.write_text(rss([("A very long item", "https://big.example/news/0",
                          "Mon, 03 Mar 2025 10:00:00 GMT", body),
                         *good_items(rng, 1, "big.example")[:1]]), encoding="utf-8")


@case("payload-30mb.warc.gz", "a WARC record with a 30 MB payload, and a good record")
def _payload_30mb(path: Path, rng: random.Random) -> None:
    body = ("<html><body><article><h1>Army attacks Kismayo</h1>"
            + sized_paragraphs(rng, 30 * MB)
            + "</article></body></html>").encode()
    path.write_bytes(warc_records([("https://payload.example/big", body, []),
                                   *good_pages(rng, 1, "payload.example")]))


@case("blocks-10k.html", "an HTML page with 10,000 article blocks (a headline and a "
      "sentence each: its text is under the limit of one document's)")
def _blocks(path: Path, rng: random.Random) -> None:
    path.write_text(page("".join(
        f'<article><h2><a href="/news/{n}">{headline(rng, n)}</a></h2>'
        f"<p>{sentence(rng)}</p></article>" for n in range(10_000))), encoding="utf-8")


@case("bomb-1gb.warc.gz", "a WARC decompression bomb: a good record, then a gzipped record "
      "that inflates to 1 GB")
def _warc_bomb(path: Path, rng: random.Random) -> None:
    with path.open("wb") as out:
        out.write(warc_records(good_pages(rng, 1, "bomb.example")))
        bomb_record(out, "https://bomb.example/inflated", 1024 * MB)


@case("content-encoding-bomb.warc", "a WARC record whose HTTP body is Content-Encoding: gzip "
      "inflating to 1 GB, between good records")
def _encoding_bomb(path: Path, rng: random.Random) -> None:
    packed = io.BytesIO()
    gzip_stream(packed, iter([b"<html><body><p>", *blanks(1024 * MB - 15)]))
    path.write_bytes(warc_records([
        *good_pages(rng, 1, "encoded.example"),
        ("https://encoded.example/bomb", packed.getvalue(), [("Content-Encoding", "gzip")]),
        ("https://encoded.example/after", page(article(rng, 1)).encode(), []),
    ], gzip_records=False))


@case("items-10k.rss", "a feed of 10,000 items")
def _items(path: Path, rng: random.Random) -> None:
    path.write_text(rss(good_items(rng, 10_000, "items.example")), encoding="utf-8")


@case("docs-10k.jsonl", "a JSON Lines file of 10,000 documents")
def _docs(path: Path, rng: random.Random) -> None:
    path.write_text(jsonl([{"id": f"docs-{n}", "title": headline(rng, n),
                            "text": f"{paragraph(rng)}\n\n{paragraph(rng)}",
                            "published": "2025-03-03", "publisher": "Docs Wire"}
                           for n in range(10_000)]), encoding="utf-8")


@case("long-lines.jsonl", "JSON Lines whose lines are over 64 KB (HTML embedded as 'html')")
def _long_lines(path: Path, rng: random.Random) -> None:
    docs: list[dict[str, object]] = []
    for n in range(5):
        html = page("<article><h1>" + headline(rng, n) + "</h1>"
                    + "".join(f"<p>{paragraph(rng)}</p>" for _ in range(300)) + "</article>")
        docs.append({"id": f"long-{n}", "url": f"https://long.example/news/{n}", "html": html})
    path.write_text(jsonl(docs), encoding="utf-8")


@case("separators.jsonl", "valid JSON Lines with a raw U+2028 and U+0085 inside strings")
def _separators(path: Path, rng: random.Random) -> None:
    path.write_text(jsonl([
        {"id": "sep-2028", "text": f"{paragraph(rng)}\u2028{paragraph(rng)}"},
        {"id": "sep-0085", "text": f"{paragraph(rng)}\x85{paragraph(rng)}"},
        {"id": "sep-both", "title": "A\u2028title\x85here",
         "text": f"{paragraph(rng)}\u2028\x85{paragraph(rng)}"},
    ]), encoding="utf-8")


@case("gzipped.rss.gz", "a gzipped feed")
def _gzipped_feed(path: Path, rng: random.Random) -> None:
    path.write_bytes(gzip.compress(rss(good_items(rng, 20, "gz.example")).encode(), 9, mtime=0))


@case("whole-file.warc.gz", "a WARC of several records gzipped as a whole file")
def _whole_gzip(path: Path, rng: random.Random) -> None:
    data = warc_records(good_pages(rng, 5, "whole.example"), gzip_records=False)
    path.write_bytes(gzip.compress(data, 9, mtime=0))


@case("utf16-bom.txt", "a UTF-16 text page dump with a byte-order mark")
def _utf16(path: Path, rng: random.Random) -> None:
    text = "".join(f"{headline(rng, n)} — Genève, Ñairobi\n\n{paragraph(rng)}\n\n"
                   for n in range(5))
    path.write_bytes(b"\xff\xfe" + text.encode("utf-16-le"))  # BOM, little-endian


@case("inline-image-20mb.html", "an HTML article beside a 20 MB inline data: image")
def _inline_image(path: Path, rng: random.Random) -> None:
    import base64

    image = base64.b64encode(rng.randbytes(15 * MB)).decode()  # 20 MB of base64
    path.write_text(page(f'<img src="data:image/png;base64,{image}">' + article(rng)),
                    encoding="ascii")


@case("attribute-10mb.html", "an HTML article beside a 10 MB attribute")
def _attribute(path: Path, rng: random.Random) -> None:
    path.write_text(page(f'<div data-state="{sized_text(rng, 10 * MB, " ")}"></div>'
                         + article(rng)), encoding="ascii")


@case("truncated.warc.gz", "a WARC of three records cut in the middle of the third")
def _truncated(path: Path, rng: random.Random) -> None:
    pages = good_pages(rng, 3, "truncated.example")
    third = warc_records(pages[2:])  # one gzip member a record: the third, then cut in two
    path.write_bytes(warc_records(pages[:2]) + third[: len(third) // 2])


@case("random-bytes.html", "random bytes named .html")
def _random(path: Path, rng: random.Random) -> None:
    path.write_bytes(rng.randbytes(MB))


@case("empty.txt", "an empty file")
def _empty(path: Path, rng: random.Random) -> None:
    path.write_bytes(b"")


@case("undecodable.rss", "a feed declared UTF-8 with invalid bytes in it")
def _undecodable(path: Path, rng: random.Random) -> None:
    text = rss(good_items(rng, 3, "bytes.example")).encode()
    cut = text.index(b"<item>") + 30
    path.write_bytes(text[:cut] + b"\xff\xfe\xc3\x28\x80 bad \xed\xa0\x80" + text[cut:])


def make(outdir: Path, only: list[str] | None = None) -> list[Path]:
    """Write the cases (``only`` those named) into ``outdir``; each has its own generator,
    seeded from the seed and its name, so one case is the same made alone or with all."""
    outdir.mkdir(parents=True, exist_ok=True)
    unknown = sorted(set(only or []) - set(CASES))
    if unknown:
        raise SystemExit(f"make_hostile: no case named {', '.join(unknown)}")
    written = []
    for name, (_, maker) in CASES.items():
        if only and name not in only:
            continue
        path = outdir / name
        maker(path, random.Random(f"{SEED}:{name}"))
        written.append(path)
    return written


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--only", nargs="+", metavar="NAME", help="only these cases")
    args = parser.parse_args()
    for path in make(args.outdir, args.only):
        print(f"{path.stat().st_size:>12,}  {path.name}  {CASES[path.name][0]}")


if __name__ == "__main__":
    main()
