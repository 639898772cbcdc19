#!/usr/bin/python3
"""OCR accuracy and speed, vnplan against plain Tesseract, in one run.

For each degradation level of a scan corpus (scripts/make_scans.py), prints
the character and word error rates of `tesseract IMAGE - -l vie` and of
`vnplan ocr IMAGE` against the pages' text, and the seconds per page of
each (both single-threaded: OMP_THREAD_LIMIT=1, --jobs 1). Then the time
for a 4-page TIFF with pages one after another (--jobs 1) and in parallel.

Usage: ocr_bench.py SCANS_DIR VNPLAN [MODEL_DIR|-] [STEPS]
"""
import os
import subprocess
import sys
import tempfile
import time
import unicodedata


def normal(text):
    return " ".join(unicodedata.normalize("NFC", text.replace("\f", " ")).split())


def distance(a, b):
    previous = list(range(len(b) + 1))
    for i, x in enumerate(a, 1):
        current = [i]
        for j, y in enumerate(b, 1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x != y)))
        previous = current
    return previous[-1]


def run(command):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    start = time.perf_counter()
    out = subprocess.run(command, capture_output=True, text=True, env=env).stdout
    return out, time.perf_counter() - start


def main(scans, vnplan, model=None, steps="despeckle,deskew"):
    pages = sorted(p for p in os.listdir(scans) if p.endswith(".txt"))
    restore = ["--model", model] if model else ["--restore", "never"]
    print(f"{'level':8} {'pages':>5} {'tesseract CER':>14} {'WER':>7} {'s/page':>7}   "
          f"{'vnplan CER':>11} {'WER':>7} {'s/page':>7}")
    for level in ("light", "medium", "heavy"):
        totals = {"tess": [0, 0, 0, 0, 0.0], "ours": [0, 0, 0, 0, 0.0]}
        for page in pages:
            image = os.path.join(scans, level, page.replace(".txt", ".jpg"))
            truth = normal(open(os.path.join(scans, page), encoding="utf-8").read())
            for key, command in (("tess", ["tesseract", image, "-", "-l", "vie"]),
                                 ("ours", [vnplan, "ocr", image, "--jobs", "1", "--preprocess", steps,
                                           *restore])):
                text, seconds = run(command)
                got = normal(text)
                t = totals[key]
                t[0] += distance(truth, got)
                t[1] += len(truth)
                t[2] += distance(truth.split(), got.split())
                t[3] += len(truth.split())
                t[4] += seconds
        n = len(pages)
        tess, ours = totals["tess"], totals["ours"]
        print(f"{level:8} {n:5d} {100 * tess[0] / tess[1]:13.2f}% {100 * tess[2] / tess[3]:6.2f}% "
              f"{tess[4] / n:7.2f}   {100 * ours[0] / ours[1]:10.2f}% {100 * ours[2] / ours[3]:6.2f}% "
              f"{ours[4] / n:7.2f}")
    # Pages in parallel: a 4-page TIFF of the medium scans.
    with tempfile.TemporaryDirectory() as work:
        images = [os.path.join(scans, "medium", p.replace(".txt", ".jpg")) for p in pages]
        images = (images * 4)[:4]
        tiff = os.path.join(work, "four.tif")
        subprocess.run(["/usr/bin/convert", *images, tiff], check=True)
        _, one = run([vnplan, "ocr", tiff, "--jobs", "1", "--restore", "never"])
        _, two = run([vnplan, "ocr", tiff, "--jobs", str(os.cpu_count() or 2), "--restore", "never"])
        print(f"4-page TIFF: {one:.2f} s one page after another, {two:.2f} s in parallel "
              f"({one / two:.2f}x on {os.cpu_count()} cores)")


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    args = sys.argv[1:5]
    if len(args) > 2 and args[2] == "-":
        args[2] = None
    main(*args)
