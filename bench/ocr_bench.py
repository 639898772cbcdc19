#!/usr/bin/python3
"""OCR accuracy and speed, vnplan against plain Tesseract, in one run.

For each degradation level of a scan corpus (scripts/make_scans.py), prints
the character and word error rates of `tesseract IMAGE - -l vie` and of
`vnplan ocr IMAGE --restore never` against the pages' text, and the CPU
seconds per page of each (the least of 3 runs) (both single-threaded: OMP_THREAD_LIMIT=1, --jobs
1). With a model folder, also the errors after restoration guided by
Tesseract's word confidences (`vnplan ocr IMAGE`) and after restoration of
the same OCR text without them (`vnplan restore`). Where Debian's ocrmypdf
is installed (skipped otherwise), also OCRmyPDF (`ocrmypdf -l vie --sidecar`,
one run: it is slow) on each page, and on each real scan. Then the wall time of a
4-page scanned PDF read one page after another (--jobs 1) and in parallel.
Last, where ../shared/realscans is beside the checkout (never on a user's
machine: skipped), the real scans: word error rates per gold page from
../shared/tools/ocr_wer.py, and CPU seconds per page of `vnplan ocr` on each
PDF and of plain Tesseract on its pages rendered at 300 dpi.

Usage: ocr_bench.py SCANS_DIR VNPLAN [MODEL_DIR|-] [STEPS]
"""
import os
import shutil
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


def run(command, stdin=None):
    """Output and CPU seconds (user + system) of a command: CPU time, unlike
    wall time, hardly moves when something else shares the machine."""
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    before = os.times()
    out = subprocess.run(command, capture_output=True, text=True, env=env, input=stdin).stdout
    after = os.times()
    return out, (after.children_user - before.children_user) + (after.children_system - before.children_system)


def fastest(command, runs=3):
    """Output and the least CPU time of a few runs: other work on a shared
    machine only ever adds time, so the minimum is the cost of the command."""
    outputs = [run(command) for _ in range(runs)]
    return outputs[0][0], min(seconds for _, seconds in outputs)


# The resolution of each level's pages (scripts/make_scans.py), which
# OCRmyPDF needs to make a page of an image.
LEVEL_DPI = {"light": 300, "medium": 150, "heavy": 120}


def ocrmypdf(source, work, dpi=None):
    """OCRmyPDF's text of an image or PDF (pages split by form feeds) and its
    CPU seconds; None when ocrmypdf is not installed."""
    if not shutil.which("ocrmypdf"):
        return None
    side, out = os.path.join(work, "sidecar.txt"), os.path.join(work, "ocrmypdf.pdf")
    # A generous Tesseract timeout: on a loaded machine the default 180 s skips pages.
    command = ["ocrmypdf", "-q", "-l", "vie", "--force-ocr", "--optimize", "0", "--output-type", "pdf",
               "--tesseract-timeout", "1800",
               "--sidecar", side]
    if dpi:
        command += ["--image-dpi", str(dpi)]
    _, seconds = run(command + [source, out])
    text = open(side, encoding="utf-8").read() if os.path.exists(side) else ""
    for path in (side, out):
        if os.path.exists(path):
            os.remove(path)
    return text, seconds


def wall(command):
    env = dict(os.environ, OMP_THREAD_LIMIT="1")
    start = time.perf_counter()
    subprocess.run(command, capture_output=True, env=env, check=True)
    return time.perf_counter() - start


class Score:
    def __init__(self):
        self.chars = self.char_errors = self.words = self.word_errors = 0
        self.seconds = 0.0

    def add(self, truth, text, seconds=0.0):
        got = normal(text)
        self.char_errors += distance(truth, got)
        self.chars += len(truth)
        self.word_errors += distance(truth.split(), got.split())
        self.words += len(truth.split())
        self.seconds += seconds

    def rates(self):
        return f"{100 * self.char_errors / self.chars:6.2f}% {100 * self.word_errors / self.words:6.2f}%"


def four_page_pdf(images, path):
    """A PDF of JPEG pages (A4, one image each), as a scanner writes them."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", None]
    kids = []
    for image in images:
        data = open(image, "rb").read()
        width, height = jpeg_size(data)
        page, picture, content = len(objects) + 1, len(objects) + 2, len(objects) + 3
        draw = b"q 595 0 0 842 0 0 cm /Im0 Do Q"
        objects.append(f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources "
                       f"<< /XObject << /Im0 {picture} 0 R >> >> /Contents {content} 0 R >>".encode())
        objects.append(f"<< /Type /XObject /Subtype /Image /Width {width} /Height {height} "
                       f"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /DCTDecode "
                       f"/Length {len(data)} >>\nstream\n".encode() + data + b"\nendstream")
        objects.append(f"<< /Length {len(draw)} >>\nstream\n".encode() + draw + b"\nendstream")
        kids.append(f"{page} 0 R")
    objects[1] = f"<< /Type /Pages /Kids [{' '.join(kids)}] /Count {len(kids)} >>".encode()
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + body + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    open(path, "wb").write(out)


def jpeg_size(data):
    at = 2
    while at < len(data):
        marker, length = data[at + 1], int.from_bytes(data[at + 2:at + 4], "big")
        if marker in (0xC0, 0xC1, 0xC2):
            return int.from_bytes(data[at + 7:at + 9], "big"), int.from_bytes(data[at + 5:at + 7], "big")
        at += 2 + length
    raise ValueError("no JPEG frame header")


def main(scans, vnplan, model=None, steps=None):
    pages = sorted(p for p in os.listdir(scans) if p.endswith(".txt"))
    preprocess = ["--preprocess", steps] if steps else []
    print("CER and WER against the pages' text; s/page is CPU time (user + system), "
          "the least of 3 runs.")
    header = f"{'level':7} {'pages':>5} | {'tesseract':>14} {'s/page':>6} | {'vnplan ocr':>14} {'s/page':>6}"
    with_ocrmypdf = shutil.which("ocrmypdf") is not None
    if with_ocrmypdf:
        header += f" | {'ocrmypdf':>14} {'s/page':>6}"
    else:
        print("ocrmypdf is not installed (Debian package ocrmypdf): its column is skipped.")
    if model:
        header += f" | {'+ restore':>14} | {'restore, no conf.':>17}"
    print(header)
    for level in ("light", "medium", "heavy"):
        tess, ours, restored, blind, other = Score(), Score(), Score(), Score(), Score()
        for page in pages:
            image = os.path.join(scans, level, page.replace(".txt", ".jpg"))
            truth = normal(open(os.path.join(scans, page), encoding="utf-8").read())
            tess.add(truth, *fastest(["tesseract", image, "-", "-l", "vie"]))
            text, seconds = fastest([vnplan, "ocr", image, "--jobs", "1", "--restore", "never", *preprocess])
            ours.add(truth, text, seconds)
            if with_ocrmypdf:
                with tempfile.TemporaryDirectory() as work:
                    other.add(truth, *ocrmypdf(image, work, LEVEL_DPI[level]))
            if model:
                restored.add(truth, run([vnplan, "ocr", image, "--jobs", "1", "--model", model,
                                         *preprocess])[0])
                blind.add(truth, run([vnplan, "restore", "--model", model], stdin=text)[0])
        n = len(pages)
        line = f"{level:7} {n:5d} | {tess.rates()} {tess.seconds / n:6.2f} | {ours.rates()} {ours.seconds / n:6.2f}"
        if with_ocrmypdf:
            line += f" | {other.rates()} {other.seconds / n:6.2f}"
        if model:
            line += f" | {restored.rates()} | {blind.rates():>17}"
        print(line)
    # Pages in parallel: a 4-page PDF of the medium scans (wall time).
    with tempfile.TemporaryDirectory() as work:
        images = [os.path.join(scans, "medium", p.replace(".txt", ".jpg")) for p in pages]
        pdf = os.path.join(work, "four.pdf")
        four_page_pdf((images * 4)[:4], pdf)
        one = wall([vnplan, "ocr", pdf, "--jobs", "1", "--restore", "never"])
        two = wall([vnplan, "ocr", pdf, "--jobs", str(os.cpu_count() or 2), "--restore", "never"])
        print(f"4-page scanned PDF: {one:.2f} s one page after another, {two:.2f} s in parallel "
              f"({one / two:.2f}x on {os.cpu_count()} cores)")
    real_scans(vnplan)


def real_scans(vnplan):
    """The real-scan table (../shared/realscans), or a line saying it is skipped."""
    shared = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared")
    scans = os.path.join(shared, "realscans")
    if not os.path.isdir(scans):
        print("real scans: ../shared/realscans absent, skipped")
        return
    print("real scans (WER per gold page, ../shared/tools/ocr_wer.py):")
    wer = subprocess.run([sys.executable, os.path.join(shared, "tools", "ocr_wer.py"), scans, vnplan],
                         capture_output=True, text=True)
    print(wer.stdout.rstrip())
    with tempfile.TemporaryDirectory() as work:
        for pdf in sorted(f for f in os.listdir(scans) if f.endswith(".pdf")):
            path = os.path.join(scans, pdf)
            text, ours = run([vnplan, "ocr", path, "--jobs", "1", "--restore", "never"])
            pages = text.count("\f") + 1
            subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", path, os.path.join(work, pdf)], check=True)
            tess = sum(run(["tesseract", os.path.join(work, image), "-", "-l", "vie"])[1]
                       for image in os.listdir(work) if image.startswith(pdf))
            line = f"{pdf}: {pages} pages, s/page tesseract {tess / pages:.2f}, vnplan {ours / pages:.2f}"
            other = ocrmypdf(path, work)
            if other:
                line += f", ocrmypdf {other[1] / pages:.2f}; ocrmypdf WER " + ocrmypdf_wer(shared, scans, pdf, other[0])
            print(line)


def ocrmypdf_wer(shared, scans, pdf, text):
    """OCRmyPDF's word error rate on each gold page of `pdf`, counted as
    ../shared/tools/ocr_wer.py counts (its tokens and keys)."""
    sys.path.insert(0, os.path.join(shared, "tools"))
    from syllacc import tokens, key  # noqa: E402 (only beside ../shared)
    doc, pages, rates = pdf[:-4], text.split("\f"), []
    for gold_path in sorted(p for p in os.listdir(scans) if p.startswith(doc + "-p") and p.endswith(".txt")):
        n = int(gold_path[len(doc) + 2:-4])
        gold = [key(t) for l in open(os.path.join(scans, gold_path), encoding="utf-8").read().splitlines()
                for t in tokens(l)]
        got = [key(t) for l in (pages[n - 1] if n - 1 < len(pages) else "").splitlines() for t in tokens(l)]
        rates.append(f"p{n} {100 * distance(gold, got) / max(len(gold), 1):.2f}%")
    return ", ".join(rates)


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    args = sys.argv[1:5]
    if len(args) > 2 and args[2] == "-":
        args[2] = None
    main(*args)
