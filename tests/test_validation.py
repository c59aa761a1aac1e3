"""An editor's mistakes: each must name the file, line, record and field with a fix in plain words,
and stop the build; an edit that is valid must pass.

Table-driven: every case changes one thing in a small valid data set (tests/fixtures/data, with a
few pages in tests/fixtures/docs), so no case depends on today's content.
"""
from __future__ import annotations

import datetime as dt
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, build, copy_project
from vrp.data.problems import DataError
from conftest import load

pytestmark = pytest.mark.fast  # make test-fast

FIXTURES = ROOT / "tests" / "fixtures"
TODAY = dt.date(2026, 11, 23)
PARSER_WORDS = re.compile(r"<block|scalar|token|mapping|sequence|stream|constructor", re.I)

# (case, file, text to find (None: the whole file), replacement, what must be said)
# What must be said is None when the edit is valid, else
# (line, record, field, words in what is wrong, words in what to do).
CASES = [
    # --- valid edits: accepted -------------------------------------------------------------
    ("byte-order mark", "faq", "# yaml-language-server", "\ufeff# yaml-language-server", None),
    ("capitals in a web address's host", "resources", "https://www.childline.org.uk/", "https://www.ChildLine.org.uk/", None),
    ("tab inside a text value", "resources", "Free, private help", "Free,\tprivate help", None),
    ("tab after the colon", "resources", "    title: Childline", "    title:\tChildline", None),
    ("tab inside block text", "faq", "          It is a partnership.", "          It is\ta partnership.", None),
    ("Windows line endings", "faq", None, "CRLF", None),
    ("text with a colon, in quotes", "resources", "    title: Childline", '    title: "Childline: free help"', None),
    ('"no" in quotes', "faq", "        answer: The hub.", '        answer: "no"', None),
    ("a link in a Markdown field", "resources", "Free, private help", "Free, private [help](https://www.childline.org.uk/)", None),
    ("a link to another question", "faq", "        answer: The hub.", "        answer: See [what it is](faq.md#what-is-it).", None),
    ("a link to a question from the directory", "resources", "The local unit.", "The local unit ([what it is](faq.md#what-is-it)).", None),
    ("a link to a heading of a page", "faq", "        answer: The hub.", "        answer: See [where we work](index.md#where).", None),
    ("a less-than sign that is not a tag", "resources", "anyone under 19", "anyone aged <19 or 19 < 25", None),
    ("yes for true", "help", "        compact: true\n  - id: child-at-risk", "        compact: yes\n  - id: child-at-risk", None),
    ("updates in any order", "updates", "items:\n", "items:\n  - id: older\n    title: Older\n    date: 2019-01-01\n"
     "    summary: Older.\n    body: Older.\n    source: {title: Police news, url: 'https://www.avonandsomerset.police.uk/'}\n", None),
    ("an area's front door", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}", "    safeguarding: {children: local-team}\n    contact: {email: VRU_Project@bathnes.gov.uk}", None),
    ("spaces at the end of a line", "resources", "    title: Childline", "    title: Childline   ", None),
    ("a small heading in an answer", "faq", "          It is a partnership.", "          It is a partnership.\n\n          ### Who is in it", None),
    ("a line of dashes between paragraphs", "faq", "          It is a partnership.", "          It is a partnership.\n\n          ---\n\n          More.", None),
    ("a curly apostrophe and quotes inside a text", "resources", "    title: Childline", "    title: The “Childline” service’s line", None),
    ("a mobile number", "resources", "0800 1111", "07700 900123", None),
    ("a local number in a description", "resources", "Free, private help", "Free, private help on 0117 922 2700", None),
    # links: one way in every Markdown field, our pages by their file in docs/ from the top of the site
    ("a link to the FAQ from an update", "updates", "    body: They met.", "    body: They met. See [our FAQ](faq.md).", None),
    ("a link to a question from an area's text", "spokes", "    about: It does things.",
     "    about: It does [what the FAQ says](faq.md#what-is-it).", None),
    ("a link to another area from an area's text", "spokes", "    about: It does things.",
     "    about: It works with [Bristol](spokes/bristol.md).", None),
    ("a link to an entry from a help line", "help", "        when: If you are under 19\n",
     "        when: If you are under 19\n        what_happens: Or ask [the local team](resources.md#local-team).\n", None),
    ("a link to an entry from a description", "resources", "The local unit.", "The local unit, like [Childline](resources.md#childline).", None),
    ("a link to an update from a question", "faq", "        answer: The hub.", "        answer: See [the meeting](updates/first-meeting.md).", None),
    ("a link to the home page from an update", "updates", "    body: They met.", "    body: See [our home page](index.md#where).", None),
    ("a link written as a reference", "faq", "          It is a partnership.",
     "          It is a [partnership][faq].\n\n          [faq]: faq.md#who-runs-it", None),

    # --- YAML that cannot be read: plain English, at the line of the mistake ----------------
    ("block text without a vertical bar", "faq", "        answer: |\n          It is a partnership.",
     "        answer:\n          It is a partnership: the hub and five spokes.",
     (8, 'question "what-is-it"', "answer", ["read as fields"], ['"answer: |"', "line 8"])),
    ("block text without a vertical bar, a colon further down", "faq", "        answer: |\n          It is a partnership.",
     "        answer:\n          It is a partnership.\n          It has a hub: the office of the commissioner.",
     (8, 'question "what-is-it"', "answer", ["nothing follows the colon"], ['"answer: |"', "line 8"])),
    ("a link to an entry's own page", "faq", "        answer: The hub.", "        answer: See [Childline](resources/childline.md).",
     (15, 'question "who-runs-it"', "answer", ["a directory entry is linked by its id"], ["resources.md#childline"])),
    ("tab indentation", "faq", "        question: What is it?", "\t    question: What is it?",
     (7, 'question "what-is-it"', "question", ["indented with a tab"], ["spaces"])),
    ("list item indented one space more", "resources", "  - id: local-team", "   - id: local-team",
     (14, 'resource "local-team"', "id", ["line 14 is indented 1 space more than line 3"], ["2 spaces", "like line 3"])),
    ("list item indented one space less", "resources", "  - id: local-team", " - id: local-team",
     (14, 'resource "local-team"', "id", ["line 14 is indented 1 space less than line 3"], ["2 spaces"])),
    ("field indented one space more", "resources", "    organisation: NSPCC", "     organisation: NSPCC",
     (5, 'resource "childline"', "organisation", ["line 5 is indented 1 space more than line 4 above it"], ["4 spaces"])),
    ("field indented one space less", "resources", "    organisation: NSPCC", "   organisation: NSPCC",
     (5, 'resource "childline"', "organisation", ["line 5 is indented 1 space less than line 4 above it"], ["4 spaces"])),
    ("field under a group indented one less", "updates", "      url: https://www.avon", "     url: https://www.avon",
     (10, 'update "first-meeting"', "url", ["line 10 is indented 1 space less than line 9"], ["6 spaces"])),
    ("unclosed quote, closed by a later one", "resources", "    title: Childline", '    title: "Childline',
     (4, 'resource "childline"', "title", ['the quote (") opened on line 4 is never closed'], ['title: "Childline"'])),
    ("unclosed quote at the end of the file", "places", "    url: https://www.ons.gov.uk/", '    url: "https://www.ons.gov.uk/',
     (11, "", "url", ["opened on line 11 is never closed"], ['"https://www.ons.gov.uk/"'])),
    ("unclosed single quote", "resources", "    title: Local team", "    title: 'Local team",
     (15, 'resource "local-team"', "title", ["(') opened on line 15 is never closed"], ["'Local team'"])),
    ('": " inside unquoted text', "resources", "    title: Childline", "    title: Childline: free help",
     (4, 'resource "childline"', "title", ['contains ": "'], ['title: "Childline: free help"'])),
    ("text that starts with a quote", "resources", "    title: Childline", '    title: "Childline" by NSPCC',
     (4, 'resource "childline"', "title", ["starts with a quote"], ["""title: '"Childline" by NSPCC'"""])),
    ("text that starts with *", "resources", "    title: Childline", "    title: *Childline*",
     (4, 'resource "childline"', "title", ["starts with an asterisk"], ['title: "*Childline*"'])),
    ("text that starts with [", "resources", "    title: Childline", "    title: [New] Childline",
     (4, 'resource "childline"', "title", ["starts with a square bracket"], ['title: "[New] Childline"'])),
    ("text that starts with @", "resources", "    title: Childline", "    title: @Childline",
     (4, 'resource "childline"', "title", ["starts with an at sign"], ['title: "@Childline"'])),
    ("text that starts with !", "resources", "    title: Childline", "    title: !Childline",
     (4, 'resource "childline"', "title", ["starts with an exclamation mark"], ['title: "!Childline"'])),
    ("list not closed", "resources", "    topics: [knife-crime]", "    topics: [knife-crime",
     (11, 'resource "childline"', "topics", ['the list that starts with "[" on line 11 is not closed'], ['"]"'])),
    ("no space after the colon", "resources", "    title: Childline", "    title:Childline",
     (4, 'resource "childline"', "", ["no space after the colon"], ["title: Childline"])),
    ("no space after the dash", "resources", "  - id: local-team", "  -id: local-team",
     (14, "", "", ['no space after the "-"'], ["- id: local-team"])),
    ("a line of an answer indented like its field", "faq", "          It is a partnership.",
     "          It is a partnership.\n        And it has a hub.",
     (10, 'question "what-is-it"', "", ["line 10 is indented less than the text above it (line 9)"], ["start it with 10 spaces, like line 9"])),
    ("a line of a one-line answer indented like its field", "faq", "        answer: The hub.", "        answer: The hub\n        and five spokes.",
     (16, 'question "who-runs-it"', "", ['line 16 is not indented under the field "answer" on line 15'], ["start it with 10 spaces"])),
    ("block text indented less", "faq", "          It is a partnership.", "          It is a partnership.\n         And more.",
     (10, 'question "what-is-it"', "", ["line 10 is indented less than the text above it (line 9)"], ["10 spaces"])),
    ("a second document", "updates", "items:", "---\nitems:\n---",
     (4, "", "", ['starts a second document ("---")'], ["remove that line"])),
    ("not saved as UTF-8", "resources", "    organisation: NSPCC", "    organisation: NSPCC £", (5, "", "", ["not saved as UTF-8"], ["UTF-8"])),
    ("empty file", "updates", None, "", (1, "", "", ["the file is empty"], ["restore"])),

    # --- YAML that reads, but not as the editor meant ---------------------------------------
    ("answer: no", "faq", "        answer: The hub.", "        answer: no",
     (15, 'question "who-runs-it"', "answer", ["no is read by YAML as a yes-or-no value (false)"], ['put the value in quotes: answer: "no"'])),
    ("title: yes", "resources", "    title: Childline", "    title: yes",
     (4, 'resource "childline"', "title", ["yes is read by YAML as a yes-or-no value (true)"], ['title: "yes"'])),
    ("title: on", "resources", "    title: Childline", "    title: on",
     (4, 'resource "childline"', "title", ["on is read by YAML"], ['title: "on"'])),
    ("id with a leading zero", "resources", "  - id: local-team", "  - id: 0700",
     (14, 'resource "0700"', "id", ["0700 is read by YAML as the number 448", "leading zero"], ['id: "0700"'])),
    ("phone number without quotes", "help", '        number: "999"', "        number: 999",
     (7, 'situation "in-danger-now"', "lines[1].number", ["999 is read by YAML as a number"], ['number: "999"'])),
    ("a field with no value", "resources", "    title: Childline", "    title:",
     (4, 'resource "childline"', "title", ["has no value"], ["after the colon"])),
    ("duplicate key", "resources", "    phone: 0800 1111", "    phone: 0800 1111\n    phone: 0800 1111",
     (9, 'resource "childline"', "phone", ['the field "phone" appears twice'], ["keep only one"])),
    ("new entry without its dash", "resources", "  - id: local-team", "    id: local-team",
     (14, 'resource "childline"', "id", ['the field "id" appears twice'], ['begin that line with "- "'])),
    ("missing schema line", "faq", "# yaml-language-server: $schema=../schemas/faq.schema.json", "# FAQ",
     (1, "", "", ["first line"], ["# yaml-language-server: $schema=../schemas/faq.schema.json"])),

    # --- the schema: fields, types and forms ------------------------------------------------
    ("missing required field", "resources", "    organisation: NSPCC\n", "",
     (3, 'resource "childline"', "organisation", ["is missing"], ["add it", "Who runs or publishes it"])),
    ("misspelt field", "resources", "    title: Childline", "    titel: Childline",
     (4, 'resource "childline"', "titel", ["is not a known field"], ['did you mean "title"?'])),
    ("unknown field", "spokes", "    summary: The local spoke.", "    summary: The local spoke.\n    mayor: Someone",
     (8, 'spoke "banes"', "mayor", ["is not a known field"], ["known fields"])),
    ("misspelt list", "faq", "    questions:", "    questionz:",
     (5, 'section "basics"', "questionz", ["is not a known field"], ['did you mean "questions"?'])),
    ("a list written as one value", "resources", "    audiences: [public]", "    audiences: public",
     (10, 'resource "childline"', "audiences", ["should be a list"], ["[public]"])),
    ("words for a number", "spokes", "      amount: 114884", "      amount: lots",
     (11, 'spoke "banes"', "funding.amount", ["should be a whole number"], [])),
    ("javascript: web address", "resources", "https://www.childline.org.uk/", "javascript:alert(1)",
     (7, 'resource "childline"', "url", ['"javascript:alert(1)" is not in the right form'], ["https://"])),
    ("web address without https://", "resources", "https://www.childline.org.uk/", "www.childline.org.uk",
     (7, 'resource "childline"', "url", ["is not in the right form"], ["https://"])),
    ("http:// for a resource", "resources", "https://www.childline.org.uk/", "http://www.childline.org.uk/",
     (7, 'resource "childline"', "url", ["is not in the right form"], ["https://"])),
    ("space inside a web address", "resources", "https://www.childline.org.uk/", "https://www.child line.org.uk/",
     (7, 'resource "childline"', "url", ["is not in the right form"], ["https://"])),
    ("mailto: in an email", "resources", "VRU_Project@bathnes.gov.uk", "mailto:VRU_Project",
     (19, 'resource "local-team"', "email", ["is not in the right form"], ["email address"])),
    ("words in a phone number", "resources", "0800 1111", "call 0800-1111",
     (8, 'resource "childline"', "phone", ["is not in the right form"], ["UK number"])),
    ("a foreign phone number", "resources", "0800 1111", "+1 555 0100",
     (8, 'resource "childline"', "phone", ["is not in the right form"], ["UK number"])),
    ("id with capitals and spaces", "resources", "  - id: local-team", "  - id: Local Team",
     (14, 'resource "Local Team"', "id", ["is not in the right form"], ["lower-case"])),
    ("date written the British way", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 10/01/2026",
     (13, 'resource "childline"', "last_reviewed", ["is not in the right form"], ["YYYY-MM-DD"])),
    ("date without leading zeros", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 2026-1-10",
     (13, 'resource "childline"', "last_reviewed", ["is not in the right form"], ["YYYY-MM-DD"])),
    ("impossible date", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 2026-02-30",
     (13, 'resource "childline"', "last_reviewed", ['"2026-02-30" is not a real date'], ["day and month"])),
    ("date in the future", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 2027-01-10",
     (13, 'resource "childline"', "last_reviewed", ["2027-01-10 is in the future"], ["today or earlier"])),
    ("update dated in the future", "updates", "date: 2019-09-27", "date: 2030-09-27",
     (5, 'update "first-meeting"', "date", ["is in the future"], ["today or earlier"])),
    ("an area checked on an impossible day", "spokes", "last_checked: 2026-02-01", "last_checked: 2026-02-30",
     (19, 'spoke "banes"', "last_checked", ['"2026-02-30" is not a real date'], ["day and month"])),
    ("an area checked in the future", "spokes", "last_checked: 2026-02-01", "last_checked: 2027-02-01",
     (19, 'spoke "banes"', "last_checked", ["is in the future"], ["today or earlier"])),
    ("an area's check date written the British way", "spokes", "last_checked: 2026-02-01", "last_checked: 01/02/2026",
     (19, 'spoke "banes"', "last_checked", ["is not in the right form"], ["YYYY-MM-DD"])),
    ("an area without its check date", "spokes", "    last_checked: 2026-02-01\n  - id: bristol", "  - id: bristol",
     (3, 'spoke "banes"', "last_checked", ["is missing"], ["YYYY-MM-DD"])),
    ("title too long", "resources", "    title: Childline", "    title: " + "Childline " * 10,
     (4, 'resource "childline"', "title", ["is 99 characters long; the limit is 80"], ['say the rest in the field "description"'])),
    ("description too long", "resources", "    description: Free, private help for anyone under 19.", "    description: " + "Free help. " * 61,
     (6, 'resource "childline"', "description", ["is 670 characters long; the limit is 600"],
      ["shorten it by at least 70 characters", "the page its url links to"])),
    ("empty answer", "faq", "        answer: The hub.", '        answer: ""',
     (15, 'question "who-runs-it"', "answer", ["is empty"], ["write it"])),
    ("answer of only spaces", "faq", "        answer: The hub.", '        answer: "   "',
     (15, 'question "who-runs-it"', "answer", ["has only spaces"], ["write the text"])),
    ("question without a question mark", "faq", "question: Who runs it?", "question: Who runs it",
     (14, 'question "who-runs-it"', "question", ["is not in the right form"], ["question mark"])),
    ("no source for a question", "faq", "        sources:\n          - title: A source\n            url: https://www.gov.uk/\n      - id: who",
     "        sources: []\n      - id: who", (10, 'question "what-is-it"', "sources", ["needs at least 1 entry"], ["add one"])),

    # --- text: plain-text fields and Markdown fields ----------------------------------------
    ("a script tag in a title", "resources", "    title: Childline", "    title: <script>alert(1)</script>Childline",
     (4, 'resource "childline"', "title", ["has an HTML tag (<script>)"], ["plain text"])),
    ("an HTML tag in a Markdown field", "resources", "Free, private help", "Free, <b>private</b> help",
     (6, 'resource "childline"', "description", ["has an HTML tag (<b>)", "show as typed"], ["**bold**"])),
    ("a tag written without a space", "resources", "Free, private help", "Free <img/src=x onerror=alert(1)> help",
     (6, 'resource "childline"', "description", ["has an HTML tag (<img/src=x onerror=alert(1)>)"], ["**bold**"])),
    ("a line break tag in a Markdown field", "faq", "          It is a partnership.", "          It is a<br>partnership.",
     (9, 'question "what-is-it"', "answer", ["has an HTML tag (<br>)"], ["a blank line between paragraphs"])),
    ("a note as a heading in an answer", "faq", "          It is a partnership.", "          It is a partnership.\n\n          # TODO: ask Sam",
     (11, 'question "what-is-it"', "answer", ['has the line "# TODO: ask Sam"', "large heading"], ["delete the line", '"### "'])),
    ("a level 2 heading in an update", "updates", "    body: They met.", "    body: |\n      They met.\n\n      ## What happened next",
     (10, 'update "first-meeting"', "body", ['"## What happened next"', "large heading"], ["delete the line"])),
    ("a line of dashes under a line of text", "faq", "          It is a partnership.", "          It is a partnership.\n          ---",
     (10, 'question "what-is-it"', "answer", ['a line of "---" under "It is a partnership."'], ["blank line between paragraphs"])),
    ("a note as a heading in a plain-text field", "spokes", "    summary: The local spoke.",
     "    summary: |\n      The local spoke.\n      # TODO check the name",
     (9, 'spoke "banes"', "summary", ['"# TODO check the name"', "show to readers"], ["delete the line"])),
    ("curly quotes around a title", "resources", "    title: Childline", "    title: “Childline”",
     (4, 'resource "childline"', "title", ["inside curly quotes (“Childline”)"], ["remove them: title: Childline"])),
    ("single curly quotes around a name", "help", "      - name: Shout", "      - name: ‘Shout’",
     (18, 'situation "child-at-risk"', "lines[2].name", ["curly quotes"], ["name: Shout"])),
    ("curly quotes around text with a colon", "resources", "    title: Childline", "    title: “Childline: free help”",
     (4, 'resource "childline"', "title", ['contains ": "'], ['title: "Childline: free help"'])),
    ("a premium-rate number", "resources", "0800 1111", "0906 123 4567",
     (8, 'resource "childline"', "phone", ['"0906 123 4567" is not a number the site can show'], ["premium-rate (09)"])),
    ("a service-charge number", "resources", "0800 1111", "0871 234 5678",
     (8, 'resource "childline"', "phone", ["is not a number the site can show"], ["service-charge (084, 087)"])),
    ("an 0845 number", "resources", "0800 1111", "0845 123 4567",
     (8, 'resource "childline"', "phone", ["is not a number the site can show"], ["service-charge"])),
    ("a personal number on a help line", "help", '        number: "999"', '        number: "070 1234 5678"',
     (7, 'situation "in-danger-now"', "lines[1].number", ["is not a number the site can show"], ["personal (070)"])),
    ("a premium-rate number in a description", "resources", "Free, private help", "Free, private help on 09061 234567",
     (6, 'resource "childline"', "description", ['mentions "09061 234567"', "not a number for the public to call"],
      ["contact page"])),
    ("a Markdown link in a title", "resources", "    title: Childline", "    title: Childline ([here](https://www.childline.org.uk/))",
     (4, 'resource "childline"', "title", ["plain text"], ['"description"'])),
    ("a Markdown link in an update's summary", "updates", "    summary: Partners met.",
     "    summary: Partners [met](https://www.gov.uk/).", (6, 'update "first-meeting"', "summary", ["plain text"], ['"body"'])),
    ("a Markdown link in a help line", "help", "        when: Police, ambulance, fire service or coastguard",
     "        when: Police, [ambulance](https://www.gov.uk/)", (8, 'situation "in-danger-now"', "lines[1].when", ["plain text"], ['"what_happens"'])),
    ("a picture in a Markdown field", "resources", "Free, private help", "Free ![logo](https://example.org/logo.png) help",
     (6, 'resource "childline"', "description", ["picture"], ["link to the page"])),
    ("a script link in Markdown", "faq", "It is a partnership.", "It is a [partnership](javascript:alert(1)).",
     (9, 'question "what-is-it"', "answer", ['has a link to "javascript:alert(1)" that is not allowed'], ["https://"])),
    ("a link to a page that does not exist", "faq", "It is a partnership.", "It is a [partnership](about.md).",
     (9, 'question "what-is-it"', "answer", ['links to "about.md", but there is no such page'], ["by its file name in docs/"])),
    ("a broken #anchor to another question", "faq", "        answer: The hub.", "        answer: See [it](faq.md#what-is-this).",
     (15, 'question "who-runs-it"', "answer", ['links to "faq.md#what-is-this", but faq.md has no heading or entry "#what-is-this"'],
      ['did you mean "faq.md#what-is-it"?'])),
    ("an #anchor without its page", "faq", "        answer: The hub.", "        answer: See [it](#what-is-this).",
     (15, 'question "who-runs-it"', "answer", ['links to "#what-is-this" without its page'], ['did you mean "faq.md#what-is-it"?'])),
    ("a broken #anchor on another page", "resources", "The local unit.", "The local unit ([hub](faq.md#who-runs)).",
     (17, 'resource "local-team"', "description", ['faq.md has no heading or entry "#who-runs"'], ['"faq.md#who-runs-it"'])),
    ("a link from a page's folder", "updates", "    body: They met.", "    body: See [our FAQ](../faq.md).",
     (7, 'update "first-meeting"', "body", ['links to "../faq.md"', 'without "../"'], ["write faq.md"])),
    ("a link to a page's web address", "faq", "        answer: The hub.", "        answer: See [our FAQ](faq/#what-is-it).",
     (15, 'question "who-runs-it"', "answer", ["linked by their file name"], ["write faq.md#what-is-it"])),
    ("a web address without https://", "resources", "Free, private help", "Free, private [help](www.childline.org.uk)",
     (6, 'resource "childline"', "description", ["not a full web address"], ["https://www.childline.org.uk"])),
    ("an area's page by its file name alone", "updates", "    body: They met.", "    body: They met in [Bristol](bristol.md).",
     (7, 'update "first-meeting"', "body", ['links to "bristol.md", but there is no such page'], ['did you mean "spokes/bristol.md"?'])),
    ("a link to an entry that is not there", "faq", "        answer: The hub.", "        answer: Call [Childline](resources.md#chidline).",
     (15, 'question "who-runs-it"', "answer", ['the directory has no entry "chidline"'], ['did you mean "resources.md#childline"?'])),
    ("a link to an entry by its id as a page", "spokes", "    about: It does things.", "    about: Call [Childline](childline.md).",
     (8, 'spoke "banes"', "about", ["no such page"], ["resources.md#childline"])),
    ("a broken link written as a reference", "faq", "          It is a partnership.",
     "          It is a [partnership][faq].\n\n          [faq]: faq.md#who-runs", (11, 'question "what-is-it"', "answer",
                                                                                  ['"faq.md#who-runs"'], ['"faq.md#who-runs-it"'])),
    ("a broken #anchor to a heading", "faq", "        answer: The hub.", "        answer: See [it](index.md#were).",
     (15, 'question "who-runs-it"', "answer", ['index.md has no heading or entry "#were"'], ['"index.md#where"'])),

    # --- across files -------------------------------------------------------------------------
    ("unknown area", "resources", "    areas: [banes]", "    areas: [bath]",
     (23, 'resource "local-team"', "areas[1]", ['"bath" is not a known area'], ['did you mean "banes"?'])),
    ("unknown type", "resources", "    type: helpline", "    type: helplines",
     (9, 'resource "childline"', "type", ['"helplines" is not a known type'], ['did you mean "helpline"?'])),
    ("unknown topic", "resources", "    topics: [knife-crime]", "    topics: [knife-crimes]",
     (11, 'resource "childline"', "topics[1]", ['"knife-crimes" is not a known topic'], ['did you mean "knife-crime"?'])),
    ("unknown audience", "resources", "    audiences: [professionals]", "    audiences: [profesionals]",
     (21, 'resource "local-team"', "audiences[1]", ["is not a known audience"], ['did you mean "professionals"?'])),
    ("all with other areas", "resources", "    areas: [all]", "    areas: [all, bristol]",
     (12, 'resource "childline"', "areas", ['"all" is listed with other areas'], ["[all]"])),
    ("duplicate id", "resources", "  - id: local-team", "  - id: childline",
     (14, 'resource "childline"', "id", ["repeats the id on line 3"], ["give each id only once"])),
    ("duplicate question", "faq", "question: Who runs it?", "question: What is it?",
     (14, 'question "who-runs-it"', "question", ["repeats the question on line 7"], ["only once"])),
    ("duplicate question, other case", "faq", "question: Who runs it?", "question: what IS it?",
     (14, 'question "who-runs-it"', "question", ["repeats the question on line 7"], ["only once"])),
    ("a front door that is not in the directory", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}", "    safeguarding: {children: local-tem}\n    contact: {email: VRU_Project@bathnes.gov.uk}",
     (17, 'spoke "banes"', "safeguarding.children", ['"local-tem" is not an entry'], ['did you mean "local-team"?'])),
    ("a front door for another area", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}", "    safeguarding: {children: local-team, adults: childline}\n    contact: {email: VRU_Project@bathnes.gov.uk}",
     (17, 'spoke "banes"', "safeguarding.adults", ['"childline" is not for this area'],
      ["this area has no entry for reporting a concern about an adult at risk yet", "areas: [banes] and report_a_concern: [adults]"])),
    ("a front door that is not one for the concern", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}",
     "    safeguarding: {children: local-team, adults: local-team}\n    contact: {email: VRU_Project@bathnes.gov.uk}",
     (17, 'spoke "banes"', "safeguarding.adults", ['"local-team" is not one for reporting a concern about an adult at risk'],
      ['if "local-team" is that entry, add report_a_concern: [adults]'])),
    ("a front door taken out of the directory", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}",
     "    safeguarding: {children: childlin}\n    contact: {email: VRU_Project@bathnes.gov.uk}",
     (17, 'spoke "banes"', "safeguarding.children", ['"childlin" is not an entry'],
      ["use this area's entry for reporting a concern about a child: local-team"])),
    ("a help line naming a retired entry", "help", "      - resource: childline", "      - resource: old-helpline",
     (15, 'situation "child-at-risk"', "lines[1].resource", ['"old-helpline" is no longer listed', "on 1 October 2026"],
      ["remove this line or choose another entry"])),
    ("a link to a retired entry", "faq", "        answer: The hub.", "        answer: Call [the old helpline](resources.md#old-helpline).",
     (15, 'question "who-runs-it"', "answer", ["a service that is no longer listed"], ["remove this link or choose another entry"])),
    ("a front door that was retired", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}",
     "    safeguarding: {children: old-helpline}\n    contact: {email: VRU_Project@bathnes.gov.uk}",
     (17, 'spoke "banes"', "safeguarding.children", ['"old-helpline" is no longer listed'], ["choose another entry", "local-team"])),
    ("an entry both listed and retired", "retired", "  - id: old-helpline", "  - id: childline",
     (3, 'retired entry "childline"', "id", ['"childline" is still in data/resources.yml (line 3)'], ["either listed or retired"])),
    ("a retirement dated in the future", "retired", "date: 2026-10-01", "date: 2027-10-01",
     (5, 'retired entry "old-helpline"', "date", ["is in the future"], ["today or earlier"])),
    ("an area's team that is not an entry", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}",
     "    team_entry: local-tem\n    contact: {email: VRU_Project@bathnes.gov.uk}",
     (17, 'spoke "banes"', "team_entry", ['"local-tem" is not an entry'], ['did you mean "local-team"? If not, remove this line'])),
    ("an area's team from another area", "spokes", "    contact: {}", "    team_entry: local-team\n    contact: {}",
     (31, 'spoke "bristol"', "team_entry", ['the entry "local-team" is not for this area'], ["or remove this line"])),
    ("spoke that is not an area", "spokes", "  - id: bristol", "  - id: bristoll",
     (20, 'spoke "bristoll"', "id", ['"bristoll" is not an area'], ['did you mean "bristol"?'])),
    ("synonym of an unknown topic", "synonyms", "    topics: [knife-crime]", "    topics: [knife-crimes]",
     (4, "synonym group number 1", "topics[1]", ['"knife-crimes" is not a known topic'], ['did you mean "knife-crime"?'])),
    ("markup in a synonym", "synonyms", "[knife, knives, blade]", "[knife, </script>]",
     (3, "synonym group number 1", "words[2]", ["is not in the right form"], ["lower-case words"])),
    ("place in an unknown area", "places", "    areas: [banes]", "    areas: [bath]",
     (5, 'place "Bath"', "areas[1]", ['"bath" is not a known area'], ['did you mean "banes"?'])),
    ("place listed twice", "places", "  - name: BS99", "  - name: bath",
     (6, 'place "bath"', "name", ["repeats the place name on line 3"], ["only once"])),
    ("local entry without a source", "resources",
     "    source:\n      title: The council's page about the unit\n      url: https://beta.bathnes.gov.uk/violence-reduction-unit\n",
     "", (14, 'resource "local-team"', "source", ["is missing"], ["areas are not [all]", "`source:`", "`title:`", "`url:`"])),
    ("national entry made local needs a source", "resources", "    areas: [all]", "    areas: [bristol]",
     (3, 'resource "childline"', "source", ["is missing"], ["areas are not [all]"])),
    ("source without its address", "resources", "      url: https://beta.bathnes.gov.uk/violence-reduction-unit\n", "",
     (26, 'resource "local-team"', "source.url", ["is missing"], ["https://"])),
]


def project_with(tmp_path: Path, name: str, find, replace) -> Path:
    """The fixture project with one edit made to data/<name>.yml."""
    shutil.copytree(FIXTURES / "data", tmp_path / "data")
    shutil.copytree(FIXTURES / "docs", tmp_path / "docs")
    for part in ("schemas", "overrides"):
        shutil.copytree(ROOT / part, tmp_path / part)
    shutil.copy(ROOT / "mkdocs.yml", tmp_path / "mkdocs.yml")
    file = tmp_path / "data" / f"{name}.yml"
    text = file.read_text(encoding="utf-8")
    if find is None:
        text = text.replace("\n", "\r\n") if replace == "CRLF" else replace
    else:
        assert find in text, f"fixture no longer contains {find!r}"
        text = text.replace(find, replace, 1)
    file.write_bytes(text.encode("cp1252" if "£" in replace else "utf-8"))
    return tmp_path


def test_the_fixture_data_is_valid(tmp_path):
    load(project_with(tmp_path, "faq", "", ""), TODAY)


@pytest.mark.parametrize("case,name,find,replace,expected", CASES, ids=[c[0] for c in CASES])
def test_each_edit_is_accepted_or_reported_at_its_line_record_and_field(tmp_path, case, name, find, replace, expected):
    project = project_with(tmp_path, name, find, replace)
    if expected is None:
        load(project, TODAY)
        return
    line, record, field, words, fix_words = expected
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    problems = raised.value.problems
    listing = "\n".join(str(p) for p in problems)
    here = [p for p in problems if (p.file, p.line) == (f"data/{name}.yml", line)]
    assert here, f"nothing said at data/{name}.yml:{line}; got:\n{listing}"
    assert any(p.record == record and p.field == field and all(w in p.message for w in words)
               and all(w in p.fix for w in fix_words) for p in here), listing
    for p in problems:
        assert p.fix and " — " in str(p), "every message ends with what to do"
        assert not PARSER_WORDS.search(p.message + p.fix), f"parser words reach the editor: {p}"


def test_there_are_at_least_forty_mistakes_and_a_dozen_valid_edits():
    assert sum(1 for c in CASES if c[-1] is not None) >= 40
    assert sum(1 for c in CASES if c[-1] is None) >= 12


def test_updates_are_newest_first_whatever_their_order_in_the_file(tmp_path):
    older = ("items:\n  - id: older\n    title: Older\n    date: 2019-01-01\n    summary: Older.\n    body: Older.\n"
             "    source: {title: Police news, url: 'https://www.avonandsomerset.police.uk/'}\n")
    newer = older.replace("older", "newer").replace("Older", "Newer").replace("2019-01-01", "2024-05-06")
    project = project_with(tmp_path, "updates", "items:\n", older + newer.removeprefix("items:\n"))
    dates = [item.date.isoformat() for item in load(project, TODAY).updates]
    assert dates == sorted(dates, reverse=True) and dates[0] == "2024-05-06"


def test_content_warnings_name_the_record_by_id_and_line(tmp_path):
    from vrp.data.content import warnings
    project = project_with(tmp_path, "faq", "It is a partnership.", "It is a partnership: [click here](https://www.gov.uk/).")
    found = [str(w) for w in warnings(load(project, TODAY), project)]
    assert 'data/faq.yml:9: question "what-is-it": field "answer": link text "click here" says nothing on its own' \
        in "\n".join(found), found
    old = project_with(tmp_path / "old", "resources", "last_reviewed: 2026-01-10", "last_reviewed: 2025-01-10")
    found = [str(w) for w in warnings(load(old, TODAY), old)]
    assert any(w.startswith('data/resources.yml:13: resource "childline": field "last_reviewed": last reviewed 2025-01-10')
               for w in found), found


def test_all_problems_are_listed_at_once(tmp_path):
    project = project_with(tmp_path, "resources", "    type: helpline", "    type: helplines")
    text = (project / "data" / "faq.yml").read_text().replace("question: Who runs it?", "question: What is it?")
    (project / "data" / "faq.yml").write_text(text)
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    files = {p.file for p in raised.value.problems}
    assert files == {"data/resources.yml", "data/faq.yml"}
    assert str(raised.value).startswith("2 problems in the site's data; nothing was built:")


def test_one_mistake_is_reported_once_not_again_in_the_files_that_depend_on_it(tmp_path):
    """A file that cannot be read hides its pages' headings and a repeated id hides which entry is meant:
    neither may turn into messages about other files the editor never touched."""
    project = project_with(tmp_path, "resources", "The local unit.", "The local unit ([what it is](faq.md#what-is-it)).")
    faq = project / "data" / "faq.yml"
    faq.write_text(faq.read_text().replace("        question: What is it?", "\t    question: What is it?"))
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    assert [(p.file, p.line) for p in raised.value.problems] == [("data/faq.yml", 7)], str(raised.value)

    twice = project_with(tmp_path / "twice", "resources", "  - id: local-team", "  - id: childline")
    with pytest.raises(DataError) as raised:
        load(twice, TODAY)
    assert {p.file for p in raised.value.problems} == {"data/resources.yml"}, str(raised.value)
    assert "repeats the id" in str(raised.value)


def test_a_broken_data_file_stops_the_build_before_any_page_is_written(tmp_path):
    project = copy_project(tmp_path / "project")
    resources = project / "data" / "resources.yml"
    resources.write_text(resources.read_text().replace("type: ", "type: no-such-", 1))
    out = tmp_path / "site"
    result = build(project, out)
    assert result.returncode != 0
    assert "data/resources.yml:" in result.stderr and "is not a known type" in result.stderr
    assert not list(out.rglob("*.html")), "a page was written despite the error"


def test_make_check_reports_without_building(tmp_path):
    project = project_with(tmp_path, "resources", "    type: helpline", "    type: helplines")
    result = subprocess.run([sys.executable, "-m", "vrp.tools.check", "--root", str(project)], capture_output=True, text=True,
                            env={"PATH": "/usr/bin:/bin"})
    assert result.returncode == 1
    assert 'data/resources.yml:9: resource "childline": field "type"' in result.stderr
    assert "::error" not in result.stdout, "annotations only in GitHub Actions"
    assert not (project / "site").exists()


def test_an_id_written_as_words_gets_one_message_that_names_the_id(tmp_path):
    """"Bath and NE Somerset" in a list of areas is both unknown and in the wrong form: the editor is told once."""
    project = project_with(tmp_path, "resources", "    areas: [banes]", "    areas: [Bath and North East Somerset]")
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    said = [p for p in raised.value.problems if p.field == "areas[1]"]
    assert len(said) == 1 and 'did you mean "banes"?' in said[0].fix, str(raised.value)


@pytest.mark.parametrize("name,find,field,own", [
    ("updates", "    body: They met.", "body", "updates/first-meeting.md"),
    ("spokes", "    about: It does things.", "about", "spokes/banes.md"),
    ("faq", "        answer: The hub.", "answer", "faq.md"),
], ids=["update", "area", "question"])
@pytest.mark.parametrize("target", ["first-meeting.md", "banes.md", "updates.md", "spoke.md", "faqs.md", "indx.md"])
def test_a_mistyped_page_is_never_answered_with_the_text_s_own_page_or_an_index(tmp_path, name, find, field, own, target):
    """An index lists links to other pages and a page's own text cannot mean itself: following either
    suggestion would pass and then send the reader to the wrong place."""
    project = project_with(tmp_path, name, find, f"{find.split(':')[0]}: See [this]({target}).")
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    said = [p for p in raised.value.problems if p.field == field]
    assert len(said) == 1 and "no such page" in said[0].message, str(raised.value)
    assert own not in said[0].fix and "index.md" not in said[0].fix, said[0]


def test_a_new_number_passes_the_check_and_is_named_for_a_reviewer(tmp_path):
    """A correct edit stays green: the new number goes to a person (the job summary), not to a test."""
    project = project_with(tmp_path, "resources", "    phone: 0800 1111", "    phone: 0117 123 4567")
    summary = tmp_path / "summary.md"
    result = subprocess.run([sys.executable, "-m", "vrp.tools.check", "--root", str(project), "--github"],
                            capture_output=True, text=True, env={"PATH": "/usr/bin:/bin", "GITHUB_STEP_SUMMARY": str(summary)})
    assert result.returncode == 0, result.stderr
    assert ('new number: data/resources.yml:8: resource "childline": field "phone": "0117 123 4567" is new, '
            "to be confirmed by a reviewer — nothing for you to do") in result.stdout, result.stdout
    assert "::notice file=data/resources.yml,line=8," in result.stdout
    said = summary.read_text()
    assert "1 new phone or text number, to be confirmed by a reviewer" in said and "0117 123 4567" in said, said
    only = subprocess.run([sys.executable, "-m", "vrp.tools.check", "--root", str(project), "--new-numbers"],
                          capture_output=True, text=True)
    assert only.returncode == 0 and "**data/resources.yml, line 8**" in only.stdout, only.stdout


def test_a_checked_number_no_longer_shown_is_a_warning(tmp_path):
    from vrp.data.content import warnings
    project = project_with(tmp_path, "numbers", '  - number: "85258"', '  - number: "0800 2222"')
    found = [str(w) for w in warnings(load(project, TODAY), project)]
    assert any(w.startswith('data/numbers.yml:9: checked number "Shout": field "number": is not shown anywhere on the site '
                            "any more — remove it") for w in found), found


@pytest.mark.parametrize("name,find,replace,cause,follow_on,undo", [
    ("resources", "    phone: 0800 1111", "    phone_number: 0800 1111",
     ("data/resources.yml", 8, 'did you mean "phone"?'), ("data/help.yml", 17), "remove compact"),
    ("resources", "    areas: [banes]", "    areas: [bath]",
     ("data/resources.yml", 23, 'did you mean "banes"?'), ("data/spokes.yml", 17), "choose"),
], ids=["a misspelt phone field under a help-bar line", "a misspelt area under a front door"])
def test_the_cause_comes_first_and_what_follows_from_it_undoes_nothing(tmp_path, name, find, replace, cause, follow_on, undo):
    """One mistake in an entry can make another record look wrong. The editor reads the cause first, and the
    follow-on message points to it instead of advising a change (remove compact) that would undo something right."""
    project = project_with(tmp_path, name, find, replace)
    spokes = project / "data" / "spokes.yml"
    spokes.write_text(spokes.read_text().replace("    contact: {email: VRU_Project@bathnes.gov.uk}",
                                                 "    safeguarding: {children: local-team}\n    contact: {email: VRU_Project@bathnes.gov.uk}"))
    with pytest.raises(DataError) as raised:
        load(project, TODAY)
    first, *rest = raised.value.problems
    assert (first.file, first.line) == cause[:2] and cause[2] in first.fix, str(raised.value)
    after = [p for p in rest if (p.file, p.line) == follow_on]
    assert len(after) == 1, str(raised.value)
    assert f"follows from the mistake in {cause[0]} at line {cause[1]}" in after[0].fix and undo not in after[0].fix, after[0]
    assert str(raised.value).index(cause[0] + f":{cause[1]}") < str(raised.value).index(f"{follow_on[0]}:{follow_on[1]}")


# (case, file, text to find, replacement, None if no warning, else (line, words in the warning))
CONSISTENCY = [
    ("an area's contact and its team's entry agree", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}",
     "    team_entry: local-team\n    contact: {email: VRU_Project@bathnes.gov.uk}", None),
    ("an area's email changed in one place only", "spokes", "    contact: {email: VRU_Project@bathnes.gov.uk}",
     "    team_entry: local-team\n    contact: {email: vru@bathnes.gov.uk}",
     (18, ['differs from the email on the team\'s own directory entry, "local-team": VRU_Project@bathnes.gov.uk '
           "(data/resources.yml, line 19)"], ["change it in both places"])),
    ("a new entry that repeats another's name", "resources", "    title: Local team", "    title: Child Line",
     (15, ['has nearly the same title as "Childline" (line 4)'], ["keep one entry"])),
    ("a new entry with another's number and organisation", "resources",
     "    organisation: Bath & North East Somerset Council\n    description: The local unit.\n",
     "    organisation: NSPCC\n    description: The local unit.\n    phone: 0800 1111\n",
     (18, ['has the same phone number and organisation as "Childline" (line 4)'], ["keep one entry"])),
    ("two entries of one organisation with their own numbers", "resources", "    email: VRU_Project@bathnes.gov.uk",
     "    phone: 0800 2222", None),
]


@pytest.mark.parametrize("case,name,find,replace,expected", CONSISTENCY, ids=[c[0] for c in CONSISTENCY])
def test_a_mismatch_between_two_records_is_a_warning_at_its_line(tmp_path, case, name, find, replace, expected):
    """Not an error (the data may be right), but said where the editor looks: the check's warnings."""
    from vrp.data.content import warnings
    project = project_with(tmp_path, name, find, replace)
    found = [w for w in warnings(load(project, TODAY), project)
             if "differs from" in w.message or "the same" in w.message]
    if expected is None:
        assert not found, found
        return
    line, words, fix_words = expected
    assert any(w.file == f"data/{name}.yml" and w.line == line and all(x in w.message for x in words)
               and all(x in w.fix for x in fix_words) for w in found), found
