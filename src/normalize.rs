//! Character folding used wherever text is compared with the template.
//!
//! Reports arrive with full-width digits and punctuation, ideographic spaces and,
//! from Hong Kong or Taiwan tooling, traditional characters in labels. Matching
//! works on folded characters; spans always point at the original text.

/// Folds one character: full width to ASCII, dash and quote variants to one
/// form, every kind of space to ' ', traditional to simplified (label vocabulary).
#[inline(always)]
pub fn fold(c: char) -> char {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\u{205F}' | '\t' => ' ',
        '\u{200B}' | '\u{FEFF}' => ' ',
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE63}' => '-',
        '\u{201C}' | '\u{201D}' | '\u{300C}' | '\u{300D}' => '"',
        '\u{2018}' | '\u{2019}' => '\'',
        '\u{3008}' => '《',
        '\u{3009}' => '》',
        '\u{FE50}' => ',',
        _ if (c as u32) >= 0x4E00 => simplify(c),
        _ => c,
    }
}

/// True for characters that separate words (every kind of space, tab, line
/// and page break).
#[inline(always)]
pub fn is_space(c: char) -> bool {
    matches!(
        c,
        ' ' | '\t' | '\r' | '\n' | '\u{000B}' | '\u{000C}' | '\u{00A0}' | '\u{2002}'
            ..='\u{200B}' | '\u{202F}' | '\u{205F}' | '\u{3000}' | '\u{FEFF}'
    )
}

/// Byte length of the character at `b[i]` when it is a space (as `is_space`
/// says), else 0. The lexer scans every byte of a report: deciding spaces from
/// the bytes skips decoding the ideographs in between, which are most of it.
/// `i` must be at a character boundary of valid UTF-8.
#[inline(always)]
pub fn space_len(b: &[u8], i: usize) -> usize {
    let at = |k: usize| b.get(i + k).copied().unwrap_or(0);
    match b[i] {
        b' ' | b'\t' | b'\r' | b'\n' | 0x0B | 0x0C => 1,
        0xC2 if at(1) == 0xA0 => 2,
        0xE2 if matches!((at(1), at(2)), (0x80, 0x82..=0x8B | 0xAF) | (0x81, 0x9F)) => 3,
        0xE3 if at(1) == 0x80 && at(2) == 0x80 => 3,
        0xEF if at(1) == 0xBB && at(2) == 0xBF => 3,
        _ => 0,
    }
}

/// Byte length of the UTF-8 character whose first byte is `lead`.
#[inline(always)]
pub fn utf8_len(lead: u8) -> usize {
    match lead {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// The folded form of `c`, or None for white space. Every char of a report
/// passes here: ASCII and the common ideographs take a short way (ASCII folds
/// to itself; an ideograph is never space and folds by `simplify` alone).
#[inline(always)]
pub fn fold_kept(c: char) -> Option<char> {
    match c as u32 {
        0..0x80 => (!matches!(c, ' ' | '\t' | '\r' | '\n' | '\u{000B}' | '\u{000C}')).then_some(c),
        0x4E00..=0x9FFF => Some(simplify(c)),
        _ => Some(fold(c)).filter(|&f| !is_space(f)),
    }
}

/// Appends the folded form of `s` to `out`, dropping all white space.
pub fn compact_into(s: &str, out: &mut String) {
    out.extend(s.chars().filter_map(fold_kept));
}

/// The folded form of `s` without white space.
pub fn compact(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    compact_into(s, &mut out);
    out
}

// Traditional forms of the characters that occur in the template's labels,
// headings and the facts we read (sorted by code point for binary search).
const TRADITIONAL: &[(char, char)] = &[
    ('並', '并'),
    ('係', '系'),
    ('個', '个'),
    ('們', '们'),
    ('備', '备'),
    ('內', '内'),
    ('動', '动'),
    ('務', '务'),
    ('區', '区'),
    ('協', '协'),
    ('員', '员'),
    ('問', '问'),
    ('啟', '启'),
    ('單', '单'),
    ('國', '国'),
    ('圍', '围'),
    ('報', '报'),
    ('場', '场'),
    ('壹', '一'),
    ('實', '实'),
    ('審', '审'),
    ('對', '对'),
    ('導', '导'),
    ('屬', '属'),
    ('廢', '废'),
    ('後', '后'),
    ('從', '从'),
    ('復', '复'),
    ('戶', '户'),
    ('撥', '拨'),
    ('據', '据'),
    ('數', '数'),
    ('於', '于'),
    ('時', '时'),
    ('會', '会'),
    ('條', '条'),
    ('業', '业'),
    ('構', '构'),
    ('機', '机'),
    ('權', '权'),
    ('歲', '岁'),
    ('歷', '历'),
    ('況', '况'),
    ('準', '准'),
    ('為', '为'),
    ('無', '无'),
    ('獲', '获'),
    ('現', '现'),
    ('產', '产'),
    ('當', '当'),
    ('發', '发'),
    ('監', '监'),
    ('確', '确'),
    ('禮', '礼'),
    ('穩', '稳'),
    ('箇', '个'),
    ('節', '节'),
    ('範', '范'),
    ('糾', '纠'),
    ('紀', '纪'),
    ('納', '纳'),
    ('紙', '纸'),
    ('組', '组'),
    ('結', '结'),
    ('統', '统'),
    ('經', '经'),
    ('維', '维'),
    ('網', '网'),
    ('線', '线'),
    ('編', '编'),
    ('總', '总'),
    ('織', '织'),
    ('繳', '缴'),
    ('續', '续'),
    ('罰', '罚'),
    ('職', '职'),
    ('與', '与'),
    ('舉', '举'),
    ('萬', '万'),
    ('處', '处'),
    ('號', '号'),
    ('補', '补'),
    ('製', '制'),
    ('複', '复'),
    ('覆', '复'),
    ('見', '见'),
    ('規', '规'),
    ('計', '计'),
    ('訟', '讼'),
    ('訪', '访'),
    ('許', '许'),
    ('訴', '诉'),
    ('詢', '询'),
    ('話', '话'),
    ('該', '该'),
    ('認', '认'),
    ('說', '说'),
    ('請', '请'),
    ('論', '论'),
    ('議', '议'),
    ('護', '护'),
    ('負', '负'),
    ('責', '责'),
    ('費', '费'),
    ('資', '资'),
    ('較', '较'),
    ('輯', '辑'),
    ('轉', '转'),
    ('辦', '办'),
    ('這', '这'),
    ('進', '进'),
    ('過', '过'),
    ('違', '违'),
    ('郵', '邮'),
    ('醫', '医'),
    ('錄', '录'),
    ('長', '长'),
    ('門', '门'),
    ('開', '开'),
    ('間', '间'),
    ('關', '关'),
    ('際', '际'),
    ('隨', '随'),
    ('險', '险'),
    ('電', '电'),
    ('項', '项'),
    ('題', '题'),
    ('額', '额'),
    ('類', '类'),
    ('體', '体'),
    ('黨', '党'),
    ('齊', '齐'),
];

/// Which code points of U+4E00..U+A000 have an entry in TRADITIONAL: most
/// characters are not traditional, and this answers that without a search.
const TRAD_BITS: [u64; 328] = {
    let mut bits = [0u64; 328];
    let mut i = 0;
    while i < TRADITIONAL.len() {
        let off = TRADITIONAL[i].0 as u32 - 0x4E00;
        bits[(off / 64) as usize] |= 1 << (off % 64);
        i += 1;
    }
    bits
};

/// `fold_kept` of the char U+4000–U+9FFF whose code is `code` (the
/// command line reads these from the bytes).
///
/// # Safety
/// `code` is at most 0x9FFF (what a lead byte E4–E9 and two continuation
/// bytes encode): every code up to U+9FFF is a char (the surrogates start at
/// U+D800). Not checked again: `char::from_u32`'s check was a tenth of the
/// folded view's instructions, and a clamp to the range another twentieth.
#[cfg(feature = "cli")]
#[inline(always)]
pub(crate) unsafe fn fold_ideograph(code: u32) -> char {
    debug_assert!((0x4000..=0x9FFF).contains(&code));
    // SAFETY: as the caller promises.
    let c = unsafe { char::from_u32_unchecked(code) };
    let k = (code - 0x4000) as usize;
    // SAFETY: `k < 0x6000`, so `k / 64 < 384`, the table's length.
    if unsafe { *IDEOGRAPH_BITS.get_unchecked(k / 64) } & (1 << (k % 64)) == 0 {
        return c;
    }
    simplify(c)
}

/// `TRAD_BITS` from U+4000 instead of U+4E00 (none below it): one look at a
/// table tells an ideograph of lead byte E4–E9 that is not traditional,
/// without first asking where it lies.
#[cfg(feature = "cli")]
const IDEOGRAPH_BITS: [u64; 384] = {
    let mut bits = [0u64; 384];
    let mut i = 0;
    while i < TRAD_BITS.len() {
        bits[i + (0x4E00 - 0x4000) / 64] = TRAD_BITS[i];
        i += 1;
    }
    bits
};

#[inline(always)]
fn simplify(c: char) -> char {
    let off = c as u32 - 0x4E00;
    if off >= 328 * 64 || TRAD_BITS[(off / 64) as usize] & (1 << (off % 64)) == 0 {
        return c;
    }
    match TRADITIONAL.binary_search_by(|(t, _)| t.cmp(&c)) {
        Ok(i) => TRADITIONAL[i].1,
        Err(_) => c,
    }
}

/// Value of a Chinese numeral from 〇 to 九十九 (used in dates and numbering).
pub fn chinese_number(s: &str) -> Option<u32> {
    let digit = |c: char| "〇一二三四五六七八九".chars().position(|d| d == c).or(if c == '零' || c == 'О' { Some(0) } else { None });
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        [] => None,
        ['十'] => Some(10),
        ['十', d] => Some(10 + digit(*d)? as u32),
        [d, '十'] => Some(digit(*d)? as u32 * 10),
        [a, '十', b] => Some(digit(*a)? as u32 * 10 + digit(*b)? as u32),
        ds => ds.iter().try_fold(0u32, |acc, &d| Some(acc.checked_mul(10)? + digit(d)? as u32)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_spaces_agree_with_is_space() {
        // Every character of the BMP and a few beyond, alone and between letters.
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let s = format!("a{c}b");
            let b = s.as_bytes();
            let want = if is_space(c) { c.len_utf8() } else { 0 };
            assert_eq!(space_len(b, 1), want, "U+{:04X}", c as u32);
            assert_eq!(utf8_len(b[1]), c.len_utf8());
        }
    }

    #[test]
    fn the_short_ways_fold_as_fold_does() {
        for c in (0..0x3_0000u32).filter_map(char::from_u32) {
            let f = fold(c);
            assert_eq!(fold_kept(c), (!is_space(f)).then_some(f), "U+{:04X}", c as u32);
        }
    }

    #[test]
    fn table_is_sorted() {
        let mut last = '\0';
        for (t, _) in TRADITIONAL {
            assert!(*t >= last, "{t} out of order");
            last = *t;
        }
    }

    #[test]
    fn folds_width_and_script() {
        assert_eq!(compact("（一）　予以公開 １２"), "(一)予以公开12");
        assert_eq!(chinese_number("二〇二四"), Some(2024));
        assert_eq!(chinese_number("十二"), Some(12));
        assert_eq!(chinese_number("三十一"), Some(31));
    }
}
