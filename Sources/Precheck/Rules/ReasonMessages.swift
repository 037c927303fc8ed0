/// The standard message of each reason code: what is wrong and what the
/// applicant should do about it.
enum ReasonMessages {
    static func text(for code: ReasonCode) -> (chinese: String, english: String) {
        switch code {
        case .documentMissing:
            ("缺少必需的材料，请上传", "A required document is missing; please upload it")
        case .documentUnreadable:
            ("文件无法打开（损坏、为空、格式不支持或过大），请重新上传 JPG/PNG/PDF 扫描件",
             "The file cannot be opened (corrupt, empty, unsupported or too large); please upload a JPG, PNG or PDF scan again")
        case .documentTypeWrong:
            ("上传的材料与栏目不符，请在此栏上传正确的材料", "The file is a different document than this slot asks for; please upload the right document here")
        case .imageQualityPoor:
            ("图片不清晰（模糊、过小、过暗、反光或不完整），请重新清晰扫描", "The image is not legible (blurred, too small, too dark, glare or cut off); please scan it again clearly")
        case .copySealMissing:
            ("黑白复印件须加盖单位公章，请盖章后重新上传", "A black-and-white copy must carry the company seal; please stamp it and upload again")
        case .formFieldInvalid:
            ("申请表填写有误，请更正", "A form field is empty or malformed; please correct it")
        case .formCreditCodeInvalid:
            ("填写的统一社会信用代码不符合 GB 32100-2015（位数、字符或校验位错误），请核对营业执照",
             "The credit code on the form is not a valid GB 32100-2015 code (length, characters or check character); please copy it from the licence")
        case .formIDNumberInvalid:
            ("填写的身份证号码不符合 GB 11643-1999（地区、出生日期或校验位错误），请核对身份证",
             "The ID number on the form is not a valid GB 11643-1999 number (region, birth date or check digit); please copy it from the ID card")
        case .companyNameMismatch:
            ("单位名称与营业执照不一致，请按营业执照逐字填写", "The organisation name differs from the business licence; please enter it exactly as on the licence")
        case .creditCodeMismatch:
            ("统一社会信用代码与营业执照不一致，请按营业执照填写", "The credit code differs from the business licence; please enter it as on the licence")
        case .registrationAuthorityMismatch:
            ("登记机关与营业执照上的登记机关（公章）不一致，请按执照公章逐字填写",
             "The registration authority differs from the authority on the licence's seal; please enter it exactly as on the seal")
        case .registrationRegionMismatch:
            ("登记机关所在地与登记机关不符，请选择登记机关所在的省、市、区县",
             "The registration region does not fit the registration authority; please choose the province, city and district of the authority")
        case .organizationKindMismatch:
            ("单位类型（法人单位/个体工商户）与营业执照不一致", "The organisation kind (legal entity or individual business) differs from the licence")
        case .applicantNameMismatch:
            ("申领人姓名与身份证不一致", "The applicant's name differs from the ID card")
        case .applicantIDMismatch:
            ("申领人身份证号码与身份证不一致", "The applicant's ID number differs from the ID card")
        case .idCardExpired:
            ("身份证已过有效期，请使用有效证件", "The ID card had expired on the submission date; please use a valid card")
        case .letterCompanyMismatch:
            ("授权委托书中的委托单位与营业执照名称不一致", "The company named in the authorization letter differs from the licence")
        case .letterAgentMismatch:
            ("授权委托书中的代理人与申领人不一致", "The agent named in the authorization letter is not the applicant")
        case .letterTermTooShort:
            ("授权委托书的有效期须在提交之日起至少一个月后结束", "The authorization letter's term must end at least one month after submission")
        case .letterSealMissing:
            ("授权委托书未加盖单位公章", "The authorization letter carries no company seal")
        case .letterSealOutsideBox:
            ("单位公章须盖在授权委托书的虚线框内", "The company seal must sit inside the dashed box of the authorization letter")
        case .sealNameMismatch:
            ("公章上的单位名称与申请单位不一致", "The company seal names another organisation")
        case .fieldUncertain:
            ("无法可靠识别，转人工审核", "Could not be read reliably; sent to manual review")
        }
    }
}
