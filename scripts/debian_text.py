#!/usr/bin/python3
"""Prints the running text of the Vietnamese documentation unpacked from
Debian's packages (HTML help pages, man pages, plain-text guides), the
Vietnamese messages of translated programs (gettext catalogs, Firefox's
language pack) and the names of Vietnam's provinces (iso-codes), one
paragraph per line, for training the background language model."""
import gettext
import gzip
import html.parser
import json
import pathlib
import re
import sys
import zipfile

BLOCKS = {"p", "h1", "h2", "h3", "h4", "li", "td", "th", "div", "br", "tr", "title", "dt", "dd"}


class HtmlText(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        self.skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        self.skip -= tag in ("script", "style")
        if tag in BLOCKS:
            self.parts.append("\n\n")

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def man_text(raw):
    lines = []
    for line in raw.splitlines():
        if line.startswith((".\\\"", "'\\\"")):
            continue
        if line.startswith("."):
            line = re.sub(r"^\.\w+\s*", "", line)
            lines.append("" if not line else line)
            continue
        lines.append(re.sub(r"\\f[BIRP]|\\\(..|\\[-e&]", "", line))
    return "\n".join(lines)


def catalog_text(path):
    """The Vietnamese side of a gettext catalog, one message a paragraph."""
    with open(path, "rb") as f:
        messages = gettext.GNUTranslations(f)._catalog.values()
    return "\n\n".join(m for m in messages if m and not m.startswith("Project-Id"))


def langpack_text(path):
    """Firefox's Vietnamese messages: the values of its Fluent files."""
    parts = []
    with zipfile.ZipFile(path) as z:
        for member in sorted(z.namelist()):
            if member.endswith(".ftl"):
                for line in z.read(member).decode("utf-8", "replace").splitlines():
                    key, equals, value = line.partition(" = ")
                    if equals and not key.startswith((" ", "#")) and "{" not in value:
                        parts.append(value)
    return "\n\n".join(parts)


def provinces_text(path):
    """Vietnam's 63 provinces as plans name them: "tỉnh Phú Thọ"."""
    names = [s["name"] for s in json.load(open(path, encoding="utf-8"))["3166-2"]
             if s["code"].startswith("VN-")]
    return "\n\n".join(f"{name}\n\ntỉnh {name}" for name in names)


def main(root):
    for path in sorted(pathlib.Path(root).rglob("*")):
        if not path.is_file():
            continue
        name = path.name
        opener = gzip.open if name.endswith(".gz") else open
        try:
            if name.endswith(".mo") and "/vi/" in str(path):
                text = catalog_text(path)
            elif name.endswith(".xpi") and "langpack-vi" in name:
                text = langpack_text(path)
            elif name == "iso_3166-2.json":
                text = provinces_text(path)
            elif name.endswith((".html", ".html.gz")):
                parser = HtmlText()
                parser.feed(opener(path, "rt", encoding="utf-8", errors="replace").read())
                text = "".join(parser.parts)
            elif "/man/vi" in str(path) and name.endswith(".gz"):
                text = man_text(opener(path, "rt", encoding="utf-8", errors="replace").read())
            elif name.endswith((".vi.txt.gz", ".vi.txt")):
                text = opener(path, "rt", encoding="utf-8", errors="replace").read()
            else:
                continue
        except (OSError, UnicodeError, EOFError, ValueError, zipfile.BadZipFile):
            continue
        for paragraph in re.split(r"\n\s*\n", text):
            paragraph = " ".join(paragraph.split())
            if paragraph:
                print(paragraph)


if __name__ == "__main__":
    main(sys.argv[1])
