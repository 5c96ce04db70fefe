"""Attribute: quotes, speakers and mentions on short texts written for the purpose."""

import pytest

from annotator.ingest.text import parse_text
from annotator.pipeline import annotate


def run(body: str):
    article = annotate(parse_text(body, "t.txt", body_only=True))
    names = {s.id: s for s in article.speakers}
    return article, [(q.type, names[q.speaker].name, q.text) for q in article.quotes], names


def quotes_of(body):
    return run(body)[1]


def speakers_of(body):
    """The speaker of each quote, in order."""
    return [who for _, who, _ in quotes_of(body)]


@pytest.mark.parametrize("body, expected", [
    ('"We will win," said Jane Smith.', [("direct", "Jane Smith", "We will win,")]),
    ("“We will win,” Jane Smith said.", [("direct", "Jane Smith", "We will win,")]),
    ("Jane Smith said: “We will win this fight.”", [("direct", "Jane Smith", "We will win this fight.")]),
    ("Jane Smith told reporters: “We will win.”", [("direct", "Jane Smith", "We will win.")]),
])
def test_direct_quotes_with_straight_and_curly_marks(body, expected):
    assert quotes_of(body) == expected


def test_a_split_quote_is_two_quotes_of_one_speaker():
    body = "“We are ready,” Jane Smith said, “and we will not back down.”"
    assert quotes_of(body) == [("direct", "Jane Smith", "We are ready,"), ("direct", "Jane Smith", "and we will not back down.")]


def test_a_split_quote_around_an_inverted_cue_is_two_quotes_of_one_speaker():
    body = '"I do not know how they feel," said Jane Smith, "but I want to beat them."'
    assert quotes_of(body) == [("direct", "Jane Smith", "I do not know how they feel,"), ("direct", "Jane Smith", "but I want to beat them.")]


def test_a_quote_over_two_paragraphs_is_one_quote():
    body = "Mayor Tom Brown said: “The first part of what I said.\n\n“And the second part.”\n\nThe meeting ended."
    article, quotes, _ = run(body)
    [(kind, speaker, text)] = quotes
    assert speaker == "Tom Brown" and text.startswith("The first part") and text.endswith("the second part.")
    assert len(article.quotes[0].segments) == 2


def test_a_quote_without_cue_carries_on_the_previous_speaker():
    body = "“The plan is sound,” said Anna Bell, the project's director.\n\n“We have tested it for two years and it works.”"
    assert speakers_of(body) == ["Anna Bell", "Anna Bell"]


@pytest.mark.parametrize("body, speaker, content", [
    ("The minister of health, Anna Bell, said that the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
    ("Anna Bell says the hospital will close next year.", "Anna Bell", "the hospital will close next year"),
    ("Anna Bell claims the plan has no support among doctors.", "Anna Bell", "the plan has no support among doctors"),
    ("Anna Bell told the BBC that the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
    ("Anna Bell warned that the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
    ("According to Anna Bell, the hospital will close next year.", "Anna Bell", "the hospital will close next year"),
    ("The hospital will close next year, Anna Bell said.", "Anna Bell", "The hospital will close next year"),
    ("Anna Bell was quoted as saying the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
    ("Anna Bell said Sunday that the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
    ("Anna Bell told HuffPost Canada the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
    ("One longtime Republican, Senator Anna Bell, said the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
    ("Rights organizations said the hospital would close next year.", "Rights organizations", "the hospital would close next year"),
    ("People arrested last week said the hospital would close next year.", "People arrested last week", "the hospital would close next year"),
    ("Sources familiar with the talks have said the hospital would close next year.", "Sources familiar with the talks",
     "the hospital would close next year"),
    ("Markets were subdued on Friday after President Anna Bell said the hospital would close next year.", "Anna Bell",
     "the hospital would close next year"),
    ("Anna Bell thanked the nurses and doctors of the region for their work during a long and difficult winter and said "
     "the hospital would close next year.", "Anna Bell", "the hospital would close next year"),
])
def test_indirect_quotes(body, speaker, content):
    [(kind, who, text)] = quotes_of(body)
    assert (kind, who, text) == ("indirect", speaker, content)


@pytest.mark.parametrize("body", [
    "Anna Bell was asked twice what the government is doing to protect the jobs.",  # she was asked, not quoted
    "Anna Bell was later told the hospital would close next year.",
    "Anna Bell denied the substance of the newspaper's story.",  # an object, not reported words
    "The militia claimed responsibility for the attack on the hotel.",
    "Attempts by reporters to confirm with the council that costs had risen were stymied.",  # "to confirm": nobody did
])
def test_no_reported_words_in_passives_and_plain_objects(body):
    assert quotes_of(body) == []


def test_a_denial_with_a_clause_is_reported_words():
    assert quotes_of("Anna Bell denied she had pressured the minister.") == [
        ("indirect", "Anna Bell", "she had pressured the minister")]


def test_the_writers_aside_after_the_cue_is_not_reported():
    body = "Ten people remained missing on Wednesday, the Red Cross said, raising the possibility of a higher toll."
    assert quotes_of(body) == [("indirect", "Red Cross", "Ten people remained missing on Wednesday")]


def test_a_mixed_quote_keeps_its_quoted_words_in_the_paraphrase():
    [(kind, who, text)] = quotes_of("Anna Bell said the closure was “a disgrace to the whole town”.")
    assert kind == "mixed" and who == "Anna Bell" and "“a disgrace to the whole town”" in text


def test_surname_pronoun_and_title_resolve_to_the_full_name():
    body = ("Mayor Tom Brown opened the new bridge on Monday.\n\n“It took ten years,” Brown said.\n\n"
            "He added that the bridge would carry 5,000 cars a day.\n\n“We are proud of it,” the mayor said.")
    _, quotes, names = run(body)
    assert [q[1] for q in quotes] == ["Tom Brown"] * 3
    brown = next(s for s in names.values() if s.name == "Tom Brown")
    assert brown.role == "Mayor"


def test_she_goes_to_the_woman_not_the_last_man_named():
    body = ("Jane Smith, the head of the union, met John Carter on Friday.\n\n"
            "“The talks were useful,” she said.")
    assert quotes_of(body)[0][1] == "Jane Smith"


@pytest.mark.parametrize("body, name, kind", [
    ("The ministry said the figures would be published next week.", "The ministry", "organisation"),
    ("A statement from the Home Office said the rules would change in May.", "Home Office", "organisation"),
    ("A spokesperson said the company would appeal against the ruling.", "a spokesperson", "unnamed"),
    ("Critics say the scheme will cost far more than planned.", "critics", "unnamed"),
    ("A source close to the family said the funeral would be private.", "a source close to the family", "unnamed"),
    ("Pyra Labs said the service would stay free.", "Pyra Labs", "organisation"),  # a company's word, not a surname
    ("Hart Research Associates said most voters agreed.", "Hart Research Associates", "organisation"),
])
def test_organisations_and_unnamed_sources_speak_too(body, name, kind):
    _, quotes, names = run(body)
    [(_, who, _)] = quotes
    speaker = next(s for s in names.values() if s.name == who)
    assert (who.lower(), speaker.kind) == (name.lower(), kind)


def test_a_common_word_in_capitals_is_no_organisation():
    article, quotes, _ = run("WATCH BELOW: the minister on the new ID cards.\n\n"
                             "The UCP said the cards would cost £30 each and would be ready in May.")
    assert [m.name for m in article.mentions] == []
    assert [(who, kind) for kind, who, _ in quotes] == [("UCP", "indirect")]


def test_an_organisation_is_named_as_the_article_names_it():
    assert speakers_of("The RCMP said the camp would be cleared by Friday.") == ["RCMP"]
    body = "Officers of the Royal Canadian Mounted Police arrived.\n\nThe RCMP said the camp would be cleared by Friday."
    article, quotes, _ = run(body)
    assert [who for _, who, _ in quotes] == ["Royal Canadian Mounted Police"]  # the known name, when written
    assert "RCMP" in article.speakers[0].aliases


def test_role_and_affiliation_from_appositive_and_of_the():
    body = ("Len Duvall, a Labour member of the London Assembly, says the plan makes no sense.\n\n"
            "Stafford Scott of the Monitoring Group, a charity, claims the move will backfire.")
    _, _, names = run(body)
    by_name = {s.name: s for s in names.values()}
    assert by_name["Len Duvall"].role == "a Labour member of the London Assembly"
    assert by_name["Len Duvall"].affiliation == "London Assembly (Labour)"
    assert by_name["Stafford Scott"].affiliation == "Monitoring Group"


def test_a_photo_credit_beside_a_slash_is_no_speaker():
    body = ("Adrian Wyld / The Canadian Press\n\n"
            "He said the hospital would close next year.")
    article, quotes, _ = run(body)
    assert "Adrian Wyld" not in [who for _, who, _ in quotes] + [m.name for m in article.mentions]


@pytest.mark.parametrize("body", [
    "Doctor Tom Brown opened a clinic.\n\nOriginally from Arichat, N.S., Brown says the clinic will treat 200 people a week.",
    "Doctor Tom Brown opened a clinic.\n\nWhile visiting a school in Quispamsis, Brown said the clinic will treat 200 people.",
])
def test_an_introductory_phrase_with_a_place_is_not_the_speaker(body):
    assert speakers_of(body) == ["Tom Brown"]


@pytest.mark.parametrize("body, speaker", [
    ("Acme Motors lost money again.\n\nIn early November the company announced that Jane Smith would chair the board.",
     "Acme Motors"),
    ("Tom Brown leads the union.\n\nOn Monday Brown said the strike would go ahead next week.", "Tom Brown"),
    ("Acme Motors lost money again.\n\nIn a statement the company said the plant would stay open until 2030.",
     "Acme Motors"),
])
def test_a_time_or_channel_adjunct_without_a_comma_is_not_the_speaker(body, speaker):
    assert speakers_of(body) == [speaker]


@pytest.mark.parametrize("body", [
    "Acme Motors closed its plant in Leeds on Monday and said: “The market for small cars has collapsed.”",
    "Acme Motors closed its plant in Leeds on Monday and called the decision “painful but necessary”.",
])
def test_a_direct_quote_after_a_second_verb_goes_to_the_clauses_subject(body):
    assert speakers_of(body) == ["Acme Motors"]


@pytest.mark.parametrize("body", [
    "Acme Motors cut jobs.\n\nThe company’s new statement said the plant would close in May.",
    "Acme Motors cut jobs.\n\nA release sent to media from Acme Motors late Friday said the plant would close in May.",
    "The plant will close in May, according to a release sent to reporters from Acme Motors.",
])
def test_who_owns_or_sent_the_statement_is_the_speaker(body):
    assert speakers_of(body) == ["Acme Motors"]


def test_a_person_opening_the_clause_before_a_colon_says_the_quote_after_it():
    body = ("Dave Martell runs a clinic.\n\n"
            "Martell, the addictions doctor on the South Shore, is more blunt: “I think they are going to find horrors.”\n\n"
            "The rules are simple: “No phones, no cameras and no notes at all.”")
    assert [(who, what) for _, who, what in quotes_of(body)] == [("Dave Martell", "I think they are going to find horrors.")]


def test_an_unnamed_source_is_named_by_its_description_without_a_trailing_clause():
    body = "A person familiar with the talks but unauthorized to speak publicly said the deal was close to done."
    assert [(kind, who) for kind, who, _ in quotes_of(body)] == [("indirect", "a person familiar with the talks")]


def test_he_was_quoted_as_saying_after_a_quote():
    body = ("Mayor Doug Smith spoke after midnight.\n\n"
            "“When the books were shown to me, I was shaken to the core,” he was quoted as saying in the release.")
    assert [(kind, who) for kind, who, _ in quotes_of(body)] == [("direct", "Doug Smith")]


@pytest.mark.parametrize("body, speaker", [
    ("The family waited.\n\n“He is gone, he is gone,” the father repeated into his phone.", "the father"),  # repeated
    ("I read to my daughter.\n\n“No, that is the mom,” says my two-year-old.", "my two-year-old"),  # my
    ("The projects ran late.\n\nAs one veteran of the projects commented: “I have never seen one come in early.”",
     "one veteran of the projects"),  # a noun for one person
])
def test_unnamed_people_quoted_directly(body, speaker):
    assert speakers_of(body) == [speaker]


def test_according_to_x_set_off_inside_a_sentence():
    body = ("The harsh truth, according to addiction experts, is that the system is partly to blame.\n\n"
            "The result, according to a survey of clubs by CTV News, is 352 missing children.")
    assert quotes_of(body) == [("indirect", "addiction experts",
                                "The harsh truth, according to addiction experts, is that the system is partly to blame")]


def test_quoted_words_ending_a_sentence_framed_after_them_make_a_mixed_quote_of_it():
    body = "Results for the first 500 patients are “very exciting,” says senior manager Erin Kim."
    assert quotes_of(body) == [("mixed", "Erin Kim", "Results for the first 500 patients are “very exciting,”")]
    # but a quote whose own stop ends the sentence, after a frame of its own, stays direct
    body = "Minister Jan Nowak called the stabbing “an act of barbarity.” He said he could not find the words."
    assert quotes_of(body)[0] == ("direct", "Jan Nowak", "an act of barbarity.")


def test_a_quote_inside_a_quote_is_part_of_what_the_outer_speaker_says():
    body = ("Andre Campbell draws comics.\n\n“Now I have tons,” says Campbell. His comics sell well. "
            "“They say, ‘Oh my God, you are doing this? Maybe I can too!’ ” It is not about money.")
    assert quotes_of(body)[-1] == ("direct", "Andre Campbell", "They say, ‘Oh my God, you are doing this? Maybe I can too!’")


def test_a_name_where_people_work_is_an_organisation():
    article, quotes, _ = run("Researchers at Cisco Talos studied the threats.\n\n"
                             "The security firm said the campaign was run by one group.")
    assert [who for _, who, _ in quotes] == ["Cisco Talos"]
    assert article.speakers[0].kind == "organisation"


def test_a_description_after_a_quote_is_the_person_who_just_spoke():
    body = ("Tom Brown runs the comic shop on Main Street.\n\n"
            "“Nobody starts out selling thousands of copies,” Brown says.\n\n"
            "“Every artist starts with one,” says the affable proprietor.")
    assert speakers_of(body) == ["Tom Brown", "Tom Brown"]


def test_her_statement_tells_that_a_person_is_a_woman():
    body = ("Attorney General Jody Parker resigned on Monday.\n\n“I will not be silent,” her statement said.\n\n"
            "Prime Minister Alex Trent spoke to reporters on Tuesday. “The story is false,” he said.")
    assert speakers_of(body) == ["Jody Parker", "Alex Trent"]


def test_a_title_matches_the_head_of_a_role_not_the_body_in_it():
    body = ("Anna Bell, president of the Central Bank, said inflation would fall next year.\n\n"
            "The bank said it would keep its interest rates unchanged until next year.")
    assert speakers_of(body) == ["Anna Bell", "Central Bank"]


def test_a_qualified_government_is_not_another_government():
    body = ("The Australian Government said it was deeply concerned about the detention.\n\n"
            "The Canadian government said its two citizens were being detained arbitrarily.")
    assert speakers_of(body) == ["Australian Government", "The Canadian government"]


@pytest.mark.parametrize("body", [
    "The Senate Minority Leader, Tom Brown, said on Friday that the talks had failed.",
    "El Paso's police chief Tom Brown said late Sunday that the talks had failed.",
])
def test_a_title_or_a_possessor_before_the_name_is_not_the_speaker(body):
    assert speakers_of(body) == ["Tom Brown"]


@pytest.mark.parametrize("body, second", [
    ("Anna Bell said the hospital would close next year, adding that its staff would keep their jobs.", "its staff would keep their jobs"),
    ("Anna Bell said the hospital would close next year, but added that she hoped to reopen it.", "she hoped to reopen it"),
])
def test_said_a_adding_b_is_two_statements_of_one_speaker(body, second):
    assert quotes_of(body) == [("indirect", "Anna Bell", "the hospital would close next year"), ("indirect", "Anna Bell", second)]


def test_an_unnamed_source_may_carry_a_participle_phrase():
    article, quotes, names = run("The president is committed for the long haul, according to officials unauthorized to speak publicly.")
    assert quotes == [("indirect", "officials unauthorized to speak publicly", "The president is committed for the long haul")]
    assert [s.kind for s in names.values()] == ["unnamed"]


def test_the_cue_after_a_direct_quote_is_not_an_indirect_quote_too():
    body = ("Wendy Golden found her son in his room.\n\n"
            "\"I said, 'Please, do not let him go. I cannot lose another son,'\" says Golden, who lost a son in 2009. "
            "\"That is the way it was meant to be.\"")
    assert [(kind, who) for kind, who, _ in quotes_of(body)] == [("direct", "Wendy Golden"), ("direct", "Wendy Golden")]


def test_a_pronoun_can_point_to_a_name_we_have_never_seen():
    body = "Regular exercise also helped Mississauga accountant Babatunji Farinloye. “I had a membership,” he says."
    assert speakers_of(body) == ["Babatunji Farinloye"]


def test_a_cue_set_off_by_commas_reports_the_words_around_it():
    article, quotes, _ = run("Doctor Dave Martell runs the clinic.\n\nToo often, he says, patients get the wrong pills.")
    assert quotes == [("indirect", "Dave Martell", "Too often, he says, patients get the wrong pills")]
    assert [(s.start, s.end) for s in article.quotes[0].segments] == [
        (article.text.index("Too often"), article.text.index(", he says")), (article.text.index("patients"), article.text.index("pills") + 5)]


@pytest.mark.parametrize("body, speaker", [
    ("Golfer Graham DeLaet is recovering.\n\nDeLaet's agent, Danny Fritz, told reporters the golfer was a little sore.", "Danny Fritz"),
    ("Veterans Affairs official Sandra Williamson wrote that the benefits were not offered to families.", "Sandra Williamson"),
    ("Smith's lawyer told reporters that his client would appeal the verdict.", "Smith's lawyer"),
])
def test_someone_of_a_named_person_is_not_that_person(body, speaker):
    assert speakers_of(body) == [speaker]


def test_a_weekday_opening_the_sentence_is_no_speaker():
    article, quotes, _ = run("Late Tuesday, Acme Corp said that it had paid teenagers to install the app.")
    assert [who for _, who, _ in quotes] == ["Acme Corp"]


def test_a_pronoun_beside_a_lone_name_tells_its_gender():
    body = ("Jayme Closs was found on Thursday. Jake Patterson was arrested on Friday.\n\n"
            "Jayme told police she could hear the sirens.\n\n"
            "He told detectives that he would have opened fire.")
    assert speakers_of(body) == ["Jayme Closs", "Jake Patterson"]


def test_a_shared_surname_goes_to_the_person_named_first():
    body = ("Cookbook author Dorie Greenspan lives in Paris with her husband Michael Greenspan.\n\n"
            "“I never stop thinking how lucky I am,” Greenspan says.")
    assert speakers_of(body) == ["Dorie Greenspan"]


def test_a_spokeswoman_for_a_person_is_not_that_person():
    _, quotes, names = run("A spokeswoman for Anna Bell said the minister would not resign.")
    [speaker] = names.values()
    assert [who for _, who, _ in quotes] == ["a spokeswoman for Anna Bell"]
    assert (speaker.kind, speaker.affiliation) == ("unnamed", "Anna Bell")


def test_people_mentioned_but_not_quoted_are_listed():
    article, _, _ = run("Prime Minister Theresa May met Angela Merkel in Berlin.\n\n“It went well,” said Anna Bell.")
    assert {m.name: m.role for m in article.mentions if m.kind == "person"} == {"Theresa May": "Prime Minister", "Angela Merkel": None}


def test_no_quotes_no_error():
    article, quotes, _ = run("The bridge opened on Monday. It cost £3m.")
    assert quotes == [] and article.speakers == []


def test_an_unbalanced_mark_does_not_swallow_the_article():
    body = "He called it a “bad idea and left.\n\nThe council met again on Tuesday.\n\nA vote is due in May."
    article, quotes, _ = run(body)
    text = article.text
    for q in article.quotes:
        assert "council met again" not in text[q.start:q.end]


def test_a_title_with_an_organisations_word_still_comes_before_the_name():
    [(_, who, _)] = quotes_of("U.S. Secretary of State Anna Bell said the hospital would close next year.")
    assert who == "Anna Bell"
    article, _, names = run("Ontario Minister of Education Anna Bell said the hospital would close next year.")
    assert [s.role for s in names.values()] == ["Ontario Minister of Education"]


def test_a_photo_credit_in_brackets_ends_the_sentence_before_it():
    body = ("Anna Bell says she has lost 16 lbs. since she joined the program. ( Richard Lautens / Toronto Star ) "
            "Mississauga accountant Tom Reid, 50, says he is happy with the results of the program.")
    assert [(who, text) for _, who, text in quotes_of(body)] == [
        ("Anna Bell", "she has lost 16 lbs. since she joined the program"),
        ("Tom Reid", "he is happy with the results of the program")]


def test_she_reaches_back_to_the_only_woman_named_however_far():
    filler = " ".join(f"The river rose by {n} cm on day {n}." for n in range(1, 12))
    body = (f"Wendy Golden lives in Amherst with her son Kody.\n\n{filler}\n\n"
            "“That’s why I chose to fight to have something done,” she says.")
    assert speakers_of(body) == ["Wendy Golden"]


def test_the_bank_is_not_a_person_whose_title_only_names_a_bank():
    body = "European Central Bank President Anna Bell spoke on Monday.\n\nThe bank said it would not change its interest rates."
    assert "Anna Bell" not in speakers_of(body)


def test_the_military_is_an_organisation_not_the_last_person_named():
    body = "Tom Reid, a resident, said the water came in fast.\n\nThe military said it was deploying troops to the region."
    article, quotes, names = run(body)
    assert [who for _, who, _ in quotes] == ["Tom Reid", "The military"]
    assert [s.kind for s in names.values()] == ["person", "organisation"]


def test_an_office_named_with_a_possessive_is_one_organisation():
    [(_, who, _)] = quotes_of("A statement released by the Prime Minister's Office said the two leaders discussed the detentions.")
    assert who == "Prime Minister's Office"


def test_a_quote_without_cue_goes_to_the_person_named_just_before_it():
    body = ('Tom Reid invited Jeanine Durning back. “I always felt it deserved to be longer,” says Reid. '
            '“It is fascinating to come back to an idea and go deeper.” Durning did not need much coaxing. '
            '“I am thankful for the invitation and this chance to explore.” She “can’t wait” to begin.')
    assert speakers_of(body) == ["Tom Reid", "Tom Reid", "Jeanine Durning"]


def test_the_subject_of_a_long_first_verb_phrase_says_the_second():
    _, quotes, names = run("The World Health Organization called for calm on Monday and said the outbreak was contained.")
    assert [(who, text) for _, who, text in quotes] == [("World Health Organization", "the outbreak was contained")]


@pytest.mark.parametrize("body, speaker", [
    # a clause before ", saying": its subject speaks, not the whole clause
    ("Vern Sparkes joined the rally. Sparkes also criticized the prime minister, saying he is signing away "
     "the country's sovereignty.", "Vern Sparkes"),
    ("Mayor Ann Lee opened the bridge. The diocese issued a second statement on Tuesday, saying a review will "
     "look into the matter.", "The diocese"),
    ("President Joe Biden spoke on Monday. Biden rejected Pelosi's suggestion, saying the plan would cost too much.",
     "Joe Biden"),
])
def test_the_subject_of_a_clause_before_a_participle_cue_is_the_speaker(body, speaker):
    assert speakers_of(body) == [speaker]


def test_a_pronoun_right_before_the_cue_speaks_for_a_clause_before_it():
    body = ("Senator Murray Sinclair released his report. Sinclair derides the board for a lack of leadership he "
            "says has left the city's police without effective oversight.")
    assert speakers_of(body) == ["Murray Sinclair"]


@pytest.mark.parametrize("phrase, described", [
    ("the retired teacher", "the retired teacher"),
    ("Washington's own adopted daughter", "Washington's own adopted daughter"),
    ("people arrested at the camp", "people arrested at the camp"),
    ("an expert cited in the report", "an expert cited in the report"),
    ("a person familiar with the talks but unauthorized to speak", "a person familiar with the talks"),
    ("researchers at the San Francisco-based Gladstone Institute", "researchers at the San Francisco-based Gladstone Institute"),
])
def test_a_past_participle_in_a_description_is_not_a_verb(phrase, described):
    from annotator.attribute.phrases import parse_phrase
    assert parse_phrase(phrase, 0, len(phrase), loose=True).text == described


@pytest.mark.parametrize("body, name, kind", [
    ("Lawyers for Huma Abedin filed a letter.", "Huma Abedin", "person"),
    ("Doctors Without Borders sent a team.", "Médecins Sans Frontières", "organisation"),
    ("The Roman Catholic Diocese of Covington condemned the students.", "Roman Catholic Diocese of Covington", "organisation"),
])
def test_names_opening_a_sentence_keep_their_kind(body, name, kind):
    article = annotate(parse_text(body, "t.txt", body_only=True))
    assert (name, kind) in [(m.name, m.kind) for m in article.mentions]


def test_the_subject_after_an_introductory_phrase_says_the_second_verb():
    body = ("In an interview with CNBC on Monday, U.S. Secretary of State Mike Pompeo praised China's support for "
            "resolving the crisis and said he did not think the trade dispute would affect this.")
    assert quotes_of(body) == [("indirect", "Mike Pompeo", "he did not think the trade dispute would affect this")]


@pytest.mark.parametrize("body, expected", [
    ("Prosecutor Caroline Wojtaszek spoke. Wojtaszek questioned that logic, saying there are limits on her ability "
     "to jail him.", [("indirect", "Caroline Wojtaszek", "there are limits on her ability to jail him")]),
    ("BC Hydro reminded customers to consider food safety, saying a packed freezer will hold food for two days.",
     [("indirect", "BC Hydro", "a packed freezer will hold food for two days")]),
])
def test_the_subject_of_a_clause_says_what_follows_a_participle_after_a_comma(body, expected):
    assert quotes_of(body) == expected


def test_a_quoted_paraphrase_before_noting_that_is_two_quotes():
    body = 'Kevin Vickers said he is a "long ways from making a decision," noting that he has served for 43 years.'
    assert quotes_of(body) == [("mixed", "Kevin Vickers", 'he is a "long ways from making a decision,"'),
                               ("indirect", "Kevin Vickers", "he has served for 43 years")]


@pytest.mark.parametrize("body, expected", [
    ("The British aid group Gatsby said its Africa programs director was among those killed in the attack.",
     [("indirect", "Gatsby", "its Africa programs director was among those killed in the attack")]),
    ("However, in the two years since the attack, some in the Muslim community say the outpouring of support has "
     "dried up.", [("indirect", "some in the Muslim community", "the outpouring of support has dried up")]),
    ("It’s too early to quantify the overall effect on breweries, said Mark Garthwaite, director of the center.",
     [("indirect", "Mark Garthwaite", "It’s too early to quantify the overall effect on breweries")]),
])
def test_speakers_described_before_the_name_or_as_part_of_a_group(body, expected):
    assert quotes_of(body) == expected


def test_a_name_after_of_is_not_the_head_of_the_phrase():
    from annotator.attribute.phrases import parse_phrase
    phrase = "the head of US TV network Fox"
    assert parse_phrase(phrase, 0, len(phrase)).kind == "nominal"


def test_quoted_words_in_a_paraphrase_run_on_to_their_closing_mark():
    body = ('Mr. Hemming said he and his group were "very pleased with the decision. This levels the playing field." '
            'The board met later.')
    assert quotes_of(body) == [("mixed", "Hemming", 'he and his group were "very pleased with the decision. '
                                                    'This levels the playing field."')]


@pytest.mark.parametrize("body, speaker", [
    ("The report came from the police board — the second such review this week — Sen. Murray Sinclair said the board "
     "had failed to deal with the pattern.", "Murray Sinclair"),
    ("Tom Hart is running for the Conservatives, while Green party leader Elizabeth May has said the Greens won’t "
     "field a candidate.", "Elizabeth May"),
])
def test_speakers_after_a_dash_or_named_with_a_clause_word(body, speaker):
    assert speakers_of(body) == [speaker]


def test_he_is_the_subject_of_the_sentence_before_rather_than_a_frequent_speaker_further_back():
    body = ('The station gave Brian Hemming the names of members. Mr. Hemming argued that the move hurt his group, noting '
            'the board lobbies members by e-mail. "We want a fair fight," Mr. Hemming said.\n\n'
            'Justice Sean Dunphy said the station’s stand "was clearly adopted to frustrate the applicants." Still, he denied '
            'Mr. Hemming’s request for phone numbers.\n\n'
            '"This has degenerated into an acrimonious fight," he wrote in his decision.')
    assert speakers_of(body)[-2:] == ["Sean Dunphy", "Sean Dunphy"]


def test_a_named_owner_speaks_through_a_book_or_database():
    body = ("Historian Cecil Foster studied the railway. Foster’s book says that around 90 per cent of the porters "
            "in the city were Black.")
    assert quotes_of(body) == [("indirect", "Cecil Foster", "around 90 per cent of the porters in the city were Black")]


@pytest.mark.parametrize("body, expected", [
    ("Tim Guest, a paramedic, spoke to the board.\n\nGuest said too often, the emergency department becomes a safety net.",
     [("indirect", "Tim Guest", "too often, the emergency department becomes a safety net")]),
    ("EARNINGS: Samsung Electronics Co. said it posted a near-30 per cent drop in operating profit.",
     [("indirect", "Samsung Electronics Co", "it posted a near-30 per cent drop in operating profit")]),
    # a common word that is no one's surname, or opens a clause, speaks for no one
    ('Edmonton responded a couple of minutes later when Jones scored his first goal.', []),
    ('Doug McCallum spoke. When told of the statement they had never done a study, he said, "I’ve never said '
     'there’s a study."', [("direct", "Doug McCallum", "I’ve never said there’s a study.")]),
])
def test_a_lone_capitalised_word_before_the_cue_is_a_surname_only_if_someone_bears_it(body, expected):
    assert quotes_of(body) == expected


@pytest.mark.parametrize("body, expected", [
    ("Wendy Golden lost her son. After Kody died, she urged police to investigate.",
     [("indirect", "Wendy Golden", "to investigate")]),
    ("The foreign ministry urged Chinese citizens to consider their personal circumstances.",
     [("indirect", "The foreign ministry", "to consider their personal circumstances")]),
])
def test_what_someone_urged_is_what_to_do(body, expected):
    assert quotes_of(body) == expected


@pytest.mark.parametrize("body, expected", [
    ('Alfonso Espinos opened the shop. "We dedicate ourselves solely to comic books,’’ says the 39-year-old founder.',
     [("direct", "Alfonso Espinos", "We dedicate ourselves solely to comic books,")]),
    ("Manager Jimmy McGeough spoke. ''He has been on trial with a number of clubs,'' said McGeough.",
     [("direct", "Jimmy McGeough", "He has been on trial with a number of clubs,")]),
])
def test_doubled_single_marks_are_quotation_marks(body, expected):
    assert quotes_of(body) == expected


def test_a_name_after_a_possessive_place_is_the_speaker():
    body = '"That wasn’t very good," Vancouver’s Bo Horvat said. "We gave ourselves a chance in the second period."'
    assert speakers_of(body) == ["Bo Horvat", "Bo Horvat"]


def test_a_short_quote_right_after_a_framed_one_in_its_paragraph_continues_it():
    body = 'Alison Levine plays boccia. "He carried most of the weight," she said. "I was super-green."'
    assert quotes_of(body) == [("direct", "Alison Levine", "He carried most of the weight,"),
                               ("direct", "Alison Levine", "I was super-green.")]


def test_a_surname_that_opens_like_a_given_name_does_not_set_the_gender():
    body = ("The family of Mohammad Al Mnajer and his wife Fouzia Al Hashish sit at home.\n\n"
            "Al Hashish, Al Mnajer and their daughters arrived in Toronto in 2016.\n\n"
            "She said she has longed to move beyond that status.")
    assert speakers_of(body)[-1] == "Fouzia Al Hashish"


def test_a_direct_quote_inside_a_dropped_mixed_quote_is_weighed_on_its_own():
    # "He" names no one, so the paraphrase has no speaker; the quoted words still have theirs
    body = 'He said the flight would leave "imminently and without delay," officials at Edinburgh Airport said.'
    assert quotes_of(body) == [("direct", "officials at Edinburgh Airport", "imminently and without delay,")]


def test_according_to_an_outlet_before_a_cue_is_no_speaker():
    body = ('Bell had promised not to let the company get "fat, dumb and happy," and, according to Reuters, once told '
            'analysts he would act.')
    assert speakers_of(body) == []


@pytest.mark.parametrize("body, expected", [
    ("United States President Donald Trump said on Friday he can and may declare a national emergency.",
     [("indirect", "Donald Trump", "he can and may declare a national emergency")]),
    ("Tesco and Salling Group agreed a deal. The parties said they expect a decision this year.",
     [("indirect", "the parties", "they expect a decision this year")]),
    ("Harry Dunn died in a crash. The embassy declined the request and said the family left on official advice.",
     [("indirect", "The embassy", "the family left on official advice")]),
])
def test_more_subjects_and_adjuncts_around_said(body, expected):
    assert quotes_of(body) == expected


@pytest.mark.parametrize("phrase, name, role", [
    ("the United Kingdom's Queen Elizabeth II", "Elizabeth II", "the United Kingdom's Queen"),
    ("the Toronto mayor John Tory", "John Tory", "Toronto mayor"),
    ("the BBC's Elizabeth Blunt", "Elizabeth Blunt", None),
])
def test_a_name_after_a_determiner_and_a_description_heads_the_phrase(phrase, name, role):
    from annotator.attribute.phrases import parse_phrase
    parsed = parse_phrase(phrase, 0, len(phrase))
    assert (parsed.kind, parsed.text) == ("name", name)
    assert role is None or parsed.role == role


@pytest.mark.parametrize("body, expected", [
    ('Speaking to Reuters, an attendee Om Prakash said, "We have been drinking it for 21 years."',
     [("direct", "Om Prakash", "We have been drinking it for 21 years.")]),
    ('Actress Doris Day starred in Pillow Talk.\n\nIn a 2006 interview with The Bark, Day said, "I have been through '
     'everything."', [("direct", "Doris Day", "I have been through everything.")]),
])
def test_speakers_named_after_an_introductory_phrase_before_a_direct_quote(body, expected):
    # ("Doris Day" is a person though "Day" ends holidays; "Day" alone after the comma is her surname)
    assert quotes_of(body) == expected


@pytest.mark.parametrize("body, expected", [
    # what follows the cue is an adjunct of it, not reported words
    ('Fouzia Al Hashish came in 2016. "I am a Canadian, same as you," she said in an interview at her home in '
     'Mississauga.', [("direct", "Fouzia Al Hashish", "I am a Canadian, same as you,")]),
    ('Babatunji Farinloye changed his diet. "No more white bread for me," he says with a laugh.',
     [("direct", "Babatunji Farinloye", "No more white bread for me,")]),
    # but a clause after the adjunct is reported
    ("The toilet paper maker Acme Paper said on last Wednesday they'd run out of stock.",
     [("indirect", "Acme Paper", "on last Wednesday they'd run out of stock")]),
])
def test_an_adjunct_after_the_cue_is_not_a_quote(body, expected):
    assert quotes_of(body) == expected


def test_a_cue_taking_a_preposition_has_no_speaker_after_it():
    body = ("Murray Sinclair released his report.\n\nAlvin Fiddler, grand chief of the Nishnawbe Aski Nation, "
            "agreed with Sinclair's findings.")
    assert quotes_of(body) == []


def test_a_shared_surname_goes_to_the_person_the_story_names_most():
    body = ("Michael Greenspan, her husband, cooks too. Dorie Greenspan wrote a new book this year.\n\n"
            "Dorie Greenspan loves butter, and Dorie Greenspan bakes every day.\n\n"
            '"I cook simple food and I do not fuss," Greenspan said.')
    assert speakers_of(body) == ["Dorie Greenspan"]


def test_a_company_is_not_a_person_whose_first_word_it_shares():
    body = ("Teens were paid to install an app called Facebook Research.\n\n"
            "Facebook told employees it is working closely with Apple to reinstate access.")
    assert speakers_of(body) == ["Facebook"]


def test_a_name_inside_a_title_is_not_the_speaker_named_after_it():
    body = "Keeper of the Ruler's Seal, Syed Danial Syed Ahmad, said the council set Jan. 24 to elect a new king."
    assert speakers_of(body) == ["Syed Danial Syed Ahmad"]


def test_an_age_describes_someone_already_named():
    body = ("I’m talking about Alfonso Espinos, who was born in Mexico.\n\n"
            '"We dedicate ourselves solely to comic books and local creators," says the 39-year-old founder of '
            "Studiocomix Press.")
    assert speakers_of(body) == ["Alfonso Espinos"]


def test_a_pull_quote_signed_with_a_name_is_that_persons():
    said = "It is very bad for our senior population if they have nothing in the way of backup"
    body = (f'Rod Peters is the mayor of Lake Cowichan.\n\n"{said}," Peters said.\n\n'
            f"{said}. Rod Peters, Lake Cowichan mayor.\n\n"
            "A cyclist rides by the homes in Vancouver on Oct. 29, 2015. Ben Nelms.\n\n"
            "A cyclist rides by the homes in Vancouver on Oct. 29, 2015. Ben Nelms.")
    assert quotes_of(body) == [("direct", "Rod Peters", said + ","), ("direct", "Rod Peters", said)]


def test_a_sentence_ending_in_a_name_is_no_pull_quote():
    body = ("Kim wants a second summit with U.S. President Donald Trump.\n\n"
            "Kim wants a second summit with U.S. President Donald Trump.")
    assert quotes_of(body) == []


@pytest.mark.parametrize("body, expected", [
    ("Pete Fry won a seat. Mr. Fry describes himself as the most left-leaning Green on council. He now calls it "
     "a rookie mistake.", [("indirect", "Pete Fry", "the most left-leaning Green on council"),
                           ("indirect", "Pete Fry", "a rookie mistake")]),
    # not a label: a phone call, a lead given
    ("The driver called the police after the crash.", []),
    ("Fly-half Jonathan Thomas gave the Scarlets a 19-5 half-time advantage.", []),
])
def test_the_label_someone_puts_on_something_is_their_words_marks_or_not(body, expected):
    assert quotes_of(body) == expected


@pytest.mark.parametrize("body", [
    # an object, not reported words
    "Greg McKegg and Dougie Hamilton each added a goal and an assist as the Hurricanes snapped the streak.",
    # nouns, not cues
    "Last week, a notice of civil claim was filed in the B.C. Supreme Court for a class action.",
    "The visit follows reports of advanced negotiations over a second summit.",
])
def test_not_reported_speech(body):
    assert quotes_of(body) == []


def test_a_programmes_title_after_its_network_is_no_quote():
    body = 'Nick Sandmann spoke to reporters. He told NBC’s "Today" that he heard no one chant anything hateful.'
    assert quotes_of(body) == [("indirect", "Nick Sandmann", "he heard no one chant anything hateful")]


@pytest.mark.parametrize("phrase, speaker", [
    ("the phone company collapsed in 2002 and prosecutors", "prosecutors"),
    ("the folks at TMZ recently ran into Simmons in the airport security line and", "the folks at TMZ"),
    ("Putin wrote to the president of Crimea", "Putin"),
    ("the retired teacher and her husband", "the retired teacher and her husband"),
])
def test_the_subject_of_a_clause_read_as_a_speaker_phrase(phrase, speaker):
    from annotator.attribute.phrases import parse_phrase
    assert parse_phrase(phrase, 0, len(phrase)).text == speaker


def test_an_organisation_speaks_as_the_airline_after_it_is_named():
    body = ("Air Canada cancelled 40 flights on Monday.\n\n"
            "The Calgary-based airline said the storm had grounded its planes in Toronto.")
    assert speakers_of(body) == ["Air Canada"]


def test_a_capitalised_article_after_a_credit_is_not_part_of_the_name():
    from annotator.attribute.names import find_names
    text = "The Canadian Press A train derailment is shown near Field, B.C."
    assert [(n.text, n.kind) for n in find_names(text, 0, len(text))][0] == ("Canadian Press", "outlet")


@pytest.mark.parametrize("sentence, name, role, affiliation", [
    ("Labour MP Tom Watson said the vote would be close.", "Tom Watson", "Labour MP", "Labour"),
    ("Sophos's Graham Cluley said the worm was spreading fast.", "Graham Cluley", None, "Sophos"),
    ("Graham Cluley, senior technology consultant at Sophos, said the worm was spreading fast.",
     "Graham Cluley", "senior technology consultant at Sophos", "Sophos"),
    # as the article writes it, not the organisation's later name
    ("Ross Walker, UK economist at Royal Bank of Scotland, said rates would rise.",
     "Ross Walker", "UK economist at Royal Bank of Scotland", "Royal Bank of Scotland"),
    ("Arsenal boss Arsene Wenger said the team was tired.", "Arsene Wenger", "Arsenal boss", "Arsenal"),
    # a place is not an employer, and a sentence's first word is not a name
    ("John Smith, mayor of Leeds, said rates would rise.", "John Smith", "mayor of Leeds", None),
    ("Former education secretary Estelle Morris said schools needed more money.",
     "Estelle Morris", "Former education secretary", None),
    # "of the Y" set off by commas names the body, not a role (a place is neither)
    ("Mike Ryan, of the WHO, said the new drugs were only part of the solution.", "Mike Ryan", None, "WHO"),
    ("John Smith, of Leeds, said rates would rise.", "John Smith", None, None),
    # a title and its acronym in brackets, then the name
    ('Member of Parliament (MP) Yvette Cooper of the Labour Party added, "Boris Johnson is trying to use the Queen."',
     "Yvette Cooper", "Member of Parliament", "Labour Party"),
    # the whole title before the name, not its last word
    ("Foreign Secretary Dominic Raab said that the talks had failed.", "Dominic Raab", "Foreign Secretary", None),
    # a possessive employer inside the appositive
    ("John Smith, Lloyd's chief executive, said profits rose sharply in the year.",
     "John Smith", "Lloyd's chief executive", "Lloyd"),
    # a party and a job word before the name: the person speaks, not the party
    ("Liberal Democrat chairman Matthew Taylor said the party would gain seats.",
     "Matthew Taylor", "Liberal Democrat chairman", "Liberal Democrat"),
])
def test_affiliations_are_read_from_titles_and_appositives(sentence, name, role, affiliation):
    article = annotate(parse_text("Headline — The Paper\n\n" + sentence + "\n", "a.txt"))
    [speaker] = [s for s in article.speakers if s.name == name]
    assert (speaker.role, speaker.affiliation) == (role, affiliation)


@pytest.mark.parametrize("sentence", [
    "“We will not accept this,” Turkey said.",  # a country: its words belong to its government
    "“We will not accept this,” Italy said in a statement.",
    "Um, I said that we were wrong.",  # fillers and pronouns are not names
    "Lastly, the minister said the plan would cost £3m.",
    # two countries are not one speaker
    "France and the United Kingdom said the talks had met their main objectives.",
])
def test_what_cannot_be_a_name_names_no_speaker(sentence):
    article = annotate(parse_text("Headline — The Paper\n\n" + sentence + "\n", "a.txt"))
    assert not [s.name for s in article.speakers if s.kind != "unnamed"]


def test_an_acronym_of_a_known_organisation_is_not_a_stopword():
    _, quotes, names = run("The WHO warned that cases could double by May.")
    assert quotes == [("indirect", "WHO", "cases could double by May")]
    assert [s.kind for s in names.values()] == ["organisation"]



def test_an_embedded_post_is_its_authors_direct_quote_on_twitter():
    body = ("Trump claimed victory in the online polls after the debate.\n\n"
            "I won every poll from last nights Presidential Debate – except for the little watched @CNN poll. "
            "https://t.co/3KWOl2ibaW pic.twitter.com/sfCEE3I5pF — Donald J. Trump (@realDonaldTrump) September 27, 2016")
    article = annotate(parse_text("Trump claims poll wins — The Paper\n\n" + body + "\n", "a.txt"))
    assert not [r.kind for r in article.removed]  # the post stays in the body
    [quote] = article.quotes
    [speaker] = article.speakers
    assert speaker.name == "Donald J. Trump"
    assert (quote.type, quote.channel) == ("direct", "Twitter")
    assert quote.text == "I won every poll from last nights Presidential Debate – except for the little watched @CNN poll."


def test_an_outlets_post_is_a_source_and_links_alone_are_no_quote():
    body = ("The site asked its readers about the debate.\n\n"
            "Are polls like this an accurate measure? — Huffington Post (@HuffingtonPost) September 27, 2016\n\n"
            "pic.twitter.com/sfCEE3I5pF — Jane Doe (@janedoe) September 27, 2016")
    assert quotes_of(body) == []


@pytest.mark.parametrize("body, speaker, content", [
    # a finding of a report is its author's; a view is its holder's
    ("A report by Amnesty International found that prisoners were tortured.", "Amnesty International",
     "prisoners were tortured"),
    ("Scientists believe that the comet will return in 2061.", "Scientists", "the comet will return in 2061"),
    ("The police believe the man acted alone in the attack.", "Police", "the man acted alone in the attack"),
    ("The court ruled that the law was unconstitutional.", "The court", "the law was unconstitutional"),
    # an irregular past verb makes the reported words a clause
    ("A Coast Guard spokesperson confirmed the boat sank near the harbour.", "Coast Guard", "the boat sank near the harbour"),
    ("According to a spokesman, the case would be heard in October.", "a spokesman", "the case would be heard in October"),
    # who was told is not part of what was said
    ("Duda told local media Adamowicz's heart was restarted.", "Duda", "Adamowicz's heart was restarted"),
])
def test_reported_views_findings_and_rulings(body, speaker, content):
    assert quotes_of(body) == [("indirect", speaker, content)]


@pytest.mark.parametrize("body", [
    "Police found the body of a man on Monday night.",  # a finding, but of no report
    "The judge ruled out a retrial in the case.",  # "ruled" reports words only with "that"
    "He thought about the offer for a week.",
    "Many people believe in ghosts.",
    "She is believed to have left the country.",
    "Yeah, I think that's how I would see it.",  # a filler is no name
])
def test_no_reported_words_in_findings_and_views_that_report_nothing(body):
    assert quotes_of(body) == []


def test_a_frame_that_introduces_the_next_quote_is_not_the_last_ones():
    body = ('Prime Minister Mateusz Morawiecki tweeted "We are with Mayor Adamowicz in our thoughts and prayers." '
            'President Andrzej Duda remarked, "Today I am unconditionally with him."')
    assert speakers_of(body) == ["Mateusz Morawiecki", "Andrzej Duda"]


def test_a_name_and_its_appositive_before_the_cue_are_not_reported_words():
    body = ('Ex-Prime Minister Donald Tusk, the current President of the European Council, wrote '
            '"Let us all pray for Mayor Adamowicz. Paweł, we are with you."')
    assert quotes_of(body) == [("direct", "Donald Tusk", "Let us all pray for Mayor Adamowicz. Paweł, we are with you.")]


def test_a_fuller_title_replaces_a_shorter_one_only_when_it_is_a_title():
    from annotator.attribute.resolve import _fuller_title
    assert _fuller_title("Health Minister", "Minister") and _fuller_title("Chelyabinsk regional Deputy Governor", "Governor")
    # (phrases the demo's Gdańsk and abortion pages once read as titles)
    assert not _fuller_title('"Let\'s all pray for Mayor', "Mayor") and not _fuller_title("Early opponent MP", "MP")


@pytest.mark.parametrize("body, speaker", [
    ("The Bank of England held rates at 4.75%. The Bank said inflation would fall in the spring.", "Bank of England"),
    ("The Mobile Data Association (MDA) counts texts. The MDA said 2005 could see more than 30bn text messages sent.",
     "Mobile Data Association"),
])
def test_a_short_form_of_an_organisation_named_before_is_that_organisation(body, speaker):
    _, _, names = run(body)
    assert [s.name for s in names.values()] == [speaker]


def test_one_shared_word_does_not_make_two_organisations_one():
    from annotator.attribute.speakers import short_form_of
    assert short_form_of("Standard Trust", "Standard Trust Bank") and short_form_of("the Bank", "Bank of England")
    assert not short_form_of("England", "Bank of England") and not short_form_of("Royal", "Royal Bank")
    assert not short_form_of("Bank of Scotland", "Bank of England") and not short_form_of("UN", "United Nations Security")


@pytest.mark.parametrize("body, speaker, content", [
    # what a condemnation, a criticism, a blame or a demand says of its target
    ("Amnesty International condemned the killings as a war crime.", "Amnesty International", "the killings as a war crime"),
    ("The Trump campaign criticized Biden for not denouncing Antifa.", "the Trump campaign", "Biden for not denouncing Antifa"),
    ("Police blamed the fire on an electrical fault.", "Police", "the fire on an electrical fault"),
    ("The union called for a national strike over pay.", "The union", "a national strike over pay"),
])
def test_speech_acts_aimed_at_a_target(body, speaker, content):
    assert quotes_of(body) == [("indirect", speaker, content)]


@pytest.mark.parametrize("body", [
    "Vern Sparkes joined the rally. Sparkes also criticized the prime minister, saying he is signing away power.",
    "The World Health Organization called for calm on Monday and said the outbreak was contained.",
    "The court rejected the appeal on Monday.",  # a decision, not words
])
def test_the_target_alone_or_a_one_word_demand_is_no_reported_content(body):
    assert all(text not in ("the prime minister", "calm on Monday", "the appeal on Monday") for _, _, text in quotes_of(body))


@pytest.mark.parametrize("body, parties", [
    ("Mary Smith and John Brown said the plan would fail.", ["Mary Smith", "John Brown"]),
    ('"We will fight on," Mary Smith and John Brown said.', ["Mary Smith", "John Brown"]),
    ("Amnesty International and Human Rights Watch said the trial was unfair.", ["Amnesty International", "Human Rights Watch"]),
    # one organisation with "and" in its name, and one person with an appositive
    ("Marks and Spencer said sales fell sharply.", ["Marks and Spencer"]),
    ("John Smith, the mayor of Leeds, said rates would rise.", ["John Smith"]),
])
def test_a_joint_statement_is_each_partys(body, parties):
    article, quotes, _ = run(body)
    assert speakers_of(body) == parties
    assert len({q.text for q in article.quotes}) == 1  # one stretch of words, said by each
    assert not [m.name for m in article.mentions if " and " in m.name and m.name != "Marks and Spencer"]


@pytest.mark.parametrize("sentence, name, role, affiliation", [
    # a film's title before an honorific is no role
    ("The 2012 documentary Beware of Mr. Baker was filmed there. Baker said he had no regrets about the band.",
     "Baker", None, None),
    # an en dash inside an organisation's name
    ('African Export–Import Bank president Okey Oramah said the costs "run to billions of dollars a year."',
     "Okey Oramah", "African Export–Import Bank president", "African Export–Import Bank"),
])
def test_roles_are_titles_and_names_hold_their_dashes(sentence, name, role, affiliation):
    article = annotate(parse_text("Headline — The Paper\n\n" + sentence + "\n", "a.txt"))
    [speaker] = [s for s in article.speakers if s.name == name]
    assert (speaker.role, speaker.affiliation) == (role, affiliation)


def test_the_author_of_a_report_speaks_through_it():
    body = "According to a recent report by The Atlantic, the society keeps a database of the accused."
    _, quotes, names = run(body)
    assert quotes == [("indirect", "Atlantic", "the society keeps a database of the accused")]
    [speaker] = names.values()
    assert (speaker.kind, speaker.role) == ("organisation", None)


@pytest.mark.parametrize("body, role, affiliation", [
    # introduced once, quoted later by surname
    ("The study was led by astronomer Anthony Boccaletti in Paris. Boccaletti said the planet was forming.",
     "astronomer", None),
    ("Labour MP Tom Watson spoke at the rally. Watson said the vote would be close.", "Labour MP", "Labour"),
    ("Graham Cluley, senior technology consultant at Sophos, has warned users. Cluley said the worm was spreading.",
     "senior technology consultant at Sophos", "Sophos"),
    # what the police did to him is no title of his
    ("Yesterday, police arrested John Smith in Leeds. Smith said he was innocent.", None, None),
])
def test_a_speaker_is_described_where_the_article_introduces_them(body, role, affiliation):
    article = annotate(parse_text("Headline — The Paper\n\n" + body + "\n", "a.txt"))
    [speaker] = article.speakers
    assert (speaker.role, speaker.affiliation) == (role, affiliation)


@pytest.mark.parametrize("body, speaker", [
    # what an organisation publishes speaks for it
    ('The Bank of England held rates. "Some members noted that an increase might be warranted in due course," '
     'the minutes said.', "Bank of England"),
    ("Amnesty International published its findings on Monday. The report said prisoners were tortured.",
     "Amnesty International"),
])
def test_an_organisations_report_or_minutes_speak_for_it(body, speaker):
    assert speakers_of(body) == [speaker]


def test_a_clause_is_no_unnamed_speaker():
    from annotator.guard import _can_be_a_name
    assert not _can_be_a_name("he arrived at Spain's High Court earlier on Wednesday", "unnamed")  # (BBC business/506)
    assert _can_be_a_name("officials", "unnamed") and _can_be_a_name("a Coast Guard spokesperson", "unnamed")


@pytest.mark.parametrize("body, speaker", [
    ("The council met on Tuesday. The plan was backed by council leader Jane Smith, who also said the council would "
     "lose money. The vote is next week.", "Jane Smith"),
    ("The council met on Tuesday. The plan was backed by Amnesty International, who said the trial was unfair. "
     "The vote is next week.", "Amnesty International"),
])
def test_who_said_is_the_name_the_relative_clause_hangs_on(body, speaker):
    assert speakers_of(body) == [speaker]


@pytest.mark.parametrize("body, speaker", [
    ('Emma Lee was asked about the plan on Monday. Her reply: "The council cannot afford to wait any longer for this."',
     "Emma Lee"),
    ("The minister was asked about the plan. Emma Lee's verdict: “The council cannot afford to wait any longer.”",
     "Emma Lee"),
])
def test_a_quote_introduced_by_whose_reply_it_is(body, speaker):
    assert speakers_of(body) == [speaker]


@pytest.mark.parametrize("body, speaker, role, content", [
    ("According to a court clerk, arguments in the case would be scheduled as soon as the week of October 21.",
     "a court clerk", "court clerk", "arguments in the case would be scheduled as soon as the week of October 21"),
    ("Solicitor General Jose Calida filed a petition on February 10, accusing the network of violating its franchise.",
     "Jose Calida", "Solicitor General", "the network of violating its franchise"),
    # the words leading to a name are no role of theirs
    ("Excerpts from Bob Woodward's book revealed Trump downplayed the virus in February.",
     "Bob Woodward", None, "Trump downplayed the virus in February"),
])
def test_clerks_accusations_and_no_dangling_roles(body, speaker, role, content):
    article, quotes, names = run(body)
    assert [(who, text) for _, who, text in quotes] == [(speaker, content)]
    assert [s.role for s in names.values()] == [role]


def test_the_object_after_an_inverted_cue_is_no_speaker():
    body = ("Biden called Trump a national embarrassment, while the communications director for the Trump campaign, "
            "Tim Murtaugh, declared victory for Trump.")
    assert ("indirect", "Tim Murtaugh", "victory for Trump") in quotes_of(body)
    assert "Trump" not in speakers_of(body)


@pytest.mark.parametrize("text, names", [
    ("Nigerian banks United Bank of Africa and Standard Trust Bank have agreed to merge.",
     ["United Bank of Africa", "Standard Trust Bank"]),
    ("The Ministry of Defence and the Foreign Office said nothing.", ["Ministry of Defence", "Foreign Office"]),
    # one body with "and" in its name
    ("The Department of Trade and Industry said nothing.", ["Department of Trade and Industry"]),
    ("Marks and Spencer said nothing.", ["Marks and Spencer"]),
])
def test_two_bodies_joined_by_and_are_two_names(text, names):
    from annotator.attribute.names import find_names
    assert [n.text for n in find_names(text, 0, len(text)) if n.kind == "organisation"] == names


def test_he_after_a_spokesman_is_the_spokesman_not_a_man_named_before():
    body = ('Westlife\'s Flying Without Wings was the first number one. A spokesman for the British Phonographic '
            'Industry (BPI) said the chart was due "within the first half of this year". "Work is going on across the '
            'music business right now to make sure the new chart works to plan," he said.')
    assert speakers_of(body) == ["British Phonographic Industry"] * 2


@pytest.mark.parametrize("body, expected", [
    # a wire dateline is no part of the sentence: not of the quote, nor of the speaker's name
    ("LONDON (Reuters) - Finance minister Jane Smith said on Tuesday that the economy would grow.",
     [("indirect", "Jane Smith", "the economy would grow")]),
    ("(Reuters) — The attorney general is investigating the firm, according to two people familiar with the matter.",
     [("indirect", "two people familiar with the matter", "The attorney general is investigating the firm")]),
    ("WASHINGTON (AP) — Senator Tom Brown said the vote would be close.",
     [("indirect", "Tom Brown", "the vote would be close")]),
    ("NEW YORK, Jan 5 (Reuters) - Mayor Jane Smith said the city would recover.",
     [("indirect", "Jane Smith", "the city would recover")]),
    # American copy drops the "on" before a weekday: the day is when it was said, not what
    ("Senator Tom Brown said Tuesday the vote would be close.", [("indirect", "Tom Brown", "the vote would be close")]),
    ("Senator Tom Brown said Friday morning that the vote would be close.",
     [("indirect", "Tom Brown", "the vote would be close")]),
    # "about" a number opens the reported clause, whatever tense its verb is in
    ("Organiser Jane Smith said about 300 people took part.", [("indirect", "Jane Smith", "about 300 people took part")]),
])
def test_wire_datelines_and_weekdays_stay_out_of_quotes(body, expected):
    assert quotes_of(body) == expected


TRANSCRIPT = """Wikinews spoke to the astronomer about the discovery.

((WN)) What prompted your interest in astronomy?

((Anthony Boccaletti)) Because it's fun. It's about objects that are very far from us, and which we never observed before.

((WN)) What did you find?

((Anthony Boccaletti)) We think it's a planet in formation, and then it becomes very important to know how it forms.
"""


def test_each_turn_of_an_interview_transcript_is_its_speakers_direct_quote():
    article, quotes, names = run(TRANSCRIPT)
    assert [(kind, who) for kind, who, _ in quotes] == [("direct", "Wikinews"), ("direct", "Anthony Boccaletti")] * 2
    assert quotes[1][2].startswith("Because it's fun.") and quotes[3][2].endswith("know how it forms.")
    assert {q.channel for q in article.quotes} == {"interview"}
    assert "We think it's a planet" not in " ".join(q.text for q in article.quotes if names[q.speaker].name == "Wikinews")


def test_two_bracketed_names_are_no_transcript():
    body = "((Editor's note)) This story was updated.\n\n((Correction)) An earlier version misspelt a name.\n"
    assert quotes_of(body) == []


@pytest.mark.parametrize("body, role", [
    ("A court clerk said the trial was delayed.", "court clerk"),
    ("One MP said the vote would be close.", "MP"),
    ("Several senior aides said the plan had been dropped.", "senior aides"),
    ("Two people familiar with the matter said the deal was close.", None),  # no job in the description
    ("Critics said the plan would fail.", None),  # a stance, not a job
    ("His daughter said he had died peacefully.", "daughter"),
])
def test_an_unnamed_speaker_takes_the_job_it_is_described_by_as_role(body, role):
    article, quotes, names = run(body)
    [quote] = article.quotes
    assert names[quote.speaker].kind == "unnamed" and names[quote.speaker].role == role
