#!/usr/bin/python3
"""Makes the scan corpus: clean plans laid out as A4 pages and degraded.

Pages: 38 lines of the plan each, Liberation Serif 13 pt (Times metrics),
rendered at 300 dpi with pango-view. Each page is then degraded with
ImageMagick at three seeded levels:
  light   300 dpi, faint noise, JPEG 85
  medium  about 150 dpi, 1.5 degree skew, blur, salt-and-pepper noise, JPEG 60
  heavy   about 120 dpi, 2.5 degree skew, more blur and noise, JPEG 40
Writes OUT/pageNN.txt (the truth) and OUT/LEVEL/pageNN.jpg.

Usage: make_scans.py OUT PAGES CLEAN_TEXT...
"""
import os
import subprocess
import sys

LEVELS = {
    "light": ["-attenuate", "0.15", "+noise", "Gaussian", "-quality", "85"],
    "medium": ["-resize", "50%", "-background", "white", "-rotate", "1.5", "-blur", "0x0.6",
               "-attenuate", "0.25", "+noise", "Impulse", "-quality", "60"],
    "heavy": ["-resize", "40%", "-background", "white", "-rotate", "2.5", "-blur", "0x0.9",
              "-attenuate", "0.4", "+noise", "Impulse", "-quality", "40"],
}


def pages(paths, count, lines_per_page=38):
    lines = []
    for path in paths:
        with open(path, encoding="utf-8") as f:
            for line in f:
                line = " ".join(line.replace("*", " ").replace("#", " ").split())
                if line:
                    lines.append(line)
    for i in range(0, min(len(lines), count * lines_per_page), lines_per_page):
        yield "\n".join(lines[i:i + lines_per_page])


def main(out, count, texts):
    os.makedirs(out, exist_ok=True)
    for n, page in enumerate(pages(texts, count)):
        truth = os.path.join(out, f"page{n:02d}.txt")
        clean = os.path.join(out, f"page{n:02d}.png")
        with open(truth, "w", encoding="utf-8") as f:
            f.write(page + "\n")
        subprocess.run(["pango-view", "--font=Liberation Serif 13", "--dpi=300", "--margin=150",
                        "--width=470", "--wrap=word", "-q", "-o", clean, truth], check=True)
        for level, ops in LEVELS.items():
            os.makedirs(os.path.join(out, level), exist_ok=True)
            subprocess.run(["/usr/bin/convert", clean, "-seed", str(1000 + n), "-colorspace", "Gray",
                            *ops, os.path.join(out, level, f"page{n:02d}.jpg")], check=True)
        os.remove(clean)
    print(f"make_scans: {n + 1} pages x {len(LEVELS)} levels in {out}")


if __name__ == "__main__":
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    main(sys.argv[1], int(sys.argv[2]), sys.argv[3:])
