#!/usr/bin/env python3
"""Build half-a.jsonl / half-b.jsonl from the hand-written sources in src/*.txt.

Source format, one article per block:
    @@ <top>[+<top>] | <sub>[,<sub>] | <style> | <MM-DD> | <outlet> | <byline name or ->
    Headline
    First paragraph...

    Second paragraph...
<top> is the two-digit IPTC top-level number (11 -> medtop:11000000), <sub> an 8-digit
second-level code (20000574 -> medtop:20000574). Ids follow file and block order.
Halves: within every top-level topic and style, articles are dealt alternately to a and b;
the one left over where a topic has an odd number of a style goes to the half that has
fewer of that style so far, keeping every topic split exactly in two.
"""
import glob, json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))


def parse():
    arts = []
    for fn in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        blocks = re.split(r"^@@ ", open(fn, encoding="utf-8").read(), flags=re.M)[1:]
        for b in blocks:
            head, _, body = b.partition("\n")
            f = [x.strip() for x in head.split("|")]
            if len(f) != 6:
                sys.exit(f"{fn}: bad header: {head!r}")
            tops, subs, style, md, source, by = f
            lines = body.strip().split("\n")
            title, text = lines[0].strip(), "\n".join(lines[1:]).strip()
            text = re.sub(r"\n\s*\n+", "\n\n", text)
            arts.append({
                "date": "2025-" + md,
                "title": title,
                "byline": None if by == "-" else f"By {by}, {source}",
                "source": source,
                "text": text,
                "labels": [f"medtop:{int(t):02d}000000" for t in tops.split("+")],
                "subtopics": ["medtop:" + s.strip() for s in subs.split(",")],
                "style": style,
            })
    for i, a in enumerate(arts, 1):
        a_id = f"gn-{i:04d}"
        arts[i - 1] = {"id": a_id, **a}
    return arts


def split(arts):
    by_topic = defaultdict(list)
    for a in arts:
        by_topic[a["labels"][0]].append(a)
    half = {"a": [], "b": []}
    style_n = {"a": Counter(), "b": Counter()}

    def put(h, a):
        half[h].append(a); style_n[h][a["style"]] += 1

    for topic in sorted(by_topic):
        by_style = defaultdict(list)
        for a in sorted(by_topic[topic], key=lambda a: a["id"]):
            by_style[a["style"]].append(a)
        leftovers = []
        for style in sorted(by_style):
            items = by_style[style]
            for k, a in enumerate(items[: len(items) // 2 * 2]):
                put("ab"[k % 2], a)
            if len(items) % 2:
                leftovers.append(items[-1])
        # the topic's leftovers (one per style with an odd count) go half to a, half
        # to b, each to the half that has fewer articles of its style so far
        room = {"a": len(leftovers) // 2 + len(leftovers) % 2, "b": len(leftovers) // 2}
        if len(half["a"]) > len(half["b"]):
            room = {"a": room["b"], "b": room["a"]}
        leftovers.sort(key=lambda a: -abs(style_n["a"][a["style"]] - style_n["b"][a["style"]]))
        for a in leftovers:
            order = sorted("ab", key=lambda h: (style_n[h][a["style"]], len(half[h])))
            h = order[0] if room[order[0]] else order[1]
            room[h] -= 1; put(h, a)
    return half


if __name__ == "__main__":
    arts = parse()
    half = split(arts)
    for h in "ab":
        with open(os.path.join(HERE, f"half-{h}.jsonl"), "w", encoding="utf-8") as out:
            for a in sorted(half[h], key=lambda a: a["id"]):
                out.write(json.dumps(a, ensure_ascii=False) + "\n")
    print(f"{len(arts)} articles: a={len(half['a'])} b={len(half['b'])}")
