#!/usr/bin/python3
"""Renders clean plans and reads them back as legacy OCR did, for the
restorer's channel: the word pairs `vnplan train --channel` counts.

Renders clean plans as pages (pango-view, Liberation Serif 13 pt, 300 dpi),
reads them back with Tesseract's English model (how the legacy OCR texts
were made), aligns source and OCR words, and writes PAIRS.tsv: one aligned
word per line, "CLEAN<TAB>OCR" ("chức<TAB>chirc"). What became of each
letter is counted in C++ (vnplan train --channel PAIRS.tsv -o DIR), with the
same code that fits the channel to a document.

Usage: learn_channel.py PAIRS.tsv CLEAN_TEXT...   (never the documents the
channel will be measured on)
"""
import concurrent.futures
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

WORD = re.compile(r"[^\s,.;:!?()\"“”'/\[\]*#-]+")


def skeleton(word):
    """Base letters, to align words only (the channel's letters are folded
    and counted in C++)."""
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


def distance(a, b):
    """Levenshtein distance of two strings."""
    row = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        previous, row[0] = row[0], i
        for j in range(1, len(b) + 1):
            previous, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] != b[j - 1]))
    return row[len(b)]


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
                dist = distance(a, b) / max(len(a), len(b), 1)
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
    words = 0
    with open(out_path + ".tmp", "w", encoding="utf-8") as out, \
            concurrent.futures.ThreadPoolExecutor(max_workers=os.cpu_count() or 2) as pool:
        for page, ocr in pool.map(ocr_page, jobs):
            src_words = [w for w in WORD.findall(page) if any(c.isalpha() for c in w)]
            for src, got in align_words(src_words, WORD.findall(ocr)):
                out.write(f"{src}\t{got}\n")
                words += 1
    os.replace(out_path + ".tmp", out_path)
    print(f"learn_channel: {len(jobs)} pages, {words} aligned words -> {out_path}")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2:])
