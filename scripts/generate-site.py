#!/usr/bin/env python3
"""Writes a synthetic guide of N certifications (and N/10 questions) for benchmarks.

    scripts/generate-site.py OUT_DIR [--certifications 10000]

The entries are shaped like the real ones (every fact filled in, a body of ~400 words with
four sections and links between entries), so timings reflect the real pipeline.
"""
import argparse
import os
import random

LEVELS = ["support", "technician", "professional", "specialist"]
SETTINGS = ["academic", "public", "school", "archives", "special", "any"]
TOPICS = ["cataloging", "reference services", "archives", "records management", "technology", "management",
          "customer service", "school libraries", "digital preservation", "metadata", "circulation", "outreach"]
WORDS = ("library catalog record archive patron collection service reference metadata preservation digital "
         "exam renewal training program study course credential technician professional skills systems").split()


def paragraph(rng, words=80):
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("out")
    parser.add_argument("--certifications", type=int, default=10000)
    args = parser.parse_args()
    rng = random.Random(42)
    content = os.path.join(args.out, "Content")
    for folder in ("certifications", "faq", "pages"):
        os.makedirs(os.path.join(content, folder), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write("title: Benchmark Guide\nbase_url: https://bench.example.org/\ndescription: A large synthetic guide.\n"
                "nav:\n  - { title: Compare, url: /compare/ }\n  - { title: FAQ, url: /faq/ }\n")
    n = args.certifications
    faqs = max(1, n // 10)
    for i in range(n):
        topics = rng.sample(TOPICS, 3)
        low = rng.randint(50, 900)
        body = "\n\n".join(f"## {title}\n\n{paragraph(rng)}\n\n{paragraph(rng)}" for title in
                           ("What it is", "Who it is for", "How to prepare", "What it leads to"))
        body += f"\n\nSee [a related question](../faq/question-{i % faqs:05d}.md) and [another credential](cert-{(i + 1) % n:05d}.md).\n"
        with open(os.path.join(content, "certifications", f"cert-{i:05d}.md"), "w") as f:
            f.write(f"""---
title: Certification number {i}
abbreviation: C{i}
issuer: Issuer {i % 97}
summary: A synthetic certification used to measure how the generator scales, number {i}.
level: {rng.choice(LEVELS)}
settings: [{", ".join(rng.sample(SETTINGS, 2))}]
topics: [{", ".join(topics)}]
cost: {{ min: {low}, max: {low + rng.randint(0, 300)}, currency: USD }}
duration_months: {{ min: {rng.randint(1, 12)}, max: {rng.randint(12, 36)} }}
exam: {{ format: [written], questions: {rng.randint(50, 200)}, passing_score_percent: 70, length_minutes: 120 }}
eligibility:
  - {rng.randint(1, 5)} years of library work
renewal: {{ every_years: {rng.randint(2, 5)}, by: continuing education }}
verified: 2026-11-01
sources:
  - {{ title: Issuer handbook {i} }}
---
{body}""")
    for j in range(faqs):
        related = ", ".join(f"cert-{(j * 10 + k) % n:05d}" for k in range(3))
        with open(os.path.join(content, "faq", f"question-{j:05d}.md"), "w") as f:
            f.write(f"---\nquestion: Synthetic question number {j}?\norder: {j}\ntopics: [{rng.choice(TOPICS)}]\n"
                    f"related: [{related}]\n---\n{paragraph(rng, 120)}\n")
    with open(os.path.join(content, "pages", "about.md"), "w") as f:
        f.write("---\ntitle: About\nsummary: About the benchmark.\n---\nA synthetic guide.\n")


if __name__ == "__main__":
    main()
