//! .docx: a ZIP archive whose word/document.xml holds the text. Only the
//! central directory and stored or deflated entries are needed. Finding the
//! entry is shared with the browser, which inflates with DecompressionStream.

/// The document part of a .docx.
pub const DOCUMENT: &str = "word/document.xml";

/// A located archive entry: compression method (0 stored, 8 deflate) and its bytes.
pub struct Entry<'a> {
    pub method: u16,
    pub data: &'a [u8],
}

#[cfg(feature = "cli")]
pub fn text(bytes: &[u8]) -> Result<String, String> {
    let xml = inflate(bytes, DOCUMENT)?;
    Ok(super::markup::word_to_text(&xml))
}

/// One archive entry, inflated, as UTF-8 text (.docx and .odt parts are XML).
#[cfg(feature = "cli")]
pub fn inflate(bytes: &[u8], name: &str) -> Result<String, String> {
    let e = locate(bytes, name)?;
    let xml = match e.method {
        0 => e.data.to_vec(),
        8 => miniz_oxide::inflate::decompress_to_vec_with_limit(e.data, 256 * 1024 * 1024).map_err(|e| format!("deflate: {e:?}"))?,
        m => return Err(format!("compression method {m} not supported")),
    };
    String::from_utf8(xml).map_err(|_| format!("{name} is not UTF-8"))
}

fn u16le(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?) as usize)
}
fn u32le(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?) as usize)
}

/// Finds one archive entry through the central directory.
pub fn locate<'a>(zip: &'a [u8], name: &str) -> Result<Entry<'a>, String> {
    // End of central directory: signature PK\5\6 within the last 64 KiB + 22 bytes.
    let from = zip.len().saturating_sub(65_557);
    let eocd = (from..zip.len().saturating_sub(21)).rev().find(|&i| zip[i..].starts_with(b"PK\x05\x06")).ok_or("no ZIP directory")?;
    let count = u16le(zip, eocd + 10).ok_or("truncated")?;
    let mut at = u32le(zip, eocd + 16).ok_or("truncated")?;
    for _ in 0..count {
        if !zip.get(at..).is_some_and(|s| s.starts_with(b"PK\x01\x02")) {
            return Err("damaged ZIP directory".into());
        }
        let method = u16le(zip, at + 10).ok_or("truncated")?;
        let csize = u32le(zip, at + 20).ok_or("truncated")?;
        let usize_ = u32le(zip, at + 24).ok_or("truncated")?;
        let nlen = u16le(zip, at + 28).ok_or("truncated")?;
        let xlen = u16le(zip, at + 30).ok_or("truncated")?;
        let clen = u16le(zip, at + 32).ok_or("truncated")?;
        let local = u32le(zip, at + 42).ok_or("truncated")?;
        let fname = zip.get(at + 46..at + 46 + nlen).ok_or("truncated")?;
        if fname == name.as_bytes() {
            let lnlen = u16le(zip, local + 26).ok_or("truncated")?;
            let lxlen = u16le(zip, local + 28).ok_or("truncated")?;
            let start = local + 30 + lnlen + lxlen;
            let data = zip.get(start..start + csize).ok_or("truncated entry")?;
            if usize_ > 256 * 1024 * 1024 {
                return Err("entry too large".into());
            }
            return Ok(Entry { method: method as u16, data });
        }
        at += 46 + nlen + xlen + clen;
    }
    Err(format!("{name} not found (is it a Word .docx?)"))
}
