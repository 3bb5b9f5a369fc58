#!/usr/bin/env python3
"""Turns a guide's Content/ into a Hugo site of the same entries, for the build benchmark.

    scripts/bench-hugo.py CONTENT_DIR HUGO_SITE_DIR

Front matter stays YAML; a question's `question` becomes its `title` and `order` its `weight`.
Relative .md links become the URLs certguide gives those entries (`../faq/x.md` -> `/faq/x/`,
`../pages/about.md` -> `/about/`), free pages sit at the top of content/ so their URLs match
too, and `compare` and `search` pages are added for the generator's own lists. Configuration
and layouts come from scripts/bench-hugo-site/; title, base URL, description and menu from
site.yml. scripts/bench calls `convert`, and `server_rebuilds` for Hugo's own rebuild times.
"""
import json
import os
import posixpath
import queue
import re
import shutil
import socket
import subprocess
import sys
import threading
import time
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
TEMPLATE_SITE = os.path.join(HERE, "bench-hugo-site")
LINK = re.compile(r"\]\(([^)\s]+?)\.md(#[^)\s]*)?\)")


def site_settings(content):
    text = open(os.path.join(content, "site.yml"), encoding="utf-8").read()

    def value(key):
        match = re.search(rf"^{key}:\s*(.+)$", text, re.M)
        raw = match.group(1).strip() if match else ""
        return json.loads(raw) if raw.startswith('"') else raw.strip("'")

    menu = re.findall(r"\{\s*title:\s*([^,]+?),\s*url:\s*([^\s}]+)\s*\}", text)
    return value("title"), value("base_url"), value("description"), menu


def url_of(target):
    """certguide's URL of a Content-relative entry path such as `faq/x`."""
    folder, _, slug = target.partition("/")
    return f"/{slug}/" if folder == "pages" else f"/{folder}/{slug}/"


def rewrite_links(body, folder):
    def replace(match):
        target = posixpath.normpath(posixpath.join(folder, match.group(1)))
        return f"]({url_of(target)}{match.group(2) or ''})"
    return LINK.sub(replace, body)


def convert_entry(text, folder):
    _, front, body = text.split("---\n", 2)
    extra = []
    if folder == "faq":
        question = re.search(r"^question:\s*(.+)$", front, re.M).group(1)
        extra.append(f"title: {question}\n")
    order = re.search(r"^order:\s*(\d+)$", front, re.M)
    if order:
        extra.append(f"weight: {order.group(1)}\n")
    return "---\n" + front + "".join(extra) + "---\n" + rewrite_links(body, folder)


def convert(content, site):
    """Writes the Hugo site; returns the number of entries converted."""
    if os.path.exists(site):
        shutil.rmtree(site)
    shutil.copytree(os.path.join(TEMPLATE_SITE, "layouts"), os.path.join(site, "layouts"))
    title, base_url, description, menu = site_settings(content)
    config = open(os.path.join(TEMPLATE_SITE, "config.yaml"), encoding="utf-8").read()
    config += f"title: {json.dumps(title)}\nbaseURL: {json.dumps(base_url)}\nparams:\n  description: {json.dumps(description)}\n"
    config += "menu:\n  main:\n" + "".join(f"    - {{ name: {json.dumps(name)}, url: {json.dumps(url)}, weight: {i} }}\n"
                                           for i, (name, url) in enumerate(menu))
    with open(os.path.join(site, "config.yaml"), "w", encoding="utf-8") as f:
        f.write(config)
    out = os.path.join(site, "content")
    count = 0
    for folder, target, index_title in (("certifications", "certifications", "Certifications"), ("faq", "faq", "Questions"),
                                        ("pages", "", None)):
        source = os.path.join(content, folder)
        os.makedirs(os.path.join(out, target), exist_ok=True)
        if index_title:
            with open(os.path.join(out, target, "_index.md"), "w") as f:
                f.write(f"---\ntitle: {index_title}\n---\n")
        for name in sorted(os.listdir(source)):
            if name.endswith(".md"):
                text = open(os.path.join(source, name), encoding="utf-8").read()
                with open(os.path.join(out, target, name), "w", encoding="utf-8") as f:
                    f.write(convert_entry(text, folder))
                count += 1
    for slug, page_title in (("compare", "Compare certifications"), ("search", "Search")):
        with open(os.path.join(out, f"{slug}.md"), "w") as f:
            f.write(f"---\ntitle: {page_title}\nlayout: {slug}\n---\n")
    with open(os.path.join(out, "_index.md"), "w") as f:
        f.write(f"---\ntitle: {json.dumps(title)}\n---\n")
    return count


def server_rebuilds(site, path, runs, mark, slug, timeout=1800):
    """Rebuild times `hugo server` logs ("Total in N ms") after appending to `path`, one per run.

    Fast render is off, so Hugo rebuilds every page the edit affects and not only the ones a
    browser has open; it renders into memory. Each rebuilt page is fetched to check the edit.
    """
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = subprocess.Popen(["hugo", "server", "--source", site, "--port", str(port), "--bind", "127.0.0.1",
                                "--disableFastRender", "--disableLiveReload"],
                               stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    lines = queue.Queue()
    threading.Thread(target=lambda: [lines.put(line) for line in process.stdout], daemon=True).start()

    def wait_for(pattern):
        deadline = time.time() + timeout
        while time.time() < deadline:
            try:
                match = re.search(pattern, lines.get(timeout=1))
            except queue.Empty:
                if process.poll() is not None:
                    raise RuntimeError("hugo server stopped")
                continue
            if match:
                return match
        raise RuntimeError(f"hugo server: no {pattern!r} within {timeout} s")

    times = []
    try:
        wait_for(r"Web Server is available")
        for number in range(runs):
            with open(path, "a", encoding="utf-8") as f:
                f.write(f"\n{mark} server {number}.\n")
            times.append(int(wait_for(r"Total in (\d+) ms").group(1)))
            page = urllib.request.urlopen(f"http://127.0.0.1:{port}/certifications/{slug}/", timeout=60).read().decode()
            if f"{mark} server {number}." not in page:
                raise RuntimeError("hugo server: the rebuilt page does not show the edit")
            time.sleep(1)  # let a late file event's rebuild finish before the next edit
            while not lines.empty():
                lines.get()
    finally:
        process.terminate()
        process.wait()
    return times


if __name__ == "__main__":
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    print(f"{convert(sys.argv[1], sys.argv[2])} entries -> {sys.argv[2]}")
