//! Byte encodings: BOMs first, then UTF-8, UTF-16 by its zero bytes, and
//! GB18030 (a superset of GBK and GB2312) for everything else that is text.

use super::InputError;

pub fn decode(bytes: &[u8]) -> Result<String, InputError> {
    if let Some((enc, bom)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, _) = enc.decode_without_bom_handling(&bytes[bom..]);
        return checked(text.into_owned());
    }
    if !bytes.contains(&0) {
        if let Ok(s) = std::str::from_utf8(bytes) {
            return checked(s.to_string());
        }
    }
    // UTF-16 without BOM: every other byte zero in ASCII-heavy text, or wide
    // CJK text whose decoding is clean.
    let sample = &bytes[..bytes.len().min(4096)];
    let zeros_even = sample.iter().step_by(2).filter(|&&b| b == 0).count();
    let zeros_odd = sample.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let half = sample.len() / 2;
    if half > 0 && (zeros_odd * 4 > half || zeros_even * 4 > half) {
        let enc = if zeros_odd > zeros_even { encoding_rs::UTF_16LE } else { encoding_rs::UTF_16BE };
        let (text, _, bad) = enc.decode(bytes);
        if !bad {
            return checked(text.into_owned());
        }
    }
    let (text, _, bad) = encoding_rs::GB18030.decode(bytes);
    if bad && text.chars().filter(|&c| c == '\u{FFFD}').count() * 100 > text.chars().count() {
        return Err(InputError::Binary);
    }
    checked(text.into_owned())
}

/// Text has few control characters; binary data has many.
fn checked(text: String) -> Result<String, InputError> {
    let total = text.chars().count().max(1);
    let control = text.chars().filter(|&c| (c < ' ' && !matches!(c, '\t' | '\n' | '\r' | '\u{000C}')) || c == '\u{FFFD}').count();
    if text.contains('\0') || control * 50 > total {
        return Err(InputError::Binary);
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodings() {
        let s = "二、主动公开政府信息情况\t规章\t0\n";
        assert_eq!(decode(s.as_bytes()).unwrap(), s);
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(s.as_bytes());
        assert_eq!(decode(&bom).unwrap(), s);
        let (gbk, _, _) = encoding_rs::GBK.encode(s);
        assert_eq!(decode(&gbk).unwrap(), s);
        let utf16: Vec<u8> = s.encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        let mut with_bom = vec![0xFF, 0xFE];
        with_bom.extend_from_slice(&utf16);
        assert_eq!(decode(&with_bom).unwrap(), s);
        let ascii16: Vec<u8> = "report 2024\n".encode_utf16().flat_map(|u| u.to_le_bytes()).collect();
        assert_eq!(decode(&ascii16).unwrap(), "report 2024\n");
        assert!(matches!(decode(&[0u8, 1, 2, 3, 0, 0, 0xFF, 0xD8, 0xFF, 0xE0]), Err(InputError::Binary)));
    }
}
