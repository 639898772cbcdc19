#!/usr/bin/env python3
"""How often each header field comes out, and comes out plausibly, on every
devset document (issue 12). A measuring stick, not a second parser: each
check says only whether a value could be right (a date in a document's
lifetime, an issuer that names an agency, a signer that is a person's name,
a number that stands after "Số" in the text), never what it should be.

    bench/devset_fill.py BINARY [MODEL_DIR] [--shared DIR]

Skips with a message and exit 0 when the devset is absent."""
import json, os, re, subprocess, sys, time, unicodedata

TYPES = {"Kế hoạch", "Quyết định", "Nghị quyết", "Chỉ thị", "Thông báo", "Công văn",
         "Công điện", "Báo cáo", "Chương trình", "Tờ trình", "Hướng dẫn", "Đề án",
         "Thông tư", "Phương án", "Nghị định"}
AGENCY = re.compile(r"^(ủy ban|uỷ ban|ubnd|hội đồng|hđnd|sở|bộ|chính phủ|thủ tướng|ban|cục|"
                    r"tổng cục|chi cục|văn phòng|trường|phòng|tỉnh ủy|thành ủy|huyện ủy|quốc hội|"
                    r"kiểm toán|ngân hàng|tòa án|viện|đảng|trung tâm|công an|bảo hiểm|thuế|"
                    r"đài|học viện|đại học|liên đoàn|hội|đoàn|mặt trận|bộ chỉ huy|chủ tịch)", re.I)
NAME_WORD = re.compile(r"^[A-ZÀ-ỸĐ][a-zà-ỹđ]+$")


def nfc(s):
    return unicodedata.normalize("NFC", s)


def person(name):
    words = name.split()
    return 2 <= len(words) <= 5 and all(NAME_WORD.match(w) for w in words)


def checks(doc, text):
    d = doc["document"]
    signer = d.get("signer") or {}
    number = d.get("number")
    return {
        "type": (d.get("type"), lambda v: v in TYPES),
        "number": (number, lambda v: re.search(r"S\S{0,2}\s*(?:hiệu)?\s*:?\s*\**\s*" + re.escape(v), text) is not None),
        "symbol": (d.get("symbol"), lambda v: re.fullmatch(r"[A-Za-zĐđ0-9&./-]+", v.replace("–", "-")) is not None),
        "date": (d.get("date"), lambda v: re.fullmatch(r"(199\d|20[0-2]\d)-\d\d-\d\d", v) is not None),
        "place": (d.get("place"), lambda v: 1 <= len(v.split()) <= 5 and v[:1].isupper()),
        "issuer.name": (d["issuer"].get("name"), lambda v: AGENCY.match(v) is not None),
        "title": (d.get("title"), lambda v: 3 <= len(v) <= 600),
        "signer.name": (signer.get("name"), person),
        "signer.position": (signer.get("position"), lambda v: len(v.split()) <= 6),
        "sections": (doc["sections"] or None, lambda v: True),
        "legal_bases": (doc["legal_bases"] or None, lambda v: True),
    }


def devset_arguments(name, doc):
    """VNPLAN [MODEL_DIR] [--shared DIR] from the command line: (binary,
    models, texts folder), or the exit code when there is nothing to run
    (no arguments: usage, 2; no devset: skipped, 0)."""
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    shared = sys.argv[sys.argv.index("--shared") + 1] if "--shared" in sys.argv else "../shared"
    if "--shared" in sys.argv:
        args.remove(shared)
    if not args:
        print(doc)
        return 2
    binary = args[0]
    models = args[1] if len(args) > 1 else os.path.join(os.path.dirname(binary), "models")
    texts = os.path.join(shared, "devset", "texts")
    if not os.path.isdir(texts):
        print(f"{name}: skipped, {texts} is absent")
        return 0
    return binary, models, texts


def main():
    found = devset_arguments("devset_fill", __doc__)
    if isinstance(found, int):
        return found
    binary, models, texts = found
    filled, plausible, crashes, times = {}, {}, [], []
    files = sorted(f for f in os.listdir(texts) if f.endswith(".md"))
    for name in files:
        path = os.path.join(texts, name)
        start = time.perf_counter()
        run = subprocess.run([binary, "extract", "--model", models, path], capture_output=True)
        times.append((time.perf_counter() - start, name))
        if run.returncode not in (0,) or not run.stdout:
            crashes.append((name, run.returncode))
            continue
        doc = json.loads(run.stdout)
        text = nfc(open(path, encoding="utf-8").read())
        for field, (value, ok) in checks(doc, text).items():
            if value is None or value == "":
                continue
            filled[field] = filled.get(field, 0) + 1
            plausible[field] = plausible.get(field, 0) + (1 if ok(value) else 0)
    n = len(files)
    print(f"devset fill: {n} documents")
    print(f"  {'field':18} {'filled':>14} {'plausible':>14}")
    for field in ["type", "number", "symbol", "date", "place", "issuer.name", "title",
                  "signer.name", "signer.position", "sections", "legal_bases"]:
        f, p = filled.get(field, 0), plausible.get(field, 0)
        print(f"  {field:18} {f:5} {100 * f / n:6.1f}%  {p:5} {100 * p / n:6.1f}%")
    times.sort()
    print(f"  exits other than 0: {len(crashes)} {crashes[:5]}")
    print(f"  time: {sum(t for t, _ in times):.1f} s in all; slowest {times[-1][1]} ({times[-1][0] * 1000:.0f} ms)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
