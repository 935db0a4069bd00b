"""Counter: what to ask for, from the guide's own script and levers and the articles' tactics.

Example:
    >>> lines = counter_lines(retrieved, guide, cites)
    >>> lines[0][:40]
    '**Strongest levers** (Alibaba ML/AI Eng'

The band of the asked row and the placement of the person's figures come first (figures.py);
then the guide's Negotiate Up script, quoted whole, which is where any suggested ask comes
from (its "$60K sign-on"); then the guide's first levers, and the article paragraph that best
answers the question. No figure is suggested that the guide does not write.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.answer.evidence import FromGuide, Retrieved
from assistant.answer.kinds.advice import topic_words
from assistant.answer.kinds.base import Job, articles_within
from assistant.answer.kinds.figures import FiguresAnswer, quoted_scope, with_passages
from assistant.answer.pick.hits import section_hit
from assistant.answer.pick.paragraphs import FLOOR, choose
from assistant.answer.pick.sections import levers_section, topic_sections
from assistant.answer.pick.wordforms import mentions
from assistant.answer.read.levels import holds
from assistant.answer.types import Hit
from assistant.answer.write.citations import Citations
from assistant.answer.write.plan import fill_script
from assistant.answer.write.quoting import quote
from assistant.answer.write.scope import NO_FIGURES, within
from assistant.corpus.model import COMPONENTS, Guide
from assistant.corpus.words.wording import guide_label

LEVERS_QUOTED = 2
COUNTER_TERMS = "counter negotiate negotiation tactics leverage competing offer"
_ITEM = re.compile(r"^\s*(?:\d+[.)]|[-*])\s+")


class CounterAnswer(FiguresAnswer):
    """One guide's band for the asked place, its Negotiate Up script and levers, a tactic."""

    def gather(self, job: Job) -> Retrieved:
        """The guide's rows, its script sections, and the articles' paragraph on the tactic."""
        evidence = super().gather(job)
        assert isinstance(evidence, FromGuide), evidence
        guide = evidence.guide
        sections = topic_sections(guide, "script")
        level = job.reading.level_asked
        leveled = [s for s in sections if level is not None and holds(level, s.title)]
        # a script per level ("Negotiate Up Strategy (L5 SDE II)"): the asked level's only
        script = [section_hit(guide, s, 1.0) for s in leveled or sections]
        # the articles, read whole (no search), for the tactic the question's own words ask
        # about beyond company, role and place
        articles = articles_within(job.tools.library, frozenset({guide.company}))
        tactic = _asked_about(job, guide, articles, {s.anchor for s in sections})
        asked = f"{' '.join(job.reading.leftover)} {COUNTER_TERMS}"
        # a tactic for "how do I counter?" must hold a word of countering ("Alibaba plans to
        # hire 1,000 AI professionals" is news, not a tactic)
        tactic = tactic or [h for h in choose([], asked, 1, articles)
                            if mentions(h.text, COUNTER_TERMS.split())]
        return with_passages(evidence, (*script, *tactic))

    def passages(self, job: Job, guide: Guide) -> tuple[Hit, ...]:
        """None of the guide's searched sections: `gather` quotes its script instead."""
        return ()

    def wanted(self, r: FromGuide, cites: Citations) -> tuple[list[str], list[str]]:
        """The held components once a region, level or offer narrows it to rows; else a
        line asking for the region."""
        guide = r.guide
        narrowed = bool(r.region or r.stated or len(guide.rows) == 1 or r.level_missing)
        held = [c for c in COMPONENTS if any(row.figure(c) for row in r.rows)]
        asked = [a for a in r.asks if a in COMPONENTS]
        if narrowed or not guide.rows:
            return ((asked or held) if narrowed else []), []
        return [], [f"Name your region (and level) to see its band and where your offer sits "
                    f"in it; the {guide_label(guide)} guide covers: "
                    f"{', '.join(reg.raw for reg in guide.regions())} "
                    f"{cites.mark(guide, guide.rows[0].section_anchor)}"]

    def quotes_sections(self, r: FromGuide) -> bool:
        """Always: the script is the answer's core."""
        return True

    def _topic_lines(self, r: FromGuide, guide: Guide, cites: Citations) -> list[str]:
        """The script as a plan with the person's numbers where it has placeholders and one
        row is asked (plan.py); else the guide's sections as the figures answer quotes them."""
        scripts = _scripts(r.passages, guide)
        plans = [(h, p) for h in scripts[:1] if len(r.rows) == 1
                 and (p := fill_script(h.text, r.rows[0], r.stated)) is not None]
        if not plans:
            return super()._topic_lines(replace(r, passages=tuple(scripts)), guide, cites)
        hit, plan = plans[0]
        title = hit.section.title if hit.section else "Negotiate Up"
        quoted = "\n".join(f"> {line}" if line else ">" for line in plan.text.strip()
                           .splitlines())
        lines = [f"**Counter plan**: the guide's {title} with your numbers "
                 f"{cites.mark(guide, hit.anchor)}\n{quoted}"]
        if plan.workings:
            lines.append("How the figures were filled:\n" + "\n".join(
                f"- {w}" for w in plan.workings))
        return lines

    def closing(self, r: FromGuide, cites: Citations) -> list[str]:
        """The guide's strongest levers and the articles' tactic."""
        return counter_lines(r, r.guide, cites)


COUNTER = CounterAnswer()


def counter_lines(r: FromGuide, guide: Guide, cites: Citations) -> list[str]:
    """The guide's strongest levers and the articles' tactic for a counter question."""
    lines = []
    levers = levers_section(guide)
    if levers is not None:
        scope = quoted_scope(r, guide)  # a lever's figures of rows not shown are left out
        items = [kept for line in levers.text.splitlines() if _ITEM.match(line)
                 and (kept := within(line.strip(), scope))]
        if items:
            quoted = "\n".join(f"> {item}" for item in items[:LEVERS_QUOTED])
            lines.append(f"**Strongest levers** ({guide_label(guide)}, its first "
                         f"{min(LEVERS_QUOTED, len(items))} of {len(items)}) "
                         f"{cites.mark(guide, levers.anchor)}\n{quoted}")
    scripts = _scripts(r.passages, guide)
    for hit in [h for h in r.passages if h.guide.kind != "article" and h not in scripts][:1]:
        said = quote(hit, cites, r.question, quoted_scope(r, guide))
        if said:
            lines.append("What the guide says on what you asked: " + said)
    for hit in article_hits(r.passages)[:1]:
        said = quote(hit, cites, r.question, NO_FIGURES)  # its examples are others' pay
        if said:
            lines.append("From the articles: " + said)
    return lines


def _asked_about(job: Job, guide: Guide, articles: list[Guide], scripts: set[str]
                 ) -> list[Hit]:
    """The paragraph of the guide (beyond its script) or of the articles that answers what the
    question asks beyond company, role and place ("what should the relocation package
    include?"), held to advice's relevance floor and anchor; none when nothing is asked
    beyond them or nothing answers."""
    tools = job.tools
    if not tools.meaningful or tools.embed is None or not job.reading.leftover:
        return []
    rest = replace(guide, sections=tuple(s for s in guide.sections if s.anchor not in scripts))
    return choose([], job.reading.question, 1, [*articles, rest], tools.embed, FLOOR,
                  topic_words(job.reading), anchor=True)


def _scripts(passages: tuple[Hit, ...], guide: Guide) -> list[Hit]:
    """The passages that are the guide's Negotiate Up script."""
    anchors = {s.anchor for s in topic_sections(guide, "script")}
    return [h for h in passages if h.guide.kind != "article" and h.anchor in anchors]


def article_hits(passages: tuple[Hit, ...]) -> list[Hit]:
    """The passages that come from general articles, not from the guide."""
    return [h for h in passages if h.guide.kind == "article"]
