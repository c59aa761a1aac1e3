"""How well the directory and the site search answer what people type: the judged queries of
bench/queries.yml run on a built site, with a line for each query that fails and a score at the end.

A report for people, never a CI gate: it judges today's content (`make relevance`; `make bench` runs it
too). The engine is the one the pages use (bench/relevance.mjs, in Node).

    python -m bench.relevance SITE_DIR
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
QUERIES = ROOT / "bench" / "queries.yml"


def judge(query: dict, got: dict) -> list[str]:
    """What is wrong with one query's results (nothing: it passes)."""
    results, wrong = got["results"], []
    if query.get("chooses") and got["area"] != query["chooses"]:
        wrong.append(f'chose the area "{got["area"]}", not {query["chooses"]}')
    if query.get("top1") and (not results or results[0] not in query["top1"]):
        wrong.append(f"first is {results[0] if results else 'nothing'}, not one of {query['top1']}")
    if query.get("top3") and not set(results[:3]) & set(query["top3"]):
        wrong.append(f"none of {query['top3']} in the first three")
    if query.get("not_top3") and set(results[:3]) & set(query["not_top3"]):
        wrong.append(f"{sorted(set(results[:3]) & set(query['not_top3']))} in the first three")
    if query.get("site") and not set(got.get("site", [])[:3]) & set(query["site"]):
        wrong.append(f"site search: none of {query['site']} in the first three ({got.get('site', [])[:3]})")
    return wrong


def run(site: Path) -> dict:
    queries = yaml.safe_load(QUERIES.read_text(encoding="utf-8"))["queries"]
    out = subprocess.run(["node", str(ROOT / "bench" / "relevance.mjs"), str(site)], input=json.dumps(queries),
                         capture_output=True, text=True, check=True).stdout
    answers = [json.loads(line) for line in out.splitlines()]
    report = [{"q": q["q"], "who": q["who"], "results": a["results"][:3], "site": a.get("site", [])[:3],
               "wrong": judge(q, a)} for q, a in zip(queries, answers, strict=True)]
    return {"queries": len(report), "passed": sum(1 for r in report if not r["wrong"]), "report": report}


def show(result: dict) -> None:
    for r in result["report"]:
        if r["wrong"]:
            print(f'FAIL "{r["q"]}" ({r["who"]}): {"; ".join(r["wrong"])}\n     first three: {r["results"]}')
    print(f"\nRelevance: {result['passed']} of {result['queries']} judged queries answered well "
          f"({100 * result['passed'] / max(1, result['queries']):.0f}%).")


if __name__ == "__main__":
    show(run(Path(sys.argv[1])))
