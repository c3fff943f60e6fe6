//! 国办公开办函〔2021〕30号: the format every report for 2021 and later uses.

use super::{Balance, Column, Row, RowTotal, SectionTemplate, TableId, TableTemplate};

pub const SECTIONS: &[SectionTemplate] = &[
    SectionTemplate {
        number: 1,
        heading: "一、总体情况",
        variants: &["总体情况概述", "工作开展总体情况"],
        keywords: &["总体情况", "总体"],
    },
    SectionTemplate {
        number: 2,
        heading: "二、主动公开政府信息情况",
        variants: &["行政机关主动公开政府信息情况"],
        keywords: &["主动公开"],
    },
    SectionTemplate {
        number: 3,
        heading: "三、收到和处理政府信息公开申请情况",
        variants: &["行政机关收到和处理政府信息公开申请情况"],
        keywords: &["收到和处理", "处理政府信息公开申请", "依申请公开"],
    },
    SectionTemplate {
        number: 4,
        heading: "四、政府信息公开行政复议、行政诉讼情况",
        variants: &["因政府信息公开工作被申请行政复议、提起行政诉讼情况", "政府信息公开行政复议和行政诉讼情况"],
        keywords: &["行政复议", "行政诉讼"],
    },
    SectionTemplate {
        number: 5,
        heading: "五、存在的主要问题及改进情况",
        variants: &["政府信息公开工作存在的主要问题及改进情况"],
        keywords: &["问题", "改进"],
    },
    SectionTemplate {
        number: 6,
        heading: "六、其他需要报告的事项",
        variants: &["其他需要报告的事项"],
        keywords: &["其他需要报告", "需要报告的事项", "其他事项"],
    },
];

const COUNT_3: &[Column] = &[
    Column { key: "issued", label: "本年制发件数" },
    Column { key: "repealed", label: "本年废止件数" },
    Column { key: "in_force", label: "现行有效件数" },
];
const DECISIONS: &[Column] = &[Column { key: "decisions", label: "本年处理决定数量" }];

const fn t2(
    key: &'static str,
    label: &'static str,
    aliases: &'static [&'static str],
    block: &'static str,
    columns: &'static [Column],
) -> Row {
    Row { key, label, aliases, group: "", columns, outcome: false, block, decimal: false }
}

pub const T2_2021: TableTemplate = TableTemplate {
    id: TableId::T2,
    format: "2021",
    rows: &[
        t2("regulations", "规章", &[], "第二十条第（一）项", COUNT_3),
        t2("normative_documents", "行政规范性文件", &["规范性文件"], "第二十条第（一）项", COUNT_3),
        t2("licensing", "行政许可", &[], "第二十条第（五）项", DECISIONS),
        t2("penalties", "行政处罚", &[], "第二十条第（六）项", DECISIONS),
        t2("enforcement", "行政强制", &[], "第二十条第（六）项", DECISIONS),
        Row {
            key: "fees",
            label: "行政事业性收费",
            aliases: &[],
            group: "",
            columns: &[Column { key: "amount", label: "本年收费金额（单位：万元）" }],
            outcome: false,
            block: "第二十条第（八）项",
            decimal: true,
        },
    ],
    row_total: None,
    column_total: None,
    balance: None,
};

pub const APPLICANTS: &[Column] = &[
    Column { key: "natural_person", label: "自然人" },
    Column { key: "commercial", label: "商业企业" },
    Column { key: "research", label: "科研机构" },
    Column { key: "public_interest", label: "社会公益组织" },
    Column { key: "legal_services", label: "法律服务机构" },
    Column { key: "other_org", label: "其他" },
    Column { key: "total", label: "总计" },
];

pub const fn t3(key: &'static str, label: &'static str, group: &'static str, outcome: bool) -> Row {
    Row { key, label, aliases: &[], group, columns: APPLICANTS, outcome, block: "", decimal: false }
}

pub const RESULTS: &str = "三、本年度办理结果";
pub const WITHHELD: &str = "（三）不予公开";
pub const UNAVAILABLE: &str = "（四）无法提供";
pub const NOT_PROCESSED: &str = "（五）不予处理";
pub const OTHER: &str = "（六）其他处理";

/// Rows before （六）其他处理, shared by both formats.
pub(super) const T3_HEAD: [Row; 20] = [
    t3("received", "一、本年新收政府信息公开申请数量", "", false),
    t3("carried_in", "二、上年结转政府信息公开申请数量", "", false),
    t3("disclosed", "（一）予以公开", RESULTS, true),
    t3("partly_disclosed", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", RESULTS, true),
    t3("withheld.state_secret", "1.属于国家秘密", WITHHELD, true),
    t3("withheld.prohibited_by_law", "2.其他法律行政法规禁止公开", WITHHELD, true),
    t3("withheld.security_stability", "3.危及“三安全一稳定”", WITHHELD, true),
    t3("withheld.third_party", "4.保护第三方合法权益", WITHHELD, true),
    t3("withheld.internal_affairs", "5.属于三类内部事务信息", WITHHELD, true),
    t3("withheld.process_info", "6.属于四类过程性信息", WITHHELD, true),
    t3("withheld.enforcement_file", "7.属于行政执法案卷", WITHHELD, true),
    t3("withheld.query_matter", "8.属于行政查询事项", WITHHELD, true),
    t3("unavailable.not_held", "1.本机关不掌握相关政府信息", UNAVAILABLE, true),
    t3("unavailable.needs_creation", "2.没有现成信息需要另行制作", UNAVAILABLE, true),
    t3("unavailable.unclear", "3.补正后申请内容仍不明确", UNAVAILABLE, true),
    t3("not_processed.petition", "1.信访举报投诉类申请", NOT_PROCESSED, true),
    t3("not_processed.duplicate", "2.重复申请", NOT_PROCESSED, true),
    t3("not_processed.publication", "3.要求提供公开出版物", NOT_PROCESSED, true),
    t3("not_processed.excessive", "4.无正当理由大量反复申请", NOT_PROCESSED, true),
    t3("not_processed.reissue", "5.要求行政机关确认或重新出具已获取信息", NOT_PROCESSED, true),
];
const T3_ROWS: [Row; 25] = {
    let [a0, a1, a2, a3, a4, a5, a6, a7, a8, a9, a10, a11, a12, a13, a14, a15, a16, a17, a18, a19] = T3_HEAD;
    [
        a0,
        a1,
        a2,
        a3,
        a4,
        a5,
        a6,
        a7,
        a8,
        a9,
        a10,
        a11,
        a12,
        a13,
        a14,
        a15,
        a16,
        a17,
        a18,
        a19,
        t3("other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", OTHER, true),
        t3("other.fee_unpaid", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", OTHER, true),
        t3("other.other", "3.其他", OTHER, true),
        t3("total", "（七）总计", RESULTS, false),
        t3("carried_out", "四、结转下年度继续办理", "", false),
    ]
};

pub const T3_ROW_TOTAL: RowTotal =
    RowTotal { total: "total", parts: &["natural_person", "commercial", "research", "public_interest", "legal_services", "other_org"] };
pub const T3_BALANCE: Balance = Balance { inflow: ["received", "carried_in"], outflow: ["total", "carried_out"] };

pub const T3_2021: TableTemplate = TableTemplate {
    id: TableId::T3,
    format: "2021",
    rows: &T3_ROWS,
    row_total: Some(T3_ROW_TOTAL),
    column_total: Some("total"),
    balance: Some(T3_BALANCE),
};

const RESULTS_T4: &[Column] = &[
    Column { key: "upheld", label: "结果维持" },
    Column { key: "corrected", label: "结果纠正" },
    Column { key: "other", label: "其他结果" },
    Column { key: "pending", label: "尚未审结" },
    Column { key: "total", label: "总计" },
];

const fn t4(key: &'static str, label: &'static str, group: &'static str) -> Row {
    Row { key, label, aliases: &[], group, columns: RESULTS_T4, outcome: false, block: "", decimal: false }
}

pub const T4: TableTemplate = TableTemplate {
    id: TableId::T4,
    format: "2021",
    rows: &[
        t4("review", "行政复议", ""),
        t4("suit_direct", "未经复议直接起诉", "行政诉讼"),
        t4("suit_after_review", "复议后起诉", "行政诉讼"),
    ],
    row_total: Some(RowTotal { total: "total", parts: &["upheld", "corrected", "other", "pending"] }),
    column_total: None,
    balance: None,
};
