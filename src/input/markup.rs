//! HTML and WordprocessingML to text, tables kept as tab-separated rows.
//!
//! A small tag scanner rather than a DOM: reports are simple documents, and
//! what matters is that a table row becomes one line with its cells between
//! tabs, so that the parser sees the table as it was drawn.

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

fn convert(src: &str, dialect: Dialect) -> String {
    let mut out = String::with_capacity(src.len() / 3);
    let mut rest = src;
    let mut skip_until: Option<&'static str> = None;
    // Depth of table cells: text inside a cell stays on the row's line.
    let mut in_cell = 0usize;
    let mut in_text = dialect == Dialect::Html;
    while !rest.is_empty() {
        let Some(lt) = rest.find('<') else {
            if in_text && skip_until.is_none() {
                push_text(&mut out, rest, dialect);
            }
            break;
        };
        if lt > 0 && in_text && skip_until.is_none() {
            push_text(&mut out, &rest[..lt], dialect);
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
                "tr" if closing => newline(&mut out),
                "tr" => newline(&mut out),
                "td" | "th" if !closing => {
                    if !out.ends_with('\n') && !out.is_empty() {
                        out.push('\t');
                    }
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
                "w:tr" => newline(&mut out),
                "w:tc" if !closing => {
                    if !out.ends_with('\n') && !out.is_empty() {
                        out.push('\t');
                    }
                    in_cell += 1;
                }
                "w:tc" => {
                    in_cell = in_cell.saturating_sub(1);
                    while out.ends_with(' ') {
                        out.pop();
                    }
                }
                _ => {}
            },
        }
    }
    // Tidy: no trailing spaces, at most two blank lines in a row.
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

fn newline(out: &mut String) {
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

fn push_text(out: &mut String, raw: &str, dialect: Dialect) {
    let text = decode_entities(raw);
    if dialect == Dialect::Html {
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
