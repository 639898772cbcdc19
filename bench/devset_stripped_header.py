#!/usr/bin/env python3
"""The masthead read from text that lost its marks (typed without them, or
legacy OCR): every 6th devset document (50), its first 5,000 characters
with the marks stripped, extracted with restoration, against what the same
binary reads from the clean text. A measuring stick for the gazetteer
(issue 13): place and issuer name exactly as read from the clean text.

    bench/devset_stripped_header.py BINARY [MODEL_DIR] [--shared DIR]

Skips with a message and exit 0 when the devset is absent."""
import json, os, subprocess, sys, tempfile, unicodedata

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
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    shared = sys.argv[sys.argv.index("--shared") + 1] if "--shared" in sys.argv else "../shared"
    if "--shared" in sys.argv:
        args.remove(shared)
    if not args:
        print(__doc__)
        return 2
    binary = args[0]
    models = args[1] if len(args) > 1 else os.path.join(os.path.dirname(binary), "models")
    texts = os.path.join(shared, "devset", "texts")
    if not os.path.isdir(texts):
        print(f"devset_stripped_header: skipped, {texts} is absent")
        return 0
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
