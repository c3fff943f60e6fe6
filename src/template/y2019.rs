//! 国办公开办函〔2019〕60号 (试行): the format of the reports for 2019 and 2020.
//! Table 二 has other columns and items; table 三 has a single （六）其他处理 row.

use super::y2021::{t3, OTHER, RESULTS, T3_BALANCE, T3_HEAD, T3_ROW_TOTAL};
use super::{Column, Row, TableId, TableTemplate};

const MADE: &[Column] = &[
    Column { key: "made", label: "本年新制作数量" },
    Column { key: "published", label: "本年新公开数量" },
    Column { key: "total_published", label: "对外公开总数量" },
];
const ITEMS: &[Column] = &[
    Column { key: "previous", label: "上一年项目数量" },
    Column { key: "change", label: "本年增/减" },
    Column { key: "decisions", label: "处理决定数量" },
];
const FEES: &[Column] = &[Column { key: "previous", label: "上一年项目数量" }, Column { key: "change", label: "本年增/减" }];
const PROCUREMENT: &[Column] = &[Column { key: "items", label: "采购项目数量" }, Column { key: "amount", label: "采购总金额" }];

const fn row(key: &'static str, label: &'static str, block: &'static str, columns: &'static [Column], decimal: bool) -> Row {
    Row { key, label, aliases: &[], group: "", columns, outcome: false, block, decimal }
}

pub const T2_2019: TableTemplate = TableTemplate {
    id: TableId::T2,
    format: "2019",
    rows: &[
        row("regulations", "规章", "第二十条第（一）项", MADE, false),
        row("normative_documents", "规范性文件", "第二十条第（一）项", MADE, false),
        row("licensing", "行政许可", "第二十条第（五）项", ITEMS, false),
        row("other_services", "其他对外管理服务事项", "第二十条第（五）项", ITEMS, false),
        row("penalties", "行政处罚", "第二十条第（六）项", ITEMS, false),
        row("enforcement", "行政强制", "第二十条第（六）项", ITEMS, false),
        row("fees", "行政事业性收费", "第二十条第（八）项", FEES, false),
        row("procurement", "政府集中采购", "第二十条第（九）项", PROCUREMENT, true),
    ],
    row_total: None,
    column_total: None,
    balance: None,
};

const T3_ROWS: [Row; 23] = {
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
        t3("other", OTHER, RESULTS, true),
        t3("total", "（七）总计", RESULTS, false),
        t3("carried_out", "四、结转下年度继续办理", "", false),
    ]
};

pub const T3_2019: TableTemplate = TableTemplate {
    id: TableId::T3,
    format: "2019",
    rows: &T3_ROWS,
    row_total: Some(T3_ROW_TOTAL),
    column_total: Some("total"),
    balance: Some(T3_BALANCE),
};
