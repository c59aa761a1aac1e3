"""`make check`: validate data/ without building the site, and list content warnings.

Exit 1 on any data problem. Content warnings (reviews due, vague link text, images without
alternative text) are printed; with --strict (the scheduled job) they fail too. A phone or text number
not yet in data/numbers.yml is printed as new, to be confirmed by a reviewer: it never fails the check
(`--new-numbers` prints only those, as Markdown).

In GitHub Actions (GITHUB_ACTIONS is set, or --github) each problem is also printed as a workflow
command, `::error file=data/x.yml,line=21,title=...::...`, which GitHub shows on that line of the
pull request's "Files changed", and a short summary in plain English goes to $GITHUB_STEP_SUMMARY
(new numbers as notices, and listed in the summary for the reviewer).
"""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vrp.data.content import warnings
from vrp.data.numbers import new_numbers
from vrp.data.problems import DataError, Problem
from vrp.build import load

ANNOTATIONS_SHOWN = 10  # GitHub shows at most 10 error and 10 warning annotations from one step


def escape_data(text: str) -> str:
    """A workflow command's message, escaped as GitHub's actions toolkit does."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """A workflow command's property value (file, title): also `:` and `,`, which end a property."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def annotation(problem: Problem, level: str = "error") -> str:
    """One problem as a GitHub Actions workflow command."""
    title = ", ".join(part for part in (problem.record, f'field "{problem.field}"' if problem.field else "") if part)
    title = title or f"{problem.file}, line {problem.line}"
    message = f"{problem.message} — {problem.fix}"
    return (f"::{level} file={escape_property(problem.file)},line={problem.line},"
            f"title={escape_property(title)}::{escape_data(message)}")


def _item(problem: Problem) -> str:
    where = ", ".join(part for part in (problem.record, f'field "{problem.field}"' if problem.field else "") if part)
    head = f"**{problem.file}, line {problem.line}**" + (f" ({where})" if where else "")
    fix = problem.fix if problem.fix.endswith((".", "?", ")")) else problem.fix + "."
    return f"- {head}: {problem.message}. **What to do:** {fix}"


def new_numbers_summary(new: list[Problem]) -> str:
    """The new numbers, for the reviewer: each to be checked on the organisation's own website."""
    if not new:
        return ""
    n = len(new)
    lines = [f"### {n} new phone or text number{'s' if n != 1 else ''}, to be confirmed by a reviewer", "",
             "The data check passes with them. Before merging, a reviewer checks each on the organisation's own "
             "website and adds it to `data/numbers.yml` with the page it was checked on.", ""]
    lines += [_item(p) for p in new]
    return "\n".join(lines) + "\n"


def summary(problems: list[Problem], found: list[Problem], counts: str = "", strict: bool = False,
            new: list[Problem] = ()) -> str:
    """The job summary an editor reads on the pull request's Checks tab, in plain English."""
    lines = []
    if problems:
        n = len(problems)
        lines += [f"## The data check found {n} problem{'s' if n != 1 else ''} to fix", "",
                  "Nothing is published until every one is fixed. Open the file, go to the line, make the "
                  "change, and commit it to the same branch: the checks run again by themselves.", ""]
        if n > ANNOTATIONS_SHOWN:
            lines += [f"GitHub marks only the first {ANNOTATIONS_SHOWN} on their lines in **Files changed**; "
                      f"all {n} are listed here.", ""]
        lines += [_item(p) for p in problems]
        lines += ["", "The tests and the build did not run: they start once the data is valid."]
    else:
        lines += ["## The data is valid", "", f"Every data file passed its checks{': ' + counts if counts else ''}.",
                  "The tests and the build run next; a green tick on the pull request means they passed too."]
    if found:
        n = len(found)
        kind = ("problem" if n == 1 else "problems") if strict else (
            "warning (it does not stop your change)" if n == 1 else "warnings (they do not stop your change)")
        lines += ["", f"### {n} content {kind}", ""]
        lines += [_item(w) for w in found]
    text = "\n".join(lines) + "\n"
    return text + ("\n" + new_numbers_summary(list(new)) if new else "")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--root", type=Path, default=Path.cwd())
    parser.add_argument("--strict", action="store_true", help="fail on content warnings too")
    parser.add_argument("--github", action="store_true", default=os.environ.get("GITHUB_ACTIONS") == "true",
                        help="also print GitHub Actions annotations and write the job summary")
    parser.add_argument("--new-numbers", action="store_true",
                        help="print only the numbers not yet in data/numbers.yml, as Markdown for a reviewer")
    args = parser.parse_args(argv)
    if args.new_numbers:
        print(new_numbers_summary(new_numbers(args.root)) or "No new phone or text numbers.", end="\n")
        return 0
    summary_file = os.environ.get("GITHUB_STEP_SUMMARY") if args.github else None
    try:
        site = load(args.root).site
    except DataError as error:
        print(error, file=sys.stderr)
        if args.github:
            for problem in error.problems:
                print(annotation(problem))
        if summary_file:
            with open(summary_file, "a", encoding="utf-8") as out:
                out.write(summary(error.problems, []))
        return 1
    found = warnings(site, args.root)
    for warning in found:
        print(f"warning: {warning}")
        if args.github:
            print(annotation(warning, "error" if args.strict else "warning"))
    new = new_numbers(args.root)
    for number in new:
        print(f"new number: {number}")
        if args.github:
            print(annotation(number, "notice"))
    counts = {"resource": len(site.entries), "question": sum(len(s.questions) for s in site.faq),
              "spoke": len(site.spokes), "update": len(site.updates), "new number": len(new), "content warning": len(found)}
    said = [f"{n} {what}{'' if n == 1 else 's'}" for what, n in counts.items()]
    print(f"data/ is valid: {', '.join(said[:-1])}; {said[-1]}.")
    if summary_file:
        with open(summary_file, "a", encoding="utf-8") as out:
            out.write(summary([], found, ", ".join(said[:-1]), args.strict, new))
    return 1 if args.strict and found else 0


if __name__ == "__main__":
    sys.exit(main())
