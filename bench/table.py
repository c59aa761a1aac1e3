"""The benchmark's tables: a row per figure and a column per size, then Lighthouse, a row per page.
Sizes in kB (1000 bytes)."""
from __future__ import annotations


def kb(size: dict, key: str = "gzip") -> str:
    return f"{size[key] / 1000:.1f}"


def _slowest(run: dict, key: str) -> float:
    return max(ms for step, ms in run["directory"][key].items() if step != "clear")


def rows(report: dict, pages) -> list[tuple[str, list[str]]]:
    """The table: one row per figure, one column per size."""
    runs = [report["runs"][str(n)] for n in report["sizes"]]
    steps = {g["to"]: g for g in report["growth"]}
    table = [
        ("resources / FAQ questions / pages",
         [f"{r['resources']} / {r['faq_questions']} / {r['pages']}" for r in runs]),
        ("build, strict (s)", [f"{r['build_s']:.2f}" for r in runs]),
        ("  growth: time x for size x (exponent)",
         [f"x{steps[n]['time_ratio']} for x{steps[n]['size_ratio']:g} ({steps[n]['exponent']})" if n in steps else "-"
          for n in report["sizes"]]),
        ("  ms per extra resource",
         [f"{steps[n]['ms_per_extra_resource']}" if n in steps else "-" for n in report["sizes"]]),
        ("stock Material build of as many rendered pages (s)",
         [f"{r['stock']['build_s']:.2f} ({r['stock']['pages']})" for r in runs]),
        ("  ours / stock", [f"{r['build_vs_stock']}" for r in runs]),
    ]
    for name in pages:
        table.append((f"{name}: HTML+CSS+JS kB gzip (raw)",
                      [f"{kb(r['weights'][name]['total'])} ({kb(r['weights'][name]['total'], 'raw')})" for r in runs]))
    table += [
        ("stock one-paragraph page kB gzip (raw)",
         [f"{kb(r['stock']['home']['total'])} ({kb(r['stock']['home']['total'], 'raw')})" for r in runs]),
        ("  home / stock page (gzip)", [f"{r['home_vs_stock_gzip']}" for r in runs]),
        ("directory HTML alone kB gzip (raw)",
         [f"{kb(r['weights']['directory']['html'])} ({kb(r['weights']['directory']['html'], 'raw')})" for r in runs]),
        ("directory's own pages: entries / lists",
         [f"{r['directory_pages']['entries']} / {r['directory_pages']['lists']}" for r in runs]),
        ("search scripts kB gzip (raw)",
         [f"{kb(r['search_scripts']['total'])} ({kb(r['search_scripts']['total'], 'raw')})" for r in runs]),
        ("  of which the search engine",
         [kb(r["search_scripts"]["files"]["assets/javascripts/search-engine.mjs"]) for r in runs]),
        ("site search index on disk, kB gzip (files)",
         [f"{kb(r['search_index'])} ({r['search_index']['files']})" for r in runs]),
    ]
    if all("directory" in r for r in runs):
        table += [
            ("first visit, all files fetched, kB gzip: home / stock",
             [f"{kb(r['first_visit']['home']['total'])} / {kb(r['stock']['first_visit']['total'])}" for r in runs]),
            ("  directory", [kb(r["first_visit"]["directory"]["total"]) for r in runs]),
            ("directory first load, kB gzip (until its first result shows)",
             [f"{kb(r['directory']['first_load']['total'])} ({r['directory']['first_load']['requests']} files)"
              for r in runs]),
            ("site search, fetched before it is opened, kB gzip",
             [f"{kb(r['site_search']['before_use']['total'])} ({r['site_search']['before_use']['requests']} files)"
              for r in runs]),
            ("site search, first query 'knife', kB gzip fetched",
             [f"{kb(r['site_search']['first_query']['total'])} ({r['site_search']['first_query']['requests']} files)"
              for r in runs]),
            ("directory first search 'knife', kB gzip fetched",
             [f"{kb(r['directory']['first_search']['total'])} ({r['directory']['first_search']['requests']} files)"
              for r in runs]),
            ("ranking alone, median ms (k..knife)", [f"{r['directory']['rank_median_ms']:.1f}" for r in runs]),
            ("typed key to next frame, median ms (k..knife)",
             [f"{r['directory']['typed_frame_median_ms']:.1f}" for r in runs]),
            ("  slowest typed key / clearing the box",
             [f"{_slowest(r, 'typed_frame_ms'):.1f} / {r['directory']['typed_frame_ms']['clear']:.1f}" for r in runs]),
            ("typed key to its results drawn, median ms",
             [f"{r['directory']['typed_results_median_ms']:.1f}" for r in runs]),
            ("  slowest typed key / clearing the box",
             [f"{_slowest(r, 'typed_results_ms'):.1f} / {r['directory']['typed_results_ms']['clear']:.1f}" for r in runs]),
            ("entries / matching 'knife'",
             [f"{r['directory']['entries']} / {r['directory']['shown_for_last_word']}" for r in runs]),
        ]
    return table


SHORT = {"performance": "Perf", "accessibility": "A11y", "best-practices": "BP", "seo": "SEO",
         "lcp_ms": "LCP", "cls": "CLS"}


def lighthouse_rows(pages: dict) -> list[list[str]]:
    """A row per page: the median run's figures, the ranges of performance and LCP, how many runs had LCP
    over budget, what misses the budget."""
    out = [["page", "Perf (range)", "A11y", "BP", "SEO", "LCP ms (range)", "runs LCP over", "TBT ms", "CLS", "kB",
            "CPU", "over budget"]]
    for name, page in pages.items():
        if "error" not in page:
            out.append([name, f"{page['performance']} ({page['performance_min']}-{page['performance_max']})",
                        *(str(page[key]) for key in ("accessibility", "best-practices", "seo")),
                        f"{page['lcp_ms']} ({page['lcp_ms_min']}-{page['lcp_ms_max']})",
                        f"{page['lcp_runs_over']} of {page['runs']}", str(page["tbt_ms"]),
                        f"{page['cls']:.3f}", f"{page['bytes'] / 1000:.1f}", str(page["cpu_index"]),
                        ", ".join(SHORT[key] for key in page["over_budget"]) or "-"])
    return out


def show_lighthouse(lh: dict | str, machine: str) -> None:
    if isinstance(lh, str):
        print(lh)
        return
    print(f"\nLighthouse {lh['version']}, mobile preset, served gzipped, the median of {lh['runs']} runs per page;",
          machine)
    print(f"budget: {lh['budget']}")
    print("CPU: Lighthouse's benchmark index of this machine during the run; a busy machine scores lower"
          " (Lighthouse warns below 1000) and its TBT and Performance are then not to be trusted")
    table = lighthouse_rows(lh["pages"])
    cols = [max(len(row[i]) for row in table) for i in range(len(table[0]))]
    for row in table:
        print(row[0].ljust(cols[0]), "  ".join(v.rjust(c) for v, c in zip(row[1:-1], cols[1:-1], strict=True)), "", row[-1])
    for name, page in lh["pages"].items():
        if "error" in page:
            print(f"{name}: Lighthouse failed: {page['error']}")
        for category, audits in page.get("failing", {}).items():
            print(f"  {name}, {category} below budget, in the median run: {', '.join(audits)}")


def show(report: dict, pages) -> None:
    if report["sizes"]:
        table = rows(report, pages)
        head = ("N resources", [str(n) for n in report["sizes"]])
        width = max(len(label) for label, _ in [head, *table])
        cols = [max(len(row[1][i]) for row in [head, *table]) for i in range(len(report["sizes"]))]
        for label, values in [head, *table]:
            print(label.ljust(width), "  ".join(v.rjust(c) for v, c in zip(values, cols, strict=True)))
        print("kB = 1000 bytes; gzip at level 6; browser times resolve to 0.1 ms; one build per size;",
              report["versions"]["machine"])
    show_lighthouse(report["lighthouse"], report["versions"]["machine"])
