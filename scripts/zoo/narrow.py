"""A report typeset by reportlab with narrow number columns (issue 9): the
tables of render.html in the official layout (its rowspan/colspan as SPANs),
every column that holds only numbers set so narrow that a number of three
digits or more wraps inside its cell ("3119" is printed as "31" above "19"),
cells centred vertically (VALIGN MIDDLE, as Word and WPS tables are), in
WenQuanYi Micro Hei embedded as a TrueType subset. The kind of PDF a report
system makes when its table has many columns on a portrait page.

    narrow.py RENDER.html OUT.pdf [RENDER.html OUT.pdf ...]

Run by make.sh with reportlab from target/pdf-venv.
"""

import sys
from html.parser import HTMLParser
from xml.sax.saxutils import escape

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle

FONT = "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc"
pdfmetrics.registerFont(TTFont("wqy", FONT, subfontIndex=0))
TITLE = ParagraphStyle("title", fontName="wqy", fontSize=20, leading=28, alignment=1, wordWrap="CJK")
BODY = ParagraphStyle("body", fontName="wqy", fontSize=12, leading=18, wordWrap="CJK")
CELL = ParagraphStyle("cell", fontName="wqy", fontSize=9, leading=11, wordWrap="CJK", alignment=1)
# A number column's width: two digits of 9 pt fit between the paddings, a third wraps.
NUMBER_COLUMN = 15
PADDING = 1
MARGIN = 50


class Reader(HTMLParser):
    """render.html's blocks: ("h1"|"p", text) and ("table", rows), each row a
    list of (text, rowspan, colspan)."""

    def __init__(self):
        super().__init__()
        self.blocks, self.text, self.rows, self.cell = [], None, None, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "p") and self.rows is None:
            self.text = ""
        elif tag == "table":
            self.rows = []
        elif tag == "tr":
            self.rows.append([])
        elif tag == "td":
            self.cell = ["", int(a.get("rowspan", 1)), int(a.get("colspan", 1))]

    def handle_endtag(self, tag):
        if tag in ("h1", "p") and self.text is not None:
            self.blocks.append((tag, self.text.strip()))
            self.text = None
        elif tag == "td":
            self.rows[-1].append(tuple(self.cell))
            self.cell = None
        elif tag == "table":
            self.blocks.append(("table", self.rows))
            self.rows = None

    def handle_data(self, data):
        if self.cell is not None:
            self.cell[0] += data
        elif self.text is not None:
            self.text += data


def is_number(text):
    t = text.strip()
    return t != "" and (t.replace(".", "", 1).isdigit() or t in ("-", "—", "/", "无"))


def grid(rows):
    """The table as a grid: each cell's text at its top-left slot, the SPANs,
    and which columns hold numbers (every one-column cell below the headers)."""
    placed, spans, width = {}, [], 0
    taken, single = set(), set()
    for r, row in enumerate(rows):
        c = 0
        for text, rs, cs in row:
            while (r, c) in taken:
                c += 1
            placed[(r, c)] = text
            if cs == 1:
                single.add((r, c))
            for dr in range(rs):
                for dc in range(cs):
                    taken.add((r + dr, c + dc))
            if rs > 1 or cs > 1:
                spans.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
            c += cs
            width = max(width, c)
    height = len(rows)
    numeric = []
    for c in range(width):
        cells = [placed[(r, c)] for r in range(height) if (r, c) in placed and (r, c) in single]
        values = [t for t in cells if is_number(t)]
        numeric.append(len(values) >= 1 and len(values) * 2 >= len(cells))
    data = [[Paragraph(escape(placed.get((r, c), "").strip()), CELL) for c in range(width)] for r in range(height)]
    return data, spans, numeric


def table(rows):
    data, spans, numeric = grid(rows)
    free = A4[0] - 2 * MARGIN - NUMBER_COLUMN * sum(numeric)
    labels = max(1, len(numeric) - sum(numeric))
    widths = [NUMBER_COLUMN if n else free / labels for n in numeric]
    t = Table(data, colWidths=widths)
    style = [
        ("GRID", (0, 0), (-1, -1), 0.5, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
        ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
    ]
    t.setStyle(TableStyle(style + spans))
    return t


def typeset(src, out):
    reader = Reader()
    reader.feed(open(src, encoding="utf-8").read())
    story = []
    for kind, content in reader.blocks:
        if kind == "table":
            story.append(table(content))
        elif content:
            story.append(Paragraph(escape(content), TITLE if kind == "h1" else BODY))
    SimpleDocTemplate(out, pagesize=A4, leftMargin=MARGIN, rightMargin=MARGIN, topMargin=MARGIN, bottomMargin=MARGIN).build(story)


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or len(args) % 2:
        sys.exit("usage: narrow.py RENDER.html OUT.pdf [RENDER.html OUT.pdf ...]")
    for i in range(0, len(args), 2):
        typeset(args[i], args[i + 1])
