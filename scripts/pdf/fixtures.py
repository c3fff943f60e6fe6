"""Writes the inputs of the generated PDF fixtures (scripts/pdf/make.sh):
HTML documents for LibreOffice with the report's tables as tables, each with
its oracle (the same report as tab-separated text, whose tables the PDF must
give cell for cell), and the reportlab PDF.

    python fixtures.py REPORT.txt OUTDIR
"""
import html
import os
import sys

from reportlab_report import main as reportlab_pdf

FONTS = {
    "wqy": '"WenQuanYi Micro Hei"',
    # Latin and digits in DejaVu Serif, Chinese falls back to WenQuanYi: two fonts on every line.
    "serif": '"DejaVu Serif", "WenQuanYi Micro Hei"',
}


def blocks(lines):
    """Paragraph lines and tables (runs of tab-separated lines)."""
    out, rows = [], []
    for line in lines:
        if "\t" in line:
            rows.append(line.rstrip("\n").rstrip("\t").split("\t"))
            continue
        if rows:
            out.append(("table", rows))
            rows = []
        if line.strip():
            out.append(("p", line.strip()))
    if rows:
        out.append(("table", rows))
    return out


def to_html(lines, font, push_before=None, pad=0):
    """`push_before`: a paragraph before which `pad` empty paragraphs are set,
    to move what follows to the foot of a page (a table split over pages, its
    header on one page and its rows on the next)."""
    body = []
    for kind, content in blocks(lines):
        if kind == "p":
            if push_before and content.startswith(push_before):
                body.extend(["<p>&nbsp;</p>"] * pad)
            body.append(f"<p>{html.escape(content)}</p>")
        else:
            width = max(len(r) for r in content)
            trs = []
            for r in content:
                r = r + [""] * (width - len(r))
                trs.append("<tr>" + "".join(f"<td>{html.escape(c.strip())}</td>" for c in r) + "</tr>")
            body.append('<table border="1" cellspacing="0" cellpadding="3">' + "".join(trs) + "</table>")
    return (
        '<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>'
        f"body{{font-family:{font};font-size:12pt}} td{{font-family:{font};font-size:9pt}}"
        "</style></head><body>" + "".join(body) + "</body></html>"
    )


def numeric(c):
    return c.strip().isdigit()


def edge_case(lines):
    """The same report with a truly blank cell, a — and a / cell, and 5-7
    digit values; the oracle writes the blank cell as "-" (a cell with no number)."""
    pdf_lines, oracle = [], []
    k = 0
    for line in lines:
        fields = line.rstrip("\n").split("\t")
        nums = [i for i, c in enumerate(fields) if numeric(c)]
        if len(nums) >= 7:
            k += 1
            pdf_f, orc_f = list(fields), list(fields)
            if k == 3:
                pdf_f[nums[1]], orc_f[nums[1]] = "", "-"
            elif k == 4:
                pdf_f[nums[2]] = orc_f[nums[2]] = "—"
            elif k == 5:
                pdf_f[nums[0]] = orc_f[nums[0]] = "/"
            elif k == 1:
                pdf_f[nums[0]] = orc_f[nums[0]] = "1234567"
                pdf_f[nums[-1]] = orc_f[nums[-1]] = "98765"
            elif k == 2:
                pdf_f[nums[0]] = orc_f[nums[0]] = "123456"
            pdf_lines.append("\t".join(pdf_f) + "\n")
            oracle.append("\t".join(orc_f) + "\n")
        else:
            pdf_lines.append(line)
            oracle.append(line)
    return pdf_lines, oracle


def main(src, out):
    with open(src, encoding="utf-8-sig") as f:
        lines = f.readlines()
    stem = os.path.splitext(os.path.basename(src))[0][:3]
    os.makedirs(out, exist_ok=True)
    write = lambda name, text: open(os.path.join(out, name), "w", encoding="utf-8").write(text)
    write(f"lo_{stem}_wqy.html", to_html(lines, FONTS["wqy"]))
    # Table 三 pushed down so that its header rows end one page and its rows start the next.
    write(f"lo_{stem}_serif.html", to_html(lines, FONTS["serif"], push_before="三、", pad=38))
    pdf_lines, oracle = edge_case(lines)
    write(f"lo_{stem}_edge.html", to_html(pdf_lines, FONTS["wqy"], push_before="四、", pad=20))
    write(f"lo_{stem}_edge.txt", "".join(oracle))
    reportlab_pdf(src, os.path.join(out, f"reportlab_{stem}.pdf"))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
