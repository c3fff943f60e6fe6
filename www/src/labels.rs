//! The 2021 template's labels in English, for the tables view. The core keeps
//! the official Chinese labels (they are what reports print); an unknown
//! label (the 2019 format's) is shown as printed.

pub fn en(zh: &'static str) -> &'static str {
    match zh {
        "规章" => "Regulations",
        "行政规范性文件" => "Normative documents",
        "行政许可" => "Administrative licensing",
        "行政处罚" => "Administrative penalties",
        "行政强制" => "Administrative coercion",
        "行政事业性收费" => "Administrative fees",
        "本年制发件数" => "Issued this year",
        "本年废止件数" => "Repealed this year",
        "现行有效件数" => "In force",
        "本年处理决定数量" => "Decisions this year",
        "本年收费金额（单位：万元）" => "Fees this year (10,000 yuan)",
        "第二十条第（一）项" => "Article 20 (1)",
        "第二十条第（五）项" => "Article 20 (5)",
        "第二十条第（六）项" => "Article 20 (6)",
        "第二十条第（八）项" => "Article 20 (8)",
        "自然人" => "Natural persons",
        "商业企业" => "Businesses",
        "科研机构" => "Research institutions",
        "社会公益组织" => "Public-interest organisations",
        "法律服务机构" => "Legal service providers",
        "其他" => "Other",
        "总计" => "Total",
        "一、本年新收政府信息公开申请数量" => "1. Applications received this year",
        "二、上年结转政府信息公开申请数量" => "2. Applications carried over from last year",
        "三、本年度办理结果" => "3. Outcomes this year",
        "（一）予以公开" => "(1) Disclosed",
        "（二）部分公开（区分处理的，只计这一情形，不计其他情形）" => {
            "(2) Partly disclosed (counted here only)"
        }
        "（三）不予公开" => "(3) Withheld",
        "1.属于国家秘密" => "1. State secret",
        "2.其他法律行政法规禁止公开" => "2. Prohibited by other laws and regulations",
        "3.危及“三安全一稳定”" => "3. Endangers security or stability",
        "4.保护第三方合法权益" => "4. Protects a third party's rights",
        "5.属于三类内部事务信息" => "5. Internal affairs",
        "6.属于四类过程性信息" => "6. Process information",
        "7.属于行政执法案卷" => "7. Enforcement files",
        "8.属于行政查询事项" => "8. Administrative query matters",
        "（四）无法提供" => "(4) Cannot be provided",
        "1.本机关不掌握相关政府信息" => "1. Not held by this body",
        "2.没有现成信息需要另行制作" => "2. Would have to be created",
        "3.补正后申请内容仍不明确" => "3. Still unclear after correction",
        "（五）不予处理" => "(5) Not processed",
        "1.信访举报投诉类申请" => "1. Petitions and complaints",
        "2.重复申请" => "2. Repeated applications",
        "3.要求提供公开出版物" => "3. Requests for publications",
        "4.无正当理由大量反复申请" => "4. Mass repeated applications without reason",
        "5.要求行政机关确认或重新出具已获取信息" => "5. Confirmation or reissue of information obtained",
        "（六）其他处理" => "(6) Otherwise handled",
        "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请" => {
            "1. Not corrected in time without reason"
        }
        "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请" => {
            "2. Fee not paid in time"
        }
        "3.其他" => "3. Other",
        "（七）总计" => "(7) Total",
        "四、结转下年度继续办理" => "4. Carried over to next year",
        "结果维持" => "Upheld",
        "结果纠正" => "Corrected",
        "其他结果" => "Other outcome",
        "尚未审结" => "Pending",
        other => other,
    }
}
