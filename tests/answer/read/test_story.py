"""A long message with an offer in it, over the real library: the offer is placed in the
offering company's band, a company named without figures is mentioned (never tabled), and the
person's current pay is not placed. Bands are the guide files' own."""

from __future__ import annotations

from assistant.answer.pipeline import Assistant


def test_the_offer_is_placed_and_the_other_company_mentioned(library_bot: Assistant) -> None:
    """reddit/software-engineer.md New York base $168K–$205K: ($180K − $168K) ÷ $37K = 32%."""
    answer = library_bot.ask("Reddit offered me $180K base as a software engineer in New York. "
                             "Etsy is also talking to me but nothing concrete. Is the Reddit "
                             "base good?")
    assert (answer.status, answer.guide) == ("answered", "reddit/software-engineer")
    assert "$168K–$205K" in answer.text and "32%" in answer.text
    assert "Etsy" in answer.text  # mentioned
    assert "$158K–$195K" not in answer.text and "etsy/" not in str(answer.citations)


def test_current_pay_is_not_placed(library_bot: Assistant) -> None:
    """etsy/software-engineer.md San Francisco base $165K–$202K: ($170K − $165K) ÷ $37K = 14%;
    the $140K of the current job would be below the band, and is not the offer."""
    answer = library_bot.ask("Etsy offered $170K base for a software engineer in San Francisco. "
                             "My current salary is $140K. Is it fair?")
    assert "14%" in answer.text and "$165K–$202K" in answer.text
    assert "$140K" not in answer.text and "below the low end" not in answer.text


def test_two_offers_are_each_placed_in_their_own_band(library_bot: Assistant) -> None:
    """wise/software-engineer.md London base £55,000 – £75,000; revolut/software-engineer.md
    London base £55,000 – £80,000. "Revolut offered £90k" takes the part of the offer before
    it (base): each is above its own band's high end by £10K."""
    answer = library_bot.ask("Wise offered £85k base for a software engineer in London, and "
                             "Revolut offered £90k. Which is better?")
    assert "Wise: **Your base of £85k** is above the high end" in answer.text
    assert "Revolut: **Your base of £90k** is above the high end" in answer.text
    assert "£85K − £75K = £10K" in answer.text and "£90K − £80K = £10K" in answer.text


def test_a_company_the_library_lacks_is_said_not_dropped(library_bot: Assistant) -> None:
    """spotify/product-manager.md London base £141K–£179K; the library has no Deliveroo."""
    answer = library_bot.ask("which pays more for PMs in London, Spotify or Deliveroo?")
    assert "£141K–£179K" in answer.text and "no guide for “Deliveroo”" in answer.text


def test_fixed_and_variable_in_lakhs(library_bot: Assistant) -> None:
    """salesforce/software-engineer.md Hyderabad base ₹22L–₹35L: (30 − 22) ÷ 13 = 62%; "30 LPA
    fixed" is base, not total comp (whose band is ₹34L–₹57L)."""
    answer = library_bot.ask("Salesforce offer: 30 LPA fixed plus 8 LPA variable, software "
                             "engineer in Hyderabad. Good?")
    assert "**Your base of 30 LPA** is 62%" in answer.text and "₹34L − ₹30L" not in answer.text


def test_an_offer_told_after_the_current_job_is_placed(library_bot: Assistant) -> None:
    """"I currently work at Google and Stripe offered me $190K": the figure is Stripe's offer,
    not current pay. stripe/software-engineer.md New York base $178K–$225K: ($190K − $178K) ÷
    $47K = 26%; google/software-engineer.md New York City base $148K–$210K is not asked."""
    answer = library_bot.ask("I currently work at Google and Stripe offered me $190K base for a "
                             "software engineer role in New York. Is that good?")
    assert answer.guide == "stripe/software-engineer"
    assert "$178K–$225K" in answer.text and "26%" in answer.text
    assert "$148K–$210K" not in answer.text and "google/" not in str(answer.citations)


def test_where_the_person_works_is_said_not_tabled(library_bot: Assistant) -> None:
    """"I'm at Google right now and interviewing with Reddit": about Reddit. reddit/
    software-engineer.md New York base $168K–$205K; Google's $148K–$210K is not asked."""
    answer = library_bot.ask("I'm at Google right now and interviewing with Reddit for a "
                             "software engineer role in New York. What's the base range?")
    assert (answer.status, answer.guide) == ("answered", "reddit/software-engineer")
    assert "$168K–$205K" in answer.text and "You work at Google" in answer.text
    assert "$148K–$210K" not in answer.text and "google/" not in str(answer.citations)
    compared = library_bot.ask("I work at Google. Compare Reddit vs Google software engineer "
                               "base in New York.")
    assert "$168K–$205K" in compared.text and "$148K–$210K" in compared.text  # asked: kept


def test_does_the_other_company_pay_more_is_a_comparison(library_bot: Assistant) -> None:
    """"I work at Google; does Meta pay more ...": both bands, not a level mapping.
    google/senior-software-engineer.md Seattle / Kirkland base $180K–$250K; meta/
    senior-software-engineer.md US (Seattle / Austin) base $185K–$255K."""
    answer = library_bot.ask("I work at Google; does Meta pay more for a senior software "
                             "engineer in Seattle?")
    assert "$180K–$250K" in answer.text and "$185K–$255K" in answer.text
    assert "$255K − $250K = $5K" in answer.text


def test_an_or_between_two_choices_is_no_comparison_of_companies(
        library_bot: Assistant) -> None:
    """"... should I mention what I make or wait?": the "or" weighs two things to do, so the
    answer is about the company interviewing, not a Spotify vs Pinterest table."""
    answer = library_bot.ask("I work at Spotify now and I'm talking to Pinterest about a data "
                             "scientist job. Should I mention what I make or wait?")
    assert answer.intent == "advice" and "You work at Spotify" in answer.text
    assert "spotify/" not in str(answer.citations)
    assert not any(line.startswith("|") for line in answer.text.splitlines())


def test_a_company_named_only_before_the_question_is_what_the_person_holds(
        library_bot: Assistant) -> None:
    """"I hold a Reddit offer already. Will Lyft match it ...?": about Lyft, Reddit in a note.
    lyft/software-engineer.md New York base $125K–$158K; reddit/software-engineer.md New York
    base $168K–$205K is not asked. Asked whether Lyft pays more, both bands are shown."""
    answer = library_bot.ask("I hold a Reddit offer already. Will Lyft match it for a software "
                             "engineer in New York?")
    assert answer.guide == "lyft/software-engineer" and "$125K–$158K" in answer.text
    assert "You also mention Reddit" in answer.text and "$168K–$205K" not in answer.text
    compared = library_bot.ask("I hold a Reddit offer already. Does Lyft pay more for a "
                               "software engineer in New York?")
    assert "$125K–$158K" in compared.text and "$168K–$205K" in compared.text


def test_the_offer_beside_where_the_person_works_is_the_one_placed(
        library_bot: Assistant) -> None:
    """google/senior-software-engineer.md "| London | £120K–£180K | £130K–£320K |": (£150K −
    £120K) ÷ £60K = 50%. Stripe is where the person works (no Stripe band), Seattle where
    they are, and the offer's sentence names no company."""
    answer = library_bot.ask(
        "Hi! I've been at Stripe for 4 years as a backend engineer in Seattle and I just got an "
        "offer from Google for a Senior Software Engineer (L5) role in London. The offer is "
        "£150,000 base, £200K in RSUs over 4 years, 15% target bonus and a £20K sign-on. I'm "
        "relocating from Seattle in March 2026. Is this fair?")
    assert answer.guide == "google/senior-software-engineer"
    assert "(£150K − £120K) ÷ (£180K − £120K) = £30K ÷ £60K = 50%" in answer.text
    assert "$180K–$250K" not in answer.text  # Google's Seattle row
    assert "stripe/" not in str(answer.citations)


def test_where_the_person_lives_is_not_the_jobs_region(library_bot: Assistant) -> None:
    """grab/software-engineer.md "| Singapore (HQ) | SGD 100K–SGD 160K |": (S$130K − S$100K)
    ÷ S$60K = 50%; its Jakarta row (IDR) is where the person is, not the offer's. And an own
    level said before the offer ("I'm a Google L4") is not the offer's: uber/senior-software-
    engineer.md "| New York | $215K–$268K |", ($240K − $215K) ÷ $53K = 47%."""
    answer = library_bot.ask("Grab software engineer offer in Singapore: SGD 130K base, RSUs "
                             "SGD 60K over 4 years, bonus 12%. I'm in Jakarta right now. How "
                             "should I counter?")
    assert "= S$30K ÷ S$60K = 50%" in answer.text and "IDR" not in answer.text
    answer = library_bot.ask("I'm a Google L4 in Mountain View making $190K. Uber offered me "
                             "Senior Software Engineer in New York: $240K base, $300K RSUs over "
                             "4 years. Is it good?")
    assert answer.guide == "uber/senior-software-engineer"
    assert "= $25K ÷ $53K = 47%" in answer.text and "San Francisco" not in answer.text
