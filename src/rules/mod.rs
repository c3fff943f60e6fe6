//! The rule catalog (SPEC.md §2). The registry below is the single list that
//! the CLI, the JSON, the README and the web app read; each rule's doc comment
//! is also its documentation there. The checks live in one file per family.

mod arithmetic;
mod contact;
mod cross_year;
mod hygiene;
mod input;
mod narrative;
mod structure;
mod template_rules;

use crate::diagnostic::{CellRef, Diagnostic, InputNote, Severity};
use crate::messages::{self, Arg, Message};
use crate::report::Report;
use crate::source::{Source, Span};
use crate::template::TableId;

/// A rule's metadata. `doc` is the rule's doc comment: what it checks, why it
/// matters, how to fix (English); `doc_zh` says the same in Chinese. Both are
/// empty without the `docs` feature, and the English title without the `en`
/// feature (the browser app, which loads them from `rules-*.json` and with
/// the English catalogue).
#[derive(Debug)]
pub struct Rule {
    pub code: &'static str,
    pub name: &'static str,
    pub severity: Severity,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub doc: &'static str,
    pub doc_zh: &'static str,
}

// The long documentation is for the CLI, the README and the JSON API; the
// browser app fetches it from `rules-*.json` when asked, so a build without
// the `docs` feature keeps it out of the first-load wasm.
#[cfg(feature = "docs")]
macro_rules! doc_text {
    ($e:expr) => {
        $e
    };
}
#[cfg(not(feature = "docs"))]
macro_rules! doc_text {
    ($e:expr) => {
        ""
    };
}

// The English title is in the English catalogue's features (the CLI, the
// batch check); the app loads it with `messages-en.json`.
#[cfg(feature = "en")]
macro_rules! en_text {
    ($e:expr) => {
        $e
    };
}
#[cfg(not(feature = "en"))]
macro_rules! en_text {
    ($e:expr) => {
        ""
    };
}

macro_rules! catalog {
    ($( $(#[doc = $doc:literal])* $code:ident $name:literal $sev:ident $zh:literal $en:literal $doc_zh:literal; )*) => {
        $(
            $(#[doc = $doc])*
            pub const $code: Rule = Rule {
                code: stringify!($code),
                name: $name,
                severity: Severity::$sev,
                title_zh: $zh,
                title_en: en_text!($en),
                doc: doc_text!(concat!($($doc, "\n"),*)),
                doc_zh: doc_text!($doc_zh),
            };
        )*
        /// Every rule, in catalog order.
        pub const RULES: &[Rule] = &[$($code),*];
    };
}

catalog! {
    /// What: the report has no title naming the body, the year and 政府信息公开工作年度报告.
    /// Why: the title is how readers and the 政务公开办 find and file the report.
    /// Fix: put a title such as 淮安市人民政府2024年政府信息公开工作年度报告 at the top.
    S001 "title-missing" Error "缺少标题" "Title missing"
        "检查：报告开头没有写明机关名称、年度和“政府信息公开工作年度报告”的标题。\n为何：标题是公众和政务公开办检索、归档年报的依据。\n怎么改：在正文前加标题，如“××局2024年政府信息公开工作年度报告”。";
    /// What: the title exists but deviates from 〈机关〉〈年份〉年政府信息公开工作年度报告 (工作报告, no year, no body).
    /// Why: non-standard titles are missed by searches and inspections.
    /// Fix: use the standard wording shown in the suggestion.
    S002 "title-nonstandard" Warning "标题不规范" "Title non-standard"
        "检查：标题缺少年份或机关名称，或没有使用“政府信息公开工作年度报告”的规范表述。\n为何：不规范的标题不利于检索和考核。\n怎么改：按建议改为“机关名称+年份+年政府信息公开工作年度报告”。";
    /// What: one of the six sections of the 2021 format is absent (one finding per section).
    /// Why: the format notice makes all six sections mandatory, even when there is nothing to report.
    /// Fix: add the section with its template heading; write 无 or the figures where there is nothing else.
    S003 "section-missing" Error "缺少章节" "Section missing"
        "检查：年报格式规定的六个部分缺少某一部分（每缺一部分报一次）。\n为何：格式通知要求六部分齐全，没有内容也应保留。\n怎么改：按模板标题补上该部分，并如实填写。";
    /// What: sections are duplicated or out of the template's order.
    /// Why: reviewers and readers expect the fixed order; duplicates usually mean pasted drafts.
    /// Fix: put the sections in the order 一 to 六 and remove duplicates.
    S004 "section-order" Error "章节重复或顺序错误" "Sections duplicated or out of order"
        "检查：章节重复出现，或顺序与模板不一致。\n为何：固定顺序便于审阅和比对，重复往往是拼接草稿留下的。\n怎么改：按一至六的顺序排列并删除重复部分。";
    /// What: a section heading uses an accepted wording other than the template's.
    /// Why: the template wording is preferred; the variant is tolerated.
    /// Fix: use the template heading shown in the suggestion.
    S005 "section-heading-variant" Info "章节标题与模板表述不同" "Section heading variant"
        "检查：章节标题使用了可接受但不同于模板的表述。\n为何：建议统一使用模板标题。\n怎么改：改为建议中的模板标题。";
    /// What: a section has no substance (e.g. 五 reads 无 or only a few characters).
    /// Why: an empty section fails the purpose of the report; reviewers send it back.
    /// Fix: describe the situation, even briefly (e.g. the problems found and the measures taken).
    S006 "section-empty" Warning "章节内容空泛" "Section empty"
        "检查：某部分只有“无”或寥寥几个字。\n为何：内容空泛不符合年报要求，审核时会被退回。\n怎么改：如实写明有关情况，哪怕简短。";
    /// What: the report does not state its statistical period.
    /// Why: the figures cannot be read without knowing the period they cover.
    /// Fix: add 本报告中所列数据的统计期限自YYYY年1月1日起至YYYY年12月31日止。
    S007 "period-missing" Info "未说明统计期限" "Statistical period missing"
        "检查：报告没有说明数据的统计期限。\n为何：不说明期限，数据无从对照。\n怎么改：写明“本报告中所列数据的统计期限自某年1月1日起至12月31日止”。";
    /// What: the stated period is not 1 January to 31 December of one year.
    /// Why: annual reports cover one calendar year; another period makes the figures incomparable.
    /// Fix: correct the dates (suggested in the finding).
    S008 "period-invalid" Warning "统计期限不是一个自然年" "Statistical period invalid"
        "检查：统计期限不是同一年的1月1日至12月31日。\n为何：年报按自然年统计，期限不对则数据不可比。\n怎么改：按建议改正日期。";
    /// What: the title's year, the period's year and the signature date disagree.
    /// Why: a wrong year usually means last year's report was reused without updating.
    /// Fix: make all three refer to the reporting year (signed in the following year).
    S009 "year-mismatch" Error "年份前后不一致" "Years disagree"
        "检查：标题年份、统计期限年份与落款日期互相矛盾。\n为何：年份错误多半是套用了上一年的报告。\n怎么改：统一为报告年度，落款日期应在次年。";
    /// What: the signature date is past the legal deadline: 1月31日 for departments, 3月31日 for a people's government.
    /// Why: 条例第四十九条、第五十条 set the deadlines; late publication is a compliance failure.
    /// Fix: publish by the deadline; if the date is a typo, correct it.
    S010 "late-publication" Warning "落款日期晚于法定期限" "Published late"
        "检查：落款日期晚于法定期限（政府部门1月31日，人民政府3月31日）。\n为何：《条例》第四十九条、第五十条规定了发布期限。\n怎么改：按期发布；如系笔误请更正日期。";
    /// What: a report for 2021 or later uses the 2019 (试行) or pre-2019 format.
    /// Why: 国办公开办函〔2021〕30号 replaced the old format from the 2021 reports on; old tables miss rows and columns.
    /// Fix: redo the tables in the 2021 format (e.g. 本年制发件数; （六）其他处理 split into three rows).
    T001 "outdated-template" Error "使用了过时的年报格式" "Outdated format"
        "检查：2021年及以后的年报仍使用2019年（试行）或更早的格式。\n为何：国办公开办函〔2021〕30号已替换旧格式，旧表格缺行缺列。\n怎么改：按2021年格式重做表格（如“本年制发件数”，“（六）其他处理”分为三行）。";
    /// What: a section is present but its table is absent.
    /// Why: tables 二, 三 and 四 are mandatory; the figures cannot be checked without them.
    /// Fix: insert the template's table, filling 0 where there is nothing to report.
    T002 "table-missing" Error "缺少表格" "Table missing"
        "检查：章节存在，但缺少对应的统计表。\n为何：表二、表三、表四是必备内容，缺表则数据无从核对。\n怎么改：插入模板表格，没有的数据填0。";
    /// What: a template row is absent from a table that is otherwise present.
    /// Why: dropped rows hide figures and break the sums.
    /// Fix: restore the missing rows with their values (0 when none).
    T003 "row-missing" Error "表格缺行" "Row missing"
        "检查：表格中缺少模板规定的行。\n为何：缺行会隐藏数据，导致合计对不上。\n怎么改：补上缺少的行并填写数据（没有填0）。";
    /// What: a row label or column header differs from the template (typo, 其它, wrong header).
    /// Why: altered labels make the table ambiguous and hint at an edited or outdated template.
    /// Fix: use the template's wording shown in the suggestion.
    T004 "label-nonstandard" Warning "表格项目名称与模板不符" "Label differs from template"
        "检查：行名或列名与模板不一致（错字、“其它”、列名错误等）。\n为何：名称改动会造成歧义，也常说明用了改动过或过时的模板。\n怎么改：按建议改为模板表述。";
    /// What: a row carries more or fewer values than the template has cells.
    /// Why: an extra or missing value shifts every figure after it into the wrong column.
    /// Fix: give the row exactly one value per column.
    T005 "cell-count" Error "数据个数与表格列数不符" "Wrong number of values"
        "检查：某行的数据个数多于或少于模板的列数。\n为何：多一个或少一个数，后面的数据都会错位。\n怎么改：每列填写且只填写一个数。";
    /// What: a cell holds "/", "—", "-", nothing or text where a number belongs.
    /// Why: the template asks for numbers; a dash is ambiguous between 0 and unknown.
    /// Fix: write 0 when there is nothing to report.
    T006 "cell-not-number" Warning "单元格不是数字" "Cell is not a number"
        "检查：应填数字的单元格填了“/”“—”“-”或文字。\n为何：模板要求填数字，横线无法区分是0还是未统计。\n怎么改：没有的填0。";
    /// What: a table row that the template does not have (subtotals, local additions).
    /// Why: extra rows are not part of the national format and may be counted twice.
    /// Fix: remove the row or move its content to the text.
    T007 "row-extra" Info "表格有模板以外的行" "Extra row"
        "检查：表格中有模板没有的行（小计、自行增加的行）。\n为何：多出的行不属于全国统一格式，可能被重复统计。\n怎么改：删除该行，或把内容写入正文。";
    /// What: the report cites 国办公开办函〔2019〕60号 (the replaced format notice).
    /// Why: citing the old notice suggests the old format was used.
    /// Fix: cite 国办公开办函〔2021〕30号.
    T008 "citation-outdated" Warning "引用了已替换的格式文件" "Outdated citation"
        "检查：引用了已被替换的国办公开办函〔2019〕60号。\n为何：引用旧文件往往意味着仍按旧格式编制。\n怎么改：改为引用国办公开办函〔2021〕30号。";
    /// What: in table 三, 本年新收 + 上年结转 ≠ （七）总计 + 结转下年度 in a column.
    /// Why: the template prints this balance; every application received or carried in is either answered or carried out.
    /// Fix: recount that column; the finding shows both sides.
    A001 "balance" Error "表三收支不平衡" "Applications do not balance"
        "检查：表三某列“本年新收+上年结转”不等于“总计+结转下年度”。\n为何：这是模板表头印明的勾稽关系，每件申请要么办结要么结转。\n怎么改：重新核对该列数据，结果中列出了两边的数。";
    /// What: in table 三, （七）总计 ≠ the sum of the outcome rows in a column.
    /// Why: the total is the number of applications answered; it must equal the outcomes.
    /// Fix: correct the total or the outcome rows (the expected total is suggested).
    A002 "outcome-total" Error "表三总计与办理结果之和不符" "Outcome total wrong"
        "检查：表三某列“（七）总计”不等于各项办理结果之和。\n为何：总计就是办结的申请数，必须等于各项结果之和。\n怎么改：改正总计或各项结果（已给出应填的总计）。";
    /// What: a row's 总计 ≠ the sum of the six applicant columns.
    /// Why: the total column adds 自然人 and the five kinds of 法人或其他组织.
    /// Fix: correct the total (suggested) or the applicant columns.
    A003 "row-total" Error "表三行合计错误" "Row total wrong"
        "检查：某行“总计”不等于自然人与五类法人或其他组织之和。\n为何：总计列是六类申请人的合计。\n怎么改：改正总计（已给出应填数）或各列数据。";
    /// What: a table 四 group's 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
    /// Why: every case has exactly one of the four results.
    /// Fix: correct the total (suggested) or the results.
    A004 "litigation-total" Error "表四总计错误" "Review/litigation total wrong"
        "检查：表四某类案件的总计不等于结果维持、结果纠正、其他结果、尚未审结之和。\n为何：每件案件只有一种结果。\n怎么改：改正总计（已给出应填数）或各项结果。";
    /// What: a negative count, a fractional count, or a number that cannot be read.
    /// Why: counts are whole non-negative numbers; anything else is a typing error.
    /// Fix: write the count as a whole number.
    A005 "number-invalid" Error "数字无效" "Invalid number"
        "检查：件数为负数、小数或无法识别。\n为何：件数只能是非负整数。\n怎么改：改为正确的整数。";
    /// What: 本年制发件数 > 现行有效件数 + 本年废止件数 for 规章 or 行政规范性文件.
    /// Why: a document issued this year is either still in force or was repealed this year.
    /// Fix: check the three figures of the row.
    A006 "documents-implausible" Warning "制发件数多于现行有效与废止之和" "Documents implausible"
        "检查：规章或行政规范性文件的本年制发件数大于现行有效件数与本年废止件数之和。\n为何：本年制发的文件要么现行有效，要么已在本年废止。\n怎么改：核对该行三个数。";
    /// What: a body that cannot make 规章 (a department, a county, 乡镇 or 街道) reports 规章.
    /// Why: only the State Council's departments and provincial or districted-city governments make 规章 (立法法).
    /// Fix: count the documents as 行政规范性文件, or leave 规章 at 0.
    A007 "regulation-authority" Warning "无规章制定权的机关填报了规章" "Regulations reported by a body that cannot make them"
        "检查：部门、县区、乡镇或街道填报了规章数量。\n为何：按立法法，只有国务院部门和省、设区的市人民政府可以制定规章。\n怎么改：应计入行政规范性文件，或将规章填为0。";
    /// What: a figure in the text (applications received, carried over, reviews, lawsuits, 规章 issued) disagrees with the table, or the text says 未收到/无 while the table has cases.
    /// Why: text and tables are published together; a contradiction undermines both.
    /// Fix: make the text agree with the table (or correct the table).
    N001 "narrative-mismatch" Warning "正文数字与表格不一致" "Text contradicts table"
        "检查：正文中的数字（收到申请、结转、行政复议、行政诉讼、制发规章等）与表格不一致，或正文称“未收到”“无”而表格有数。\n为何：正文与表格同时公开，互相矛盾会损害可信度。\n怎么改：使正文与表格一致。";
    /// What: "共…N条（件），其中…a条、b条…" whose parts do not add up to N.
    /// Why: itemised totals that do not add up are the most visible arithmetic slip in the text.
    /// Fix: correct the total or the items.
    N002 "itemized-sum" Warning "分项之和与总数不符" "Items do not add up"
        "检查：“共……N条（件），其中……a条、b条……”各分项之和不等于总数。\n为何：分项对不上总数是正文里最显眼的计算错误。\n怎么改：改正总数或分项。";
    /// What: section 六 says nothing about 信息处理费 (fees for answering applications).
    /// Why: the format asks section 六 to report the 信息处理费 collected, even when none.
    /// Fix: add e.g. 本年度未收取信息处理费。
    N003 "fee-statement-missing" Info "未说明信息处理费情况" "No statement on processing fees"
        "检查：第六部分没有说明信息处理费的收取情况。\n为何：格式要求在第六部分报告收取信息处理费的情况，没有收取也应说明。\n怎么改：加上如“本年度未收取信息处理费”。";
    /// What: the contact e-mail is malformed (full-width ＠, spaces, no domain).
    /// Why: the public cannot write to a malformed address.
    /// Fix: write the address in half-width characters without spaces (suggested).
    C001 "email-invalid" Warning "电子邮箱格式错误" "E-mail malformed"
        "检查：联系邮箱格式错误（全角＠、含空格、缺少域名）。\n为何：公众无法使用错误的邮箱地址。\n怎么改：改为半角、无空格的地址（已给出建议）。";
    /// What: the contact phone has no area code or a wrong number of digits.
    /// Why: a number without area code cannot be dialled from elsewhere.
    /// Fix: write the area code, e.g. 0533-3580212.
    C002 "phone-invalid" Info "联系电话缺区号或位数不对" "Phone number incomplete"
        "检查：联系电话没有区号或位数不对。\n为何：没有区号，外地无法拨打。\n怎么改：加上区号，如0533-3580212。";
    /// What: the postcode is not six digits.
    /// Why: Chinese postcodes have six digits; another length is a typo.
    /// Fix: correct the postcode.
    C003 "postcode-invalid" Warning "邮政编码不是6位数字" "Postcode invalid"
        "检查：邮政编码不是6位数字。\n为何：邮政编码为6位数字，其他长度是笔误。\n怎么改：改正邮政编码。";
    /// What: leftovers of document conversion: [bookmark: …], **bold**, page numbers such as -3-, HTML entities.
    /// Why: they show in the published text and look careless.
    /// Fix: delete them.
    H001 "conversion-residue" Info "文档转换残留" "Conversion residue"
        "检查：文档转换留下的痕迹，如[bookmark: …]、**加粗**、页码-3-、HTML实体。\n为何：这些痕迹会出现在公开的正文中，显得粗糙。\n怎么改：删除。";
    /// What: sibling items numbered in mixed styles, e.g. （一） then （2）.
    /// Why: mixed numbering makes the structure hard to follow.
    /// Fix: number the items in one style.
    H002 "numbering-inconsistent" Info "序号格式不统一" "Numbering inconsistent"
        "检查：同级条目的序号格式混用，如（一）后接（2）。\n为何：序号混用会让层次不清。\n怎么改：同级条目使用同一种序号。";
    /// What: doubled 。。, or half-width punctuation between Chinese characters.
    /// Why: typographic slips in a published government document.
    /// Fix: use single full-width punctuation.
    H003 "punctuation" Info "标点符号使用不当" "Punctuation"
        "检查：重复的“。。”，或中文之间使用了半角标点。\n为何：公开的政府文件应规范使用标点。\n怎么改：使用单个全角标点。";
    /// What: a table is present but its values cannot be placed in the template with confidence; arithmetic on it is skipped.
    /// Why: a number that cannot be placed must not be guessed; the table needs a human look.
    /// Fix: paste the table again with its rows intact (copy from the original document, not a PDF reading order).
    P001 "table-unreadable" Warning "表格无法识别" "Table unreadable"
        "检查：表格存在，但数据无法可靠地对应到模板的行列，因此不做计算检查。\n为何：无法确定位置的数字不能猜测。\n怎么改：从原始文档重新粘贴完整的表格。";
    /// What: (two years of one body) this year's 上年结转 ≠ last year's 结转下年度, in a column.
    /// Why: applications carried out of one year are the ones carried into the next.
    /// Fix: make 上年结转 equal last year's 结转下年度 (or explain the difference).
    X001 "carry-over-continuity" Warning "上年结转与上年报告不衔接" "Carry-over does not continue"
        "检查：（同一机关相邻两年）本年“上年结转”不等于上一年报告的“结转下年度继续办理”。\n为何：上一年结转出去的申请就是本年结转进来的申请。\n怎么改：使二者一致，或说明原因。";
    /// What: (two years of one body) every table value is identical to last year's.
    /// Why: identical tables usually mean last year's report was copied.
    /// Fix: fill in this year's figures.
    X002 "tables-repeated" Warning "表格数据与上年完全相同" "Tables repeated from last year"
        "检查：（同一机关相邻两年）表格数据与上一年完全相同。\n为何：完全相同通常是照抄了上一年的报告。\n怎么改：填写本年度的数据。";
    /// What: (two years of one body) most of the narrative is copied from last year's report.
    /// Why: a copied narrative does not report this year's work.
    /// Fix: rewrite the sections about this year's work.
    X003 "text-repeated" Warning "正文大段照抄上年" "Text repeated from last year"
        "检查：（同一机关相邻两年）正文大部分与上一年报告相同。\n为何：照抄的正文不能反映本年度工作。\n怎么改：根据本年度工作重新撰写。";
    /// What: bytes that are not valid UTF-8 were replaced (the finding says how many), or the encoding changes midway.
    /// Why: a replaced byte is a lost character, perhaps a digit; nianbao says where instead of guessing silently.
    /// Fix: save the report again as UTF-8 from the original document and check the text shown.
    I001 "encoding-repaired" Info "文件编码有误" "Encoding repaired"
        "检查：有字节不是有效的 UTF-8 而被替换，或文件编码中途改变。\n为何：被替换的字节就是丢失的字符，可能是数字。\n怎么改：从原始文档重新另存为 UTF-8，并核对所指位置的文字。";
}

/// The catalog as Markdown, for the README (generated, never written by hand).
pub fn markdown() -> String {
    let mut s = String::from("| code | name | severity | 检查内容 | what it checks |\n|---|---|---|---|---|\n");
    for r in RULES {
        s.push_str(&format!(
            "| [{}](#{}) | {} | {} | {} | {} |\n",
            r.code,
            r.code.to_lowercase(),
            r.name,
            r.severity.key(),
            r.title_zh,
            r.title_en
        ));
    }
    for r in RULES {
        s.push_str(&format!("\n#### {}\n\n**{} · {}** ({})\n\n", r.code, r.title_zh, r.title_en, r.severity.key()));
        for line in r.doc_zh.lines() {
            s.push_str(&format!("- {line}\n"));
        }
        s.push('\n');
        for line in r.doc.lines() {
            s.push_str(&format!("- {}\n", line.trim()));
        }
    }
    s
}

pub fn rule(code: &str) -> Option<&'static Rule> {
    RULES.iter().find(|r| r.code == code)
}

/// What the checks read, and where they write.
pub struct Ctx<'a> {
    pub src: &'a Source,
    pub report: &'a Report,
    /// The whole text folded and without spacing, from the parser.
    pub doc: &'a crate::compact::Compact,
    /// Last year's report of the same body, summarised (for X001–X003).
    pub previous: Option<&'a crate::summary::Years>,
    out: Vec<Diagnostic>,
    counts: Vec<(&'static str, usize, usize, Span)>,
}

/// Findings of one rule listed for one report; more are counted in one last
/// finding. No real report comes near; a hostile paste would otherwise hold
/// millions of findings in memory.
pub const MAX_PER_RULE: usize = 2000;

impl<'a> Ctx<'a> {
    // Called from a hundred places: kept out of line, the browser bundle stays small.
    #[inline(never)]
    pub fn emit(&mut self, code: &'static str, span: Span, msg: Message, cell: Option<CellRef>, fix: Option<String>) {
        let severity = rule(code).map(|r| r.severity).unwrap_or(Severity::Warning);
        // Per rule: (code, findings listed, findings past the limit, where the first of those was).
        let k = match self.counts.iter().position(|e| e.0 == code) {
            Some(k) => k,
            None => {
                self.counts.push((code, 0, 0, span));
                self.counts.len() - 1
            }
        };
        let e = &mut self.counts[k];
        if e.1 >= MAX_PER_RULE {
            if e.2 == 0 {
                e.3 = span;
            }
            e.2 += 1;
            return;
        }
        e.1 += 1;
        let message = msg.zh();
        self.out.push(Diagnostic { code, severity, message, msg, span, cell, fix });
    }
    /// The report's year, when known.
    pub fn year(&self) -> Option<i32> {
        self.report.year.as_ref().map(|y| y.value)
    }
}

#[inline(never)]
pub fn cell(table: TableId, row: &'static str, column: Option<&'static str>) -> Option<CellRef> {
    Some(CellRef { table, row: Some(row), column })
}

/// Formats a number as it would be written in a report.
#[inline(never)]
pub fn num(v: f64) -> String {
    crate::json::format_number(v)
}

pub use cross_year::findings as cross_year_findings;

/// Where a finding sorts in a report's list: by position, the most severe first.
pub fn order(d: &Diagnostic) -> u64 {
    let rank = match d.severity {
        Severity::Error => 0u64,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    (d.span.start as u64) << 2 | rank
}

/// A report's findings with findings made later (the cross-year ones, once a
/// batch is paired), in the order `run` gives when it makes them all: later
/// findings after earlier ones of the same place and severity.
pub fn merge(found: Vec<Diagnostic>, mut later: Vec<Diagnostic>) -> Vec<Diagnostic> {
    later.sort_by_key(order);
    let mut out = Vec::with_capacity(found.len() + later.len());
    let mut later = later.into_iter().peekable();
    for d in found {
        while let Some(l) = later.next_if(|l| order(l) < order(&d)) {
            out.push(l);
        }
        out.push(d);
    }
    out.extend(later);
    out
}

/// Runs every rule over a parsed report; findings sorted by position.
pub fn run(
    src: &Source,
    parsed: &crate::parse::Parsed,
    previous: Option<&crate::summary::Years>,
    notes: Vec<InputNote>,
) -> Vec<Diagnostic> {
    let mut ctx = Ctx { src, report: &parsed.report, doc: &parsed.doc, previous, out: Vec::new(), counts: Vec::new() };
    input::check(&mut ctx, notes);
    structure::check(&mut ctx);
    template_rules::check(&mut ctx);
    arithmetic::check(&mut ctx);
    narrative::check(&mut ctx);
    contact::check(&mut ctx);
    hygiene::check(&mut ctx);
    for (code, _, n, span) in std::mem::take(&mut ctx.counts).into_iter().filter(|e| e.2 > 0) {
        let severity = rule(code).map(|r| r.severity).unwrap_or(Severity::Warning);
        let msg = crate::msg!(messages::MORE, n, Arg::text(code));
        let message = msg.zh();
        ctx.out.push(Diagnostic { code, severity, message, msg, span, cell: None, fix: None });
    }
    // Last, so that a batch that pairs reports after checking them (`merge`)
    // puts these findings where this order does.
    cross_year::check(&mut ctx);
    // By position, the most severe first, then in the order found. Sorting
    // packed u64 keys reuses the one sort the parser already carries (the
    // browser bundle has a size budget).
    let out = ctx.out;
    let rank = |s: Severity| match s {
        Severity::Error => 0u64,
        Severity::Warning => 1,
        Severity::Info => 2,
    };
    let mut keys: Vec<u64> =
        out.iter().enumerate().map(|(i, d)| (d.span.start as u64) << 24 | rank(d.severity) << 22 | (i as u64).min((1 << 22) - 1)).collect();
    keys.sort_unstable();
    let mut slots: Vec<Option<Diagnostic>> = out.into_iter().map(Some).collect();
    let mut sorted = Vec::with_capacity(slots.len());
    for k in keys {
        let i = (k & ((1 << 22) - 1)) as usize;
        if let Some(d) = slots.get_mut(i).and_then(Option::take) {
            sorted.push(d);
        }
    }
    // More findings than the key can number keep their relative order at the end.
    sorted.extend(slots.into_iter().flatten());
    sorted
}
