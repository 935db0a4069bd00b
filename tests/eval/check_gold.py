"""Structural check of the gold eval files (not a pytest module).

usage: python tests/eval/check_gold.py [corpus_dir]   (default /work/shared/corpus)
"""
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
STATUSES = {"answered", "clarify", "no_guide"}


def source_text(corpus, guide):
    if "/" not in guide:  # article ids are relative to the articles root
        path = os.path.join(corpus, "articles", guide + ".txt")
        return open(path, encoding="utf-8").read()
    path = os.path.join(corpus, "guides", guide + ".md")
    text = open(path, encoding="utf-8").read()
    if text.startswith("---"):
        text = text.split("\n---\n", 1)[1]  # body only: figures must be body text
    return text


def check(path, corpus):
    problems, seen = [], set()
    with open(path, encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            row = json.loads(line)
            qid = row["id"]
            if qid in seen:
                problems.append(f"{qid}: duplicate id")
            seen.add(qid)
            if row["expect_status"] not in STATUSES:
                problems.append(f"{qid}: bad status")
            guide = row.get("expect_guide")
            if row["expect_status"] == "answered":
                if not guide:
                    problems.append(f"{qid}: answered without expect_guide")
                    continue
                try:
                    text = source_text(corpus, guide)
                except OSError:
                    problems.append(f"{qid}: no such guide {guide}")
                    continue
                for fig in row["expect_figures"]:
                    if fig not in text:
                        problems.append(f"{qid}: {fig!r} not in {guide}")
            elif guide:
                problems.append(f"{qid}: {row['expect_status']} with a guide")
    return len(seen), problems


def main():
    corpus = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/corpus"
    bad = 0
    for name in ("gold.jsonl", "slice.jsonl"):
        count, problems = check(os.path.join(HERE, name), corpus)
        print(f"{name}: {count} questions, {len(problems)} problems")
        for p in problems:
            print("  " + p)
        bad += len(problems)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
