#!/usr/bin/python3
"""Makes the scan corpus: clean plans laid out as A4 pages and degraded.

A plan (a corpus text with its PLAN.expected.json beside it) is laid out the
way such documents look: A4 at 300 dpi, Liberation Serif 13 pt (Times
metrics), the two-column header on page 1 (agency and number on the left,
national motto and place-date on the right, each column centred), a centred
bold title, then the body from the first legal basis ("Căn cứ", "Thực
hiện") on, left-aligned, 44 lines a page. Text is rendered with pango-view
and pages are put together with ImageMagick; each page is then degraded at
three seeded levels:
  light   300 dpi, faint noise, JPEG 85
  medium  about 150 dpi, 1.5 degree skew, blur, salt-and-pepper noise, JPEG 60
  heavy   about 120 dpi, 2.5 degree skew, more blur and noise, JPEG 40
Writes OUT/pageNN.txt (the truth, in reading order: left column, right
column, title, body) and OUT/LEVEL/pageNN.jpg; with --clean also the
undegraded OUT/pageNN.png.

With --real, what real scans have (issue 11): the last page ends with the
footer, "Nơi nhận" and its list on the left and the signer's block on the
right, a red seal stamped over the signer's title and a blue pen signature
over the space above the name (pages are then in colour; the truth has the
footer's left block, then the right block, without seal or signature), and
each page is also written 1-bit (CCITT G4) as OUT/onebit/pageNN.tif, where
the seal comes out black as a 1-bit scan makes a red seal: an opaque ring
over both lines of the signer's title, its star between them (as on real
qn-2352-ct p4; the OCR test that the title is read under it); and
a page with a ruled table (a schedule: a heading row, a cell of two lines),
OUT/table.png with its truth OUT/table.txt (a row a line, cells joined by
" | ", as realscans' gold pages write tables) and OUT/onebit/table.tif.

Usage: make_scans.py [--clean] [--real] OUT PAGES PLAN.txt
"""
import json
import os
import re
import subprocess
import sys
import tempfile
import textwrap

LEVELS = {
    "light": ["-attenuate", "0.15", "+noise", "Gaussian", "-quality", "85"],
    "medium": ["-resize", "50%", "-background", "white", "-rotate", "1.5", "-blur", "0x0.6",
               "-attenuate", "0.25", "+noise", "Impulse", "-quality", "60"],
    "heavy": ["-resize", "40%", "-background", "white", "-rotate", "2.5", "-blur", "0x0.9",
              "-attenuate", "0.4", "+noise", "Impulse", "-quality", "40"],
}
PAGE_W, PAGE_H = 2480, 3508          # A4 at 300 dpi
LEFT, TOP, TEXT_W = 354, 236, 1890  # 30 mm left margin, 20 mm top, 160 mm text
FONT = "Liberation Serif 13"
LINES_PER_PAGE = 44
WRAP_CHARS = 72


def render(text, path, align="left", markup=False, width_px=TEXT_W):
    args = ["pango-view", f"--font={FONT}", "--dpi=300", "--margin=0", f"--align={align}",
            f"--width={width_px * 72 // 300}", "--wrap=word", "-q", "-o", path]
    if markup:
        args.append("--markup")
    with tempfile.NamedTemporaryFile("w", suffix=".txt", encoding="utf-8", delete=False) as f:
        f.write(text)
    try:
        subprocess.run(args + [f.name], check=True)
    finally:
        os.remove(f.name)


def escape(text):
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def masthead(plan):
    """The page-1 header as (left lines, right lines, title lines)."""
    doc = json.load(open(re.sub(r"\.txt$", ".expected.json", plan), encoding="utf-8"))["document"]
    issuer = doc.get("issuer") or {}
    left = [line.upper() for line in (issuer.get("parent"), issuer.get("name")) if line]
    if doc.get("number"):
        left.append(f"Số: {doc['number']}/{doc.get('symbol') or 'KH'}")
    right = ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    if doc.get("date"):
        year, month, day = doc["date"].split("-")
        right.append(f"{doc.get('place') or ''}, ngày {int(day)} tháng {int(month)} năm {year}".lstrip(", "))
    title = ["KẾ HOẠCH"] + textwrap.wrap(doc.get("title") or "", 70)
    return left, right, title


def body_lines(plan):
    lines, started = [], False
    for line in open(plan, encoding="utf-8"):
        line = " ".join(line.replace("*", " ").replace("#", " ").split())
        started = started or line.startswith(("Căn cứ", "Thực hiện"))
        if started and line:
            lines.extend(textwrap.wrap(line, WRAP_CHARS))
    return lines


def page_one(work, plan):
    left, right, title = masthead(plan)
    column = 1000
    render("\n".join(escape(l) for l in left), f"{work}/left.png", "center", True, column)
    render("\n".join([f"<b>{escape(right[0])}</b>", f"<b>{escape(right[1])}</b>"] +
                     [f"<i>{escape(l)}</i>" for l in right[2:]]), f"{work}/right.png", "center",
           True, 1150)
    render("\n".join(f"<b>{escape(l)}</b>" for l in title), f"{work}/title.png", "center", True)
    return left + right + title, [
        (f"{work}/left.png", LEFT - 120, TOP),
        (f"{work}/right.png", LEFT + TEXT_W - 1150 + 80, TOP),
        (f"{work}/title.png", LEFT, TOP + 420)], TOP + 420 + 70 * len(title) + 60


FOOTER_LEFT = ["Nơi nhận:", "- Như trên;", "- Lưu: VT."]
FOOTER_RIGHT = ["TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH"]
FOOTER_LINES = 12  # body lines the footer takes, the signature's space included


def footer(work, plan, y):
    """The footer's truth lines and parts: recipients left, signer right."""
    doc = json.load(open(re.sub(r"\.txt$", ".expected.json", plan), encoding="utf-8"))["document"]
    name = ((doc.get("signer") or {}).get("name")) or "Nguyễn Văn Mẫu"
    render("\n".join([f"<b><i>{escape(FOOTER_LEFT[0])}</i></b>"] + [escape(l) for l in FOOTER_LEFT[1:]]),
           f"{work}/recipients.png", "left", True, 900)
    render("\n".join(f"<b>{escape(l)}</b>" for l in FOOTER_RIGHT) + "\n\n\n\n\n" + f"<b>{escape(name)}</b>",
           f"{work}/signer.png", "center", True, 1000)
    right_x = LEFT + TEXT_W - 1000 + 80
    return FOOTER_LEFT + FOOTER_RIGHT + [name], [
        (f"{work}/recipients.png", LEFT - 60, y), (f"{work}/signer.png", right_x, y)], (right_x, y)


def ink(out_png, signer_at):
    """Stamps a red seal over the signer's title and signs in blue pen
    above the name, as ink over the print (multiplied: black stays black)."""
    x, y = signer_at
    cx, cy = x + 330, y + 150
    seal = ["-fill", "none", "-stroke", "#d2232a", "-strokewidth", "12",
            "-draw", f"circle {cx},{cy} {cx + 190},{cy}", "-strokewidth", "5",
            "-draw", f"circle {cx},{cy} {cx + 140},{cy}",
            "-fill", "#d2232a", "-stroke", "none",
            "-draw", f"polygon {cx},{cy - 70} {cx + 20},{cy - 20} {cx + 70},{cy - 20} {cx + 30},{cy + 10} "
                     f"{cx + 45},{cy + 60} {cx},{cy + 30} {cx - 45},{cy + 60} {cx - 30},{cy + 10} "
                     f"{cx - 70},{cy - 20} {cx - 20},{cy - 20}"]
    pen = ["-fill", "none", "-stroke", "#1f3fbf", "-strokewidth", "6",
           "-draw", f"bezier {x + 380},{y + 330} {x + 500},{y + 120} {x + 620},{y + 420} {x + 900},{y + 260}"]
    subprocess.run(["/usr/bin/convert", out_png, "(", "-size", f"{PAGE_W}x{PAGE_H}", "xc:white", *seal, *pen,
                    ")", "-compose", "Multiply", "-composite", out_png], check=True)


TABLE_COLUMNS = [(160, "center"), (1000, "left"), (730, "center")]  # widths in px, cell alignment
TABLE_ROWS = [
    ["<b>TT</b>", "<b>Nội dung công việc</b>", "<b>Thời gian thực hiện</b>"],
    ["1", "Tổ chức hội nghị triển khai kế hoạch", "Tháng 7 năm 2016"],
    ["2", "Kiểm tra, đôn đốc việc thực hiện tại các đơn vị trực thuộc trên địa bàn tỉnh",
     "Quý III năm 2016"],
    ["3", "Sơ kết, đánh giá kết quả thực hiện", "Tháng 12 năm 2016"],
]
CELL_PAD = 24


def table_page(work, out):
    """A page with a heading and a ruled table; returns its truth lines."""
    render("<b>PHỤ LỤC</b>\n<i>Lịch thực hiện kế hoạch</i>", f"{work}/heading.png", "center", True)
    parts, rules, truth = [(f"{work}/heading.png", LEFT, TOP)], [], ["PHỤ LỤC", "Lịch thực hiện kế hoạch"]
    x0, y = LEFT, TOP + 240
    rights = [x0]
    for width, _ in TABLE_COLUMNS:
        rights.append(rights[-1] + width)
    rules.append(y)
    for r, row in enumerate(TABLE_ROWS):
        height = 0
        for c, (cell, (width, align)) in enumerate(zip(row, TABLE_COLUMNS)):
            path = f"{work}/cell{r}{c}.png"
            render(cell, path, align, True, width - 2 * CELL_PAD)
            lines = len(textwrap.wrap(re.sub(r"<[^>]+>", "", cell), (width - 2 * CELL_PAD) // 26)) or 1
            height = max(height, 70 * lines)
            parts.append((path, rights[c] + CELL_PAD, y + CELL_PAD))
        truth.append(" | ".join(re.sub(r"<[^>]+>", "", cell) for cell in row))
        y += height + 2 * CELL_PAD
        rules.append(y)
    draw = []
    for ry in rules:
        draw += ["-draw", f"line {rights[0]},{ry} {rights[-1]},{ry}"]
    for rx in rights:
        draw += ["-draw", f"line {rx},{rules[0]} {rx},{rules[-1]}"]
    clean = os.path.join(out, "table.png")
    compose(parts, clean)
    subprocess.run(["/usr/bin/convert", clean, "-stroke", "black", "-strokewidth", "3", *draw, clean], check=True)
    with open(os.path.join(out, "table.txt"), "w", encoding="utf-8") as f:
        f.write("\n".join(truth) + "\n")
    os.makedirs(os.path.join(out, "onebit"), exist_ok=True)
    subprocess.run(["/usr/bin/convert", clean, "-colorspace", "Gray", "-threshold", "55%",
                    "-compress", "Group4", os.path.join(out, "onebit", "table.tif")], check=True)


def compose(parts, out_png, colour=False):
    args = ["/usr/bin/convert", "-size", f"{PAGE_W}x{PAGE_H}", "xc:white"]
    for path, x, y in parts:
        args += [path, "-geometry", f"+{x}+{y}", "-composite"]
    subprocess.run(args + ["-colorspace", "sRGB" if colour else "Gray", out_png], check=True)


def make_pages(plan, count, out, keep_clean, real=False):
    lines = body_lines(plan)
    made = 0
    with tempfile.TemporaryDirectory() as work:
        for n in range(count):
            if n == 0:
                truth, parts, y = page_one(work, plan)
                room = LINES_PER_PAGE - (y - TOP) // 70
            else:
                truth, parts, y, room = [], [], TOP, LINES_PER_PAGE
            last = n == count - 1 or len(lines) <= room - (FOOTER_LINES if real else 0)
            if real and last:
                room -= FOOTER_LINES
            page, lines = lines[:room], lines[room:]
            if not page and n > 0:
                break
            render("\n".join(page), f"{work}/body.png")
            parts.append((f"{work}/body.png", LEFT, y))
            foot, signer_at = [], None
            if real and last:
                foot, foot_parts, signer_at = footer(work, plan, y + 70 * len(page) + 60)
                parts += foot_parts
            clean = os.path.join(out, f"page{n:02d}.png")
            compose(parts, clean, real)
            if signer_at:
                ink(clean, signer_at)
            with open(os.path.join(out, f"page{n:02d}.txt"), "w", encoding="utf-8") as f:
                f.write("\n".join(truth + page + foot) + "\n")
            if real:
                os.makedirs(os.path.join(out, "onebit"), exist_ok=True)
                subprocess.run(["/usr/bin/convert", clean, "-colorspace", "Gray", "-threshold", "55%",
                                "-compress", "Group4", os.path.join(out, "onebit", f"page{n:02d}.tif")],
                               check=True)
            for level, ops in LEVELS.items():
                os.makedirs(os.path.join(out, level), exist_ok=True)
                subprocess.run(["/usr/bin/convert", clean, "-seed", str(1000 + n), *ops,
                                os.path.join(out, level, f"page{n:02d}.jpg")], check=True)
            if not keep_clean:
                os.remove(clean)
            made += 1
            if real and last:
                break
        if real:
            table_page(work, out)
    return made


def main(argv):
    keep_clean, real = "--clean" in argv, "--real" in argv
    argv = [a for a in argv if a not in ("--clean", "--real")]
    if len(argv) != 3:
        sys.exit(__doc__)
    out, count, plan = argv[0], int(argv[1]), argv[2]
    os.makedirs(out, exist_ok=True)
    made = make_pages(plan, count, out, keep_clean, real)
    print(f"make_scans: {made} pages x {len(LEVELS)} levels in {out}")


if __name__ == "__main__":
    main(sys.argv[1:])
