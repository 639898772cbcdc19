#!/usr/bin/python3
"""Prints the running text of the Vietnamese documentation unpacked from
Debian's packages (HTML help pages, man pages, plain-text guides), one
paragraph per line, for training the background language model."""
import gzip
import html.parser
import pathlib
import re
import sys

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


def main(root):
    for path in sorted(pathlib.Path(root).rglob("*")):
        if not path.is_file():
            continue
        name = path.name
        opener = gzip.open if name.endswith(".gz") else open
        try:
            if name.endswith((".html", ".html.gz")):
                parser = HtmlText()
                parser.feed(opener(path, "rt", encoding="utf-8", errors="replace").read())
                text = "".join(parser.parts)
            elif "/man/vi" in str(path) and name.endswith(".gz"):
                text = man_text(opener(path, "rt", encoding="utf-8", errors="replace").read())
            elif name.endswith((".vi.txt.gz", ".vi.txt")):
                text = opener(path, "rt", encoding="utf-8", errors="replace").read()
            else:
                continue
        except (OSError, UnicodeError, EOFError):
            continue
        for paragraph in re.split(r"\n\s*\n", text):
            paragraph = " ".join(paragraph.split())
            if paragraph:
                print(paragraph)


if __name__ == "__main__":
    main(sys.argv[1])
