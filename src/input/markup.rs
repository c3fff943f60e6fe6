//! HTML, WordprocessingML (.docx) and OpenDocument (.odt) to text, tables
//! kept as tab-separated rows.
//!
//! A small tag scanner rather than a DOM: reports are simple documents, and
//! what matters is that a table row becomes one line with its cells between
//! tabs, so that the parser sees the table as it was drawn. All three give the
//! same shape: a cell that is drawn is a cell, even when it is empty (two tabs
//! in a row, or a line that starts with a tab); a cell covered by a merged one
//! (HTML's rowspan/colspan, Word's vMerge continuation, ODF's covered cell) is
//! not drawn and gives nothing.

/// Decodes the five XML entities, the common HTML ones and numeric references.
pub fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..].find(';').map(|e| e + 1).filter(|&e| e <= 12);
        let decoded = end.and_then(|e| {
            let name = &rest[1..e];
            let c = match name {
                "amp" => Some('&'),
                "lt" => Some('<'),
                "gt" => Some('>'),
                "quot" => Some('"'),
                "apos" => Some('\''),
                "nbsp" => Some('\u{00A0}'),
                "ensp" => Some('\u{2002}'),
                "emsp" => Some('\u{2003}'),
                "ldquo" => Some('“'),
                "rdquo" => Some('”'),
                "lsquo" => Some('‘'),
                "rsquo" => Some('’'),
                "mdash" => Some('—'),
                "ndash" => Some('–'),
                "hellip" => Some('…'),
                "middot" => Some('·'),
                _ if name.starts_with("#x") || name.starts_with("#X") => u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32),
                _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
                _ => None,
            };
            c.map(|c| (c, e + 1))
        });
        match decoded {
            Some((c, len)) => {
                out.push(c);
                rest = &rest[len..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[derive(Clone, Copy, PartialEq)]
enum Dialect {
    Html,
    Word,
    Odf,
}

/// Text of an HTML page: scripts and styles ignored, entities decoded,
/// block elements on their own lines, table cells separated by tabs.
pub fn html_to_text(html: &str) -> String {
    convert(html, Dialect::Html)
}

/// Text of a .docx's word/document.xml: paragraphs on their own lines, table
/// rows on one line with tab-separated cells.
pub fn word_to_text(xml: &str) -> String {
    convert(xml, Dialect::Word)
}

/// Text of an OpenDocument content.xml (.odt): paragraphs and headings on
/// their own lines, table rows on one line with tab-separated cells.
pub fn odf_to_text(xml: &str) -> String {
    convert(xml, Dialect::Odf)
}

/// The cells of the table row being written.
#[derive(Default)]
struct Row {
    /// Cells opened in this row: every one after the first starts with a tab.
    cells: usize,
    /// Where the open cell began in the output (before its tab).
    cell_start: usize,
    /// The open cell continues a merged cell (Word's vMerge): dropped when it closes.
    covered: bool,
}

impl Row {
    fn open_cell(&mut self, out: &mut String) {
        self.cell_start = out.len();
        self.covered = false;
        if self.cells > 0 {
            out.push('\t');
        } else if !out.is_empty() && !out.ends_with('\n') {
            out.push('\n');
            self.cell_start = out.len();
        }
        self.cells += 1;
    }
    fn close_cell(&mut self, out: &mut String) {
        if self.covered {
            out.truncate(self.cell_start);
            self.cells -= 1;
            self.covered = false;
        }
    }
}

fn convert(src: &str, dialect: Dialect) -> String {
    let mut out = String::with_capacity(src.len() / 3);
    let mut rest = src;
    let mut skip_until: Option<&'static str> = None;
    // Depth of table cells: text inside a cell stays on the row's line.
    let mut in_cell = 0usize;
    let mut row = Row::default();
    // ODF: depth of paragraphs and headings, outside which text is layout.
    let mut in_para = 0usize;
    let mut in_text = dialect == Dialect::Html;
    // HTML: depth of preformatted elements, inside which spacing and line
    // breaks are the text's own (a report saved as a page of plain text). The
    // command line's alone: the browser reads pages with the DOM (convert.js),
    // and its first load, which holds this reader for .docx, has no bytes to spare.
    #[cfg(feature = "cli")]
    let mut in_pre = 0usize;
    #[cfg(not(feature = "cli"))]
    let in_pre = 0usize;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if in_text && skip_until.is_none() {
                push_text(&mut out, rest, dialect, in_pre > 0 && in_cell == 0);
            }
            break;
        };
        if lt > 0 && in_text && skip_until.is_none() {
            push_text(&mut out, &rest[..lt], dialect, in_pre > 0 && in_cell == 0);
        }
        rest = &rest[lt..];
        if rest.starts_with("<!--") {
            rest = rest.find("-->").map(|e| &rest[e + 3..]).unwrap_or("");
            continue;
        }
        let Some(gt) = rest.find('>') else { break };
        let tag = &rest[1..gt];
        rest = &rest[gt + 1..];
        let closing = tag.starts_with('/');
        let name: String =
            tag.trim_start_matches('/').chars().take_while(|c| !c.is_whitespace() && *c != '/').collect::<String>().to_ascii_lowercase();
        if let Some(end) = skip_until {
            if closing && name == end {
                skip_until = None;
            }
            continue;
        }
        #[cfg(feature = "cli")]
        if dialect == Dialect::Html && in_cell == 0 && matches!(name.as_str(), "pre" | "textarea" | "xmp" | "listing") {
            in_pre = if closing { in_pre.saturating_sub(1) } else { in_pre + 1 };
            newline(&mut out);
            // The line break right after the opening tag is not the text's (as browsers read it).
            if !closing {
                rest = rest.strip_prefix("\r\n").or_else(|| rest.strip_prefix('\n')).unwrap_or(rest);
            }
            continue;
        }
        match dialect {
            Dialect::Html => match name.as_str() {
                "script" | "style" | "noscript" | "template" | "head" if !closing && !tag.ends_with('/') => {
                    skip_until = Some(match name.as_str() {
                        "script" => "script",
                        "style" => "style",
                        "noscript" => "noscript",
                        "template" => "template",
                        _ => "head",
                    })
                }
                "tr" => {
                    newline(&mut out);
                    row = Row::default();
                }
                "td" | "th" if !closing => {
                    row.open_cell(&mut out);
                    in_cell += 1;
                }
                "td" | "th" => in_cell = in_cell.saturating_sub(1),
                "br" if in_cell > 0 => out.push(' '),
                "p" | "div" | "br" | "li" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "table" | "section" | "article" | "title"
                | "blockquote" | "pre" | "hr" => {
                    if in_cell > 0 {
                        if !out.ends_with(['\t', ' ']) {
                            out.push(' ');
                        }
                    } else {
                        newline(&mut out);
                    }
                }
                _ => {}
            },
            Dialect::Word => match name.as_str() {
                "w:t" if !closing && !tag.ends_with('/') => in_text = true,
                "w:t" => in_text = false,
                "w:tab" if !closing => out.push('\t'),
                "w:br" | "w:cr" if !closing => out.push(if in_cell > 0 { ' ' } else { '\n' }),
                "w:p" if closing => {
                    if in_cell > 0 {
                        if !out.ends_with(['\t', ' ']) {
                            out.push(' ');
                        }
                    } else {
                        out.push('\n');
                    }
                }
                "w:tr" => {
                    newline(&mut out);
                    row = Row::default();
                }
                "w:tc" if !closing => {
                    row.open_cell(&mut out);
                    in_cell += 1;
                }
                "w:tc" => {
                    in_cell = in_cell.saturating_sub(1);
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    row.close_cell(&mut out);
                }
                // A vMerge without val="restart" continues the cell above.
                "w:vmerge" if in_cell > 0 && !tag.contains("restart") => row.covered = true,
                _ => {}
            },
            Dialect::Odf => match name.as_str() {
                "office:annotation" | "text:note" | "text:tracked-changes" if !closing && !tag.ends_with('/') => {
                    skip_until = Some(match name.as_str() {
                        "office:annotation" => "office:annotation",
                        "text:note" => "text:note",
                        _ => "text:tracked-changes",
                    })
                }
                // An empty paragraph: an empty line, or nothing inside a cell.
                "text:p" | "text:h" if tag.ends_with('/') && in_cell == 0 => out.push('\n'),
                "text:p" | "text:h" if tag.ends_with('/') => {}
                "text:p" | "text:h" if !closing => {
                    in_para += 1;
                    in_text = true;
                }
                "text:p" | "text:h" => {
                    in_para = in_para.saturating_sub(1);
                    in_text = in_para > 0;
                    if in_cell > 0 {
                        if !out.ends_with(['\t', ' ']) {
                            out.push(' ');
                        }
                    } else {
                        out.push('\n');
                    }
                }
                "text:s" if !closing && in_para > 0 => {
                    let n = attribute(tag, "text:c").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1).min(1000);
                    out.extend(std::iter::repeat_n(' ', n));
                }
                "text:tab" if !closing && in_para > 0 => out.push('\t'),
                "text:line-break" if !closing && in_para > 0 => out.push(if in_cell > 0 { ' ' } else { '\n' }),
                "table:table-row" => {
                    newline(&mut out);
                    row = Row::default();
                }
                "table:table-cell" if !closing => {
                    let repeat = attribute(tag, "table:number-columns-repeated").and_then(|c| c.parse::<usize>().ok()).unwrap_or(1);
                    for _ in 0..repeat.clamp(1, 1024) {
                        row.open_cell(&mut out);
                    }
                    if !tag.ends_with('/') {
                        in_cell += 1;
                    }
                }
                "table:table-cell" => {
                    in_cell = in_cell.saturating_sub(1);
                    while out.ends_with(' ') {
                        out.pop();
                    }
                }
                _ => {}
            },
        }
    }
    tidy(&out)
}

/// No trailing spaces, at most two blank lines in a row.
pub(crate) fn tidy(out: &str) -> String {
    let mut tidy = String::with_capacity(out.len());
    let mut blanks = 0;
    for line in out.lines() {
        let line = line.trim_end_matches([' ', '\u{00A0}']);
        if line.trim().is_empty() {
            blanks += 1;
            if blanks > 2 {
                continue;
            }
        } else {
            blanks = 0;
        }
        tidy.push_str(line);
        tidy.push('\n');
    }
    tidy
}

/// The value of `name="…"` in a tag's text.
fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let at = tag.find(&format!("{name}=\""))? + name.len() + 2;
    let len = tag[at..].find('"')?;
    Some(&tag[at..at + len])
}

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_text(out: &mut String, raw: &str, dialect: Dialect, preformatted: bool) {
    let text = decode_entities(raw);
    if dialect == Dialect::Html && preformatted {
        // Spacing separates a plain-text table's columns: kept, line ends as \n.
        out.push_str(&text.replace("\r\n", "\n").replace('\r', "\n"));
    } else if dialect == Dialect::Html {
        // HTML collapses white space; line breaks come from the tags.
        let mut last_space = out.ends_with([' ', '\n', '\t']);
        for c in text.chars() {
            if c.is_whitespace() && c != '\u{00A0}' && c != '\u{3000}' {
                if !last_space {
                    out.push(' ');
                    last_space = true;
                }
            } else {
                out.push(c);
                last_space = false;
            }
        }
    } else {
        out.push_str(&text);
    }
}

#[cfg(test)]
mod cells {
    use super::*;

    #[cfg(feature = "cli")]
    #[test]
    fn preformatted_text_keeps_its_lines_and_spacing() {
        let t = html_to_text("<body><p>标题</p><pre>\r\n规章      1   &amp;  0\r\n行政许可\t2\n</pre><p>结束</p></body>");
        assert_eq!(t, "标题\n规章      1   &  0\n行政许可\t2\n结束\n");
    }

    #[test]
    fn empty_html_cells_stay_cells() {
        let t =
            html_to_text("<table><tr><td></td><td>自然人</td><td></td></tr><tr><td>规章</td><td>1</td><td></td><td>11</td></tr></table>");
        assert_eq!(t, "\t自然人\t\n规章\t1\t\t11\n");
    }

    #[test]
    fn word_merged_cells_are_not_cells_but_empty_ones_are() {
        let cell = |s: &str| format!("<w:tc><w:p><w:r><w:t>{s}</w:t></w:r></w:p></w:tc>");
        let xml = format!(
            "<w:tbl><w:tr>{}{}<w:tc><w:p/></w:tc>{}</w:tr><w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>{}</w:tr></w:tbl>",
            cell("三、本年度办理结果"),
            cell("（一）予以公开"),
            cell("5"),
            cell("（二）部分公开")
        );
        assert_eq!(word_to_text(&xml), "三、本年度办理结果\t（一）予以公开\t\t5\n（二）部分公开\n");
    }

    #[test]
    fn odf_paragraphs_cells_and_spaces() {
        let xml = r#"<office:document-content><office:automatic-styles><style:style style:name="P1"/></office:automatic-styles><office:body><office:text><text:h text:outline-level="1">标题</text:h><text:p>二、<text:s text:c="2"/>主动公开<text:tab/>x</text:p><table:table><table:table-row><table:table-cell table:number-columns-spanned="2"><text:p>规章</text:p></table:table-cell><table:covered-table-cell/><table:table-cell/><table:table-cell><text:p>1</text:p><text:p>2</text:p></table:table-cell></table:table-row></table:table><text:p/><text:p>完<office:annotation><text:p>批注</text:p></office:annotation></text:p></office:text></office:body></office:document-content>"#;
        assert_eq!(odf_to_text(xml), "标题\n二、  主动公开\tx\n规章\t\t1 2\n\n完\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_tables_become_tab_rows() {
        let html = "<html><head><title>x</title><script>var a='<td>';</script></head><body><h1>标题</h1><p>正文&nbsp;&amp;说明</p>\
                    <table><tr><td>规章</td><td>1</td><td>0</td></tr><tr><td>行政<br>规范性文件</td><td>&#50;</td></tr></table></body></html>";
        let t = html_to_text(html);
        assert!(t.contains("标题\n"), "{t}");
        assert!(t.contains("正文\u{00A0}&说明"), "{t}");
        assert!(t.contains("规章\t1\t0\n"), "{t}");
        assert!(t.contains("行政 规范性文件\t2"), "{t}");
        assert!(!t.contains("var a"));
    }

    #[test]
    fn word_xml_keeps_tables() {
        let xml = r#"<w:document><w:body><w:p><w:r><w:t>二、主动公开</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>规章</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:t xml:space="preserve">三、 &lt;x&gt;</w:t></w:r></w:p></w:body></w:document>"#;
        let t = word_to_text(xml);
        assert_eq!(t, "二、主动公开\n规章\t1\n三、 <x>\n");
    }
}
