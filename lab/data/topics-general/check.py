#!/usr/bin/env python3
"""Validate the general-news topic dev set (half-a.jsonl, half-b.jsonl) and print counts.

Checks: one valid JSON object per line with the expected fields; unique ids across both
halves; every label is an active top-level IPTC Media Topic and every subtopic an active
second-level one whose parent is among the article's labels; style is known; text length
60-150 words. Prints per-topic and per-style counts per half. Exit status 1 on any error.
Usage: python3 check.py [path/to/iptc-mediatopics.json]
"""
import json, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TAX = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
    HERE, "..", "..", "..", "..", "shared", "taxonomy", "iptc-mediatopics.json")
FIELDS = ["id", "date", "title", "byline", "source", "text", "labels", "subtopics", "style"]
STYLES = ["uk", "us", "india", "australia", "wire"]

tax = {c["code"]: c for c in json.load(open(TAX, encoding="utf-8"))}
top = {c: t for c, t in tax.items() if t["parent"] is None and not t["retired"]}
errors, ids = [], set()
topic_n = {"a": Counter(), "b": Counter()}
style_n = {"a": Counter(), "b": Counter()}
second_n = {"a": Counter(), "b": Counter()}
words = []
two = 0
for h in "ab":
    path = os.path.join(HERE, f"half-{h}.jsonl")
    for ln, line in enumerate(open(path, encoding="utf-8"), 1):
        where = f"half-{h}:{ln}"
        try:
            a = json.loads(line)
        except ValueError as e:
            errors.append(f"{where}: invalid JSON: {e}"); continue
        if list(a) != FIELDS:
            errors.append(f"{where}: fields {list(a)}")
        if a.get("id") in ids:
            errors.append(f"{where}: duplicate id {a.get('id')}")
        ids.add(a.get("id"))
        if not re.fullmatch(r"gn-\d{4}", a.get("id", "")):
            errors.append(f"{where}: bad id")
        if not re.fullmatch(r"2025-\d\d-\d\d", a.get("date", "")):
            errors.append(f"{where}: bad date")
        labels, subs = a.get("labels", []), a.get("subtopics", [])
        if not 1 <= len(labels) <= 2 or len(set(labels)) != len(labels):
            errors.append(f"{where}: need 1-2 distinct labels")
        for c in labels:
            if c not in top:
                errors.append(f"{where}: {c} is not an active top-level code")
        if not 1 <= len(subs) <= 2:
            errors.append(f"{where}: need 1-2 subtopics")
        for c in subs:
            t = tax.get(c)
            if not t or t["level"] != 2 or t["retired"]:
                errors.append(f"{where}: {c} is not an active second-level code")
            elif t["parent"] not in labels:
                errors.append(f"{where}: subtopic {c} is outside the labels {labels}")
        if a.get("style") not in STYLES:
            errors.append(f"{where}: bad style {a.get('style')}")
        n = len(a.get("text", "").split())
        words.append(n)
        if not 60 <= n <= 150:
            errors.append(f"{where} {a.get('id')}: {n} words")
        if not a.get("title"):
            errors.append(f"{where}: no title")
        two += len(labels) == 2
        if labels and labels[0] in top:
            topic_n[h][labels[0]] += 1
        style_n[h][a.get("style")] += 1
        for c in subs:
            second_n[h][c] += 1

print(f"{'code':16} {'top-level topic':42} {'a':>4} {'b':>4} {'all':>4}")
for c in sorted(top, key=lambda c: top[c]["name"]):
    a, b = topic_n["a"][c], topic_n["b"][c]
    print(f"{c:16} {top[c]['name']:42} {a:4} {b:4} {a + b:4}")
ta, tb = sum(topic_n["a"].values()), sum(topic_n["b"].values())
print(f"{'':16} {'total':42} {ta:4} {tb:4} {ta + tb:4}")
print()
print(f"{'style':16} {'a':>4} {'b':>4} {'all':>4}")
for s in STYLES:
    a, b = style_n["a"][s], style_n["b"][s]
    print(f"{s:16} {a:4} {b:4} {a + b:4}")
print()
print(f"second-level codes used: {len(set(second_n['a']) | set(second_n['b']))}; "
      f"articles with two top-level labels: {two}")
if words:
    print(f"words per text: min {min(words)}, max {max(words)}, mean {sum(words) / len(words):.0f}")
for c in top:
    if topic_n["a"][c] + topic_n["b"][c] < 12:
        errors.append(f"{c} {top[c]['name']}: fewer than 12 articles")
for e in errors:
    print("ERROR", e)
print("OK" if not errors else f"{len(errors)} errors")
sys.exit(1 if errors else 0)
