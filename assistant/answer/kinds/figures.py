"""Figures: one guide's bands for the asked places and level, quoted verbatim and cited.

Example:
    >>> evidence = FIGURES.gather(job)            # FromGuide: rows and passages of one guide
    >>> FIGURES.write(evidence, date(2026, 11, 22)).text.splitlines()[0]
    '**Alibaba ML/AI Engineer — Seattle (US)** (USD): base $165K–$235K, ... [1]'

Pay figures come from a structured look-up of the routed guide's rows, filtered by place and
level (pick/rows.py), never from another guide; passages come from the same guide's sections,
by topic and by lexical search. The writer copies each figure as the guide writes it, says
which component or place the guide lacks, places the person's own figures (placement.py),
and quotes the sections a topic asks for. This answerer also serves a topic of one guide
(levers, script, level mapping, ESPP), a placement, and a guide answer of any other kind.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from assistant.answer.evidence import FromGuide, Retrieved, asked_fields
from assistant.answer.kinds.base import Job, markdown, noted
from assistant.answer.kinds.placement import mark_stated, placements
from assistant.answer.pick.hits import dedupe, section_hit
from assistant.answer.pick.rows import select_rows
from assistant.answer.pick.sections import SIGN_ON, sign_on_sentences, topic_sections
from assistant.answer.read.levels import holds, levels_of, read_level, row_label
from assistant.answer.read.places import AskedPlace
from assistant.answer.read.reading import Resolved
from assistant.answer.types import Answer, Band, Hit
from assistant.answer.write.cells import band_of, with_basis
from assistant.answer.write.cells import where as where_of
from assistant.answer.write.citations import Citations
from assistant.answer.write.freshness import freshness_fields, freshness_line
from assistant.answer.write.quoting import quote_all
from assistant.answer.write.scope import NO_FIGURES, Scope, scope_of
from assistant.corpus.model import COMPONENT_LABELS, COMPONENTS, CompRow, Guide
from assistant.corpus.words.vocabulary import is_levelish
from assistant.corpus.words.wording import guide_label
from assistant.errors import IndexMissingError

MAX_ROWS = 8
FREE_TEXT_WORDS = 2
TEXT_TOPICS = frozenset({"levers", "script", "level_mapping", "espp", "refreshers"})
ROW_PARTS = frozenset({"base", "stock", "bonus", "total_comp"})  # read from rows alone


class FiguresAnswer:
    """Gathers one guide's rows and sections; writes its bands, gaps and quoted topics."""

    def gather(self, job: Job) -> Retrieved:
        """The routed guide's rows for the asked places and level, and its passages."""
        guide = job.tools.library.guide(job.route.guide_id)
        if guide is None:  # the vocabulary names it, so only a damaged catalog gets here
            raise IndexMissingError(f"Guide {job.route.guide_id!r} is missing from the index "
                                    "catalog: rebuild with `assistant index --rebuild`.")
        reading = job.reading
        places = reading.places or _legacy_place(reading)
        picked = select_rows(guide, places, reading.level_asked, job.tools.lexicon,
                             job.tools.library)
        rows = tuple(picked.rows)
        return FromGuide(
            **{**asked_fields(job.asked), "notes": (*job.asked.notes, *picked.notes)},
            guide=guide, rows=rows,
            passages=self.passages(job, guide) if reads_sections(reading, rows) else (),
            region=places[0].typed if places else "", region_missing=picked.region_missing,
            missing_places=picked.missing, inside=tuple(picked.inside.items()),
            level_missing=picked.level_missing,
            free_text=len(reading.leftover) >= FREE_TEXT_WORDS)

    def passages(self, job: Job, guide: Guide) -> tuple[Hit, ...]:
        """The guide's sections that hold the asked topics, else those search finds."""
        reading, library = job.reading, job.tools.library
        hits: list[Hit] = []
        ranks: dict[str, int] = {}
        for topic in reading.asks:
            found = topic_sections(guide, topic)
            if len(found) > 1 and not ranks:  # ranked by search only when there is a choice
                ranks = {s.anchor: i for i, (s, _) in
                         enumerate(library.sections(guide).search(reading.question, 50))}
            for section in sorted(found, key=lambda s: ranks.get(s.anchor, 99)):
                if topic == "signing_bonus" and not SIGN_ON.search(section.text):
                    continue
                hits.append(section_hit(guide, section, 1.0))
        if not reading.asks or not hits and "espp" not in reading.asks:
            tables = {r.section_anchor for r in guide.rows}  # shown as rows, never quoted whole
            for section, score in library.sections(guide).search(reading.question, job.k):
                if section.anchor not in tables:
                    hits.append(section_hit(guide, section, score))
        return tuple(dedupe(hits)[:job.k])

    def write(self, evidence: Retrieved, today: date) -> Answer:
        """The guide's bands and what it lacks, with the freshness line when overdue."""
        assert isinstance(evidence, FromGuide), evidence
        cites = Citations()
        notes = noted(evidence)
        guide = evidence.guide
        bands: list[Band] = []
        fresh = ""
        if guide.kind != "article":
            lines = self.lines(evidence, cites, bands)
            fresh = freshness_line(guide, today)
        else:
            lines = quote_all(list(evidence.passages[:3]), cites, evidence.question) or [
                "The library's guides and articles do not cover this question."]
        return Answer(question=evidence.question, status="answered",
                      text=markdown(notes, lines, fresh), citations=cites.all(),
                      suggestions=evidence.suggestions, bands=tuple(bands), guide=guide.id,
                      freshness=freshness_fields(guide), notes=notes, freshness_note=fresh,
                      intent=evidence.kind)

    def wanted(self, r: FromGuide, cites: Citations) -> tuple[list[str], list[str]]:
        """The components to show, and any lines written before the bands."""
        asked = [a for a in r.asks if a in COMPONENTS]
        return asked or ([] if _topic_only(r.asks) else list(COMPONENTS)), []

    def quotes_sections(self, r: FromGuide) -> bool:
        """True when the guide's sections are quoted under its bands."""
        return any(a in TEXT_TOPICS for a in r.asks) or (
            not r.asks and not r.region_missing and (r.free_text or not r.rows))

    def closing(self, r: FromGuide, cites: Citations) -> list[str]:
        """Lines after everything else (a counter's levers and tactic)."""
        return []

    def lines(self, r: FromGuide, cites: Citations, bands: list[Band]) -> list[str]:
        """The body: bands, placements, gaps, sign-on mentions, topics, closing lines."""
        guide = r.guide
        wanted, lines = self.wanted(r, cites)
        if wanted and r.rows:
            lines += _row_lines(list(r.rows[:MAX_ROWS]), wanted, guide, cites, bands)
            if len(r.rows) > MAX_ROWS:
                lines.append(f"({len(r.rows) - MAX_ROWS} more bands in the guide; name a "
                             "region or level to narrow.)")
            lines += placements(r.stated, list(r.rows[:MAX_ROWS]), guide, cites)
        if r.missing_places:
            lines.append(_not_covered(r, guide, cites))
        if r.level_missing:
            lines.append(_level_missing(r, guide, cites))
        if "signing_bonus" in r.asks:
            lines += _sign_on_mentions(r.passages, cites, quoted_scope(r, guide))
        lines += self._topic_lines(r, guide, cites)
        lines += self.closing(r, cites)
        bands[:] = mark_stated(r.stated, bands)
        return lines

    def _topic_lines(self, r: FromGuide, guide: Guide, cites: Citations) -> list[str]:
        lines = []
        topical = [h for h in r.passages if h.row is None and h.guide.kind != "article"]
        if self.quotes_sections(r):
            lines += quote_all(topical[:3], cites, r.question, quoted_scope(r, guide))
        if "espp" in r.asks and not topical:
            lines.append(f"The {guide_label(guide)} guide does not mention an employee stock "
                         "purchase plan (ESPP); its stock figures are grants, not a purchase "
                         "plan.")
        if "level_mapping" in r.asks and not topical and guide.level_mapping.raw:
            lines.append(f"Level mapping: {guide.level_mapping.raw}")
        return lines


FIGURES = FiguresAnswer()


def reads_sections(reading: Resolved, rows: tuple[CompRow, ...]) -> bool:
    """Whether an answer reads the guide's sections: a topic or a sign-on asked (its mentions
    in prose), nothing asked, words beyond the slots, or no row found. A band asked for and
    found needs none: its rows are the answer (an LLM rephrasing it is given the rows), and
    searching the sections was half of a distinct look-up's time, profiled in process)."""
    asks = set(reading.asks)
    return not rows or not asks or bool(asks - ROW_PARTS) \
        or len(reading.leftover) >= FREE_TEXT_WORDS


def _legacy_place(reading: Resolved) -> tuple[AskedPlace, ...]:
    """A region given only by name (a caller building Resolved by hand)."""
    if not reading.region:
        return ()
    return (AskedPlace(reading.region_typed or reading.region, 0, 0, reading.region),)


def _topic_only(asks: tuple[str, ...]) -> bool:
    return bool(asks) and not any(a in COMPONENTS for a in asks)


def _row_lines(rows: list[CompRow], wanted: list[str], guide: Guide, cites: Citations,
               bands: list[Band]) -> list[str]:
    return [_row_line(row, wanted, guide, cites, bands) for row in rows]


def _row_line(row: CompRow, wanted: list[str], guide: Guide, cites: Citations,
              bands: list[Band]) -> str:
    """One row's asked figures as the guide writes them, and the components it lacks."""
    parts, missing = [], []
    for component in wanted:
        fig = row.figure(component)
        if fig is None:
            missing.append(COMPONENT_LABELS[component])
            continue
        parts.append(f"{COMPONENT_LABELS[component]} {with_basis(fig.text, guide, row, component)}")
        band = band_of(guide, row, component, row.region.raw)
        bands += [band] if band is not None else []
    where = where_of(row)
    text = f"**{guide_label(guide)} — {where}** ({row.currency})"
    mark = cites.mark(guide, row.section_anchor)
    if parts:
        text += ": " + ", ".join(parts) + " " + mark
    if missing:
        held = ", ".join(COMPONENT_LABELS[f.component] for f in row.figures)
        text += (f"{'.' if parts else ':'} No {' or '.join(missing)} figure in the guide for "
                 f"{where} (its row holds {held or 'no figures'})."
                 + ("" if parts else f" {mark}"))
    if row.frontmatter_currency and row.frontmatter_currency != row.currency:
        text += (f" The guide disagrees with itself here: its frontmatter says "
                 f"{row.frontmatter_currency}, its table says {row.currency}; the table's "
                 "figures are shown.")
    return text


def _level_missing(r: FromGuide, guide: Guide, cites: Citations) -> str:
    """The asked level has no row (at the asked place): the places its rows are for when the
    guide has some elsewhere, else the levels it has."""
    anchor = guide.rows[0].section_anchor if guide.rows else ""
    level = read_level(r.level_missing)
    elsewhere = list(dict.fromkeys(row.region.raw for row in guide.rows if level is not None
                                   and row_label(row) and holds(level, row_label(row), False)))
    if elsewhere and r.region:
        return (f"The {guide_label(guide)} guide has no {r.level_missing} figures for "
                f"{r.region}, and other levels' or places' figures are not a substitute. Its "
                f"{r.level_missing} rows are for: {', '.join(elsewhere)} "
                f"{cites.mark(guide, anchor)}")
    levels = ", ".join(levels_of(guide)) or "no levels"
    return (f"The {guide_label(guide)} guide has no figures for {r.level_missing}, and other "
            f"levels' figures are not a substitute. Its pay rows are for: {levels} "
            f"{cites.mark(guide, anchor)}")


def _not_covered(r: FromGuide, guide: Guide, cites: Citations) -> str:
    """The places the guide has no rows for, the rows inside them, and what it does cover."""
    places = [reg.raw for reg in guide.regions() if reg.raw.strip(" ,")]
    where = [name for name in places if not is_levelish(name)]
    covered = (f"It covers: {', '.join(where)}" if where else
               f"Its rows go by level, not by place: "
               f"{', '.join(places or levels_of(guide)) or 'none'}")
    anchor = guide.rows[0].section_anchor if guide.rows else ""
    text = (f"The {guide_label(guide)} guide has no figures for {_and(list(r.missing_places))}, "
            "and figures from other regions are not a substitute.")
    for place, rows in r.inside:
        one = len(rows) == 1
        text += (f" For {place} as a whole it has no figure; inside {place} it has "
                 f"{_and(list(rows))} (ask for {'it' if one else 'one'} by name).")
    return f"{text} {covered} {cites.mark(guide, anchor)}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def _sign_on_mentions(passages: tuple[Hit, ...], cites: Citations,
                      scope: Scope | None) -> list[str]:
    """Sentences of the guide's scripts and levers that name a sign-on figure of the asked
    rows (scope.py); never an article's (its figures are other companies')."""
    lines = []
    for hit in (h for h in passages if h.guide.kind != "article"):
        for sentence in sign_on_sentences(hit.text):
            if scope is not None and scope.foreign(sentence):
                continue
            title = hit.section.title if hit.section else "guide"
            lines.append(f"The guide's {title} mentions a sign-on: “{sentence}” "
                         f"{cites.mark(hit.guide, hit.anchor)}")
            break
    return lines[:2]


def with_passages(evidence: FromGuide, passages: tuple[Hit, ...]) -> FromGuide:
    """The same guide evidence quoting other passages (a counter's script and tactic)."""
    return replace(evidence, passages=passages)


def quoted_scope(r: FromGuide, guide: Guide) -> Scope | None:
    """What a quote of the guide may say: the shown rows' figures; none at all when the asked
    place or level has no row (the script's "$238K base" is another region's, or level's,
    when London is asked of a guide that pays only in the US)."""
    if not r.rows and (r.region_missing or r.level_missing):
        return NO_FIGURES
    return scope_of(guide, r.rows)
