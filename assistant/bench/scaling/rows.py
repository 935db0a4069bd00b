"""The scaling step in the report: a table per size, the ratios to 1x, the targets, the curves.

Example:
    >>> lines(results)        # Markdown for docs/benchmark-report.md, or a line saying why none
    >>> curves(results)       # {"warm look-up p95": [(1, 1.0), (3, 1.1), (10, 1.3)], ...}
"""

from __future__ import annotations

from typing import Any

# What the chart draws, as a ratio to the smallest size: (label, key in `measure.ratios`).
CURVES = (("warm look-up p95", "warm_lookup_p95"), ("cold look-up", "cold_lookup"),
          ("cold general question", "cold_general"), ("app RSS after look-ups", "app_rss"),
          ("index on disk", "index_mb"), ("build time per guide", "build_ms_per_guide"))

# Issue 20's bounds at the largest size: (what, ratio key or None for accuracy, bound).
TARGETS = (("warm look-up p95 ≤ 2× the 1× figure", "warm_lookup_p95", 2.0),
           ("cold look-up ≤ 1.5×", "cold_lookup", 1.5),
           ("app RSS (after the look-ups) ≤ 1.5×", "app_rss", 1.5))
ACCURACY = 0.97


def lines(r: dict[str, Any]) -> list[str]:
    """The report's section on how cost grows (its heading is the caller's)."""
    scaling = r.get("scaling")
    if not scaling:
        return ["Not measured in this run: `python -m assistant.bench --only scaling` "
                "(`make bench FULL=1` runs it over the whole library)."]
    sizes: dict[str, Any] = scaling["sizes"]
    out = ["Each size is the library plus renamed copies of every company (made-up names such "
           "as Zzkorami: same roles, regions, figures and prose), built by `assistant index`'s "
           "own builder with the copies' vectors reused from the 1× index "
           "(`assistant/bench/scaling/`). Warm look-ups: the gold questions of no negotiation "
           "intent, in one process, every guide the catalog keeps loaded first; cold: the "
           "median of whole `ask --json` processes; the app's memory: `python app.py` once "
           "started, after the gold look-ups, and after the whole gold set (rankings read "
           "every guide of a role, up to the 6,000 the catalog keeps loaded; no answer "
           "queries the Chroma store, so its vector index never loads into the app).", "",
           "| size | guides | build | per guide | index | warm p50 / p95 | cold look-up | "
           "cold general | app RSS: started / look-ups / all gold | gold: right guide first "
           "/ status right |", "|---|---|---|---|---|---|---|---|---|---|"]
    for name, s in sizes.items():
        rss = s["app_rss_mb"]
        out.append(
            f"| {name} | {s['guides']:,} | {s['build_s']:.0f} s | {s['build_ms_per_guide']} ms "
            f"| {s['index_mb']:,.0f} MB | {s['warm_lookup']['p50_ms']} / "
            f"{s['warm_lookup']['p95_ms']} ms | {s['cold_lookup_s']} s | "
            f"{s['cold_general_s']} s | {rss['started']:.0f} / {rss['after_lookups']:.0f} / "
            f"{rss['after_gold']:.0f} MB | {_pct(s['gold_right_guide_first'])} / "
            f"{_pct(s['gold_status_correct'])} |")
    ratios: dict[str, Any] = scaling["ratios"]
    out += ["", "As a ratio to the smallest size:", "",
            "| size | " + " | ".join(label for label, _ in CURVES) + " |",
            "|---|" + "---|" * len(CURVES)]
    out += [f"| {name} | " + " | ".join(f"{got.get(key, 0):.2f}×" for _, key in CURVES) + " |"
            for name, got in ratios.items()]
    out += ["", "| target at the largest size | measured | |", "|---|---|---|"]
    out += [f"| {what} | {got} | {verdict} |" for what, got, verdict in acceptance(r)]
    return out


def replica_lines(r: dict[str, Any]) -> list[str]:
    """The 1x library served by one embedded app and by two replicas over a Chroma server."""
    found = r.get("replicas")
    if not found:
        return ["Not measured in this run: `python -m assistant.bench --only replicas`."]
    one, two = found["single_embedded"], found["two_replicas"]
    rows = [("one app, embedded Chroma", one["warm_lookup"], one["load"], [one["rss_mb"]])]
    rows += [(f"replica {n} of 2, Chroma server", replica["warm_lookup"], None,
              [replica["rss_mb"]]) for n, replica in enumerate(two["replicas"], 1)]
    out = ["The 1× library served as `docs/deployment.md` deploys it: `chroma run` on a "
           "loopback port holding the index (built into it in "
           f"{two['build_s']:.0f} s, the vectors reused), two `python app.py` replicas over it, "
           "against one app over the embedded index. Warm look-ups: one client over HTTP, "
           "distinct questions (one per guide, region and pay part; none repeats, so no "
           "answer cache hit), 600 timed after 200; load: distinct questions for 10 s, 16 "
           "clients on the one app, 8 on each replica at once.", "",
           "| served by | warm look-up p50 / p95 over HTTP | load: req/s, p95 | RSS |",
           "|---|---|---|---|"]
    for what, warm, load, rss in rows:
        loaded = (f"{load['rps']} req/s, p95 {load['each'][0]['p95_ms']} ms"
                  if load else "see below")
        out.append(f"| {what} | {warm['p50_ms']} / {warm['p95_ms']} ms | {loaded} | "
                   f"{rss[0]:,.0f} MB |")
    load = two["load"]
    out += ["", f"The two replicas together: {load['rps']} req/s, p95 "
            + " and ".join(f"{each['p95_ms']} ms" for each in load["each"])
            + f", {load['errors']} errors."]
    return out


def acceptance(r: dict[str, Any]) -> list[tuple[str, str, str]]:
    """Issue 20's scaling targets at the largest size measured: (target, measured, met?)."""
    scaling = r.get("scaling") or {}
    ratios, sizes = scaling.get("ratios") or {}, scaling.get("sizes") or {}
    if not ratios:
        return []
    largest = list(ratios)[-1]
    out = [(f"{what} ({largest})", f"{ratios[largest][key]:.2f}×",
            "met" if ratios[largest][key] <= bound else "missed")
           for what, key, bound in TARGETS]
    accuracy = sizes[largest]["gold_right_guide_first"]
    out.append((f"resolution on the gold set ≥ {ACCURACY:.0%} with the look-alikes "
                f"({largest}: right guide first)", _pct(accuracy),
                "met" if accuracy >= ACCURACY else "missed"))
    return out


def curves(r: dict[str, Any]) -> dict[str, list[tuple[float, float]]]:
    """Each curve's points: (times the library, ratio to the smallest size)."""
    scaling = r.get("scaling")
    if not scaling:
        return {}
    sizes = list(scaling["sizes"])
    first = float(sizes[0].rstrip("x"))
    return {label: [(first, 1.0)] + [(float(name.rstrip("x")), got[key])
                                     for name, got in scaling["ratios"].items()]
            for label, key in CURVES}


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{value * 100:.1f}%"
