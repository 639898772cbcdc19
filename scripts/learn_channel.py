#!/usr/bin/python3
"""Learns how legacy OCR damages Vietnamese, for the restorer's channel.

Renders clean plans as pages (pango-view, Liberation Serif 13 pt, 300 dpi),
reads them back with Tesseract's English model (how the legacy OCR texts
were made), aligns source and OCR words, and counts which letters became
what. Writes CHANNEL.tsv: one rule per line, "SOURCE<TAB>OCR<TAB>log P(OCR |
SOURCE)", over base letters (marks removed), e.g. "u  ir  -3.2" for
"chức" read "chirc".

Usage: learn_channel.py OUT.tsv CLEAN_TEXT...   (never the documents the
channel will be measured on)
"""
import collections
import concurrent.futures
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

WORD = re.compile(r"[^\s,.;:!?()\"“”'/\[\]*#-]+")


def skeleton(word):
    text = unicodedata.normalize("NFD", word.lower())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return text.replace("đ", "d").replace("\u2019", "'")


def pages(text, lines_per_page=40):
    lines = [" ".join(l.replace("*", " ").replace("#", " ").split()) for l in text.splitlines()]
    lines = [l for l in lines if l]
    for i in range(0, len(lines), lines_per_page):
        yield "\n".join(lines[i:i + lines_per_page])


# Each page is read as rendered and as an office scanner would give it
# (150 dpi, a little blur, JPEG): the second shows the confusions of real
# scans ("Đ" read "P", "ự" read "y") that a clean render rarely does.
VARIANTS = {"render": None, "scan": ["-resize", "50%", "-blur", "0x0.7", "-quality", "60"]}


def ocr_page(args):
    index, page, work, variant = args
    source = os.path.join(work, f"p{index}.txt")
    image = os.path.join(work, f"p{index}.png")
    with open(source, "w", encoding="utf-8") as f:
        f.write(page)
    subprocess.run(["pango-view", "--font=Liberation Serif 13", "--dpi=300", "--margin=120",
                    "--width=470", "--wrap=word", "-q", "-o", image, source], check=True)
    if VARIANTS[variant]:
        scan = os.path.join(work, f"p{index}.jpg")
        subprocess.run(["/usr/bin/convert", image, "-colorspace", "Gray", *VARIANTS[variant], scan],
                       check=True)
        image = scan
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    out = subprocess.run(["tesseract", image, "-", "-l", "eng"], capture_output=True,
                         text=True, env=env, check=True).stdout
    return page, out


def edit_ops(a, b):
    """Levenshtein alignment of two strings as (a_piece, b_piece) pairs."""
    n, m = len(a), len(b)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1,
                          d[i - 1][j - 1] + (a[i - 1] != b[j - 1]))
    ops, i, j = [], n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and d[i][j] == d[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            ops.append((a[i - 1], b[j - 1]))
            i, j = i - 1, j - 1
        elif i > 0 and d[i][j] == d[i - 1][j] + 1:
            ops.append((a[i - 1], ""))
            i -= 1
        else:
            ops.append(("", b[j - 1]))
            j -= 1
    return ops[::-1]


def segments(src, ocr):
    """Letter-level rules: runs of edits merged, kept letters as themselves."""
    rules, run_a, run_b = [], "", ""
    for a, b in edit_ops(src, ocr):
        if a == b:
            if run_a or run_b:
                rules.append((run_a, run_b))
                run_a = run_b = ""
            rules.append((a, b))
        else:
            run_a += a
            run_b += b
    if run_a or run_b:
        rules.append((run_a, run_b))
    # An insertion joins its neighbour so that every rule has a source.
    merged = []
    for a, b in rules:
        if not a and merged:
            merged[-1] = (merged[-1][0], merged[-1][1] + b)
        else:
            merged.append((a, b))
    return [r for r in merged if r[0]]


def align_words(src_words, ocr_words):
    """Word alignment by edit distance; a pair costs its letters' distance."""
    n, m = len(src_words), len(ocr_words)
    inf = float("inf")
    cost = [[inf] * (m + 1) for _ in range(n + 1)]
    back = [[None] * (m + 1) for _ in range(n + 1)]
    cost[0][0] = 0
    for i in range(n + 1):
        for j in range(m + 1):
            c = cost[i][j]
            if c == inf:
                continue
            if i < n and c + 1 < cost[i + 1][j]:
                cost[i + 1][j], back[i + 1][j] = c + 1, (i, j)
            if j < m and c + 1 < cost[i][j + 1]:
                cost[i][j + 1], back[i][j + 1] = c + 1, (i, j)
            if i < n and j < m:
                a, b = skeleton(src_words[i]), skeleton(ocr_words[j])
                dist = sum(x != y for x, y in edit_ops(a, b)) / max(len(a), len(b), 1)
                if dist <= 0.6 and c + dist < cost[i + 1][j + 1]:
                    cost[i + 1][j + 1], back[i + 1][j + 1] = c + dist, (i, j)
    pairs, i, j = [], n, m
    while (i, j) != (0, 0) and back[i][j] is not None:
        pi, pj = back[i][j]
        if pi == i - 1 and pj == j - 1:
            pairs.append((src_words[pi], ocr_words[pj]))
        i, j = pi, pj
    return pairs[::-1]


def main(out_path, texts):
    work = tempfile.mkdtemp(prefix="vnplan-channel-")
    jobs = []
    for text_path in texts:
        with open(text_path, encoding="utf-8") as f:
            for page in pages(f.read()):
                for variant in VARIANTS:
                    jobs.append((len(jobs), page, work, variant))
    rule_counts = collections.Counter()
    source_counts = collections.Counter()
    aligned_sources = []
    words = 0
    with concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for page, ocr in pool.map(ocr_page, jobs):
            for line_src, line_ocr in [(page, ocr)]:
                src_words = [w for w in WORD.findall(line_src) if any(c.isalpha() for c in w)]
                ocr_words = WORD.findall(line_ocr)
                for src, got in align_words(src_words, ocr_words):
                    a, b = skeleton(src), skeleton(got)
                    aligned_sources.append(a)
                    words += 1
                    for rule_src, rule_ocr in segments(a, b):
                        rule_counts[(rule_src, rule_ocr)] += 1
                        source_counts[rule_src] += 1
    # A rule's probability is over every occurrence of its source letters,
    # not only the ones that went wrong.
    for src in list(source_counts):
        if len(src) > 1:
            source_counts[src] = max(source_counts[src], sum(w.count(src) for w in aligned_sources))
    with open(out_path + ".tmp", "w", encoding="utf-8") as out:
        for (src, ocr), count in sorted(rule_counts.items()):
            if src == ocr or count >= 2:
                out.write(f"{src}\t{ocr}\t{math.log(count / source_counts[src]):.4f}\n")
    os.replace(out_path + ".tmp", out_path)
    print(f"learn_channel: {len(jobs)} pages, {words} aligned words, {len(rule_counts)} rules -> {out_path}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
