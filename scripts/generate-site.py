#!/usr/bin/env python3
"""Writes a synthetic guide of N certifications and N/5 questions for benchmarks.

    scripts/generate-site.py OUT_DIR [--certifications 10000] [--faqs N/5] [--seed 42]

OUT_DIR/Content/ gets site.yml, certifications/, faq/ and pages/ shaped like the real guide:
every kind of fact (some optional ones left out, as in real entries), bodies of 300 to 1,500
words (FAQ answers 150 to 700) with h2 and h3 sections, paragraphs, bullet and numbered lists,
emphasis, and relative .md links between entries. The prose mixes common words with rare ones
drawn from a Zipf-distributed pool, so the vocabulary grows with the guide as a real one does.
The same arguments always write the same files (one seeded generator, no set ordering).
"""
import argparse
import json
import os
import random
import re

LEVELS = ["support", "technician", "professional", "specialist"]
SETTINGS = ["academic", "public", "school", "archives", "special", "any"]
TOPICS = ["cataloging", "reference services", "archives", "records management", "technology", "management",
          "customer service", "school libraries", "digital preservation", "metadata", "circulation", "outreach",
          "collection development", "information literacy", "instruction", "systems", "databases", "copyright",
          "licensing", "acquisitions", "serials", "interlibrary loan", "children's services", "youth services",
          "conservation", "oral history", "special collections", "museums", "web services", "data management",
          "research support", "scholarly communication", "accessibility", "programming", "marketing",
          "budgeting", "supervision", "leadership", "ethics", "privacy", "timeline", "costs", "basics"]
PREFIXES = ["Certified", "Associate", "Advanced", "Professional", "Registered", "Foundation", "Senior", "Applied"]
FIELDS = ["Library", "Archives", "Records", "Metadata", "Digital Preservation", "Cataloging", "Reference", "Youth Services",
          "School Library", "Public Library", "Academic Library", "Library Systems", "Information", "Collection",
          "Technical Services", "Circulation", "Data Curation", "Knowledge Management", "Museum Collections",
          "Special Collections", "Library Technology", "Information Literacy", "Outreach", "Acquisitions",
          "Serials", "Copyright", "Conservation", "Research Data", "Scholarly Communication", "Web Archiving",
          "Library Management", "Access Services", "Instructional Design", "Rare Books", "Oral History", "Law Library",
          "Medical Library", "Map Library", "Music Library", "Government Documents"]
ROLES = ["Technician", "Specialist", "Professional", "Practitioner", "Manager", "Assistant", "Associate", "Administrator",
         "Analyst", "Coordinator", "Librarian", "Archivist"]
TIERS = ["", " II", " III", " IV", " V", " VI", " VII", " VIII", " IX", " X"]
REGIONS = ["National", "International", "American", "Regional", "Northern", "Western", "Pacific", "Atlantic", "Central",
           "Southern", "Eastern", "Continental", "Federal", "Midwest", "Mountain", "Coastal"]
BODIES = ["Association", "Society", "Council", "Board", "Institute", "Academy", "Alliance", "Guild", "Federation", "Network"]
EXAM_FORMATS = ["written", "multiple-choice", "online", "practical", "portfolio", "oral"]
SECTIONS = ["What it is", "Who it is for", "Eligibility in detail", "How to prepare", "The exam", "Costs and funding",
            "Keeping it current", "What it leads to", "How it compares", "Common questions"]
SUBSECTIONS = ["Study materials", "Practice tests", "Planning your time", "Finding a mentor", "Paying for it",
               "On the day", "After you pass", "If you do not pass", "Working while you study", "Documents to gather"]

NOUNS = ("library catalog record archive patron collection service reference desk metadata schema standard preservation "
         "policy exam renewal training program course credential technician librarian supervisor employer skill system "
         "database workflow vendor budget fee portfolio module assessment workshop webinar handbook syllabus deadline "
         "application transcript reference letter board committee review audit inventory loan request report schedule "
         "branch shift volunteer community student teacher researcher faculty donor grant partner").split()
VERBS = ("covers tests explains expects rewards requires reviews describes measures supports recognises confirms strengthens "
         "builds introduces emphasises asks for includes checks assesses documents").split()
ADJECTIVES = ("practical broad focused demanding rigorous flexible affordable recognised useful thorough current detailed "
              "basic advanced formal informal short long recent common rare steady careful").split()
SENTENCES = [
    "The {noun} {verb} the {adj} {noun2} that {topic} work needs every day.",
    "Most candidates spend {n} weeks on the {noun} before they sit the exam.",
    "{Issuer} publishes the {noun} and updates it when the {noun2} changes.",
    "If your {noun} already includes {topic}, much of the {noun2} will feel familiar.",
    "Employers in {setting} libraries often ask for this credential when they post a {adj} {noun} role.",
    "A {adj} {noun} helps, but the {noun2} matters more than the hours you put in.",
    "You will be asked about {topic} and {topic2}, so plan your {noun} around both.",
    "The fee covers the {noun} and one attempt at the exam; a second attempt costs extra.",
    "Keep a record of your {noun} as you go, because the {noun2} asks for it at renewal.",
    "Candidates who work in {setting} settings tend to find the {noun} section {adj}.",
    "The {noun} is {adj}, and it rewards people who already handle {topic} at work.",
    "Ask your {noun} whether the library will pay the fee; many do for {adj} staff.",
    "There is no {adj} route around the {noun}, but the {noun2} can be spread over {n} months.",
    "Several {noun}s in this guide overlap with it, especially on {topic}.",
    "Reviewers look for evidence that you can apply {topic} to a real {noun}.",
    "The {noun2} lists {n} areas, from {topic} to {topic2}.",
    "In practice, the {noun} {verb} how well you explain a {noun2} to a {noun3}.",
    "Some people take the {noun} online; others prefer a {adj} workshop near home.",
    "The {adj} part is usually the {noun}, which many candidates underestimate.",
    "After {n} years you renew by showing continuing education in {topic} or a related area.",
]
LINK_SENTENCES = [
    "Compare it with [{title}]({link}) before you decide.",
    "If you are weighing the cost, read [{title}]({link}) first.",
    "People who hold it often go on to [{title}]({link}).",
    "The answer to [{title}]({link}) puts this in context.",
    "See [{title}]({link}) for a route with a shorter timeline.",
]
SYLLABLES = ["ka", "lo", "mi", "ter", "ran", "sol", "vi", "den", "qua", "bri", "nor", "pel", "zan", "tu", "gro", "fen",
             "ash", "wel", "mor", "ith"]


def slugify(text):
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


SHARED_SOURCES = [(f"{name} (career article)", f"https://careers.example.org/{slugify(name)}") for name in (
    "Top library technician certifications", "How to obtain a certificate of library management", "Library support staff credentials",
    "Archives careers handbook", "Records management certifications compared", "School library staff pathways",
    "Metadata careers outlook", "Digital preservation training directory", "Continuing education for library staff",
    "Paying for professional certification", "Library workforce survey", "Technology credentials for librarians")]
PAGES = [("how-to-get-certified", "How to get certified", 1), ("why-certification-pays", "Why certification pays", 2),
         ("about", "About this guide", 3)]


def scalar(value):
    """A YAML scalar: plain when that is safe, double-quoted (JSON is valid YAML) when not."""
    text = str(value)
    if re.fullmatch(r"[A-Za-z][A-Za-z0-9 ,.'()-]*", text) and not text.endswith(" ") and ": " not in text:
        return text
    return json.dumps(text, ensure_ascii=False)


class Prose:
    """Sentences, paragraphs, lists and sections from one seeded generator."""

    def __init__(self, rng, rare_count=20000):
        self.rng = rng
        words = set()
        while len(words) < rare_count:
            words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
        self.rare = sorted(words)
        self.rng.shuffle(self.rare)
        total, self.cumulative = 0.0, []
        for rank in range(len(self.rare)):
            total += 1 / (rank + 1)
            self.cumulative.append(total)

    def word(self):
        return self.rng.choices(self.rare, cum_weights=self.cumulative)[0]

    def sentence(self, ctx, emphasis=True):
        rng = self.rng
        text = rng.choice(SENTENCES).format(
            noun=rng.choice(NOUNS), noun2=rng.choice(NOUNS), noun3=rng.choice(NOUNS), verb=rng.choice(VERBS),
            adj=rng.choice(ADJECTIVES), topic=rng.choice(ctx["topics"]), topic2=rng.choice(TOPICS),
            setting=rng.choice(SETTINGS[:5]), n=rng.randint(2, 40), Issuer=ctx["issuer"])
        words = text.split(" ")
        for i in range(1, len(words) - 1):
            if words[i].isalpha() and rng.random() < 0.05:
                words[i] = self.word()
        if emphasis and rng.random() < 0.15:  # emphasis on a short run of words, as editors do
            i = rng.randrange(1, max(2, len(words) - 2))
            if words[i][-1].isalpha() and words[i + 1][-1].isalpha():
                mark = rng.choice(["*", "**"])
                words[i], words[i + 1] = mark + words[i], words[i + 1] + mark
        return " ".join(words)

    def link(self, ctx):
        title, link = self.rng.choice(ctx["links"])
        return self.rng.choice(LINK_SENTENCES).format(title=title, link=link)

    def paragraph(self, ctx):
        sentences = [self.sentence(ctx) for _ in range(self.rng.randint(2, 6))]
        if ctx["links"] and self.rng.random() < 0.35:
            sentences.insert(self.rng.randrange(len(sentences) + 1), self.link(ctx))
        return " ".join(sentences)

    def bullet_list(self, ctx):
        rng = self.rng
        items = []
        for _ in range(rng.randint(3, 6)):
            item = self.sentence(ctx)
            if rng.random() < 0.4:
                item = f"**{rng.choice(NOUNS).capitalize()} {rng.choice(NOUNS)}.** {item}"
            items.append(item)
        marker = (lambda n: f"{n}.") if rng.random() < 0.3 else (lambda n: "-")
        return "\n".join(f"{marker(n + 1)} {item}" for n, item in enumerate(items))

    def block(self, ctx, after_list=False):
        roll = self.rng.random()
        if roll < 0.2 and not after_list:  # two lists in a row would merge into one
            return self.bullet_list(ctx)
        if roll < 0.23:
            return "> " + self.sentence(ctx)
        return self.paragraph(ctx)

    def body(self, ctx, target, headings=True):
        """Blocks until `target` words, under h2 sections (some with h3 subsections)."""
        rng, parts, count = self.rng, [], 0
        sections = rng.sample(SECTIONS, len(SECTIONS)) if headings else []
        per_section = rng.randint(150, 260)
        while count < target:
            if sections and (not parts or count >= per_section * sum(p.startswith("## ") for p in parts)):
                parts.append("## " + sections.pop())
            elif headings and rng.random() < 0.12 and not parts[-1].startswith("#"):
                parts.append("### " + rng.choice(SUBSECTIONS))
            block = self.block(ctx, after_list=parts and parts[-1][:2] in ("- ", "1."))
            parts.append(block)
            count += len(block.split())
        return "\n\n".join(parts) + "\n"


def certification_titles(count, rng):
    combos = [f"{p} {f} {r}" for p in PREFIXES for f in FIELDS for r in ROLES]
    rng.shuffle(combos)
    return [combos[i % len(combos)] + (TIERS[i // len(combos)] if i // len(combos) < len(TIERS) else f" {i // len(combos) + 1}")
            for i in range(count)]


def issuers(count, rng):
    names = [f"{r} {b} of {f} {role}s" for r in REGIONS for b in BODIES for f in FIELDS[:12] for role in ROLES[:4]]
    rng.shuffle(names)
    return names[:count]


def source_lines(rng, issuer, slug, unique):
    """Like the real guide, entries cite a few shared references; `unique` gives each its own issuer page."""
    if unique:
        return (f"sources:\n  - title: {scalar(issuer + ' certification page')}\n"
                f"    url: https://{slugify(issuer)[:40]}.example.org/certifications/{slug}\n")
    picks = rng.sample(range(len(SHARED_SOURCES)), rng.randint(1, 2))
    return "sources:\n" + "".join(f"  - title: {scalar(SHARED_SOURCES[k][0])}\n    url: {SHARED_SOURCES[k][1]}\n" for k in sorted(picks))


def write(path, front, body):
    with open(path, "w", encoding="utf-8") as f:
        f.write("---\n" + "".join(front) + "---\n" + body)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--certifications", type=int, default=10000)
    parser.add_argument("--faqs", type=int, help="questions to write (default: certifications / 5, at least 1)")
    parser.add_argument("--seed", type=int, default=42)
    parser.add_argument("--unique-sources", action="store_true",
                        help="give every certification its own source (the footer credits every distinct source)")
    args = parser.parse_args()
    n = args.certifications
    faqs = args.faqs if args.faqs is not None else max(1, n // 5)
    rng = random.Random(args.seed)
    prose = Prose(rng)
    content = os.path.join(args.out, "Content")
    for folder in ("certifications", "faq", "pages"):
        os.makedirs(os.path.join(content, folder), exist_ok=True)
    with open(os.path.join(content, "site.yml"), "w") as f:
        f.write("title: Benchmark Guide\nbase_url: https://bench.example.org/\n"
                "description: A large synthetic guide of library certifications.\nlanguage: en\n"
                "nav:\n  - { title: Certifications, url: /certifications/ }\n  - { title: Compare, url: /compare/ }\n"
                "  - { title: FAQ, url: /faq/ }\n  - { title: How to get certified, url: /how-to-get-certified/ }\n"
                "  - { title: About, url: /about/ }\n")

    titles = certification_titles(n, rng)
    slugs = [slugify(t) for t in titles]
    questions = [f"{rng.choice(['How long does', 'What does', 'Who should take', 'Is it worth taking', 'How do I prepare for', 'Can I renew'])} "
                 f"{rng.choice(['a', 'the'])} {rng.choice(FIELDS).lower()} {rng.choice(ROLES).lower()} credential "
                 f"{rng.choice(['take', 'cost', 'need', 'require', 'involve'])} (question {j + 1})?" for j in range(faqs)]
    faq_slugs = [slugify(q) for q in questions]
    issuer_names = issuers(max(20, n // 25), rng)
    cert_topics = [rng.sample(TOPICS[:40], rng.randint(2, 6)) for _ in range(n)]

    def cert_links(i, own_folder):
        prefix = "" if own_folder == "certifications" else "../certifications/"
        picks = [(i + d) % n for d in (1, 2, 7, 31)] + [rng.randrange(n) for _ in range(2)]
        links = [(titles[k], f"{prefix}{slugs[k]}.md") for k in picks if k != i or own_folder != "certifications"]
        links += [(questions[rng.randrange(faqs)], ("../faq/" if own_folder != "faq" else "") + f"{faq_slugs[rng.randrange(faqs)]}.md")]
        links += [(PAGES[0][1], ("../pages/" if own_folder != "pages" else "") + "how-to-get-certified.md")]
        return links

    for i in range(n):
        issuer = rng.choice(issuer_names)
        level = rng.choice(LEVELS)
        low = rng.choice([0, 50, 80, 120, 150, 200, 250, 300, 400, 550, 700, 900])
        months = rng.randint(1, 24)
        front = [f"title: {scalar(titles[i])}\n"]
        if rng.random() < 0.8:
            front.append(f"abbreviation: {''.join(w[0] for w in titles[i].split() if w[0].isupper())}\n")
        front += [f"issuer: {scalar(issuer)}\n",
                  f"summary: {scalar(prose.sentence({'topics': cert_topics[i], 'issuer': issuer, 'links': []}, emphasis=False))}\n",
                  f"level: {level}\n",
                  f"settings: [{', '.join(rng.sample(SETTINGS, rng.randint(1, 3)))}]\n",
                  f"topics: [{', '.join(scalar(t) for t in cert_topics[i])}]\n"]
        if rng.random() < 0.85:
            note = f"\n  note: {rng.choice(['exam fee only', 'varies by location', 'members pay less', 'includes the course'])}" if rng.random() < 0.4 else ""
            front.append(f"cost:\n  min: {low}\n  max: {low + rng.choice([0, 0, 50, 100, 250])}\n  currency: USD{note}\n")
        if rng.random() < 0.8:
            front.append(f"duration_months: {{ min: {months}, max: {months + rng.choice([0, 0, 3, 6, 12])} }}\n")
        if rng.random() < 0.7:
            front.append(f"exam:\n  format: [{', '.join(rng.sample(EXAM_FORMATS, rng.randint(1, 2)))}]\n"
                         f"  questions: {rng.randint(40, 200)}\n  passing_score_percent: {rng.choice([60, 65, 70, 75, 80])}\n"
                         f"  length_minutes: {rng.choice([60, 90, 120, 180, 240])}\n")
        if rng.random() < 0.9:
            front.append("eligibility:\n" + "".join(
                f"  - {rng.choice(['One year', 'Two years', 'Three years', 'Five years'])} of work in {rng.choice(SETTINGS[:5])} libraries\n"
                if k == 0 else f"  - {rng.choice(['A degree', 'A diploma', 'Coursework', 'A reference letter'])} in {rng.choice(TOPICS)}\n"
                for k in range(rng.randint(1, 4))))
        if rng.random() < 0.6:
            front.append(f"renewal:\n  every_years: {rng.randint(2, 5)}\n  by: {rng.choice(['continuing education', 'recertification exam', 'a portfolio of recent work'])}\n")
        front.append(f"verified: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}\n")
        front.append(source_lines(rng, issuer, slugs[i], args.unique_sources))
        if rng.random() < 0.03:
            front.append(f"aliases: [/certs/{slugs[i][:30]}-{i}/]\n")
        ctx = {"topics": cert_topics[i], "issuer": issuer, "links": cert_links(i, "certifications")}
        target = int(rng.triangular(300, 1500, 550))
        write(os.path.join(content, "certifications", f"{slugs[i]}.md"), front, prose.body(ctx, target))

    for j in range(faqs):
        topics = rng.sample(TOPICS, rng.randint(1, 2))
        related = sorted({rng.randrange(n) for _ in range(rng.randint(1, 5))})
        front = [f"question: {scalar(questions[j])}\n", f"order: {j + 1}\n",
                 f"topics: [{', '.join(scalar(t) for t in topics)}]\n",
                 f"related: [{', '.join(slugs[k] for k in related)}]\n",
                 f"verified: 2026-{rng.randint(1, 10):02d}-{rng.randint(1, 28):02d}\n"]
        ctx = {"topics": topics, "issuer": "The issuer", "links": cert_links(related[0], "faq")}
        write(os.path.join(content, "faq", f"{faq_slugs[j]}.md"), front, prose.body(ctx, int(rng.triangular(150, 700, 300)),
                                                                                 headings=rng.random() < 0.3))

    for slug, title, order in PAGES:
        ctx = {"topics": TOPICS[:10], "issuer": "Each issuer", "links": cert_links(0, "pages")}
        front = [f"title: {title}\n", f"order: {order}\n", f"summary: {scalar(prose.sentence(ctx, emphasis=False))}\n"]
        write(os.path.join(content, "pages", f"{slug}.md"), front, prose.body(ctx, 900))


if __name__ == "__main__":
    main()
