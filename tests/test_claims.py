"""Claims: check-worthiness, types, numbers, claimant and source on short texts."""

import json

import pytest

from annotator.claims.model import MODEL_PATH, load_model
from annotator.claims.numbers import find_numbers, is_quantity
from annotator.ingest.text import parse_text
from annotator.pipeline import annotate


def claims(body):
    article = annotate(parse_text(body, "t.txt", body_only=True))
    return article, article.claims


@pytest.mark.parametrize("sentence, kind", [
    ("Unemployment rose from 4.1 percent to 5.3 percent last year.", "quantity-change"),
    ("The city has 2.3 million residents.", "quantity"),
    ("Crime is now higher in Leeds than in Manchester.", "comparison"),
    # with its when and where: the bare "It was the hottest summer on record." scores 0.42, under the
    # news-trained threshold of 0.43 (issue 13's closing note)
    ("Last year was the hottest summer on record in Britain.", "ranking"),
    ("Smoking causes lung cancer, the report found.", "correlation-causation"),
    ("The economy will shrink by 2 percent next year, the bank forecast.", "prediction"),
    ("Under the new law, it is illegal to drive while using a phone.", "rule-or-law"),
    ("Under the new law, shops are only allowed to sell 2 packs to each customer.", "rule-or-law"),  # a rule with figures
    ("Sales at the chain fell 5 percent because shoppers stayed at home.", "correlation-causation"),
    # a count written in words is a quantity; a group already counted ("the two men") is not
    ("Prime minister Hubert Minnis said yesterday night that twenty people have been confirmed killed.", "quantity"),
    ("Altogether, fifteen Democrats defected in the vote on Tuesday.", "quantity"),
    ("The two men were seen leaving the building on Monday.", "event"),
    ("UOKiK, the Polish anti-monopoly agency, has to approve the deal.", "rule-or-law"),
    ("According to the State Board of Elections, voting twice is a felony.", "rule-or-law"),
])
def test_check_worthy_claims_are_typed(sentence, kind):
    _, found = claims(sentence)
    assert [c.type for c in found] == [kind]


@pytest.mark.parametrize("sentence", [
    "I think that is wonderful.",
    "Thank you all for coming tonight.",
    "What do you want to do next?",
    "We love this country and we always will.",
])
def test_opinions_greetings_and_questions_are_not_claims(sentence):
    assert claims(sentence)[1] == []


def test_numbers_keep_their_units_and_years_stand_apart():
    found = {n.text: n.kind for n in find_numbers("Stabbings rose 16 percent in 2018 to 1,299 stabbings, costing £3bn over a decade.")}
    assert found == {"16 percent": "percent", "2018": "year", "1,299 stabbings": "count", "£3bn": "money", "a decade": "duration"}


@pytest.mark.parametrize("sentence, time", [
    ("The court sat at 10:30 BST (0930 UTC) to hear 11 appeals.", ["10:30 BST", "0930 UTC"]),
    ("Shops open 24/7 and the vote closes at 9pm, after 3 recounts.", ["24/7", "9pm"]),
])
def test_times_of_day_are_not_quantities(sentence, time):
    numbers = find_numbers(sentence)
    assert [n.text for n in numbers if n.kind == "time"] == time
    assert [n.text for n in numbers if is_quantity(n)] in (["11 appeals"], ["3 recounts"])


def test_claimant_is_the_speaker_and_the_source_carries_on_in_the_paragraph():
    body = ("According to figures from the Office for National Statistics, prices rose 5 percent in May. "
            "There were 300,000 new jobs in the same month.\n\n"
            "“Unemployment fell by 2 percent this year,” said minister Anna Bell.")
    article, found = claims(body)
    sources = {s.id: s.name for s in article.sources}
    speakers = {s.id: s.name for s in article.speakers}
    by_text = {c.text: c for c in found}
    stats = "Figures from the Office for National Statistics"
    assert sources[by_text["prices rose 5 percent in May"].source] == stats
    assert sources[by_text["There were 300,000 new jobs in the same month."].source] == stats
    quoted = next(c for c in found if c.text.startswith("Unemployment fell"))
    assert speakers[quoted.claimant] == "Anna Bell" and quoted.source is None


def test_facts_score_higher_than_opinions():
    _, fact = claims("The bridge cost £30m and carries 5,000 cars a day.")
    _, opinion = claims("The bridge will probably make the town a much nicer place, I hope.")
    assert fact and fact[0].score > (opinion[0].score if opinion else 0.0)


def test_the_model_file_is_small_and_offline():
    assert MODEL_PATH.stat().st_size < 5_000_000
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert 0 < data["threshold"] < 1 and data["weights"]
    assert load_model() is not None


@pytest.mark.parametrize("sentence", [
    "I was about 12 years old when I went to Syria.",
    "One of them had been found more recently, and it was only in its plastic box for about two months.",
])
def test_an_interviewees_account_in_a_transcript_is_no_claim(sentence):
    # the same words, in a story or in the turns of an interview transcript
    story = f"The chess player spoke to us last week.\n\nWhere did you go next?\n\n{sentence}\n\nAnd then?\n\nI stayed."
    transcript = (f"The chess player spoke to us last week.\n\n((WN)) Where did you go next?\n\n((Jane Doe)) {sentence}\n\n"
                  "((WN)) And then?\n\n((Jane Doe)) I stayed.")
    assert [c.text for c in claims(story)[1]] == [sentence]
    assert claims(transcript)[1] == []


def test_a_claim_in_a_transcript_leaves_the_turn_marker_out():
    sentence = "I moved to Australia in 2009, when unemployment there was at 5.8 percent."
    transcript = (f"The economist spoke to us last week.\n\n((WN)) Where did you go next?\n\n((Jane Doe)) {sentence}\n\n"
                  "((WN)) And then?\n\n((Jane Doe)) I stayed.")
    assert [c.text for c in claims(transcript)[1]] == [sentence]


@pytest.mark.parametrize("sentence, journals", [
    ("In findings published Tuesday in Cornell University's arXiv and a separate report published Wednesday in "
     "Nature Astronomy, the presence of water vapour was confirmed in the atmosphere of K2-18b.", ["arXiv", "Nature Astronomy"]),
    ("The findings, published in the journal Science, show sea levels rose 20cm.", ["Science"]),
    ("The study, published in The Lancet, found that 40% of patients recovered.", ["The Lancet"]),
    # a date, a place, an outlet or a person is no journal
    ("The book was published in March by Penguin.", []),
    ("The results were published in London last year.", []),
    ("His letter was published in The Guardian on Monday.", []),
    ("The interview was published in Jane Smith's blog.", []),
])
def test_a_journal_or_preprint_server_a_finding_was_published_in_is_a_source(sentence, journals):
    article, found = claims(sentence)
    assert [s.name for s in article.sources if s.kind == "study"] == journals
    if journals:
        [claim] = found
        assert claim.source == article.sources[0].id
