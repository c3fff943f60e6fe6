//! English for the wordings that messages and the tables view quote from the
//! templates and the parser: row, group, column and block labels of both
//! formats, section headings, the 2019 format's signals, kinds of conversion
//! residue. The core keeps the official Chinese (it is what reports print).
//! A table searched in a loop: a few hundred comparisons, no hash map.

const LABELS: &[(&str, &str)] = &[
    // Table 二, 2021.
    ("规章", "Regulations"),
    ("行政规范性文件", "Normative documents"),
    ("行政许可", "Administrative licensing"),
    ("行政处罚", "Administrative penalties"),
    ("行政强制", "Administrative coercion"),
    ("行政事业性收费", "Administrative fees"),
    ("本年制发件数", "Issued this year"),
    ("本年废止件数", "Repealed this year"),
    ("现行有效件数", "In force"),
    ("本年处理决定数量", "Decisions this year"),
    ("本年收费金额（单位：万元）", "Fees this year (10,000 yuan)"),
    ("第二十条第（一）项", "Article 20 (1)"),
    ("第二十条第（五）项", "Article 20 (5)"),
    ("第二十条第（六）项", "Article 20 (6)"),
    ("第二十条第（八）项", "Article 20 (8)"),
    // Table 二, 2019 (试行).
    ("规范性文件", "Normative documents"),
    ("其他对外管理服务事项", "Other external management services"),
    ("政府集中采购", "Government centralised procurement"),
    ("本年新制作数量", "Made this year"),
    ("本年新公开数量", "Published this year"),
    ("对外公开总数量", "Published in all"),
    ("上一年项目数量", "Items last year"),
    ("本年增/减", "Change this year"),
    ("处理决定数量", "Decisions"),
    ("采购项目数量", "Procurement items"),
    ("采购总金额", "Procurement amount"),
    ("第二十条第（九）项", "Article 20 (9)"),
    ("第二十条第(九)项", "Article 20 (9)"),
    ("其他处理仅一行", "“Otherwise handled” in one row"),
    // Table 三.
    ("自然人", "Natural persons"),
    ("商业企业", "Businesses"),
    ("科研机构", "Research institutions"),
    ("社会公益组织", "Public-interest organisations"),
    ("法律服务机构", "Legal service providers"),
    ("其他", "Other"),
    ("总计", "Total"),
    ("一、本年新收政府信息公开申请数量", "1. Applications received this year"),
    ("二、上年结转政府信息公开申请数量", "2. Applications carried over from last year"),
    ("三、本年度办理结果", "3. Outcomes this year"),
    ("（一）予以公开", "(1) Disclosed"),
    ("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", "(2) Partly disclosed (counted here only, not under other outcomes)"),
    ("（三）不予公开", "(3) Withheld"),
    ("1.属于国家秘密", "1. State secret"),
    ("2.其他法律行政法规禁止公开", "2. Prohibited by other laws and regulations"),
    ("3.危及“三安全一稳定”", "3. Endangers security or stability"),
    ("4.保护第三方合法权益", "4. Protects a third party's rights"),
    ("5.属于三类内部事务信息", "5. Internal affairs"),
    ("6.属于四类过程性信息", "6. Process information"),
    ("7.属于行政执法案卷", "7. Enforcement files"),
    ("8.属于行政查询事项", "8. Administrative query matters"),
    ("（四）无法提供", "(4) Cannot be provided"),
    ("1.本机关不掌握相关政府信息", "1. Not held by this body"),
    ("2.没有现成信息需要另行制作", "2. Would have to be created"),
    ("3.补正后申请内容仍不明确", "3. Still unclear after correction"),
    ("（五）不予处理", "(5) Not processed"),
    ("1.信访举报投诉类申请", "1. Petitions and complaints"),
    ("2.重复申请", "2. Repeated applications"),
    ("3.要求提供公开出版物", "3. Requests for publications"),
    ("4.无正当理由大量反复申请", "4. Mass repeated applications without reason"),
    ("5.要求行政机关确认或重新出具已获取信息", "5. Confirmation or reissue of information obtained"),
    ("（六）其他处理", "(6) Otherwise handled"),
    (
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
        "1. Not corrected in time without good reason: no longer processed",
    ),
    ("2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "2. Fees not paid in time: no longer processed"),
    ("3.其他", "3. Other"),
    ("（七）总计", "(7) Total"),
    ("四、结转下年度继续办理", "4. Carried over to next year"),
    // Table 四.
    ("行政复议", "Administrative review"),
    ("行政诉讼", "Administrative litigation"),
    ("未经复议直接起诉", "Sued without review"),
    ("复议后起诉", "Sued after review"),
    ("结果维持", "Upheld"),
    ("结果纠正", "Corrected"),
    ("其他结果", "Other outcome"),
    ("尚未审结", "Pending"),
    // Section headings (messages say "section N" beside them).
    ("一、总体情况", "Overview"),
    ("二、主动公开政府信息情况", "Proactive disclosure"),
    ("三、收到和处理政府信息公开申请情况", "Applications received and handled"),
    ("四、政府信息公开行政复议、行政诉讼情况", "Administrative review and litigation"),
    ("五、存在的主要问题及改进情况", "Main problems and improvements"),
    ("六、其他需要报告的事项", "Other matters to report"),
    // Kinds of conversion residue.
    ("页码", "page number"),
    ("Markdown 粗体标记", "Markdown bold markers"),
    ("书签标记", "bookmark"),
    ("HTML 实体", "HTML entity"),
];

/// The English of a wording: a template's, a row's name, or a rule's title.
pub fn en(zh: &str) -> Option<&'static str> {
    // The command line names rows in every finding of a batch: looked up, not
    // searched for among a few hundred wordings (the first of equal ones wins
    // either way).
    #[cfg(feature = "cli")]
    {
        static BY_ZH: std::sync::OnceLock<std::collections::HashMap<&'static str, &'static str>> = std::sync::OnceLock::new();
        let by_zh = BY_ZH.get_or_init(|| {
            let mut m = std::collections::HashMap::new();
            for (z, e) in all() {
                m.entry(z.as_str()).or_insert(e.as_str());
            }
            m
        });
        by_zh.get(zh).copied()
    }
    #[cfg(not(feature = "cli"))]
    all().iter().find(|(z, _)| z == zh).map(|(_, e)| e.as_str())
}

/// Every (Chinese, English) pair: the labels; the rows' and groups' labels as
/// a row's name quotes them (numbering dropped, `parse::core_label`); the
/// rules' titles.
pub fn all() -> &'static [(String, String)] {
    static ALL: std::sync::OnceLock<Vec<(String, String)>> = std::sync::OnceLock::new();
    ALL.get_or_init(|| {
        use crate::template::{T2_2019, T2_2021, T3_2019, T3_2021, T4};
        let mut out: Vec<(String, String)> = LABELS.iter().map(|(z, e)| (z.to_string(), e.to_string())).collect();
        let rows = [&T2_2019, &T2_2021, &T3_2019, &T3_2021, &T4].into_iter().flat_map(|t| t.rows.iter());
        for l in rows.flat_map(|r| [r.label, r.group]).filter(|l| !l.is_empty()) {
            let core = crate::parse::core_label(l);
            let named = LABELS.iter().find(|(z, _)| *z == l).map(|(_, e)| unnumbered(e));
            if let (Some(e), false) = (named, out.iter().any(|(z, _)| *z == core)) {
                out.push((core, e.to_string()));
            }
        }
        let titles = crate::rules::RULES.iter().filter(|r| !r.title_en.is_empty());
        out.extend(titles.map(|r| (r.title_zh.to_string(), r.title_en.to_string())));
        out
    })
}

/// An English label without its item number: "(3) Withheld" → "Withheld", "1. State secret" → "State secret".
pub fn unnumbered(l: &str) -> &str {
    let number = |n: &str| !n.is_empty() && n.len() <= 2 && n.bytes().all(|b| b.is_ascii_digit());
    let mut s = l;
    for _ in 0..2 {
        let inner = s.strip_prefix('(').and_then(|r| r.split_once(") "));
        match inner.or_else(|| s.split_once(". ")) {
            Some((n, rest)) if number(n) => s = rest,
            _ => break,
        }
    }
    s
}
