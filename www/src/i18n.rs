//! UI text: Simplified Chinese first, English on request.

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn parse(s: &str) -> Lang {
        if s.eq_ignore_ascii_case("en") || s.to_ascii_lowercase().starts_with("en-") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn t(self) -> &'static Text {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }
}

pub struct Text {
    pub title: &'static str,
    pub tagline: &'static str,
    pub privacy: &'static str,
    pub editor_label: &'static str,
    pub placeholder: &'static str,
    pub open_file: &'static str,
    pub drop_hint: &'static str,
    pub samples: &'static str,
    pub clear: &'static str,
    pub clear_confirm: &'static str,
    pub export_json: &'static str,
    pub print: &'static str,
    pub switch_lang: &'static str,
    pub findings: &'static str,
    pub errors: &'static str,
    pub warnings: &'static str,
    pub infos: &'static str,
    pub no_problems: &'static str,
    pub empty: &'static str,
    pub filter: &'static str,
    pub line_col: fn(usize, usize) -> String,
    pub page: fn(u32) -> String,
    pub pdf_notice: &'static str,
    pub fix: &'static str,
    pub fix_delete: &'static str,
    pub rule_doc: &'static str,
    pub tables: &'static str,
    pub absent: &'static str,
    pub unreadable_cell: &'static str,
    pub unreadable_table: &'static str,
    pub expected: &'static str,
    pub shown_first: fn(usize, usize) -> String,
    pub file_error: &'static str,
    pub report_of: &'static str,
    pub severity: fn(nianbao::Severity) -> &'static str,
}

pub const ZH: Text = Text {
    title: "年报检查",
    tagline: "政府信息公开工作年度报告 · 按国办公开办函〔2021〕30号格式检查",
    privacy: "报告文本只在您的浏览器中检查，不会上传到任何服务器。",
    editor_label: "年报全文（粘贴、输入或打开文件）",
    placeholder: "在此粘贴年报全文：可从 Word、WPS、网页或 PDF 复制，表格会自动识别。",
    open_file: "打开文件…",
    drop_hint: "也可把 .txt、.docx、.html、.pdf 文件拖到编辑框",
    samples: "示例报告",
    clear: "清空",
    clear_confirm: "确定清空编辑框并删除本机保存的草稿吗？",
    export_json: "导出 JSON",
    print: "打印检查报告",
    switch_lang: "English",
    findings: "检查结果",
    errors: "错误",
    warnings: "警告",
    infos: "提示",
    no_problems: "未发现问题。",
    empty: "粘贴或打开一份年报后，检查结果会显示在这里。",
    filter: "显示",
    line_col: |l, c| format!("第 {l} 行第 {c} 列"),
    page: |p| format!("第{p}页"),
    pdf_notice: "从 PDF 提取的文本（只读）",
    fix: "建议改为",
    fix_delete: "建议删除",
    rule_doc: "规则说明",
    tables: "重建的表格",
    absent: "未找到此表",
    unreadable_cell: "无法识别",
    unreadable_table: "此表的数据无法可靠识别（P001），已跳过计算检查。",
    expected: "应为",
    shown_first: |n, total| format!("仅显示前 {n} 条（共 {total} 条）"),
    file_error: "无法读取该文件：",
    report_of: "检查报告",
    severity: |s| match s {
        nianbao::Severity::Error => "错误",
        nianbao::Severity::Warning => "警告",
        nianbao::Severity::Info => "提示",
    },
};

pub const EN: Text = Text {
    title: "nianbao",
    tagline: "Checks government information-disclosure annual reports against the 2021 national format",
    privacy: "The report is checked in your browser only; nothing is uploaded.",
    editor_label: "Report text (paste, type or open a file)",
    placeholder: "Paste the whole report here: from Word, WPS, a web page or a PDF viewer. Tables are recognised.",
    open_file: "Open file…",
    drop_hint: "or drop a .txt, .docx, .html or .pdf file on the editor",
    samples: "Sample reports",
    clear: "Clear",
    clear_confirm: "Clear the editor and delete the draft saved in this browser?",
    export_json: "Export JSON",
    print: "Print the findings",
    switch_lang: "中文",
    findings: "Findings",
    errors: "errors",
    warnings: "warnings",
    infos: "notes",
    no_problems: "No problems found.",
    empty: "Paste or open a report to see its findings here.",
    filter: "Show",
    line_col: |l, c| format!("line {l}, column {c}"),
    page: |p| format!("page {p}"),
    pdf_notice: "Text extracted from the PDF (read-only)",
    fix: "Suggested",
    fix_delete: "Suggested: delete",
    rule_doc: "About this rule",
    tables: "Tables as read",
    absent: "Table not found",
    unreadable_cell: "unreadable",
    unreadable_table: "This table's values could not be placed with confidence (P001); its sums were not checked.",
    expected: "expected",
    shown_first: |n, total| format!("Showing the first {n} of {total}"),
    file_error: "Cannot read the file: ",
    report_of: "Findings",
    severity: |s| match s {
        nianbao::Severity::Error => "error",
        nianbao::Severity::Warning => "warning",
        nianbao::Severity::Info => "note",
    },
};
