"""The example article: everything a careful editor finds in it (../shared/examples/*.expected.yml)."""

import json
import subprocess
import sys

import pytest

from conftest import EXAMPLE_ORIGINAL


@pytest.fixture(scope="module")
def record():
    assert EXAMPLE_ORIGINAL is not None
    out = subprocess.run([sys.executable, "-m", "annotator", "extract", "--json", str(EXAMPLE_ORIGINAL)],
                         capture_output=True, text=True, check=True).stdout
    return json.loads(out)


def speaker(record, name):
    [s] = [s for s in record["speakers"] if s["name"] == name]
    return s


def quotes_of(record, name):
    sid = speaker(record, name)["id"]
    return [q for q in record["quotes"] if q["speaker"] == sid]


def test_metadata(record):
    assert record["title"] == "Sadiq Khan urged to stop Met police’s gun patrols plan"
    assert record["outlet"] == "RT UK News"
    assert record["published"] is None
    assert record["original_publisher"] == "RT"
    assert record["republisher"] == "RINF Alternative News"
    assert record["body"].count("\n\n") + 1 == 13


def test_removed_boilerplate(record):
    assert [(r["kind"], r["text"][:25]) for r in record["removed"]] == [
        ("related-link", "READ MORE:\xa0Brutal VIDEO s"),
        ("related-link", "READ MORE:\xa0Vigilante grou"),
        ("share-prompt", "Think your friends would "),
        ("newsletter-promo", "Subscribe to RT newslette"),
        ("syndication-credit", "Via RT. This piece was re"),
    ]


def test_stafford_scott(record):
    s = speaker(record, "Stafford Scott")
    assert s["kind"] == "person" and "Monitoring Group" in s["role"] and s["affiliation"] == "Monitoring Group"
    assert s["affiliation_note"].startswith("a leading anti-racism charity")
    indirect, direct = quotes_of(record, "Stafford Scott")
    assert (indirect["type"], indirect["cue"], indirect["paragraphs"]) == ("indirect", "claims", [8])
    assert indirect["text"] == "the move will be seen by many in the communities patrolled as a ramping up of aggression against them by the state"
    assert (direct["type"], direct["cue"], direct["via"], direct["paragraphs"]) == ("direct", "said", "surname", [9])
    assert direct["text"].startswith("The more oppressive") and direct["text"].endswith("most of their lives,")


def test_len_duvall(record):
    s = speaker(record, "Len Duvall")
    assert s["role"] == "a Labour member of the London Assembly and former chair of the Metropolitan Police Authority"
    assert s["affiliation"] == "London Assembly (Labour)"
    indirect, direct = quotes_of(record, "Len Duvall")
    assert (indirect["type"], indirect["cue"], indirect["paragraphs"]) == ("indirect", "says", [10])
    assert indirect["text"] == "Khan needs to step in and stop the plans being rolled out as they don’t make any sense"
    assert (direct["type"], direct["via"], direct["paragraphs"]) == ("direct", "surname", [11, 12])
    assert direct["text"].startswith("Now the police with guns") and direct["text"].endswith("has not been thought through.")


def test_the_met_speaks_as_an_organisation(record):
    met = speaker(record, "Metropolitan Police")
    assert met["kind"] == "organisation"
    assert {"Scotland Yard", "Met police", "London Metropolitan police"} <= set(met["aliases"])
    email, added = quotes_of(record, "Metropolitan Police")
    assert (email["type"], email["cue"], email["channel"], email["paragraphs"]) == ("direct", "says", "email", [4, 5])
    assert (added["type"], added["cue"], added["via"], added["paragraphs"]) == ("indirect", "added", "pronoun", [6])
    assert added["text"] == "The measures would only be temporary and conducted for short periods of time"


def test_mentioned_not_quoted(record):
    mentions = {m["name"]: m for m in record["mentions"]}
    assert mentions["Sadiq Khan"]["kind"] == "person" and mentions["Sadiq Khan"]["role"] == "London Mayor"
    assert "The Guardian" in mentions
    assert "Sadiq Khan" not in [s["name"] for s in record["speakers"]]


def test_vague_attribution(record):
    assert [v["text"] for v in record["vague"]] == ["critics warn such a move will only increase the risk of violent crime"]


def test_claims(record):
    sources = {s["id"]: s for s in record["sources"]}
    claims = {c["text"]: c for c in record["claims"]}
    speakers = {s["id"]: s for s in record["speakers"]}

    def claim(text, type_, numbers=(), source=None, claimant=None):
        c = claims[text]
        assert c["type"] == type_, text
        assert [n["text"] for n in c["numbers"] if n["kind"] not in ("date",)] == list(numbers), text
        assert (sources[c["source"]]["name"] if c["source"] else None) == source, text
        assert (speakers[c["claimant"]]["name"] if c["claimant"] else None) == claimant, text

    claim("only 10 percent volunteering to carry a gun", "quantity", ["10 percent"])
    claim("Armed officers patrol in vehicles, and are only on foot in areas that are potential terrorist targets.", "rule-or-law")
    statistics = "Official statistics from the Met Police"
    claim("stabbings in the capital have risen 16 percent in 2018", "quantity-change", ["16 percent", "2018"], statistics)
    claim("There were 1,299 stabbings in London up to the end of April.", "quantity", ["1,299 stabbings"], statistics)
    claim("Excluding terrorist attacks, there was a 12-percent rise in murders – the highest figures in a decade.", "ranking",
          ["12-percent rise", "a decade"], statistics)
    claim("such a move will only increase the risk of violent crime", "prediction", claimant="critics")
    claim("The more oppressive the policing and state response is, the more the violence will increase.", "correlation-causation",
          claimant="Stafford Scott")
    claim("an email has been sent out by Scotland Yard to a select number of community leaders", "event", source="The Guardian")
    assert claims["only 10 percent volunteering to carry a gun"]["source"] is None  # flagged as unsourced


def test_sources(record):
    by_name = {s["name"]: s for s in record["sources"]}
    assert by_name["The Guardian"]["kind"] == "outlet-report" and by_name["The Guardian"]["paragraphs"] == [2, 3]
    assert {"the Guardian reports", "The paper reports"} <= set(by_name["The Guardian"]["cues"])
    assert by_name["Metropolitan Police email"]["kind"] == "document" and by_name["Metropolitan Police email"]["paragraphs"] == [3, 4]
    assert by_name["Official statistics from the Met Police"]["kind"] == "statistics"
    assert by_name["Official statistics from the Met Police"]["paragraphs"] == [13]
    assert by_name["RT"]["kind"] == "syndication-original"
    assert by_name["RINF Alternative News"]["kind"] == "syndication-republisher"
