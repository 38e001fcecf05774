"""Cleaning and segmentation on several site templates, and on real pages rendered to text."""

from __future__ import annotations

import gzip
import json
from collections import Counter
from pathlib import Path

from tests.conftest import FIXTURES
from wirewatch.articles import find_articles
from wirewatch.articles.render import html_to_text
from wirewatch.articles.textdump import segment
from wirewatch.records import Document


def test_blog_template_with_comment_thread() -> None:
    segs = segment((FIXTURES / "dump_wordpress.txt").read_text())
    assert len(segs) == 1
    seg = segs[0]
    assert seg.title == "Port workers walk out over unpaid wages"
    assert seg.dateline is not None and "March 4, 2024" in seg.dateline
    assert seg.body.startswith("Dock workers at the container port")
    for chrome in ("Share this", "Like this", "says:", "Reply", "long overdue", "Comments"):
        assert chrome not in seg.body


def test_portal_section_with_teasers() -> None:
    segs = segment((FIXTURES / "dump_portal.txt").read_text())
    assert [(s.category, s.title) for s in segs] == [
        ("Politics", "Mayor orders inquiry into bridge contract"),
        ("Business", "Bakery chain to close twelve branches"),
        ("Sport", "Local club signs veteran striker"),
    ]
    assert all("Read more" not in s.body and "Most popular" not in s.body for s in segs)


def test_bulleted_footer_after_the_last_paragraph() -> None:
    body = ("The council approved the new flood barrier on Tuesday after months of debate, and "
            "work is due to start in the spring. Jane Doe, Riverside Residents' Association • "
            "Join the debate – email letters@example.org • Read more letters – click here to "
            "visit example.org/letters • Do you have a photo you'd like to share with our "
            "readers? Click here to upload it and we'll publish the best submissions in print")
    [article] = find_articles(Document("letters", "text", body))
    assert article.body.endswith("Jane Doe, Riverside Residents' Association")
    assert "Join" not in article.body and "photo" not in article.body


def test_plain_article_with_byline_and_dateline() -> None:
    doc = Document("p", "text", (FIXTURES / "dump_plain.txt").read_text())
    [article] = find_articles(doc)
    assert article.title == "Ministers meet to discuss river dispute"
    assert article.published == "2023-06-12"
    assert "By Jonas Weber" not in article.body
    assert article.body.count("\n\n") == 1


def test_html_article_page_drops_comments_and_keeps_captions() -> None:
    doc = Document("a", "html", (FIXTURES / "article_comments.html").read_text())
    [article] = find_articles(doc)
    assert article.title == "Floods force thousands from their homes"
    assert article.publisher == "Valley Post" and article.published == "2024-09-14"
    assert "Thousands of residents were evacuated" in article.body
    for chrome in ("should have been built years ago", "Share on", "12 Comments", "©"):
        assert chrome not in article.body
    assert any("flooded street" in c for c in article.captions)
    assert all(c not in article.body for c in article.captions)


def test_html_section_page_is_several_articles() -> None:
    doc = Document("s", "html", (FIXTURES / "section.html").read_text())
    articles = find_articles(doc)
    assert [a.title for a in articles] == [
        "Leaders agree to reopen border crossing",
        "Protesters march against new mining law",
        "Court jails former minister for corruption",
    ]
    assert all(a.publisher == "Globe Daily" for a in articles)
    assert articles[1].captions == ["Marchers in the capital"]
    assert all("Read more" not in a.body for a in articles)


def test_same_content_same_id() -> None:
    text = (FIXTURES / "dump_plain.txt").read_text()
    a = find_articles(Document("one", "text", text))[0]
    b = find_articles(Document("two", "text", "\n\n\n" + text.replace("\n\n", "\n\n\n")))[0]
    assert a.article_id == b.article_id


def _words(text: str) -> Counter[str]:
    return Counter(text.lower().split())


def test_real_pages_rendered_as_dumps(shared: Path) -> None:
    """Real templates the rules never saw (the held-out half of the benchmark pages)."""
    root = shared / "data" / "article-extraction"
    truth = json.loads((root / "ground-truth.json").read_text())
    ids = sorted(truth)[1::2][:30]
    recalls = []
    for page_id in ids:
        with gzip.open(root / "html" / f"{page_id}.html.gz") as handle:
            markup = handle.read().decode("utf-8", "replace")
        segs = segment(html_to_text(markup))
        assert segs, page_id
        gold = _words(truth[page_id]["articleBody"])
        got = _words("\n".join(s.body for s in segs))
        recalls.append(sum((gold & got).values()) / max(1, sum(gold.values())))
    assert sum(recalls) / len(recalls) >= 0.80
