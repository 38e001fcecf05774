"""Generated input of every kind — HTML trees, feeds, WARC records (whole or cut short),
JSON Lines, CSV — read through the articles stage: nothing raises, every document gives
articles or one-line errors, and a bad input never hides the good one read after it."""

from __future__ import annotations

import json
import tempfile
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_sources import make_warc
from wirewatch.errors import InputError
from wirewatch.pipeline import run
from wirewatch.records import ArticleRecord
from wirewatch.sources import read_inputs

GOOD = ("The council of Harbour Town voted on Tuesday to close the old bridge after "
        "engineers found cracks in two of its piers. Repairs will take a year, the mayor "
        "said, and a ferry will run in the meantime.")
TAGS = ("div", "p", "article", "section", "span", "a", "h1", "h2", "ul", "li", "nav",
        "footer", "script", "style", "table", "td", "b", "br", "img", "main")
# text of every kind: words, markup-like characters, controls, far planes, lone surrogates
# are left out (they cannot be written as UTF-8 files)
texts = st.text(st.characters(exclude_categories=["Cs"]), max_size=80) | \
    st.sampled_from(("", GOOD, "Continue reading", "&amp; &#0; &bogus; <![CDATA[x]]>"))


def _element(children: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    return st.builds(
        lambda tag, attrs, inner: f"<{tag}{attrs}>{''.join(inner)}</{tag}>",
        st.sampled_from(TAGS),
        st.lists(st.tuples(st.sampled_from(("class", "id", "href", "src", "data-x")), texts),
                 max_size=3).map(lambda a: "".join(f" {k}={quoteattr(v)}" for k, v in a)),
        st.lists(children, max_size=4))


html_pages = st.builds(
    lambda title, body: f"<html><head><title>{escape(title)}</title></head><body>{body}</body>"
                        "</html>",
    texts, st.recursive(texts.map(escape), _element, max_leaves=20))
feeds = st.builds(
    lambda items: "<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
                  "<title>Wire</title>" + "".join(items) + "</channel></rss>",
    st.lists(st.builds(
        lambda title, date, body, link: f"<item><title>{escape(title)}</title>"
                                        f"<pubDate>{escape(date)}</pubDate><link>{escape(link)}"
                                        f"</link><description>{escape(body)}</description></item>",
        texts, texts | st.sampled_from(("0000-00-00", "Tue, 30 Feb 2024 25:61:00 +9900")),
        texts, st.sampled_from(("https://w.example/a", "", "javascript:x", "//"))),
        max_size=5))
json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | texts,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(texts, inner, max_size=3),
    max_leaves=10)
json_lines = st.lists(
    st.fixed_dictionaries({"text": texts}, optional={
        "id": texts, "html": html_pages, "title": json_values, "published": json_values,
        "url": texts, "extra": json_values}).map(json.dumps) | texts.map(lambda t: t.replace(
            "\n", " ")), min_size=1, max_size=5).map("\n".join)
csv_files = st.lists(st.lists(texts.map(lambda t: t.replace('"', '""')), min_size=1,
                              max_size=4), max_size=5).map(
    lambda rows: "id,title,text\n" + "\n".join(",".join(f'"{c}"' for c in r) for r in rows))


@st.composite
def warcs(draw: st.DrawFn) -> bytes:
    pages = draw(st.dictionaries(st.sampled_from(("https://w.example/1", "https://w.example/2",
                                                  "dns:x", "")), html_pages, max_size=3))
    data = make_warc({url: page.encode() for url, page in pages.items()})
    return data[:draw(st.integers(0, len(data)))] if draw(st.booleans()) else data


inputs = st.one_of(
    st.tuples(st.just("page.html"), html_pages.map(str.encode)),
    st.tuples(st.just("wire.rss"), feeds.map(str.encode)),
    st.tuples(st.just("dump.jsonl"), json_lines.map(str.encode)),
    st.tuples(st.just("sheet.csv"), csv_files.map(str.encode)),
    st.tuples(st.just("crawl.warc.gz"), warcs()),
    st.tuples(st.sampled_from(("notes.txt", "blob.bin")), st.binary(max_size=300)),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(inputs)
def test_any_input_gives_articles_or_one_line_errors(named: tuple[str, bytes]) -> None:
    name, data = named
    with tempfile.TemporaryDirectory() as folder:
        bad, good = Path(folder) / name, Path(folder) / "good.txt"
        bad.write_bytes(data)
        good.write_text(GOOD, encoding="utf-8")
        results = list(run(read_inputs([str(bad), str(good)]), None))
    for result in results:
        assert isinstance(result, ArticleRecord | InputError)
        if isinstance(result, InputError):
            assert "\n" not in str(result) and str(result).startswith("wirewatch: skipped ")
    last = results[-1]  # the good input after it is read whole
    assert isinstance(last, ArticleRecord) and last.article.doc_id == str(good)
    assert "Harbour Town" in last.article.body
