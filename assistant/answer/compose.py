"""The grounded answerer: Retrieved -> Answer, quoting figures verbatim with [n] citations.

Example:
    >>> answer = compose(retrieved, today=date(2026, 11, 22))
    >>> answer.text.splitlines()[0]
    '**Alibaba ML/AI Engineer — Seattle (US)** (USD): base $165K–$235K, ... [1]'

No LLM: every sentence is either a figure copied from a guide, a passage quoted from one, or a
plain statement of what the guides do not hold.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date

from assistant.answer.evidence import Retrieved, Spanned
from assistant.answer.kinds.counter import counter_lines
from assistant.answer.kinds.placement import placement_line
from assistant.answer.pick.sections import sign_on_sentences
from assistant.answer.read.levels import levels_of
from assistant.answer.read.stated import StatedFigure
from assistant.answer.types import Answer, Band, Hit
from assistant.answer.write.cells import band_of
from assistant.answer.write.cells import where as where_of
from assistant.answer.write.citations import Citations
from assistant.answer.write.quoting import quote
from assistant.answer.write.tables import markdown_line, markdown_table
from assistant.corpus.model import COMPONENT_LABELS, COMPONENTS, CompRow, Guide
from assistant.corpus.vocabulary import is_levelish
from assistant.corpus.wording import guide_label

MAX_ROWS = 8
TEXT_TOPICS = frozenset({"levers", "script", "level_mapping", "espp"})
# Sentences are cut first and searched second: one pattern doing both backtracks
# quadratically on long passages (10 ms per answer on the real library).
FRESHNESS_ALL = ("_Freshness: the review date of {n} guide{s} quoted here has passed, so "
                 "figures may be out of date._")


def compose(retrieved: Retrieved, today: date | None = None) -> Answer:
    """Write the Markdown answer for a routing decision and its evidence."""
    if retrieved.spanned is not None and retrieved.status == "answered":
        return _spanning(retrieved, retrieved.spanned, today or date.today())
    if retrieved.status != "answered" or (retrieved.message and retrieved.guide is None
                                          and not retrieved.passages):
        return Answer(question=retrieved.question, status=retrieved.status,
                      text=retrieved.message, suggestions=retrieved.suggestions,
                      intent=retrieved.intent if retrieved.status == "answered" else "")
    cites = Citations()
    notes = tuple(f"_{note}_" for note in retrieved.notes)
    guide = retrieved.guide
    bands: list[Band] = []
    fresh = ""
    if guide is not None and guide.kind != "article":
        lines = _guide_lines(retrieved, guide, cites, bands)
        fresh = _freshness(guide, today or date.today())
    else:
        lines = _passage_lines(retrieved.passages, cites, retrieved.question)
    return Answer(question=retrieved.question, status="answered",
                  text=markdown(notes, lines, fresh),
                  citations=cites.all(), suggestions=retrieved.suggestions,
                  bands=tuple(bands), guide=guide.id if guide else "",
                  freshness=_freshness_fields(guide), notes=notes, freshness_note=fresh,
                  intent=retrieved.intent)


def _spanning(retrieved: Retrieved, spanned: Spanned, today: date) -> Answer:
    """A table answer across guides: sentences above, the table, sentences under it."""
    cites = Citations()
    notes = tuple(f"_{note}_" for note in retrieved.notes)
    body = [markdown_line(line, cites) for line in spanned.before]
    table = None
    if spanned.table is not None:
        body.append(markdown_table(spanned.table, cites))
        table = spanned.table.as_dict(cites.mark)
    body += [markdown_line(line, cites) for line in spanned.after]
    cells = [c for row in (spanned.table.rows if spanned.table else ()) for c in row]
    cells += [c for line in (*spanned.before, *spanned.after) for c in line]
    overdue = {c.guide.id for c in cells if c.guide is not None and c.guide.next_review_due
               and c.guide.next_review_due < today}
    fresh = FRESHNESS_ALL.format(n=len(overdue), s="s" if len(overdue) != 1 else "") \
        if overdue else ""
    return Answer(question=retrieved.question, status="answered", text=markdown(notes, body, fresh),
                  citations=cites.all(), suggestions=retrieved.suggestions,
                  bands=tuple(spanned.bands), guide=spanned.guide, notes=notes,
                  freshness_note=fresh, intent=retrieved.intent, table=table)


def markdown(notes: Sequence[str], body: Sequence[str], freshness_note: str = "") -> str:
    """An answer's Markdown: notes above the body's paragraphs, then the freshness line."""
    return "\n\n".join([*notes, *body, *([freshness_note] if freshness_note else [])])


def _guide_lines(r: Retrieved, guide: Guide, cites: Citations, bands: list[Band]) -> list[str]:
    lines: list[str] = []
    wanted = [a for a in r.asks if a in COMPONENTS] or ([] if _topic_only(r.asks) else
                                                        list(COMPONENTS))
    if r.intent == "counter":
        narrowed = bool(r.region or r.stated or len(guide.rows) == 1 or r.level_missing)
        held = [c for c in COMPONENTS if any(row.figure(c) for row in r.rows)]
        asked = [a for a in r.asks if a in COMPONENTS]
        wanted = (asked or held) if narrowed else []
        if not narrowed and guide.rows:
            lines.append(f"Name your region (and level) to see its band and where your offer "
                         f"sits in it; the {guide_label(guide)} guide covers: "
                         f"{', '.join(reg.raw for reg in guide.regions())} "
                         f"{cites.mark(guide, guide.rows[0].section_anchor)}")
    if wanted and r.rows:
        lines += _row_lines(r.rows[:MAX_ROWS], wanted, guide, cites, bands)
        if len(r.rows) > MAX_ROWS:
            lines.append(f"({len(r.rows) - MAX_ROWS} more bands in the guide; name a region "
                         "or level to narrow.)")
        lines += _placements(r, guide, cites)
    if r.missing_places:
        lines.append(_not_covered(r, guide, cites))
    if r.level_missing:
        levels = ", ".join(levels_of(guide)) or "no levels"
        anchor = guide.rows[0].section_anchor if guide.rows else ""
        lines.append(f"The {guide_label(guide)} guide has no figures for {r.level_missing}, "
                     f"and other levels' figures are not a substitute. Its pay rows are for: "
                     f"{levels} {cites.mark(guide, anchor)}")
    if "signing_bonus" in r.asks:
        lines += _sign_on_mentions(r.passages, cites)
    lines += _topic_lines(r, guide, cites)
    if r.intent == "counter":
        lines += counter_lines(r, guide, cites)
    _mark_stated(r, bands)
    return lines


def _mark_stated(r: Retrieved, bands: list[Band]) -> None:
    """Put each stated figure on the one chart band of its part (the chart's marker)."""
    for stated in r.stated:
        same = [i for i, b in enumerate(bands) if b.component == stated.component
                and (not stated.unit or stated.unit == b.currency)]
        if len(same) == 1:
            bands[same[0]] = replace(bands[same[0]], marker=stated.value)


def _placements(r: Retrieved, guide: Guide, cites: Citations) -> list[str]:
    """The person's figures placed in the one row shown for their part, arithmetic shown."""
    lines = []
    for stated in r.stated:
        if not stated.component and len(r.rows[:MAX_ROWS]) == 1:
            if not _all_cash(r.rows[0]):
                lines.append(_which_part(stated, r.rows[0]))
                continue
            stated = replace(stated, component="base")
            lines.append(f"You did not say which part of the offer {stated.text} is; this row's "
                         "base and total-comp bands are the same (all cash), so it is read as "
                         "base.")
        rows = [row for row in r.rows[:MAX_ROWS] if stated.component
                and row.figure(stated.component) is not None]
        label = COMPONENT_LABELS.get(stated.component, stated.component)
        if len(rows) == 1:
            line = placement_line(stated, rows[0], guide, cites.mark(guide, rows[0].section_anchor))
            lines += [line] if line else []
        elif len(rows) > 1:
            lines.append(f"To place your {label} of {stated.text}, name the region or level: "
                         f"the guide has {len(rows)} {label} bands.")
    return lines


def _all_cash(row: CompRow) -> bool:
    """The row's base and total-comp bands are the same: an offer figure with no pay word
    ("came in at $240K") is then its base."""
    base, total = row.figure("base"), row.figure("total_comp")
    return base is not None and total is not None and (base.low, base.high, base.unit) == (
        total.low, total.high, total.unit)


def _which_part(stated: StatedFigure, row: CompRow) -> str:
    """An offer figure with no pay word, where parts differ: ask which part it is."""
    held = [COMPONENT_LABELS.get(f.component, f.component) for f in row.figures
            if f.unit and f.unit != "%"]
    return (f"Say which part of the offer {stated.text} is ({', '.join(held) or 'base'}) to "
            "have it placed in its band: parts are placed one by one, never summed.")


def _not_covered(r: Retrieved, guide: Guide, cites: Citations) -> str:
    """The places the guide has no rows for, the rows inside them, and what it does cover."""
    places = [reg.raw for reg in guide.regions() if reg.raw.strip(" ,")]
    where = [name for name in places if not is_levelish(name)]
    covered = (f"It covers: {', '.join(where)}" if where else
               f"Its rows go by level, not by place: {', '.join(places) or 'none'}")
    anchor = guide.rows[0].section_anchor if guide.rows else ""
    asked = _and(list(r.missing_places))
    text = (f"The {guide_label(guide)} guide has no figures for {asked}, and figures from "
            "other regions are not a substitute.")
    for place, rows in r.inside.items():
        one = len(rows) == 1
        text += (f" For {place} as a whole it has no figure; inside {place} it has "
                 f"{_and(list(rows))} (ask for {'it' if one else 'one'} by name).")
    return f"{text} {covered} {cites.mark(guide, anchor)}"


def _and(items: list[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + f" and {items[-1]}"


def _topic_only(asks: tuple[str, ...]) -> bool:
    return bool(asks) and not any(a in COMPONENTS for a in asks)


def _row_lines(rows: list[CompRow], wanted: list[str], guide: Guide, cites: Citations,
               bands: list[Band]) -> list[str]:
    lines = []
    for row in rows:
        parts, missing = [], []
        for component in wanted:
            fig = row.figure(component)
            if fig is None:
                missing.append(COMPONENT_LABELS[component])
                continue
            parts.append(f"{COMPONENT_LABELS[component]} {fig.text}")
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
        lines.append(text)
    return lines


def _sign_on_mentions(passages: list[Hit], cites: Citations) -> list[str]:
    """Sentences of the guide's scripts and levers that name a sign-on figure."""
    lines = []
    for hit in passages:
        for sentence in sign_on_sentences(hit.text):
            title = hit.section.title if hit.section else "guide"
            lines.append(f"The guide's {title} mentions a sign-on: “{sentence}” "
                         f"{cites.mark(hit.guide, hit.anchor)}")
            break
    return lines[:2]


def _topic_lines(r: Retrieved, guide: Guide, cites: Citations) -> list[str]:
    lines = []
    topical = [h for h in r.passages if h.row is None and h.guide.kind != "article"]
    wants_text = r.intent == "counter" or any(a in TEXT_TOPICS for a in r.asks) or (
        not r.asks and not r.region_missing and (r.free_text or not r.rows))
    for hit in topical[:3] if wants_text else []:
        lines.append(quote(hit, cites, r.question))
    if "espp" in r.asks and not topical:
        lines.append(f"The {guide_label(guide)} guide does not mention an employee stock "
                     "purchase plan (ESPP); its stock figures are grants, not a purchase plan.")
    if "level_mapping" in r.asks and not topical and guide.level_mapping.raw:
        lines.append(f"Level mapping: {guide.level_mapping.raw}")
    return lines


def _passage_lines(passages: list[Hit], cites: Citations, question: str) -> list[str]:
    if not passages:
        return ["The library's guides and articles do not cover this question."]
    return [quote(hit, cites, question) for hit in passages[:3]]


def _freshness(guide: Guide, today: date) -> str:
    """The freshness line (Markdown) when the guide's review date has passed, else ""."""
    if guide.next_review_due and guide.next_review_due < today:
        quarter = f" with salary data from {guide.salary_data_quarter}" \
            if guide.salary_data_quarter else ""
        return (f"_Freshness: this guide was last updated {guide.last_updated}{quarter}; its "
                f"review was due {guide.next_review_due}, so figures may be out of date._")
    return ""


def _freshness_fields(guide: Guide | None) -> dict[str, str]:
    if guide is None:
        return {}
    return {"last_updated": str(guide.last_updated or ""),
            "next_review_due": str(guide.next_review_due or ""),
            "salary_data_quarter": guide.salary_data_quarter}
