"""Typesets a report text as a PDF with reportlab, in the non-embedded CJK
font STSong-Light (Type0, predefined CMap UniGB-UCS2-H, no ToUnicode): the
kind of PDF some report systems generate. Lines with tabs are table rows (one
cell per tab-separated field); the other lines are paragraphs.

    python reportlab_report.py REPORT.txt OUT.pdf
"""
import sys

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.platypus import Paragraph, SimpleDocTemplate, Table, TableStyle
from xml.sax.saxutils import escape

pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
body = ParagraphStyle("body", fontName="STSong-Light", fontSize=12, leading=18, wordWrap="CJK")
cell = ParagraphStyle("cell", fontName="STSong-Light", fontSize=9, leading=11, wordWrap="CJK")


def table(rows):
    width = max(len(r) for r in rows)
    rows = [r + [""] * (width - len(r)) for r in rows]
    label = 150 if width > 2 else 250
    rest = (A4[0] - 100 - label) / max(width - 1, 1)
    data = [[Paragraph(escape(c.strip()), cell) for c in r] for r in rows]
    t = Table(data, colWidths=[label] + [rest] * (width - 1))
    t.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]))
    return t


def main(src, out):
    story, rows = [], []
    with open(src, encoding="utf-8-sig") as f:
        for line in f.read().splitlines():
            if "\t" in line:
                rows.append(line.rstrip("\t").split("\t"))
                continue
            if rows:
                story.append(table(rows))
                rows = []
            if line.strip():
                story.append(Paragraph(escape(line.strip()), body))
    if rows:
        story.append(table(rows))
    SimpleDocTemplate(out, pagesize=A4, leftMargin=50, rightMargin=50, topMargin=50, bottomMargin=50).build(story)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
