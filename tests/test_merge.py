"""One event, many outlets: copies, stories, merged events, independent origins, dates."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from spacy.language import Language

from tests.conftest import FIXTURES, cli
from wirewatch import api
from wirewatch.merge import copies, stories
from wirewatch.merge.events import (
    Report,
    block,
    dates_agree,
    independent,
    merged_record,
    origin,
    told,
)
from wirewatch.merge.happenings import Telling, agrees, joins
from wirewatch.records import Actor, EventMention, Evidence, Factuality
from wirewatch.schema import errors
from wirewatch.store import EventFilter, SqliteStore

OUTLETS = FIXTURES / "one_event_many_outlets.jsonl"


def ingest(path: Path, *inputs: Path, articles_only: bool = False) -> SqliteStore:
    store = SqliteStore(path)
    for one in inputs:
        report = api.ingest([str(one)], store, articles_only=articles_only)
        assert not report.errors
    return store


@pytest.fixture(scope="module")
def outlets(tmp_path_factory: pytest.TempPathFactory, nlp: Language) -> SqliteStore:
    return ingest(tmp_path_factory.mktemp("outlets") / "outlets.db", OUTLETS)


def seizure(store: SqliteStore) -> dict[str, Any]:
    """The fixture's main event: Chile's navy seizing a Peruvian boat, told six times."""
    found = [e for e in store.events(EventFilter(type="COERCE", country="PER"))]
    assert len(found) == 1, [e["evidence"]["text"] for e in found]
    return found[0]


# --- pure functions --------------------------------------------------------------------
def test_dates_agree_within_slack_and_across_unknown_years() -> None:
    assert dates_agree("2026-03-26", "2026-03-25")
    assert dates_agree("XXXX-03-26", "2026-03-25")
    assert dates_agree("2026-03", "2026-03-26")
    assert dates_agree(None, "2026-03-26")
    assert not dates_agree("2026-03-26", "2026-04-06")
    assert not dates_agree("XXXX-03-26", "XXXX-03-27")
    assert not dates_agree("2025", "2026-01-01")


def test_the_day_of_a_telling_bounds_the_happening() -> None:
    assert dates_agree(told("2026-04-12", True), "2026-03-26")  # on or before it
    assert not dates_agree(told("2026-03-20", True), "2026-03-26")
    assert not dates_agree(told("2026-04-12", False), "2026-03-26")
    assert told(None, True) is None


def test_deliveries_of_weapons_of_other_makes_are_other_happenings() -> None:
    def aid(*arms: str) -> Telling:
        return Telling("AID", None, None, "2026-03-27", (None, None, None), (), (), frozenset(arms))
    assert agrees(aid("Leopard"), [aid(), aid("Leopard", "Marder")])
    assert not agrees(aid("Challenger"), [aid(), aid("Leopard")])


def test_a_sanction_of_another_mode_is_another_happening() -> None:
    def sanction(mode: str | None) -> Telling:
        return Telling("SANCTION", mode, None, None, (None, None, None), (), (), frozenset())
    assert joins(sanction("expel"), [sanction(None), sanction("expel")])
    assert not joins(sanction("discontinue"), [sanction("expel")])


def test_an_undated_report_speaks_of_the_weeks_before_its_publication() -> None:
    assert dates_agree(None, "2026-03-20", "2026-03-26")
    assert not dates_agree(None, "2025-11-02", "2026-03-26")  # months before
    assert not dates_agree(None, "2026-05-02", "2026-03-26")  # after it was published
    assert dates_agree(None, None, "2026-03-26", "2026-03-02")
    assert not dates_agree(None, None, "2026-03-26", "2017-06-01")
    assert dates_agree(None, "2025-11-02")  # nothing to go on: it may be any day
    # a report a year later that dates the happening within the undated one's weeks
    assert not dates_agree(None, "2018-02-17", "2018-03-10", "2019-02-17")
    assert dates_agree(None, "2018-02-17", "2018-03-10", "2018-03-20")


def test_a_month_or_a_year_is_its_days_not_any_day() -> None:
    """A report dated only "June 2018" or "2016" used to agree with an undated report
    published half a year later."""
    assert not dates_agree("2018-06", None, "2018-12-29", "2019-02-17")
    assert dates_agree("2018-06", None, "2018-06-29", "2018-07-10")
    assert not dates_agree("2016", None, None, "2019-05-01")
    assert dates_agree("2016", None, None, "2016-05-01")
    assert dates_agree("2018-12", None, None, "2019-01-05")  # the window reaches back


def _report(chain: list[dict[str, Any]], publisher: str | None = "Daily") -> Report:
    return Report({"attribution": chain}, "a", "doc-1", None, publisher, None)


def test_origin_is_the_outermost_named_teller() -> None:
    outlet = {"text": "the Guardian", "name": "The Guardian", "kind": "outlet",
              "anonymous": False}
    anonymous = {"text": "a commander", "name": None, "kind": "person", "anonymous": True}
    named = {"text": "minister Ana Ruiz", "name": "Ana Ruiz", "kind": "official",
             "anonymous": False}
    own = {"text": "Daily", "name": "Daily", "kind": "outlet", "anonymous": False}
    assert origin(_report([own, outlet, anonymous]))["name"] == "The Guardian"
    assert origin(_report([own, named]))["name"] == "Ana Ruiz"
    assert origin(_report([own, anonymous]))["name"] == "Daily"
    assert origin(_report([], publisher=None))["name"] == "doc-1"


def _mention(actor: Actor, recipient: Actor) -> EventMention:
    nothing = Evidence(text="", start=0, end=0)
    return EventMention("m", "SANCTION", None, [], [actor], [recipient], [], None, None, None,
                        Factuality("positive", "asserted"), [], nothing, nothing, 0.9)


def test_a_state_named_alone_is_its_government_when_mentions_meet() -> None:
    zarif = Actor("Zarif", "Mohammad Javad Zarif", "IRN", "GOV")
    states = block(_mention(Actor("The United States", "United States", "USA"), zarif))
    assert states == block(_mention(Actor("the US government", None, "USA", "GOV"), zarif))
    assert states != block(_mention(Actor("US banks", None, "USA", "BUS"), zarif))
    assert block(_mention(Actor("NATO", "NATO", "IGO"), zarif)) != block(
        _mention(Actor("NATO officials", None, "IGO", "GOV"), zarif))  # no state's government


def test_a_merged_event_names_parties_a_surer_report_left_without_a_country() -> None:
    """The merged record's parties are its surest report's, unless that report gives a role
    no country and another does ("a merchant ship" vs "a Greek-owned bulker"); each mention
    keeps the parties it read."""
    from dataclasses import asdict, replace

    houthi = Actor("the Houthi", "Houthi", "YEM", "REB")
    vague = replace(_mention(houthi, Actor("a merchant ship", None, None, "BUS")),
                    id="m1", confidence=0.9)
    greek = replace(_mention(houthi, Actor("a Greek-owned bulker", None, "GRC", "BUS")),
                    id="m2", confidence=0.7)
    merged = merged_record("e", [Report(asdict(m), f"a{k}", f"d{k}", None, f"P{k}", None)
                                 for k, m in enumerate((vague, greek))])
    assert [a["country"] for a in merged["recipients"]] == ["GRC"]
    assert [a["name"] for a in merged["actors"]] == ["Houthi"]  # the surest report's
    assert [[a["country"] for a in m["recipients"]] for m in merged["mentions"]] == [
        [None], ["GRC"]]


def test_minhash_tells_an_edited_copy_from_another_text() -> None:
    text = " ".join(f"word{i}" for i in range(120))
    original = copies.signature(text)
    edited = copies.signature(text.replace("word60", "changed"))
    other = copies.signature(" ".join(f"other{i}" for i in range(120)))
    assert original is not None and edited is not None and other is not None
    assert copies.is_copy(original, edited)
    assert not copies.is_copy(original, other)
    assert set(copies.bands(original)) & set(copies.bands(edited))
    assert copies.signature("too short to compare") is None


def test_a_story_choice_is_the_mean_similarity_to_its_members() -> None:
    near, far = {"x": 1.0}, {"y": 1.0}
    one = stories.Story("s1", 1, near)
    ten = stories.Story("s10", 10, near)  # one close member among ten: a mean of 0.1

    def whole(story_id: str) -> stories.Story:
        return {"s1": one, "s10": ten}[story_id]

    assert stories.choose(near, [one], whole).story_id == "s1"
    assert stories.choose(near, [ten], whole).story_id is None
    assert stories.choose(far, [one], whole).story_id is None
    # two stories the article fits, alike on their own (mean cosine 1/10): not merged
    choice = stories.choose(near, [one, ten], whole)
    assert choice.story_id == "s1" and choice.merged == ()
    twin = stories.Story("s2", 1, near)
    assert stories.choose(near, [one, twin], lambda s: {"s1": one, "s2": twin}[s]).merged


def _unit(words: list[str]) -> dict[str, float]:
    return {w: 1 / len(words) ** 0.5 for w in words}


def test_a_story_of_two_happenings_splits_and_one_does_not() -> None:
    kind = [f"kind{i}" for i in range(6)]
    first = [(f"a{i}", _unit(kind + [f"alpha{i + j}" for j in range(6)])) for i in range(6)]
    second = [(f"b{i}", _unit(kind + [f"bravo{i + j}" for j in range(6)])) for i in range(6)]
    assert stories.split(first + second) == [b for b, _ in second]
    assert stories.split(first + second[:4]) is None  # a part too small to stand alone
    # one happening: its names in every article, each telling adding details of its own
    names = [f"alpha{j}" for j in range(6)]
    one = [(f"c{i}", _unit(kind + names + [f"detail{i}{j}" for j in range(3)]))
           for i in range(12)]
    assert stories.split(one) is None
    assert [n for n in range(60) if stories.split_due(n)] == [12, 18, 27, 40]


def test_stories_split_apart_are_not_merged_back() -> None:
    near = stories.Story("s1", 6, {"x": 6.0})  # six identical members
    far = stories.Story("s2", 6, {"x": 3.0, "y": 3 * 3**0.5})  # alike across: 0.5
    assert stories.mean_similarity(near, far) >= stories.MERGE_SIMILARITY
    article = {"x": 1.0}
    whole = {"s1": near, "s2": far}.__getitem__
    assert stories.choose(article, [near, far], whole).merged == ()
    small = stories.Story("s3", 2, {"x": 2.0})  # too small to have been split off: merged
    choice = stories.choose(article, [near, small], {"s1": near, "s3": small}.__getitem__)
    assert {choice.story_id, *choice.merged} == {"s1", "s3"}


# --- the store -------------------------------------------------------------------------
def test_retellings_are_one_event_with_every_report(outlets: SqliteStore) -> None:
    event = seizure(outlets)
    docs = {m["doc_id"] for m in event["mentions"]}
    assert {"harbour-post-1", "andes-daily-1", "pacific-wire-1", "coast-gazette-1",
            "lima-observer-1", "undated-blog-1"} <= docs
    assert event["n_sources"] == 6
    assert event["first_reported"] == "2026-03-27"
    assert event["last_reported"] == "2026-03-28"
    assert not errors("merged_event", event)


def test_outlets_citing_one_report_are_one_origin(outlets: SqliteStore) -> None:
    event = seizure(outlets)
    names = sorted(o["name"].lower() for o in event["origins"])
    # five tellings go back to the Harbour Post (its own witnesses, or citing it); the
    # Lima Observer's comes from the minister it names
    assert event["n_independent"] == 2 and names == ["ana ruiz", "harbour post"]
    harbour = next(o for o in event["origins"] if "harbour" in o["name"].lower())
    assert {"Andes Daily", "Pacific Wire", "Coast Gazette"} <= set(harbour["reported_by"])
    assert [e["event_id"] for e in outlets.events(EventFilter(min_independent=2))] == [
        event["event_id"]]


def test_disagreeing_dates_are_shown_not_hidden(outlets: SqliteStore) -> None:
    event = seizure(outlets)
    assert event["date"] == "2026-03-26"
    values = {d["value"]: d["mentions"] for d in event["disagreements"]["date"]}
    assert set(values) == {"2026-03-25", "2026-03-26"}
    lima = next(m for m in event["mentions"] if m["doc_id"] == "lima-observer-1")
    assert lima["date"] == "2026-03-25" and values["2026-03-25"] == [lima["mention_id"]]


def test_an_undated_day_takes_its_year_from_dated_reports(outlets: SqliteStore) -> None:
    event = seizure(outlets)
    blog = next(m for m in event["mentions"] if m["doc_id"] == "undated-blog-1")
    assert blog["published"] is None
    assert blog["date"] == "2026-03-26"
    assert blog["date_basis"]["inferred"] is True
    sources = {m["mention_id"]: m for m in event["mentions"]}
    assert blog["date_basis"]["from_mentions"]
    assert all(sources[i]["date"] == "2026-03-26" and sources[i]["published"]
               for i in blog["date_basis"]["from_mentions"])


def test_a_syndicated_copy_is_stored_once_where_it_appeared(outlets: SqliteStore) -> None:
    counts = outlets.counts()
    assert counts["documents"] == 7 and counts["articles"] == 6 and counts["copies"] == 1
    story = next(s for s in outlets.stories() if "coast-gazette-1" in s["doc_ids"])
    assert "pacific-wire-1" in story["doc_ids"] and "Coast Gazette" in story["publishers"]
    event = seizure(outlets)
    gazette = [m for m in event["mentions"] if m["doc_id"] == "coast-gazette-1"]
    wire = [m for m in event["mentions"] if m["doc_id"] == "pacific-wire-1"]
    assert len(gazette) == len(wire) == 1 and gazette[0]["article_id"] == wire[0]["article_id"]


def test_a_different_happening_is_another_story(outlets: SqliteStore) -> None:
    found = {tuple(s["doc_ids"]) for s in outlets.stories()}
    assert ("andes-daily-2",) in found
    assert len(found) == 2
    for s in outlets.stories():
        assert not errors("story", s)


def test_incremental_ingest_gives_the_same_stories_and_events(
        tmp_path: Path, outlets: SqliteStore) -> None:
    lines = OUTLETS.read_text().splitlines(keepends=True)
    parts = []
    for n, chunk in enumerate((lines[:3], lines[3:5], lines[5:])):
        part = tmp_path / f"part{n}.jsonl"
        part.write_text("".join(chunk))
        parts.append(part)
    store = ingest(tmp_path / "incremental.db", *parts)

    def ids(s: SqliteStore) -> tuple[set[str], set[tuple[str, ...]], set[str]]:
        return ({x["story_id"] for x in s.stories()},
                {tuple(x["doc_ids"]) for x in s.stories()},
                {e["event_id"] for e in s.events()})

    assert ids(store) == ids(outlets)
    again = api.ingest([str(OUTLETS)], store)
    assert again.documents == 0 and ids(store) == ids(outlets)
    store.close()


def _words(prefix: str) -> list[str]:
    return [f"{prefix}{chr(97 + i)}{chr(97 + j)}" for i in range(6) for j in range(5)]


def _one_by_one(path: Path, tmp_path: Path, docs: list[tuple[str, list[str]]]) -> SqliteStore:
    files = []
    for doc_id, words in docs:
        one = tmp_path / f"{doc_id}.jsonl"
        one.write_text(json.dumps({"id": doc_id, "text": " ".join(words)}) + "\n")
        files.append(one)
    return ingest(path, *files, articles_only=True)


def test_stories_found_to_be_one_are_merged_and_recorded(tmp_path: Path) -> None:
    a, b = _words("alpha"), _words("bravo")
    store = _one_by_one(tmp_path / "merge.db", tmp_path, [
        ("a1", a), ("b1", b + a[:5]), ("a2", a + b[:14]), ("a3", a[:15] + b[:15])])
    (story,) = list(store.stories())
    assert story["doc_ids"] == ["a1", "a2", "a3", "b1"]
    assert len(story["merged_from"]) == 1 and story["merged_from"][0] != story["story_id"]
    assert store.counts()["stories"] == 1
    store.close()


def test_a_roundup_of_two_happenings_merges_nothing(tmp_path: Path) -> None:
    a, b = _words("alpha"), _words("bravo")
    store = _one_by_one(tmp_path / "roundup.db", tmp_path, [
        ("a1", a), ("a2", a[:25]), ("b1", b), ("roundup", a[:15] + b[:15])])
    groups = sorted(s["doc_ids"] for s in store.stories())
    assert ["b1"] in groups or ["b1", "roundup"] in groups
    assert all(not s["merged_from"] for s in store.stories())
    store.close()


def test_mentions_of_one_happening_in_an_article_are_one_event(tmp_path: Path,
                                                               nlp: Language) -> None:
    text = ("Russian forces fired two missiles at Kyiv on Thursday, Ukrainian officials said. "
            "“The attack on Kyiv was barbaric,” the city's mayor said. "
            "On Friday, Russian forces shelled Kharkiv, killing two civilians.")
    source = tmp_path / "strikes.jsonl"
    source.write_text(json.dumps({"id": "s1", "text": text, "published": "2026-03-27"}) + "\n")
    store = ingest(tmp_path / "strikes.db", source)
    told = {m["evidence"]["text"][:12]: e["event_id"]
            for e in store.events(EventFilter(type="ASSAULT")) for m in e["mentions"]}
    # the lead and the quote about it are one event; the shelling of another town is another
    assert told["Russian forc"] == told["“The attack "]
    assert told["On Friday, R"] != told["Russian forc"]
    store.close()


def test_reports_of_a_story_that_read_the_parties_otherwise_are_one_event(
        tmp_path: Path, nlp: Language) -> None:
    first = ("Police in Minsk detained the opposition leader Ana Velis on Tuesday, her party "
             "said. Velis, who leads the Belarusian Freedom Party, had called for protests "
             "against the election result. Her supporters gathered outside the police station "
             "in Minsk.")
    second = ("Belarusian authorities detained opposition leader Ana Velis in Minsk on "
              "Tuesday. Velis had called for protests against the election result, and her "
              "Belarusian Freedom Party said supporters gathered outside the police station.")
    source = tmp_path / "velis.jsonl"
    source.write_text("".join(json.dumps({"id": doc, "text": text, "published": "2026-03-25"})
                              + "\n" for doc, text in (("p1", first), ("p2", second))))
    store = ingest(tmp_path / "velis.db", source)
    (arrest,) = store.events(EventFilter(type="COERCE"))  # police and authorities: one side
    assert sorted(m["doc_id"] for m in arrest["mentions"]) == ["p1", "p2"]
    store.close()


def test_cli_filters_by_independent_origins_and_stores_articles_only(
        outlets: SqliteStore, tmp_path: Path) -> None:
    found = cli("events", "--db", outlets.path, "--min-independent", "2")
    assert found.returncode == 0, found.stderr
    assert [json.loads(line)["event_id"] for line in found.stdout.splitlines()] == [
        seizure(outlets)["event_id"]]
    db = tmp_path / "articles.db"
    stored = cli("ingest", str(OUTLETS), "--db", str(db), "--articles-only", "--quiet")
    assert stored.returncode == 0, stored.stderr
    store = SqliteStore(db, readonly=True)
    assert store.counts()["stories"] == 2 and store.counts()["mentions"] == 0
    store.close()


def test_a_story_that_turns_out_to_be_two_splits_and_keeps_the_record(tmp_path: Path) -> None:
    kind = [f"kind{i}{j}" for i in "abc" for j in "abcd"]
    alpha, bravo = _words("alpha"), _words("bravo")
    docs = [(f"a{i}", kind + alpha[i : i + 8]) for i in range(6)]
    docs += [(f"b{i}", kind + bravo[i : i + 8]) for i in range(7)]
    store = _one_by_one(tmp_path / "split.db", tmp_path, docs)
    found = {tuple(s["doc_ids"]): s for s in store.stories()}
    assert set(found) == {tuple(f"a{i}" for i in range(6)), tuple(f"b{i}" for i in range(7))}
    old, new = found[tuple(f"a{i}" for i in range(6))], found[tuple(f"b{i}" for i in range(7))]
    assert old["split_off"] == [new["story_id"]] and new["split_from"] == old["story_id"]
    assert old["split_from"] is None and not old["merged_from"]
    for s in found.values():
        assert not errors("story", s)
    store.close()


def test_reports_that_give_different_numbers_show_the_disagreement(
        tmp_path: Path, nlp: Language) -> None:
    docs = [
        {"id": "post-1", "publisher": "Andes Post", "published": "2026-05-12",
         "text": "Police in Lima detained 40 protesters on Tuesday after a march against "
                 "fuel prices, witnesses told the Andes Post."},
        {"id": "wire-1", "publisher": "Pacific Wire", "published": "2026-05-12",
         "text": "Police in Lima detained thirty-five protesters on Tuesday after a march "
                 "against fuel prices, a police spokesman said."},
    ]
    source = tmp_path / "numbers.jsonl"
    source.write_text("".join(json.dumps(d) + "\n" for d in docs))
    store = ingest(tmp_path / "numbers.db", source)
    (event,) = [e for e in store.events(EventFilter(type="COERCE"))]
    assert len(event["mentions"]) == 2
    counts = {v["value"]: v["mentions"] for v in event["disagreements"]["recipient_count"]}
    assert set(counts) == {"40", "35"} and all(len(m) == 1 for m in counts.values())
    assert event["recipients"][0]["count"] in (40, 35)
    assert not errors("merged_event", event)
    store.close()


def test_numbers_are_read_only_when_exact() -> None:
    from wirewatch.events.numbers import number

    assert [number(t.split()) for t in ("40", "1,200", "twenty-three", "3 million",
                                        "three hundred and five")] == [
        40, 1200, 23, 3_000_000, 305]
    assert [number(t.split()) for t in ("dozens", "several", "2.5", "a")] == [None] * 4


def test_no_more_independent_origins_than_publishers() -> None:
    one_page = [{"name": "Ana Ruiz", "reported_by": ["post"]},
                {"name": "the ministry", "reported_by": ["post"]}]
    assert independent(one_page) == 1
    two_pages = [{"name": "Ana Ruiz", "reported_by": ["post", "herald"]},
                 {"name": "the ministry", "reported_by": ["post"]}]
    assert independent(two_pages) == 2
    assert independent([]) == 0
