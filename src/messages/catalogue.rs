//! The catalogue: every message of the findings and every string of the
//! interfaces, Chinese and English side by side. Templates: `{n}` is argument
//! n; `{n:one|other}` picks a word by a number (see `messages/mod.rs`).
//! The Chinese of the findings is the JSON's `message` and must not change
//! without reason: users' scripts and the portal read it.

#[cfg(feature = "cli")]
use super::Cli;
#[cfg(feature = "en")]
use super::Desk;
use super::{Key, Ui};

// What the browser does not need at first load (names, English, the command
// line's strings) is compiled only with the features that need it; the web
// app gets the names and the English from `messages-en.json`.
macro_rules! messages {
    ($($name:ident $key:literal $zh:literal $en:literal;)*) => {
        #[allow(non_camel_case_types, clippy::upper_case_acronyms, clippy::enum_variant_names)]
        #[repr(u16)]
        enum M { $($name,)* }
        $(pub const $name: Key = Key(M::$name as u16);)*
        /// The keys' names, in catalogue order.
        #[cfg(feature = "en")]
        pub static KEYS: &[&str] = &[$($key),*];
        const ZH_LIST: &[&str] = &[$($zh),*];
        pub static ZH: &[&str] = ZH_LIST;
        #[cfg(feature = "en")]
        pub static EN: &[&str] = &[$($en),*];
    };
}

macro_rules! interface {
    ($($name:ident $zh:literal $en:literal;)*) => {
        /// The interfaces' strings (web app, CLI), by name.
        pub mod ui {
            use super::Ui;
            #[allow(non_camel_case_types, clippy::upper_case_acronyms, clippy::enum_variant_names)]
            #[repr(u16)]
            enum U { $($name,)* }
            $(pub const $name: Ui = Ui(U::$name as u16);)*
        }
        const UI_ZH_LIST: &[&str] = &[$($zh),*];
        pub static UI_ZH: &[&str] = UI_ZH_LIST;
        #[cfg(feature = "en")]
        pub static UI_EN: &[&str] = &[$($en),*];
        /// The names, for the tests.
        #[cfg(test)]
        pub static UI_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

/// A fingerprint of the Chinese catalogue (FNV-1a over every template),
/// computed by the compiler: an English file made from another version of
/// the catalogue, in another order, is refused.
pub const FINGERPRINT: u32 = {
    let lists = [ZH_LIST, UI_ZH_LIST];
    let mut h: u32 = 0x811c_9dc5;
    let mut l = 0;
    while l < lists.len() {
        let mut i = 0;
        while i < lists[l].len() {
            let b = lists[l][i].as_bytes();
            let mut j = 0;
            while j <= b.len() {
                // Each template ends with a 0.
                let byte = if j < b.len() { b[j] } else { 0 };
                h = (h ^ byte as u32).wrapping_mul(0x0100_0193);
                j += 1;
            }
            i += 1;
        }
        l += 1;
    }
    h
};

macro_rules! command_line {
    ($($name:ident $zh:literal $en:literal;)*) => {
        /// The command line's strings, by name.
        #[cfg(feature = "cli")]
        pub mod cli {
            use super::Cli;
            #[allow(non_camel_case_types, clippy::upper_case_acronyms, clippy::enum_variant_names)]
            #[repr(u16)]
            enum C { $($name,)* }
            $(pub const $name: Cli = Cli(C::$name as u16);)*
        }
        #[cfg(feature = "cli")]
        pub static CLI_ZH: &[&str] = &[$($zh),*];
        #[cfg(feature = "cli")]
        pub static CLI_EN: &[&str] = &[$($en),*];
    };
}

messages! {
    // Pieces several messages share.
    SEP_ENUM "sep.enum" "、" ", ";
    SEP_COMMA "sep.comma" "，" ", ";
    SEP_PLUS "sep.plus" " + " " + ";
    SEP_ROW "sep.row" "·" " · ";
    QUOTED "quoted" "“{0}”" "“{0}”";
    NOTHING "nothing" "" "";
    ITEM "item" "{0} {1}" "{0} {1}";
    DATE "date" "{0}年{1}月{2}日" "{2} {1:January|February|March|April|May|June|July|August|September|October|November|December} {0}";
    TABLE_T2 "table.t2" "表二（主动公开政府信息情况）" "Table 2 (proactive disclosure)";
    TABLE_T3 "table.t3" "表三（收到和处理政府信息公开申请情况）" "Table 3 (applications received and handled)";
    TABLE_T4 "table.t4" "表四（行政复议、行政诉讼情况）" "Table 4 (administrative review and litigation)";
    MORE "more" "从此处起还有 {0} 条 {1} 未逐一列出" "{0} more {1} {0:finding|findings} from here on {0:is|are} not listed";

    S001 "S001.missing" "报告缺少标题：开头应写明机关名称、年度和“政府信息公开工作年度报告”"
        "The report has no title: it should open with the body's name, the year and “政府信息公开工作年度报告” (government information disclosure annual report)";
    S002 "S002.nonstandard" "标题“{0}”不规范：{1}" "The title “{0}” is non-standard: {1}";
    S002_NO_YEAR "S002.no_year" "缺少年份" "no year";
    S002_NO_ORGAN "S002.no_organ" "缺少机关名称" "no body's name";
    S002_WORDING "S002.wording" "未使用“政府信息公开工作年度报告”的表述" "not worded “政府信息公开工作年度报告”";
    S003_NONE "S003.none"
        "未找到年报的六个部分（一、总体情况 至 六、其他需要报告的事项）：请确认粘贴的是完整的年度报告，各部分标题以“一、”至“六、”编号"
        "None of the report's six sections (Overview to Other matters to report) was found: check that the whole annual report was pasted, with the section headings numbered “一、” to “六、”";
    S003 "S003.missing" "缺少第{0:一|二|三|四|五|六}部分“{1}”" "Section {0} ({1}) is missing";
    S004_TWICE "S004.twice" "第{0:一|二|三|四|五|六}部分重复出现（“{1}”）" "Section {0} appears twice (“{1}”)";
    S004_ORDER "S004.order" "第{0:一|二|三|四|五|六}部分“{1}”出现在第{2:一|二|三|四|五|六}部分之后，顺序错误"
        "Section {0} (“{1}”) comes after section {2}: wrong order";
    S005 "S005.variant" "章节标题“{0}”与模板“{1}”表述不同" "The section heading “{0}” is worded differently from the template's ({1})";
    S006 "S006.empty" "第{0:一|二|三|四|五|六}部分“{1}”几乎没有内容（“{2}”）" "Section {0} (“{1}”) has almost no content (“{2}”)";
    S006_NONE "S006.none" "第{0:一|二|三|四|五|六}部分“{1}”下面没有内容" "Section {0} (“{1}”) has nothing under its heading";
    S007 "S007.missing" "报告未说明统计期限" "The report does not state its statistical period";
    S008 "S008.invalid" "统计期限为{0}至{1}，应为{2}年1月1日至{2}年12月31日"
        "The statistical period is {0} to {1}; it should be 1 January {2} to 31 December {2}";
    S009_PERIOD "S009.period" "标题年份为{0}年，统计期限却是{1}年" "The title's year is {0}, but the statistical period is in {1}";
    S009_SIGNED "S009.signed" "报告年度为{0}年，落款日期却是{1}" "The report is for {0}, but it is dated {1}";
    S010 "S010.late" "落款日期{0}晚于法定期限：{1}应在{2}前公布" "The report is dated {0}, after the legal deadline: {1} must be published by {2}";
    S010_GOVERNMENT "S010.government" "人民政府的年报" "a people's government's report";
    S010_DEPARTMENT "S010.department" "政府部门的年报" "a government department's report";

    T001 "T001.format" "{0}年度的报告使用了{1}，应使用国办公开办函〔2021〕30号规定的格式"
        "The report for {0} uses {1}; it should use the format of 国办公开办函〔2021〕30号";
    T001_SIGNALS "T001.signals" "{0}年度的报告使用了{1}（{2}），应使用国办公开办函〔2021〕30号规定的格式"
        "The report for {0} uses {1} ({2}); it should use the format of 国办公开办函〔2021〕30号";
    T001_PRE2019 "T001.pre2019" "2019年以前（2008年条例）的格式" "the pre-2019 format (of the 2008 regulations)";
    T001_TRIAL "T001.trial" "2019年（试行）格式" "the 2019 (trial) format";
    T002 "T002.missing" "第{0:一|二|三|四|五|六}部分“{1}”缺少{2}" "Section {0} (“{1}”) has no {2}";
    T003 "T003.missing" "{0}缺少{1}" "Rows missing from {0}: {1}";
    T003_MORE "T003.more" "{0}缺少{1}等{2}行" "Rows missing from {0}: {1} and more ({2} in all)";
    T004_ROW "T004.row" "{0}的行名“{1}”与模板“{2}”不一致" "{0}: the row label “{1}” differs from the template's ({2})";
    T004_COLUMN "T004.column" "{0}“{1}”一栏的列名“{2}”应为“{3}”" "{0}, {1}: the column header “{2}” should be the template's ({3})";
    T005 "T005.count" "{0}“{1}”行有{2}个数，模板只有{3}列（{4}）"
        "{0}, row “{1}”: {2} {2:value|values}, but the template has {3} {3:column|columns} ({4})";
    T005_PLACED "T005.placed" "已根据表头位置或表内合计关系确定了各列的数" "each value's column was found from the header's positions or the table's sums";
    T005_UNPLACED "T005.unplaced" "各列的数无法确定，不参与计算检查" "the values cannot be placed in their columns and are left out of the arithmetic checks";
    T006 "T006.placeholder" "{0}“{1}”行“{2}”列{3}，此处应填数字（没有则填 0）"
        "{0}, row “{1}”, column “{2}” {3}; a number belongs here (0 when there is nothing)";
    T006_EMPTY "T006.empty" "为空" "is empty";
    T006_FILLED "T006.filled" "填写了“{0}”" "holds “{0}”";
    T007 "T007.extra" "{0}中的“{1}”不是模板中的行" "{0}: “{1}” is not a row of the template";
    T008_TITLE "T008.title"
        "国办公开办函〔2021〕30号的名称是《中华人民共和国政府信息公开工作年度报告格式》，“（试行）”是已被替换的2019年格式的名称"
        "The format of 国办公开办函〔2021〕30号 is titled 《中华人民共和国政府信息公开工作年度报告格式》; “（试行）” (trial) was in the name of the replaced 2019 format";
    T008_CITED "T008.cited" "引用了已被替换的国办公开办函〔2019〕60号，现行格式文件为国办公开办函〔2021〕30号"
        "The report cites 国办公开办函〔2019〕60号, which was replaced; the format in force is that of 国办公开办函〔2021〕30号";

    P001_GLUED_ROW "P001.glued_row"
        "{0}“{1}”行的数字连在一起（“{2}”），{3}，无法确定各单元格的数，已跳过这些单元格的计算检查；请在各列之间加分隔"
        "{0}, row “{1}”: the figures run together (“{2}”) and {3}, so the cells' values cannot be told; their arithmetic checks were skipped. Put a separator between the columns";
    P001_GLUED "P001.glued"
        "{0}的数字连在一起（“{1}”），{2}，无法确定各单元格的数，已跳过这些单元格的计算检查；请在各列之间加分隔"
        "{0}: the figures run together (“{1}”) and {2}, so the cells' values cannot be told; their arithmetic checks were skipped. Put a separator between the columns";
    P001_WRAPPED_ROW "P001.wrapped_row"
        "{0}“{1}”行的数分在几行上（“{2}”，窄栏中的数会折成几行），{3}，无法确定各单元格的数，已跳过这些单元格的计算检查"
        "{0}, row “{1}”: its figures lie on several lines (“{2}”: a narrow column breaks a number over lines) and {3}, so the cells' values cannot be told; their arithmetic checks were skipped";
    P001_NO_JOIN "P001.no_join" "没有唯一一种接法符合模板的勾稽关系" "no single way of joining the pieces fits the template's sums";
    P001_APART "P001.apart" "折断的数有几段落在别的行之间，接不回来" "pieces of a broken number lie among other rows and cannot be joined back";
    P001_NO_SPLIT "P001.no_split" "没有一种拆分符合模板的勾稽关系" "no way of splitting them fits the template's sums";
    P001_SPLITS "P001.splits" "有 {0} 种拆分都符合模板的勾稽关系" "{0} {0:way|ways} of splitting them {0:fits|fit} the template's sums";
    P001_TOO_MANY "P001.too_many" "可能的拆分太多" "there are too many ways of splitting them";
    P001_WORDS "P001.words" "文本过长：已读取 {0} 个词和数字，自此处起未再读取，表格与正文只检查到此处"
        "The text is too long: {0} words and figures were read and nothing from here on; the tables and the text are checked up to here";
    P001_TABLE "P001.table" "{0}的数据无法可靠地对应到模板的行列，已跳过对该表的计算检查"
        "{0}: the values cannot be placed in the template's rows and columns with confidence; the table's arithmetic checks were skipped";

    A_CELL "A.cell" "{0}“{1}”行“{2}”列为 {3}，{4}都因此对不上；按这些合计关系，该数应为 {5}"
        "{0}, row “{1}”, column “{2}” is {3}, which breaks {4}; by these sums it should be {5}";
    A_ROW_TOTAL "A.row_total" "本行合计" "the row's total";
    A_COLUMN_TOTAL "A.column_total" "本列办理结果合计" "the column's outcome total";
    A_BALANCE "A.balance" "本列收支平衡" "the column's balance";
    A001 "A001.balance" "{0}“{1}”列收支不平衡：本年新收 {2} + 上年结转 {3} = {4}，但总计 {5} + 结转下年度 {6} = {7}{8}"
        "{0}, column “{1}” does not balance: received {2} + carried over from last year {3} = {4}, but total {5} + carried over to next year {6} = {7}{8}";
    A001_EXPECTED "A001.expected" "；若其余无误，结转下年度应为 {0}" "; if the rest is right, carried over to next year should be {0}";
    A002 "A002.sum" "{0}“（七）总计”的“{1}”列为 {2}，但{3}项办理结果之和为 {4}（{5}）"
        "{0}: “(7) Total” is {2} in column “{1}”, but the {3} outcome rows add up to {4} ({5})";
    A002_ZERO "A002.zero" "各项均为 0" "all are 0";
    A002_NONZERO "A002.nonzero" "非零项：{0}" "non-zero: {0}";
    A003 "A003.sum" "{0}“{1}”行总计为 {2}，但六类申请人之和为 {3} = {4}"
        "{0}, row “{1}”: the total is {2}, but the six applicant columns add up to {3} = {4}";
    A004 "A004.sum" "{0}总计为 {1}，但{2} = {3}" "{0}: the total is {1}, but {2} = {3}";
    A005 "A005.invalid" "{0}“{1}”行“{2}”列的 {3} {4}，件数应为非负整数"
        "{0}, row “{1}”, column “{2}”: {3} {4}; counts are whole non-negative numbers";
    A005_NEGATIVE "A005.negative" "是负数" "is negative";
    A005_FRACTION "A005.fraction" "不是整数" "is not a whole number";
    A006 "A006.documents" "{0}“{1}”本年制发 {2} 件，多于现行有效 {3} 件与本年废止 {4} 件之和"
        "{0}, {1}: {2} issued this year, more than the {3} in force plus the {4} repealed this year";
    A007 "A007.authority" "{0}没有规章制定权，却填报了规章（{1}）；应计入行政规范性文件或填 0"
        "{0} has no power to make 规章 (regulations) but reports some ({1}); count them as 行政规范性文件 (normative documents) or enter 0";

    N001_NONE_RECEIVED "N001.none_received" "正文称未收到政府信息公开申请，但表三“本年新收政府信息公开申请数量”总计为 {0}"
        "The text says no applications were received, but Table 3 gives {0} received this year";
    N001_RECEIVED "N001.received" "正文称收到（受理）政府信息公开申请 {0} 件，但表三“本年新收政府信息公开申请数量”总计为 {1}"
        "The text says {0} {0:application was|applications were} received, but Table 3 gives {1} received this year";
    N001_CARRIED_IN "N001.carried_in" "正文称上年结转申请 {0} 件，但表三“上年结转政府信息公开申请数量”总计为 {1}"
        "The text says {0} {0:application was|applications were} carried over from last year, but Table 3 gives {1}";
    N001_CARRIED_OUT "N001.carried_out" "正文称结转下年度 {0} 件，但表三“结转下年度继续办理”总计为 {1}"
        "The text says {0} {0:application is|applications are} carried over to next year, but Table 3 gives {1}";
    N001_REVIEWS "N001.reviews" "正文称行政复议 {0} 件，但表四行政复议总计为 {1}"
        "The text says {0} administrative {0:review|reviews}, but Table 4's review total is {1}";
    N001_SUITS "N001.suits" "正文称行政诉讼 {0} 件，但表四行政诉讼总计为 {1}"
        "The text says {0} {0:lawsuit|lawsuits}, but Table 4's lawsuit totals add up to {1}";
    N001_NO_REVIEWS "N001.no_reviews" "正文称没有行政复议，但表四行政复议总计为 {0}"
        "The text says there were no administrative reviews, but Table 4's review total is {0}";
    N001_NO_SUITS "N001.no_suits" "正文称没有行政诉讼，但表四行政诉讼总计为 {0}"
        "The text says there were no lawsuits, but Table 4's lawsuit totals add up to {0}";
    N001_REGULATIONS "N001.regulations" "正文称制发规章 {0} 件，但表二“规章”本年制发件数为 {1}"
        "The text says {0} {0:regulation|regulations} (规章) {0:was|were} issued, but Table 2 gives {1} issued this year";
    N001_NORMATIVE "N001.normative" "正文称制发行政规范性文件 {0} 件，但表二“行政规范性文件”本年制发件数为 {1}"
        "The text says {0} normative {0:document|documents} (行政规范性文件) {0:was|were} issued, but Table 2 gives {1} issued this year";
    N002 "N002.sum" "“共{0}{1}”，但其中列出的 {2} 项之和为 {3}（{4}）" "“共{0}{1}” ({0} in all), but the {2} items listed add up to {3} ({4})";
    N003 "N003.missing" "第六部分未说明信息处理费的收取情况" "Section 6 does not say whether information processing fees (信息处理费) were charged";

    C001 "C001.invalid" "联系邮箱“{0}”格式错误：{1}" "The contact e-mail “{0}” is malformed: {1}";
    C001_WIDE "C001.wide" "含全角字符" "full-width characters";
    C001_SPACES "C001.spaces" "含空格" "spaces";
    C001_DOMAIN "C001.domain" "缺少“@”或域名" "no “@” or no domain";
    C002 "C002.invalid" "联系电话“{0}”{1}" "The contact phone number “{0}” {1}";
    C002_AREA_CODE "C002.area_code" "缺少区号" "has no area code";
    C002_DIGITS "C002.digits" "位数不对" "has a wrong number of digits";
    C003 "C003.invalid" "邮政编码“{0}”不是6位数字" "The postcode “{0}” is not six digits";

    H001 "H001.residue" "文档转换残留（{0}）：“{1}”" "Conversion residue ({0}): “{1}”";
    H001_MORE "H001.more" "从此处起还有 {0} 处文档转换残留，未逐一列出" "{0} more {0:piece|pieces} of conversion residue from here on {0:is|are} not listed";
    H002 "H002.numbering" "序号“{0}”与上一同级条目的序号格式不一致" "The item number “{0}” is not in the style of the previous item at its level";
    H003_DOUBLED "H003.doubled" "标点重复：“{0}”" "Doubled punctuation: “{0}”";
    H003_COMMA "H003.comma" "中文之间使用了半角逗号“,”" "Half-width comma “,” between Chinese characters";

    X001 "X001.carry_over" "表三“上年结转”的“{0}”列为 {1}，但上一年报告的“结转下年度继续办理”为 {2}"
        "Table 3 gives {1} carried over from last year in column “{0}”, but last year's report carried {2} over to this year";
    X002 "X002.repeated" "表格中的 {0} 个数据与上一年报告完全相同，疑似照抄" "All {0} values of the tables are the same as in last year's report: copied?";
    X003 "X003.repeated" "正文约 {0}% 与上一年报告相同，疑似照抄" "About {0}% of the text is the same as in last year's report: copied?";

    I001_MIXED "I001.mixed" "文件编码中途改变：{0}是 GBK（GB18030）编码，其余是 UTF-8，已分别解码"
        "The encoding changes midway: {0} in GBK (GB18030), the rest in UTF-8; each part was decoded as what it is";
    I001_LINE "I001.line" "第 {0} 行" "line {0}";
    I001_LINES "I001.lines" "第 {0}–{1} 行" "lines {0}–{1}";
    I001_BYTES "I001.bytes" "此处 {0} 个字节不是有效的 UTF-8，已替换为“\u{FFFD}”"
        "{0} {0:byte|bytes} here {0:is|are} not valid UTF-8 and {0:was|were} replaced by U+FFFD";
    I001_BYTES_TOTAL "I001.bytes_total" "此处 {0} 个字节不是有效的 UTF-8，已替换为“\u{FFFD}”（全文共 {1} 处，{2} 个字节）"
        "{0} {0:byte|bytes} here {0:is|are} not valid UTF-8 and {0:was|were} replaced by U+FFFD ({1} {1:place|places}, {2} {2:byte|bytes} in the file)";
    I001_REPLACED "I001.replaced" "有 {0} 处字节不是有效的 {1} 编码，已替换为“\u{FFFD}”，第一处在此"
        "{0} {0:place|places} {0:is|are} not valid {1} and {0:was|were} replaced by U+FFFD; the first is here";
}

interface! {
    // The web app.
    TITLE "年报检查" "nianbao";
    TAGLINE "政府信息公开工作年度报告 · 按国办公开办函〔2021〕30号格式检查"
        "Checks government information-disclosure annual reports against the 2021 national format";
    PRIVACY "报告文本只在您的浏览器中检查，不会上传到任何服务器。" "The report is checked in your browser only; nothing is uploaded.";
    EDITOR_LABEL "年报全文（粘贴、输入或打开文件）" "Report text (paste, type or open a file)";
    PLACEHOLDER "在此粘贴年报全文：可从 Word、WPS、网页或 PDF 复制，表格会自动识别。"
        "Paste the whole report here: from Word, WPS, a web page or a PDF viewer. Tables are recognised.";
    OPEN_FILE "打开文件…" "Open file…";
    DROP_HINT "也可把 .docx、.odt、.rtf、.pdf、.txt、.html 文件拖到本页" "or drop a .docx, .odt, .rtf, .pdf, .txt or .html file on this page";
    SAMPLES "示例报告" "Sample reports";
    SAMPLE_HONGZE "洪泽区 2023（表四合计错误）" "Hongze 2023 (table 4 totals wrong)";
    SAMPLE_BUREAU "某建设局 2023（Word 粘贴，缺部分与行）" "A bureau, 2023 (from Word, missing section and rows)";
    CLEAR "清空" "Clear";
    CLEAR_CONFIRM "确定清空编辑框并删除本机保存的草稿吗？" "Clear the editor and delete the draft saved in this browser?";
    EXPORT_JSON "导出 JSON" "Export JSON";
    EXPORT_FAILED "导出未能完成：所需的模块未能加载（可能已断网）。请刷新页面后重试。"
        "The export failed: the module it needs could not be loaded (offline?). Reload the page and try again.";
    PRINT "打印检查报告" "Print the findings";
    SWITCH_LANG "English" "中文";
    LANG_FAILED "未能加载英文界面（可能已断网），请刷新页面后重试。" "The English interface could not be loaded (offline?); reload the page and try again.";
    FINDINGS "检查结果" "Findings";
    ERRORS "错误" "errors";
    WARNINGS "警告" "warnings";
    INFOS "提示" "notes";
    N_ERRORS "{0} 错误" "{0} {0:error|errors}";
    N_WARNINGS "{0} 警告" "{0} {0:warning|warnings}";
    N_INFOS "{0} 提示" "{0} {0:note|notes}";
    SEV_ERROR "错误" "error";
    SEV_WARNING "警告" "warning";
    SEV_INFO "提示" "note";
    NO_PROBLEMS "未发现问题。" "No problems found.";
    EMPTY "粘贴或打开一份年报后，检查结果会显示在这里。" "Paste or open a report to see its findings here.";
    FILTER "显示" "Show";
    LINE_COL "第 {0} 行第 {1} 列" "line {0}, column {1}";
    PAGE "第{0}页" "page {0}";
    PDF_NOTICE "从 PDF 提取的文本（只读，请在原文档中修改）" "Text extracted from the PDF (read-only: make changes in the original document)";
    FIX "建议改为：{0}" "Suggested: {0}";
    FIX_DELETE "建议删除" "Suggested: delete it";
    INSERT "建议插入：{0}" "Suggested insertion: {0}";
    RULE_DOC "规则说明" "About this rule";
    TABLES "重建的表格" "Tables as read";
    ABSENT "未找到此表" "Table not found";
    UNREADABLE_CELL "无法识别" "unreadable";
    UNREADABLE_TABLE "此表的数据无法可靠识别（P001），已跳过计算检查。" "This table's values could not be placed with confidence (P001); its sums were not checked.";
    EXPECTED "应为" "expected";
    SHOWN_FIRST "仅显示前 {0} 条（共 {1} 条）" "Showing the first {0} of {1}";
    REPORT_OF "检查报告" "Findings";
    SKIP_LINK "跳到检查结果" "Skip to the findings";
    GUIDE_TITLE "怎样使用" "How to use it";
    GUIDE_PASTE "把年报全文粘贴到编辑框：可以从 Word、WPS、网页或 PDF 阅读器全选复制；也可以打开 .docx、.odt、.rtf、.pdf、.txt、.html 文件，或把文件拖到本页任意位置。"
        "Paste the whole report into the editor: select all and copy from Word, WPS, a web page or a PDF viewer. Or open a .docx, .odt, .rtf, .pdf, .txt or .html file, or drop one anywhere on this page.";
    GUIDE_CHECKS "检查内容：标题和六个部分是否齐全、三张表格是否符合国办公开办函〔2021〕30号格式、表内合计和勾稽关系、正文数字与表格是否一致、联系方式、标点和文档转换残留。"
        "What is checked: the title and the six sections, the three tables against the 2021 national format (国办公开办函〔2021〕30号), their totals and balances, figures in the text against the tables, contact details, punctuation and conversion leftovers.";
    GUIDE_PRIVACY "文本只在本机浏览器中处理，不会上传；草稿只保存在本浏览器中。"
        "The text is checked in this browser only and never uploaded; drafts are kept in this browser only.";
    GUIDE_SAMPLES "还没有年报？可以先从“示例报告”中打开一份看看。" "No report at hand? Open one of the sample reports.";
    DRAFTS "草稿" "Drafts";
    DRAFTS_RECENT "最近的草稿" "Recent drafts";
    DRAFTS_NONE "还没有保存的草稿。" "No saved drafts yet.";
    DRAFTS_ONLY_THIS "当前文本已自动保存在本浏览器中。" "The text in the editor is saved in this browser as you type.";
    DRAFTS_OFF "不在本机保存草稿" "Do not keep drafts on this computer";
    DRAFTS_EXPIRY "草稿只保存在本浏览器中，{0} 天后自动删除。" "Drafts are kept in this browser only, and deleted after {0} days.";
    REPLACED "已用{0}替换了编辑框中的文本。" "The editor's text was replaced by {0}.";
    WHAT_SAMPLE "示例报告" "a sample report";
    WHAT_PASTE "粘贴的内容" "the pasted content";
    WHAT_DRAFT "草稿" "a draft";
    UNDO "撤销" "Undo";
    DISMISS "关闭" "Close";
    APPLIED "已应用 {0} 处修改（Ctrl+Z 可撤销）。" "{0} {0:change|changes} applied (Ctrl+Z undoes {0:it|them}).";
    STORAGE_FAILED "无法在本机保存草稿：浏览器的存储空间已满或被禁用。关闭本页前请导出或复制文本，以免丢失。"
        "The draft cannot be saved in this browser: its storage is full or disabled. Export or copy the text before closing this page.";
    FILE_LABEL "文件：" "File: ";
    FILE_DOC "“{0}”是旧版 Word 文件（.doc）。请在 Word 或 WPS 中另存为 .docx 后再打开，或全选复制后粘贴到编辑框。"
        "“{0}” is an old Word file (.doc). Save it as .docx in Word or WPS and open that, or select all, copy and paste it into the editor.";
    FILE_WPS "“{0}”是 WPS 文字文件（.wps）。请在 WPS 中另存为 .docx 后再打开，或全选复制后粘贴到编辑框。"
        "“{0}” is a WPS Writer file (.wps). Save it as .docx in WPS and open that, or select all, copy and paste it into the editor.";
    FILE_PDF "“{0}”：{1}" "“{0}”: {1}";
    FILE_NOT_TEXT "“{0}”不是年报的文本（可能是表格、演示文稿、图片或压缩包）。请打开年报的 .docx、.odt、.rtf、.txt 或 .html 文件。"
        "“{0}” is not a report's text (a spreadsheet, presentation, image or archive?). Open the report's .docx, .odt, .rtf, .txt or .html file.";
    FILE_ZIP_OTHER "“{0}”是压缩文件，但不是 Word（.docx）或 OpenDocument（.odt）文档。请打开年报文件本身。"
        "“{0}” is a ZIP archive but not a Word (.docx) or OpenDocument (.odt) document. Open the report itself.";
    FILE_DAMAGED "“{0}”已损坏或不完整，无法读取。请在 Word 或 WPS 中打开后另存一份，或全选复制后粘贴到编辑框。"
        "“{0}” is damaged or incomplete and cannot be read. Open it in Word or WPS and save a copy, or select all, copy and paste it into the editor.";
    FILE_TOO_LARGE "“{0}”超过 32 MB，不像是一份年报。请只打开年报文件。" "“{0}” is over 32 MB, which is no annual report. Open the report's file only.";
    FILE_UNAVAILABLE "读取文件的模块未能加载（可能已断网）。请刷新页面后重试，或全选复制后粘贴到编辑框。"
        "The file reader could not be loaded (offline?). Reload the page and try again, or copy and paste the text.";
    LOADING "正在加载…" "Loading…";
    LOAD_FAILED "未能加载（可能已断网），请刷新页面后重试。" "Could not be loaded (offline?); reload the page and try again.";
    SORT "排序" "Order";
    SORT_SEVERITY "先错误后提示" "errors first";
    SORT_POSITION "按文中位置" "as in the text";
    BY_RULE "按规则：" "By rule: ";
    APPLY "应用" "Apply";
    APPLY_ALL "全部应用（{0} 处标点、邮箱、页码修改）" "Apply all ({0} punctuation, e-mail and page-number {0:fix|fixes})";
    INSERT_HERE "在此处插入" "Insert here";
    IGNORE "忽略" "Ignore";
    RESTORE "恢复" "Restore";
    IGNORED_GROUP "已忽略（{0}）" "Ignored ({0})";
    SHOW_ALL "展开全部 {0} 条" "Show all {0}";
    HIDE "收起" "Hide";
    ANNOUNCE "第 {0} 条，共 {1} 条：{2} {3}" "Finding {0} of {1}: {2} {3}";
    NO_MORE "没有更多问题了" "No more findings";
    SHORTCUTS "在编辑框中按 Alt+↓ / Alt+↑（或 F8 / Shift+F8）跳到下一条 / 上一条问题。"
        "In the editor, Alt+↓ / Alt+↑ (or F8 / Shift+F8) go to the next / previous finding.";
    DROP_HERE "松开鼠标即可打开文件" "Drop the file to open it";
    T2_HEAD "信息内容" "Item";
    T3_CORNER "（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）" "(In this column, item 1 plus item 2 equals item 3 plus item 4)";
    T3_APPLICANTS "申请人情况" "Applicants";
    T3_ORGS "法人或其他组织" "Legal persons and other organisations";
    TEMPLATE_LABEL "模板：" "template:";
}

command_line! {
    DELETE "建议：删除此处内容" "suggestion: delete this";
    INSERT "建议：在此处插入“{0}”" "suggestion: insert “{0}” here";
    REPLACE "建议：改为“{0}”" "suggestion: write “{0}” instead";
    PAGE "第{0}页" "page {0}";
    MORE_ON_LINE "第 {0} 行还有 {1} 条 {2} 未显示（--format json 列出全部）/ {1} more {2} on line {0} not shown"
        "{1} more {2} {1:finding|findings} on line {0} not shown (--format json lists them all)";
    NO_PROBLEMS "未发现问题 (no problems found)" "no problems found";
    ERRORS "{0} 个错误" "{0} {0:error|errors}";
    WARNINGS "{0} 个警告" "{0} {0:warning|warnings}";
    INFOS "{0} 条提示" "{0} {0:note|notes}";
    BATCH "共 {0} 份报告，{1} 份有错误；错误 {2} 个，警告 {3} 个，提示 {4} 条" "{0} {0:report|reports}, {1} with errors; {2} {2:error|errors}, {3} {3:warning|warnings}, {4} {4:note|notes}";
    NOT_PAIRED "未与上年报告对照：{0} 不是本报告机关上一年度的报告，跨年度检查（X001–X003）未做"
        "Not compared with last year's report: {0} is not last year's report of this body, so X001–X003 did not run";
    NOT_READ "另有 {0} 个文件无法读取（表中“无法读取”的行）" "{0} {0:file|files} could not be read (the rows marked unreadable)";
    NOT_REPORTS "另有 {0} 个文件未识别为年度报告（表中“不像年报”的行）" "{0} {0:file was|files were} not recognised as annual reports (the rows marked “not a report”)";
    SKIPPED "跳过 {0} 个其他类型的文件：{1}" "{0} {0:file|files} of other kinds skipped: {1}";
    NO_REPORTS "未找到可检查的报告：{0} 个文件{0:|都}未识别为年度报告" "0 reports checked: {0} {0:file was|files were} not recognised as annual reports";
}

macro_rules! desk {
    ($($name:ident $zh:literal $en:literal;)*) => {
        /// The reviewer's desk's strings (the batch view, the last-year panel,
        /// the annotated Word file, the batch exports), by name: compiled only
        /// with `en`, into the command line and the batch module (batch-wasm/),
        /// never into the web app's first load. The page's scripts ask for
        /// them by name (`DESK_NAMES`) through the batch module's `say`.
        #[cfg(feature = "en")]
        pub mod desk {
            use super::Desk;
            #[allow(non_camel_case_types, clippy::upper_case_acronyms, clippy::enum_variant_names)]
            #[repr(u16)]
            enum D { $($name,)* }
            $(pub const $name: Desk = Desk(D::$name as u16);)*
        }
        #[cfg(feature = "en")]
        pub static DESK_ZH: &[&str] = &[$($zh),*];
        #[cfg(feature = "en")]
        pub static DESK_EN: &[&str] = &[$($en),*];
        #[cfg(feature = "en")]
        pub static DESK_NAMES: &[&str] = &[$(stringify!($name)),*];
    };
}

desk! {
    // The batch view (www/batch/batch.js).
    TITLE "批量检查" "Batch check";
    INTRO "选择或拖入多个年报文件、一个文件夹或 .zip 压缩包：每份报告都在本机检查，不会上传。同一机关相邻两年的报告自动对照（X001–X003）。"
        "Choose or drop several report files, a folder or a .zip: every report is checked on this computer and never uploaded. Reports of one body for consecutive years are compared (X001–X003).";
    ADD_FILES "添加文件…" "Add files…";
    ADD_FOLDER "添加文件夹…" "Add a folder…";
    BACK "返回单份检查" "Back to the single check";
    CANCEL "取消" "Cancel";
    CLEAR "清空列表" "Clear the list";
    CSV "导出汇总 CSV" "Export summary (CSV)";
    XLSX "导出汇总 XLSX" "Export summary (XLSX)";
    PROGRESS "已检查 {0} / {1} 份" "{0} of {1} checked";
    FINISHED "已检查 {0} 份，用时 {1} 秒" "{0} checked in {1} s";
    FINISHED_REPORTS "：{0} 份报告" ": {0} {0:report|reports}";
    FINISHED_UNREAD "，{0} 个文件无法读取" ", {0} {0:file|files} not read";
    FINISHED_APART "，{0} 个文件不像年报" ", {0} {0:file that is not a report|files that are not reports}";
    SHOWN "（显示 {0} 行）" " ({0} shown)";
    CANCELLED "已取消" "Cancelled";
    CANCELLED_AT "已取消：已检查 {0} / {1} 份" "Cancelled: {0} of {1} checked";
    SKIPPED "（另跳过 {0} 个其他类型的文件：{1}）" " ({0} {0:file|files} of other kinds skipped: {1})";
    REPEATED "（{0} 个文件已在列表中，未重复添加）" " ({0} {0:file was|files were} in the list already: not added again)";
    ONLY_ERRORS "只看有错误、无法读取或不像年报的" "Only reports with errors, files not read and files that are not reports";
    FILTER "筛选文件或机关" "Filter by file or body";
    RULES "各规则涉及的报告" "Reports per rule";
    RULE_REPORTS "：{0} 份报告" ": {0} {0:report|reports}";
    RULE_FILTER "只看有 {0} 的报告" "Only reports with {0}";
    SHOW_ALL "显示全部（{0}）" "Show all ({0})";
    PAIRED "已与上年报告对照：{0}" "Compared with last year's report: {0}";
    SAME_YEAR "本批中另有同一机关同一年度的报告：{0}" "Another report of this body and year in the batch: {0}";
    NOT_A_REPORT "未识别为政府信息公开工作年度报告：没有找到统计表，正文六个部分也至多找到一个，未计入报告。"
        "Not recognised as a government information disclosure annual report: no table, and at most one of the six sections, was found, so it is not counted as a report.";
    EMPTY "还没有报告。" "No reports yet.";
    OPEN "打开 {0}" "Open {0}";
    BACK_TO_BATCH "← 返回批量结果（{0} 份）" "← Back to the batch ({0} {0:report|reports})";
    WAITING "等待检查" "Waiting";
    READING "读取中" "Reading";
    CHECKING "检查中" "Checking";
    NO_PROBLEM "未发现问题" "No problems found";
    LIST_SEP "；" "; ";
    SUMMARY_FILE "年报检查汇总" "nianbao-summary";
    // The batch table's columns and the exports' headers (src/export.rs).
    COL_FILE "文件" "File";
    COL_BODY "机关" "Body";
    COL_YEAR "年度" "Year";
    COL_ERRORS "错误" "Errors";
    COL_WARNINGS "警告" "Warnings";
    COL_INFOS "提示" "Notes";
    COL_TOP "主要问题" "Most serious findings";
    COL_NOTE "说明" "Remarks";
    COL_CODE "代码" "Code";
    COL_SEVERITY "级别" "Severity";
    COL_CELL "单元格" "Cell";
    COL_LINE "行号" "Line";
    COL_PAGE "页码" "Page";
    COL_MESSAGE "问题" "Message";
    COL_FIX "建议" "Suggestion";
    SHEET_SUMMARY "汇总" "Summary";
    SHEET_FINDINGS "问题" "Findings";
    // Why a file of a batch (or last year's report) could not be read (www/batch/read.js).
    WHY_TOO_LARGE "文件过大（超过 32 MB），不是一份年报。" "The file is too large (over 32 MB) to be a report.";
    WHY_EMPTY "文件是空的。" "The file is empty.";
    WHY_BINARY "这不是文本文件，也不是 .docx、.odt、.rtf、.pdf 或 .html 报告。" "This is not a text file, nor a .docx, .odt, .rtf, .pdf or .html report.";
    WHY_DOC "这是旧版 Word 文件（.doc），请在 Word 或 WPS 中另存为 .docx 后再检查。"
        "An old Word file (.doc): save it as .docx in Word or WPS, then check it.";
    WHY_WPS "这是 WPS 文字文件（.wps），请在 WPS 中另存为 .docx 后再检查。" "A WPS Writer file (.wps): save it as .docx in WPS, then check it.";
    WHY_ZIP_OTHER "这是压缩文件，但不是 .docx 或 .odt 文档。" "This is an archive, not a .docx or .odt document.";
    WHY_DAMAGED "文件已损坏，无法读取。" "The file is damaged and cannot be read.";
    WHY_UNSUPPORTED "不支持的文件类型。" "This kind of file is not supported.";
    WHY_NESTED "压缩包中的压缩包不展开检查，请先解压。" "An archive inside the archive is not opened: extract it first.";
    WHY_UNSAFE "条目名称指向压缩包之外（如“../”或绝对路径），未读取。" "The entry's name points outside the archive (“../” or an absolute path): not read.";
    WHY_ENCRYPTED "压缩包条目已加密，无法读取。" "The archive entry is encrypted and cannot be read.";
    WHY_METHOD "压缩包条目使用了不支持的压缩方式。" "The archive entry uses a compression method that is not supported.";
    WHY_TOO_MANY "压缩包条目过多（超过 10000 个），未展开。" "The archive has too many entries (over 10,000): not opened.";
    WHY_FAILED "检查时出错，其余报告不受影响。" "The check failed on this file; the other reports are not affected.";
    WHY_UNAVAILABLE "读取此文件所需的组件未能加载，请检查网络后重试。" "What this file needs could not be loaded: check the connection and try again.";
    // The last-year panel (www/batch/years.js).
    YEARS_TITLE "对照上年报告（X001–X003）" "Compare with last year (X001–X003)";
    YEARS_INTRO "粘贴或打开同一机关上一年的年报，与编辑框中的本年报告对照：上年结转是否衔接，表格和正文是否照抄上年。其发现也列入检查结果。"
        "Paste or open the same body's report for the year before, to compare it with the report in the editor: does the carry-over continue, are tables or text copied from last year? Its findings join the others.";
    YEARS_PASTE "上年报告全文" "Last year's report";
    YEARS_OPEN "打开上年报告文件…" "Open last year's report…";
    YEARS_CLOSE "关闭" "Close";
    YEARS_WHO "本年：{0}　上年：{1}" "This year: {0}   Last year: {1}";
    YEARS_UNKNOWN "（未识别）" "(not found)";
    YEARS_NOT_PAIR "两份报告不像同一机关相邻两年的报告，未做跨年度检查（X001–X003），与命令行的 --previous 相同。"
        "The two reports do not look like one body in consecutive years: the cross-year checks (X001–X003) were not run, as with the command line's --previous.";
    YEARS_SAME_YEAR "两份报告都是 {0} 年度的，上年报告应为 {1} 年度，未做跨年度检查（X001–X003）。"
        "Both reports are for {0}: last year's should be for {1}. The cross-year checks (X001–X003) were not run.";
    YEARS_SWAPPED "“上年报告”是 {0} 年度的，晚于编辑框中的 {1} 年度：两份是否放反了？未做跨年度检查（X001–X003）。"
        "The “last year” report is for {0}, later than the editor's {1}: are the two the wrong way round? The cross-year checks (X001–X003) were not run.";
    YEARS_COLUMN "列" "Column";
    YEARS_NOW "本年“上年结转”" "This year: carried over from last year";
    YEARS_BEFORE "上年“结转下年度继续办理”" "Last year: carried over to next year";
    YEARS_SAME "一致" "same";
    YEARS_DIFFER "不一致" "differs";
    YEARS_NONE "未发现跨年问题。" "No cross-year problems found.";
    YEARS_WAITING "请粘贴或打开上年报告。" "Paste or open last year's report.";
    YEARS_UNSAVED "浏览器未允许保存上年报告，刷新页面后需重新粘贴。"
        "The browser did not allow last year's report to be kept: after a reload, paste it again.";
    YEARS_NO_TABLE "两份报告中至少一份没有可读的表三。" "At least one of the reports has no readable table 3.";
    // The annotated Word file (www/batch/word.js).
    AUTHOR "年报检查" "nianbao";
    ANNOTATED_FILE "年报检查批注" "nianbao-annotated";
    ANNOTATED_NEW "编辑框中的文字与打开的“{0}”已不同（例如已在页面中应用修改，或粘贴了别的报告），批注版将是只含文字的新文档，不带原文档的格式。要在原文档上批注，请重新打开“{0}”再下载（安全的修改会作为修订写入）。仍要下载新文档吗？"
        "The text in the editor is no longer that of “{0}” (fixes applied in the page, or another report pasted): the annotated file will be a new document of the text alone, without the original's formatting. To annotate the original, open “{0}” again and download then (safe fixes go in as tracked changes). Download a new document anyway?";
    COMMENT_ERROR "[{0} 错误] {1}" "[{0} error] {1}";
    COMMENT_WARNING "[{0} 警告] {1}" "[{0} warning] {1}";
    COMMENT_INFO "[{0} 提示] {1}" "[{0} note] {1}";
    COMMENT_FIX " 建议：{0}" " Suggested: {0}";
    COMMENT_DELETE " 建议：删除此处内容" " Suggested: delete this";
    COMMENT_TRACKED "（已作为修订标出，可接受或拒绝）" " (marked as a tracked change to accept or reject)";
}
