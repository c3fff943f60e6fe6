//! ZIP archives (.docx, .odt): the central directory, and entries inflated
//! within limits. Locating an entry is shared with the browser, which
//! inflates with DecompressionStream.
//!
//! A hostile archive can claim anything in its directory, so the stated sizes
//! are never trusted: an entry is inflated in chunks and given up as soon as
//! it passes the limit, before the memory is asked for.

/// Most an entry may inflate to: reports are a few hundred kilobytes of XML;
/// this leaves room for images' alt text, tracked changes and long tables.
pub const MAX_INFLATED: usize = 64 * 1024 * 1024;

/// Most entries a directory may list (a .docx has a few dozen).
pub const MAX_ENTRIES: usize = 10_000;

/// A located archive entry: compression method (0 stored, 8 deflate) and its bytes.
pub struct Entry<'a> {
    pub method: u16,
    pub data: &'a [u8],
}

fn u16le(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}
fn u32le(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?) as usize)
}

/// Finds one entry through the central directory.
pub fn locate<'a>(zip: &'a [u8], name: &str) -> Result<Entry<'a>, String> {
    const TRUNCATED: &str = "the archive is truncated (压缩包不完整)";
    // End of central directory: signature PK\5\6 within the last 64 KiB + 22 bytes.
    let from = zip.len().saturating_sub(65_557);
    let eocd = (from..zip.len().saturating_sub(21))
        .rev()
        .find(|&i| zip[i..].starts_with(b"PK\x05\x06"))
        .ok_or("damaged, or another kind of file under this name (文件已损坏，或只是扩展名如此、并非此类文件)")?;
    let count = u16le(zip, eocd + 10).ok_or(TRUNCATED)?;
    if count > MAX_ENTRIES {
        return Err(format!("the archive lists {count} entries, more than {MAX_ENTRIES} (压缩包条目过多)"));
    }
    let mut at = u32le(zip, eocd + 16).ok_or(TRUNCATED)?;
    for _ in 0..count {
        if !zip.get(at..).is_some_and(|s| s.starts_with(b"PK\x01\x02")) {
            return Err("the archive's directory is damaged (压缩包目录损坏)".into());
        }
        let method = u16le(zip, at + 10).ok_or(TRUNCATED)?;
        let csize = u32le(zip, at + 20).ok_or(TRUNCATED)?;
        let nlen = u16le(zip, at + 28).ok_or(TRUNCATED)?;
        let xlen = u16le(zip, at + 30).ok_or(TRUNCATED)?;
        let clen = u16le(zip, at + 32).ok_or(TRUNCATED)?;
        let local = u32le(zip, at + 42).ok_or(TRUNCATED)?;
        let fname = zip.get(at + 46..at + 46 + nlen).ok_or(TRUNCATED)?;
        if fname == name.as_bytes() {
            let lnlen = u16le(zip, local + 26).ok_or(TRUNCATED)?;
            let lxlen = u16le(zip, local + 28).ok_or(TRUNCATED)?;
            let start = local + 30 + lnlen + lxlen;
            let data = zip.get(start..start + csize).ok_or(TRUNCATED)?;
            return Ok(Entry { method: method as u16, data });
        }
        at += 46 + nlen + xlen + clen;
    }
    Err(format!("{name} not found in the archive (压缩包中没有 {name})"))
}

/// The message for an entry that inflates past the limit.
pub fn bomb_message() -> String {
    format!("inflates past {} MB, likely a zip bomb (解压后超过 {} MB，疑似压缩炸弹)", MAX_INFLATED >> 20, MAX_INFLATED >> 20)
}

/// One entry inflated, as UTF-8 text (.docx and .odt parts are XML).
#[cfg(feature = "cli")]
pub fn inflate(zip: &[u8], name: &str) -> Result<String, String> {
    let e = locate(zip, name)?;
    let bytes = match e.method {
        0 if e.data.len() > MAX_INFLATED => return Err(bomb_message()),
        0 => e.data.to_vec(),
        8 => inflate_raw(e.data, MAX_INFLATED)?,
        m => return Err(format!("{name} uses compression method {m}, which is not supported (不支持的压缩方式)")),
    };
    String::from_utf8(bytes).map_err(|_| format!("{name} is not UTF-8 text ({name} 不是 UTF-8 文本)"))
}

/// A raw deflate stream inflated in chunks, refused as soon as it passes `limit`.
#[cfg(feature = "cli")]
pub fn inflate_raw(data: &[u8], limit: usize) -> Result<Vec<u8>, String> {
    use miniz_oxide::inflate::stream::{inflate, InflateState};
    use miniz_oxide::{DataFormat, MZError, MZFlush, MZStatus};
    let damaged = || "the compressed data is damaged (压缩数据损坏)".to_string();
    let mut state = InflateState::new_boxed(DataFormat::Raw);
    let mut chunk = vec![0u8; 64 * 1024];
    // Room for a typical ratio up front; growth past that is checked below.
    let mut out: Vec<u8> = Vec::new();
    out.try_reserve(data.len().saturating_mul(4).min(limit)).map_err(|_| bomb_message())?;
    let mut input = data;
    loop {
        let r = inflate(&mut state, input, &mut chunk, MZFlush::None);
        input = &input[r.bytes_consumed..];
        if out.len() + r.bytes_written > limit {
            return Err(bomb_message());
        }
        out.try_reserve(r.bytes_written).map_err(|_| bomb_message())?;
        out.extend_from_slice(&chunk[..r.bytes_written]);
        match r.status {
            Ok(MZStatus::StreamEnd) => return Ok(out),
            Ok(_) if r.bytes_consumed == 0 && r.bytes_written == 0 => return Err(damaged()),
            Ok(_) => {}
            // No progress possible: the input ran out before the stream's end.
            Err(MZError::Buf) if r.bytes_written == 0 => return Err("the compressed data is truncated (压缩数据不完整)".into()),
            Err(MZError::Buf) => {}
            Err(_) => return Err(damaged()),
        }
    }
}

#[cfg(all(test, feature = "cli"))]
mod tests {
    use super::*;

    #[test]
    fn inflates_within_the_limit_and_refuses_past_it() {
        let data = "<w:t>政府信息公开</w:t>".repeat(10_000);
        let packed = miniz_oxide::deflate::compress_to_vec(data.as_bytes(), 6);
        assert_eq!(inflate_raw(&packed, data.len()).unwrap(), data.as_bytes());
        assert_eq!(inflate_raw(&packed, data.len() - 1).unwrap_err(), bomb_message());
        assert!(inflate_raw(&packed[..packed.len() / 2], data.len()).unwrap_err().contains("truncated"));
        assert!(inflate_raw(&[0xFF; 64], data.len()).unwrap_err().contains("damaged"));
    }
}
