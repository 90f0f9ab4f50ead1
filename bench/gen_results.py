#!/usr/bin/env python3
"""Generates results and a roster for the bundled site, for `styrdok report`
and the follow-up page (issue #18): a roster of PEOPLE people in the
site's units, and ROWS quiz results over six months with pre-test,
post-test, retry and retention attempts, each with per-question answers
using the question ids styrdok gives the bundled quizzes.

    bench/gen_results.py OUT_DIR [--people 20000] [--rows 200000] [--seed 18]

writes OUT_DIR/completions.csv and OUT_DIR/roster.csv. Deterministic for a
seed; needs PyYAML (to read the quizzes)."""

import argparse
import datetime as dt
import hashlib
import os
import random
import re

import yaml

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")


def front_matter(path):
    text = open(path, encoding="utf-8").read()
    return yaml.safe_load(text.split("---")[1])


def question_id(q):
    """quiz::derived_id: `q-` + 10 hex digits of SHA-256 over the type, prompt and options."""
    if q.get("id"):
        return q["id"]
    norm = lambda t: " ".join(str(t).split())
    text = "%s\n%s" % (q["type"].capitalize(), norm(q["prompt"]))
    for o in q.get("options") or []:
        text += "\n" + norm(o["text"])
    return "q-" + hashlib.sha256(text.encode()).hexdigest()[:10]


def modules():
    out = []
    folder = os.path.join(ROOT, "content/utbildning")
    for name in sorted(os.listdir(folder)):
        if not name.endswith(".md") or name.startswith("_"):
            continue
        fm = front_matter(os.path.join(folder, name))
        if fm.get("type") != "module" or not fm.get("quiz"):
            continue
        quiz = yaml.safe_load(open(os.path.join(ROOT, "quizzes", fm["quiz"] + ".yaml"), encoding="utf-8"))
        ids = [question_id(q) for q in quiz["questions"]]
        out.append((fm["id"], str(fm["version"]), fm.get("roles", []), ids))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("out")
    ap.add_argument("--people", type=int, default=20000)
    ap.add_argument("--rows", type=int, default=200000)
    ap.add_argument("--seed", type=int, default=18)
    a = ap.parse_args()
    rnd = random.Random(a.seed)
    site = yaml.safe_load(open(os.path.join(ROOT, "site.yaml"), encoding="utf-8"))
    units = [u["id"] for u in site["units"]]
    mods = modules()
    os.makedirs(a.out, exist_ok=True)
    people = []
    with open(os.path.join(a.out, "roster.csv"), "w", encoding="utf-8") as f:
        f.write("email,name,unit,role,manager,start_date\n")
        for i in range(a.people):
            unit = units[i % len(units)]
            role = rnd.choices(["medarbetare", "chef", "informationsagare"], [88, 9, 3])[0]
            start = dt.date(2025, 6, 1) + dt.timedelta(days=rnd.randrange(540))
            email = "person%05d@kommun.example.se" % i
            people.append((email, unit, role, start))
            manager = "chef-%s-%d@kommun.example.se" % (unit, rnd.randrange(12))
            f.write("%s,Person %d,%s,%s,%s,%s\n" % (email, i, unit, role, manager, start))
    reads = {"medarbetare": {"medarbetare"}, "chef": {"chef", "medarbetare"},
             "informationsagare": {"informationsagare", "chef", "medarbetare"}}
    first, last = dt.date(2026, 5, 1), dt.date(2026, 10, 31)
    rows = 0
    with open(os.path.join(a.out, "completions.csv"), "w", encoding="utf-8") as f:
        f.write("kind,id,version,score,passed,name,email,unit,role,completed_at,attempt,answers\n")

        def write(p, m, attempt, day, right):
            nonlocal rows
            email, unit, role, _ = p
            mid, version, _, ids = m
            answers = [(q, rnd.random() < right + 0.03 * (k % 4)) for k, q in enumerate(ids)]
            score = 100 * sum(r for _, r in answers) // len(answers)
            at = "%sT%02d:%02d:00Z" % (day, 8 + rnd.randrange(9), rnd.randrange(60))
            f.write("quiz,%s,%s,%d,%s,Person,%s,%s,%s,%s,%s,%s\n" % (
                mid, version, score, "true" if score >= 80 else "false", email, unit, role, at,
                attempt, ";".join("%s=%d" % (q, r) for q, r in answers)))
            rows += 1
            return score

        while rows < a.rows:
            p = people[rnd.randrange(len(people))]
            assigned = [m for m in mods if set(m[2]) & reads[p[2]]]
            m = rnd.choice(assigned) if assigned and rnd.random() < 0.95 else rnd.choice(mods)
            day = max(p[3], first) + dt.timedelta(days=rnd.randrange(90))
            if day > last:
                continue
            if rnd.random() < 0.7:
                write(p, m, "pre", day, 0.45)
            day += dt.timedelta(days=1 + rnd.randrange(4))
            if write(p, m, "post", day, 0.78) < 80 and rnd.random() < 0.6:
                write(p, m, "post", day + dt.timedelta(days=1), 0.92)
            later = day + dt.timedelta(days=120 + rnd.randrange(40))
            if later <= last and rnd.random() < 0.6:
                write(p, m, "retention", later, 0.66)


if __name__ == "__main__":
    main()
