#!/usr/bin/env python3
"""The masthead read from text that lost its marks (typed without them, or
legacy OCR): every 6th devset document (50), its first 5,000 characters
with the marks stripped, extracted with restoration, against what the same
binary reads from the clean text. A measuring stick for the gazetteer
(issue 13): place and issuer name exactly as read from the clean text.

    bench/devset_stripped_header.py BINARY [MODEL_DIR] [--shared DIR]

Skips with a message and exit 0 when the devset is absent."""
import json, os, subprocess, sys, tempfile, unicodedata

from devset_fill import devset_arguments

FIELDS = ("place", "issuer.name", "issuer.parent", "date", "number")


def strip(text):
    text = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFC", "".join(c for c in text if unicodedata.category(c) != "Mn"))


def header(binary, models, path):
    run = subprocess.run([binary, "extract", "--model", models, path], capture_output=True)
    if run.returncode != 0 or not run.stdout:
        return None
    d = json.loads(run.stdout)["document"]
    return {"place": d["place"], "issuer.name": d["issuer"]["name"],
            "issuer.parent": d["issuer"]["parent"], "date": d["date"], "number": d["number"]}


def main():
    found = devset_arguments("devset_stripped_header", __doc__)
    if isinstance(found, int):
        return found
    binary, models, texts = found
    files = sorted(f for f in os.listdir(texts) if f.endswith(".md"))[::6][:50]
    same = {f: 0 for f in FIELDS}
    stated = {f: 0 for f in FIELDS}
    with tempfile.TemporaryDirectory() as work:
        for name in files:
            text = open(os.path.join(texts, name), encoding="utf-8").read()[:5000]
            clean, stripped = os.path.join(work, "clean.md"), os.path.join(work, "stripped.md")
            open(clean, "w", encoding="utf-8").write(text)
            open(stripped, "w", encoding="utf-8").write(strip(text))
            want, got = header(binary, models, clean), header(binary, models, stripped)
            for field in FIELDS:
                if not want or want[field] is None:
                    continue
                stated[field] += 1
                same[field] += 1 if got and got[field] == want[field] else 0
    print(f"devset stripped header: {len(files)} documents (first 5,000 characters, marks stripped)")
    for field in FIELDS:
        n = stated[field]
        print(f"  {field:14} {same[field]:3}/{n:<3} {100 * same[field] / max(n, 1):5.1f}% as read from the clean text")
    return 0


if __name__ == "__main__":
    sys.exit(main())
