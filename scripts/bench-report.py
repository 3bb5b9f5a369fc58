"""The table and goals of scripts/bench, as Markdown, from its measured figures."""
import statistics

# The goals of the performance issue (#18): full build against Hugo's wall time, by size (the
# bound of the largest size at or below a guide's), peak memory against Hugo's, the one-edit
# incremental rebuild, and the growth from 1,000 to 10,000 certifications.
FULL_BUILD_RATIO = {1000: 0.8, 10000: 0.5}
PEAK_MEMORY_RATIO = 0.4
INCREMENTAL_MS = 1000
GROWTH_1K_TO_10K = 11


def full_build_ratio(size):
    bounds = [bound for at, bound in sorted(FULL_BUILD_RATIO.items()) if at <= size]
    return bounds[-1] if bounds else FULL_BUILD_RATIO[min(FULL_BUILD_RATIO)]


def median(values):
    return statistics.median(values) if values else None


def seconds(value):
    if value is None:
        return "n/a"
    return f"{value * 1000:.0f} ms" if value < 1 else f"{value:.2f} s"


def megabytes(value):
    return f"{value / 1e6:.1f} MB" if value >= 1e5 else f"{value / 1e3:.1f} KB"


def ratio(a, b):
    return f"{a / b:.2f}" if a is not None and b else "n/a"


def figures(result):
    full = result["full"]
    inc = result["incremental"]
    return {
        "wall": {tool: median([r["seconds"] for r in full[tool]]) for tool in full},
        "peak": {tool: median([r["peak_kb"] * 1024 for r in full[tool]]) for tool in full},
        "rebuild": {tool: median([r["seconds"] for r in inc[tool]]) for tool in ("certguide", "hugo")},
        "server": median(inc["hugo_server"]) / 1000 if inc["hugo_server"] else None,
        "cmark": median(result["cmark"]),
    }


def size_table(result, meta):
    f, out = figures(result), result["output"]
    cg, hu = out["certguide"], out["hugo"]
    rate = {tool: out[tool]["html_pages"] / f["wall"][tool] for tool in out}
    rows = [
        ("Full build, wall", seconds(f["wall"]["certguide"]), seconds(f["wall"]["hugo"]), ratio(f["wall"]["certguide"], f["wall"]["hugo"])),
        ("HTML pages written", f"{cg['html_pages']:,}", f"{hu['html_pages']:,}", ratio(cg["html_pages"], hu["html_pages"])),
        ("HTML pages per second", f"{rate['certguide']:,.0f}", f"{rate['hugo']:,.0f}", ratio(rate["certguide"], rate["hugo"])),
        ("Peak memory (max RSS)", megabytes(f["peak"]["certguide"]), megabytes(f["peak"]["hugo"]), ratio(f["peak"]["certguide"], f["peak"]["hugo"])),
        ("Output, all files", megabytes(cg["bytes"]), megabytes(hu["bytes"]), ratio(cg["bytes"], hu["bytes"])),
        ("Search index (certguide: search/*.json; Hugo: index.json)", megabytes(cg["search_bytes"]), megabytes(hu["search_bytes"]),
         ratio(cg["search_bytes"], hu["search_bytes"])),
    ]
    certguide_rebuild = seconds(f["rebuild"]["certguide"]) + " (`build --incremental`)" if meta["incremental_flag"] else "n/a (no --incremental)"
    rows.append(("Rebuild after editing one certification", certguide_rebuild, seconds(f["rebuild"]["hugo"]) + " (full `hugo`)",
                 ratio(f["rebuild"]["certguide"], f["rebuild"]["hugo"])))
    if meta["hugo_server"]:
        rows.append(("… Hugo's own: `hugo server` rebuild, from its log", "", seconds(f["server"]) + " (in memory)",
                     ratio(f["rebuild"]["certguide"], f["server"])))
    lines = [f"### {result['size']:,} certifications, {result['faqs']:,} questions, 3 pages "
             f"({result['words'] / 1e6:.2f} M words of Markdown, {megabytes(result['bodies_bytes'])})", "",
             f"| figure (median of {meta['runs']}) | certguide | Hugo {meta['versions']['hugo']} | certguide / Hugo |", "|---|---|---|---|"]
    lines += [f"| {a} | {b} | {c} | {d} |" for a, b, c, d in rows]
    lines += ["", f"Markdown alone: `cmark` {meta['versions']['cmark']} on every body concatenated into one file: "
              f"{seconds(f['cmark'])}; the certguide build takes {ratio(f['wall']['certguide'], f['cmark'])}× that, "
              f"Hugo {ratio(f['wall']['hugo'], f['cmark'])}×.", ""]
    return lines


def verdict(ok):
    return "n/a" if ok is None else ("met" if ok else "not met")


def goals(results, meta):
    by_size = {r["size"]: figures(r) for r in results}
    lines = ["### Goals", "", "| goal | size | figure | verdict |", "|---|---|---|---|"]
    for size, f in by_size.items():
        r = f["wall"]["certguide"] / f["wall"]["hugo"]
        bound = full_build_ratio(size)
        lines.append(f"| full build ≤ {bound}× Hugo's wall time | {size:,} | {r:.2f}× | {verdict(r <= bound)} |")
    for size, f in by_size.items():
        r = f["peak"]["certguide"] / f["peak"]["hugo"]
        lines.append(f"| peak memory ≤ {PEAK_MEMORY_RATIO}× Hugo's | {size:,} | {r:.2f}× | {verdict(r <= PEAK_MEMORY_RATIO)} |")
    for size, f in by_size.items():
        ms = f["rebuild"]["certguide"]
        shown = f"{ms * 1000:.0f} ms" if ms is not None else "n/a (no --incremental)"
        lines.append(f"| one-certification incremental rebuild ≤ {INCREMENTAL_MS} ms | {size:,} | {shown} | "
                     f"{verdict(ms is not None and ms * 1000 <= INCREMENTAL_MS)} |")
    if 1000 in by_size and 10000 in by_size:
        growth = {tool: by_size[10000]["wall"][tool] / by_size[1000]["wall"][tool] for tool in ("certguide", "hugo")}
        lines.append(f"| full build 1,000 → 10,000 grows ≤ {GROWTH_1K_TO_10K}× | both | {growth['certguide']:.1f}× "
                     f"(Hugo {growth['hugo']:.1f}×) | {verdict(growth['certguide'] <= GROWTH_1K_TO_10K)} |")
    else:
        lines.append(f"| full build 1,000 → 10,000 grows ≤ {GROWTH_1K_TO_10K}× | — | needs both sizes in one run | n/a |")
    return lines + [""]


def render(results, meta):
    versions = meta["versions"]
    head = ["# Build benchmark: certguide against Hugo", "",
            f"certguide {versions['certguide']} (release), Hugo {versions['hugo']}, cmark {versions['cmark']}; "
            f"{meta['cores']} cores, load average {meta['load'][0]:.1f} before and {meta['load'][1]:.1f} after; "
            f"{meta['runs']} runs per figure, certguide and Hugo alternating; guide seed {meta['seed']}.", "",
            "Full builds go into an empty folder. The rebuild appends a line to one certification and rebuilds into "
            "the existing output (certguide `build --incremental` after one untimed incremental build; Hugo a full `hugo`"
            + (", and `hugo server` with fast render off, timed by its own log" if meta["hugo_server"] else "")
            + "); the edit is checked on the rebuilt page. Peak memory is GNU time's maximum resident set size.", ""]
    body = []
    for result in results:
        body += size_table(result, meta)
    return "\n".join(head + body + goals(results, meta))
