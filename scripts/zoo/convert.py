"""The Python converters of the layout zoo, one process per tool for speed.

    convert.py portal  TEMPLATE RENDER.html OUT.html ...   the report inside a portal page
    convert.py flat    IN.html OUT.txt ...                 BeautifulSoup get_text() of the body
    convert.py markitdown IN.docx OUT.md ...               markitdown's Markdown of a .docx
    convert.py pymupdf4llm IN.pdf OUT.md ...               pymupdf4llm's Markdown of a PDF

Arguments after the command are (input, output) pairs. Run by make.sh.
"""

import re
import sys


def pairs(args):
    if len(args) % 2:
        sys.exit(f"convert.py: odd number of paths: {args}")
    return list(zip(args[0::2], args[1::2]))


def write(path, text):
    with open(path, "w", encoding="utf-8", newline="") as f:
        f.write(text)


def portal(template_path, args):
    """A CMS article page: the rendering's body between the portal's menus,
    breadcrumbs, article header (标题 / 发布时间 / 来源) and footer."""
    template = open(template_path, encoding="utf-8").read()
    for src, out in pairs(args):
        html = open(src, encoding="utf-8").read()
        body = re.search(r"<body>(.*)</body>", html, re.S).group(1)
        title = re.search(r"<title>(.*?)</title>", html, re.S).group(1)
        years = re.findall(r"(20\d\d)\s*年", title + body)
        year = int(years[0]) + 1 if years else 2025
        page = (
            template.replace("{{TITLE}}", title)
            .replace("{{DATE}}", f"{year}-01-20")
            .replace("{{YEAR}}", str(year))
            .replace("{{BODY}}", body)
        )
        write(out, page)


def flat(args):
    """What a scraper stores: the text of the page body, tags dropped with no
    separator at all."""
    from bs4 import BeautifulSoup

    for src, out in pairs(args):
        soup = BeautifulSoup(open(src, encoding="utf-8").read(), "html.parser")
        write(out, soup.body.get_text())


def markitdown(args):
    from markitdown import MarkItDown

    md = MarkItDown()
    for src, out in pairs(args):
        write(out, md.convert(src).text_content)


def pymupdf4llm(args):
    import pymupdf4llm

    for src, out in pairs(args):
        write(out, pymupdf4llm.to_markdown(src, show_progress=False))


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "portal":
        portal(args[0], args[1:])
    elif cmd == "flat":
        flat(args)
    elif cmd == "markitdown":
        markitdown(args)
    elif cmd == "pymupdf4llm":
        pymupdf4llm(args)
    else:
        sys.exit(f"convert.py: unknown command {cmd}")


if __name__ == "__main__":
    main()
