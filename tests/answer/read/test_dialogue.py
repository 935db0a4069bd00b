"""A conversation's state over the real library: each turn changes one thing, the rest carries,
"back to" restores an earlier subject. Figures come from the guide files named beside them."""

from __future__ import annotations

from answer_support import assert_answered_from

from assistant.answer.pipeline import Assistant
from assistant.answer.types import Message


def _conversation(bot: Assistant, turns: list[str]) -> list[str]:
    """Ask each turn with the ones before it as history; the answers' texts."""
    history: list[Message] = []
    texts = []
    for turn in turns:
        answer = bot.ask(turn, history=history)
        history += [{"role": "user", "content": turn}, {"role": "assistant",
                                                         "content": answer.text}]
        texts.append(answer.text)
    return texts


def test_each_turn_changes_one_thing(library_bot: Assistant) -> None:
    """pinterest/software-engineer.md and pinterest/data-scientist.md, Base and Stock columns."""
    turns = ["Pinterest software engineer base in San Francisco?", "and in New York?",
             "what about data scientists there?", "ok, back to engineers: stock?"]
    texts = _conversation(library_bot, turns)
    assert "$145K–$185K" in texts[0]
    assert "$140K–$178K" in texts[1] and "$145K–$185K" not in texts[1]
    assert "$158K–$198K" in texts[2] and "$140K–$178K" not in texts[2]
    # back to the engineer subject, still in New York, now its stock
    assert "$115K–$190K" in texts[3]
    assert all(f not in texts[3] for f in ("$130K–$245K", "$120K–$200K", "$140K–$178K"))


def test_the_first_subject_comes_back(library_bot: Assistant) -> None:
    """"the first one" is the first company and role; the place and pay part asked last
    carry: doordash/product-manager.md New York City base $192K–$242K (its Sydney base is
    A$158K–A$200K; pinterest/data-scientist.md New York base $158K–$198K)."""
    history: list[Message] = []
    for turn in ["DoorDash product manager base in Sydney?",
                 "Pinterest data scientist base in New York?"]:
        history += [{"role": "user", "content": turn}, {"role": "assistant", "content": "…"}]
    answer = library_bot.ask("ok, back to the first one", history=history)
    assert_answered_from(answer, "doordash/product-manager", "$192K–$242K", "$158K–$198K")
    assert "A$158K–A$200K" not in answer.text


def test_a_question_of_its_own_keeps_the_subject(library_bot: Assistant) -> None:
    """A general question between two follow-ups neither takes nor drops the subject."""
    history: list[Message] = [
        {"role": "user", "content": "DoorDash software engineer base in Sydney?"},
        {"role": "assistant", "content": "A$135K–A$168K"},
        {"role": "user", "content": "can a signing bonus be clawed back if I leave early?"},
        {"role": "assistant", "content": "…"}]
    answer = library_bot.ask("and the stock there?", history=history)
    assert_answered_from(answer, "doordash/software-engineer", "A$95K–A$162K", "$145K–$248K")
    general = library_bot.ask("can a signing bonus be clawed back if I leave early?",
                              history=history[:2])
    assert "A$135K–A$168K" not in general.text and general.guide != "doordash/software-engineer"


def test_one_level_up_then_that_level(library_bot: Assistant) -> None:
    """microsoft/product-manager.md rows by level: 61-62 Senior PM base $155K - $220K; 63
    Principal PM base $195K - $260K, signing bonus $40K - $75K; 64 base $220K - $280K."""
    texts = _conversation(library_bot, ["Microsoft senior product manager base?",
                                        "ok, one level up?",
                                        "and the sign-on at that level?",
                                        "one level down from there?"])
    assert "$155K - $220K" in texts[0]
    assert "$195K - $260K" in texts[1] and "$155K - $220K" not in texts[1]
    assert "$220K - $280K" not in texts[1]
    assert "$40K - $75K" in texts[2] and "$25K - $55K" not in texts[2]
    assert "$25K - $55K" in texts[3] and "$40K - $75K" not in texts[3]


def test_a_rung_and_a_place_change_carry(library_bot: Assistant) -> None:
    """amazon/software-engineer.md "L5 SDE II | Seattle" total comp $220K-$370K;
    amazon/senior-software-engineer.md (SDE III) Seattle total comp $330K-$520K; the counter
    question carries to the next place: snowflake/software-engineer.md Warsaw base."""
    texts = _conversation(library_bot, ["Amazon SDE2 in Seattle, total comp?", "and SDE3?"])
    assert "$220K-$370K" in texts[0] and "$330K-$520K" in texts[1]
    assert "$220K-$370K" not in texts[1] and "no guide" not in texts[1]
    texts = _conversation(library_bot, ["Snowflake software engineer Toronto base",
                                        "how do I counter?", "what about in Warsaw?"])
    assert "PLN 280K–420K" in texts[2] and "Negotiate Up" in texts[2]


def test_a_seniority_word_and_steps_of_two(library_bot: Assistant) -> None:
    """google/senior-software-engineer.md New York City base $185K–$260K (its software
    engineer guide's $148K–$210K); microsoft/product-manager.md: 61-62 Senior PM, 63, 64 base
    $220K - $280K is two rows above 61-62."""
    texts = _conversation(library_bot, ["Google software engineer base in New York?",
                                        "what about senior?"])
    assert "$185K–$260K" in texts[1] and "$148K–$210K" not in texts[1]
    texts = _conversation(library_bot, ["Microsoft senior product manager base?",
                                        "two levels up?"])
    assert "$220K - $280K" in texts[1] and "$195K - $260K" not in texts[1]


def test_compare_that_with_another_company(library_bot: Assistant) -> None:
    """stripe/software-engineer.md New York base $178K–$225K; coinbase/software-engineer.md New
    York base $160K-$190K; airbnb/software-engineer.md New York base $175K–$218K."""
    texts = _conversation(library_bot, ["Stripe software engineer base in New York?",
                                        "how does that compare with Coinbase?"])
    assert "$178K–$225K" in texts[1] and "$160K-$190K" in texts[1]
    texts = _conversation(library_bot, ["Stripe software engineer base in New York?",
                                        "is that more than Airbnb pays?"])
    assert "$178K–$225K" in texts[1] and "$175K–$218K" in texts[1]


def test_one_level_up_from_a_guide_with_one_band(library_bot: Assistant) -> None:
    """meta/software-engineer.md (E3/E4) "| London (UK) | $125K–$175K |" has no level rows:
    one level up is its senior guide (E5) "| London (UK) | $160K–$225K |", then its staff
    guide (E6) "| London (UK) | $195K–$275K |"."""
    texts = _conversation(library_bot, ["Meta software engineer base in London",
                                        "one level up?", "and one more level up?"])
    assert "$125K–$175K" in texts[0]
    assert "$160K–$225K" in texts[1] and "$125K–$175K" not in texts[1]
    assert "$195K–$275K" in texts[2] and "$160K–$225K" not in texts[2]


def test_one_level_up_from_a_coded_level(library_bot: Assistant) -> None:
    """google/software-engineer.md's band is for L3-L4 ("| Seattle / Kirkland | $145K–$205K"):
    one up from L4 is L5, google/senior-software-engineer.md "| Seattle / Kirkland |
    $180K–$250K |"."""
    texts = _conversation(library_bot, ["Google L4 Seattle base", "and one level up?"])
    assert "$145K–$205K" in texts[0]
    assert "$180K–$250K" in texts[1] and "$145K–$205K" not in texts[1]


def test_a_seniority_word_moves_to_the_next_company_as_its_own(library_bot: Assistant) -> None:
    """"senior" is every company's word: at Airbnb it is airbnb/senior-software-engineer.md
    ("| New York | $215K–$268K |"), never its software engineer guide's $175K–$218K."""
    texts = _conversation(library_bot, ["stripe swe base in nyc", "and the senior one?",
                                        "what about at airbnb?"])
    assert "$215K–$268K" in texts[2] and "$175K–$218K" not in texts[2]
    assert "not read as any" not in texts[2]


def test_a_common_word_company_ending_a_follow_up_is_the_company(
        library_bot: Assistant) -> None:
    """box/staff-software-engineer.md: "| New York | $201K–$254K |"."""
    texts = _conversation(library_bot, ["Snowflake staff software engineer base in New York?",
                                        "and at box?"])
    assert "$201K–$254K" in texts[1]


def test_a_comparison_stays_one_and_takes_a_company_added(library_bot: Assistant) -> None:
    """uber/software-engineer.md and lyft/software-engineer.md "| New York |" base $178K–$222K
    and $125K–$158K; airbnb/software-engineer.md "| New York | $175K–$218K |"."""
    texts = _conversation(library_bot, ["Uber vs Lyft software engineer base in San Francisco",
                                        "and in New York?", "add airbnb too"])
    assert "$178K–$222K" in texts[1] and "$125K–$158K" in texts[1]
    assert "$172K–$215K" not in texts[1]  # San Francisco's, no longer asked
    assert all(f in texts[2] for f in ("$178K–$222K", "$125K–$158K", "$175K–$218K"))


def test_both_companies_stay_when_the_place_changes(library_bot: Assistant) -> None:
    """palo-alto-networks/ and check-point/senior-software-engineer.md level tables, Senior
    (L5): Tel Aviv ₪590,000–₪780,000 and ₪530,000–₪700,000; London £105,000–£140,000 and
    £95,000–£125,000."""
    texts = _conversation(library_bot, [
        "Palo Alto Networks senior software engineer pay in Tel Aviv",
        "compare with Check Point", "what about London for both?"])
    assert "₪590,000–₪780,000" in texts[1] and "₪530,000–₪700,000" in texts[1]
    assert "£105,000–£140,000" in texts[2] and "£95,000–£125,000" in texts[2]
    assert "₪" not in texts[2]


def test_compare_that_with_another_place_keeps_the_first(library_bot: Assistant) -> None:
    """tsmc/software-engineer.md: "| Phoenix AZ | $115K–$148K |", "| San Jose | $125K–$160K |"."""
    texts = _conversation(library_bot, ["TSMC software engineer base in Phoenix",
                                        "compare that with San Jose"])
    assert "$115K–$148K" in texts[1] and "$125K–$160K" in texts[1]


def test_what_a_common_word_company_pays_there_is_its_own(library_bot: Assistant) -> None:
    """grab/software-engineer.md has no Ho Chi Minh City row; sea-group's must not stand in."""
    texts = _conversation(library_bot, ["sea group software engineer total comp in ho chi minh "
                                        "city", "what does grab pay there?"])
    assert "VND" in texts[0]
    assert "Grab Software Engineer guide has no figures for ho chi minh city" in texts[1]
    assert "VND" not in texts[1]


def test_one_level_up_from_a_seniority_word_is_the_next_rank(library_bot: Assistant) -> None:
    """box/senior-software-engineer.md "| Redwood City | $168K–$208K |", then
    box/staff-software-engineer.md "| Redwood City | $195K–$242K |"."""
    texts = _conversation(library_bot, ["Box software engineer base in Redwood City",
                                        "and senior?", "one level up"])
    assert "$168K–$208K" in texts[1]
    assert "$195K–$242K" in texts[2] and "$168K–$208K" not in texts[2]


def test_switch_to_a_role_and_add_a_place(library_bot: Assistant) -> None:
    """lyft/data-scientist.md "| New York | $145K–$183K |"; uber/software-engineer.md
    "| San Francisco | $172K–$215K |" and "| New York | $178K–$222K |"."""
    texts = _conversation(library_bot, ["lyft software engineer base in new york",
                                        "switch to data scientist"])
    assert "$145K–$183K" in texts[1]
    texts = _conversation(library_bot, ["uber software engineer base in new york",
                                        "add san francisco too"])
    assert "$178K–$222K" in texts[1] and "$172K–$215K" in texts[1]


def test_a_rank_said_in_a_follow_up_opens_that_ranks_guide(library_bot: Assistant) -> None:
    """stripe/staff-software-engineer.md "| New York | $268K–$335K |" (its senior guide's New
    York base is $215K–$268K); lyft/senior-software-engineer.md "| New York | $162K–$205K |"
    (its staff guide's is $200K–$252K): neither guide's bands stand in for the other rank."""
    texts = _conversation(library_bot, ["what's the base for a senior SWE at Stripe in SF?",
                                        "and in NYC?", "what about staff?"])
    assert "$268K–$335K" in texts[2] and "$215K–$268K" not in texts[2]
    assert "Stripe Staff Software Engineer" in texts[2]
    texts = _conversation(library_bot, ["what's the base for a staff eng at lyft in nyc",
                                        "what about senior"])
    assert "$200K–$252K" in texts[0]
    assert "$162K–$205K" in texts[1] and "$200K–$252K" not in texts[1]


def test_a_company_alone_in_a_follow_up_is_the_new_subject(library_bot: Assistant) -> None:
    """"and apple?" after Google L5: apple/senior-software-engineer.md (ICT4 = Google L5)
    "| NYC / Boston | ... | $255K–$405K |", not Google's $280K–$445K again; "how does
    anthropic compare": anthropic/senior-software-engineer.md "| San Francisco | $250K-$315K"
    beside openai/senior-software-engineer.md "| San Francisco | $225K–$285K"."""
    texts = _conversation(library_bot, ["google L5 nyc total comp", "and apple?"])
    assert "$255K–$405K" in texts[1] and "$280K–$445K" not in texts[1]
    assert "Data Engineer" not in texts[1]  # the software engineer's, not every Apple role's
    texts = _conversation(library_bot, ["openai senior swe sf base", "how does anthropic compare"])
    assert "$250K-$315K" in texts[1] and "$225K–$285K" in texts[1]


def test_an_offer_told_after_a_look_up_is_placed_in_its_band(library_bot: Assistant) -> None:
    """pinterest/data-scientist.md "| Remote US | $145K–$182K |": ($175K − $145K) ÷ $37K =
    81%; the offer had been read as a general question of its own."""
    texts = _conversation(library_bot, ["pinterest data scientist remote us base",
                                        "i have an offer at 175k base"])
    assert "= $30K ÷ $37K = 81%" in texts[1] and "do not cover" not in texts[1]


def test_a_counter_asked_after_the_offer_uses_it(library_bot: Assistant) -> None:
    """bytedance/senior-software-engineer.md's script asks for "RSUs at $[Y+100K]": with the
    150k RSUs said a turn before, $150K + $100K = $250K, not the band's midpoint."""
    texts = _conversation(library_bot, ["bytedance senior swe nyc base",
                                        "they offered me 200k base, 150k rsu and 15% bonus",
                                        "how do i counter?"])
    assert "Stock ask: $150K + $100K = $250K" in texts[2]
    assert "not given" not in texts[2]


def test_short_questions_about_the_subject_are_follow_ups(library_bot: Assistant) -> None:
    """"which is higher?" after a comparison compares again, and "what should i ask for?"
    after an offer counters it; both had been read as general questions nothing answers."""
    texts = _conversation(library_bot, ["block swe sf base", "vs stripe?", "which is higher?"])
    assert "do not cover" not in texts[2] and "Stripe" in texts[2] and "Block" in texts[2]
    texts = _conversation(library_bot, ["paypal swe san jose base", "they offered 150k base",
                                        "what should i ask for?"])
    assert "do not cover" not in texts[2] and "$130,000-$175,000" in texts[2]


def test_a_follow_up_opening_with_another_language_s_and(library_bot: Assistant) -> None:
    """After an English question, "e em toronto?" is Portuguese ("em" is "in", no
    Engineering Manager): shopify/software-engineer.md "| Toronto | C$155K–C$195K |" (the
    EM guide's Toronto base C$195K–C$252K is another role's); "und in new york?" is German:
    reddit/software-engineer.md "| New York | $168K–$205K |"."""
    texts = _conversation(library_bot, ["shopify swe sf base", "e em toronto?"])
    assert "C$155K–C$195K" in texts[1] and "C$195K–C$252K" not in texts[1]
    texts = _conversation(library_bot, ["reddit swe sf base", "und in new york?"])
    assert "$168K–$205K" in texts[1] and "$162K–$198K" not in texts[1]  # not SF's again


def test_a_company_without_a_guide_in_a_follow_up_is_said(library_bot: Assistant) -> None:
    """"and grubhub?" after Instacart: the library has no Grubhub guide, which is said; the
    Instacart band ($130K–$165K, instacart/software-engineer.md) is not shown again."""
    texts = _conversation(library_bot, ["instacart swe sf base", "and grubhub?"])
    assert "no guide for “grubhub”" in texts[1] and "$130K–$165K" not in texts[1]
    texts = _conversation(library_bot, ["databricks ds sf base", "and at linkedin?"])
    assert "no guide for “linkedin”" in texts[1]


def test_a_comparison_after_a_total_comp_question_compares_total_comp(
        library_bot: Assistant) -> None:
    """"vs airbnb?" after "doordash swe sf tc": total comp only; airbnb/software-engineer.md's
    San Francisco base ($175K–$218K) was not asked."""
    texts = _conversation(library_bot, ["doordash swe sf tc", "vs airbnb?"])
    assert "$215K–$286K" in texts[1] and "$175K–$218K" not in texts[1]


def test_an_offer_without_a_currency_stays_with_its_place(library_bot: Assistant) -> None:
    """"200k" said of New York is not placed in google/software-engineer.md's London pound
    band (£75K–£135K) when the place changes; with its place kept it is the same offer."""
    texts = _conversation(library_bot, ["is 200k base good for a google swe in nyc?",
                                        "and in london?"])
    assert "£75K–£135K" in texts[1] and "Your base of 200k" not in texts[1]
