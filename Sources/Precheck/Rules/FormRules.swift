/// Checks the form on its own: required fields present and well formed
/// (reasons `FORM_FIELD_INVALID`, `FORM_CREDIT_CODE_INVALID`,
/// `FORM_ID_NUMBER_INVALID`).
struct FormRules {
    let form: ApplicationForm
    let today: CalendarDate

    func reasons() -> [Reason] {
        var reasons: [Reason] = []
        func invalid(_ field: String, _ value: String?, _ detail: ReasonDetail) {
            reasons.append(Reason(.formFieldInvalid, document: nil, field: field, found: value, detail: detail))
        }
        let organization = form.organization, applicant = form.applicant
        if organization.name.isBlank { invalid("organization.name", organization.name, .required("单位名称", "organisation name")) }
        if !["legal-entity", "individual-business"].contains(organization.kind ?? "") {
            invalid("organization.kind", organization.kind, ReasonDetail("单位类型须为 legal-entity 或 individual-business",
                                                                         "kind must be legal-entity or individual-business"))
        }
        if !["business-license", "credit-code-certificate"].contains(organization.certificateType ?? "") {
            invalid("organization.certificateType", organization.certificateType,
                    ReasonDetail("证件类型须为 business-license 或 credit-code-certificate",
                                 "certificateType must be business-license or credit-code-certificate"))
        }
        if organization.creditCode.isBlank {
            invalid("organization.creditCode", organization.creditCode, .required("统一社会信用代码", "credit code"))
        } else {
            do { _ = try CreditCode.validate(organization.creditCode!) } catch {
                reasons.append(Reason(.formCreditCodeInvalid, document: nil, field: "organization.creditCode",
                                      found: organization.creditCode, detail: error.detail))
            }
        }
        if organization.registrationAuthority.isBlank {
            invalid("organization.registrationAuthority", organization.registrationAuthority, .required("登记机关", "registration authority"))
        }
        let region = organization.registrationRegion ?? []
        if RegionResolver().divisions(forRegion: region).isEmpty {
            invalid("organization.registrationRegion", region.joined(separator: " "),
                    ReasonDetail("登记机关所在地须为有效的省、市、区县", "the region must name a real province, city and district"))
        }
        if applicant.name.isBlank { invalid("applicant.name", applicant.name, .required("申领人姓名", "applicant name")) }
        if applicant.idNumber.isBlank {
            invalid("applicant.idNumber", nil, .required("身份证号码", "ID number"))
        } else {
            do { _ = try ResidentIDNumber.validate(applicant.idNumber!, today: today.date) } catch {
                reasons.append(Reason(.formIDNumberInvalid, document: nil, field: "applicant.idNumber",
                                      found: applicant.idNumber, detail: error.detail))
            }
        }
        if !ContactValidation.isMobile(applicant.mobile ?? "") {
            invalid("applicant.mobile", applicant.mobile.map(PersonalData.maskedPhone),
                    ReasonDetail("手机号码须为 11 位中国大陆手机号", "the mobile number must be an 11-digit mainland number"))
        }
        if !ContactValidation.isEmail(applicant.email ?? "") {
            invalid("applicant.email", applicant.email, ReasonDetail("电子邮箱格式不正确", "the e-mail address is malformed"))
        }
        if (form.quantity ?? 0) < 1 {
            invalid("quantity", form.quantity.map(String.init), ReasonDetail("申领数量须至少为 1", "the quantity must be at least 1"))
        }
        if let submitted = form.submittedAt, CalendarDate(iso: submitted) == nil {
            invalid("submittedAt", submitted, ReasonDetail("提交日期须为 YYYY-MM-DD", "submittedAt must be a YYYY-MM-DD date"))
        }
        return reasons
    }
}

extension ReasonDetail {
    static func required(_ chinese: String, _ english: String) -> ReasonDetail {
        ReasonDetail("\(chinese)为必填项", "the \(english) is required")
    }
}

extension CreditCode.Problem {
    var detail: ReasonDetail {
        switch self {
        case .length: ReasonDetail("须为 18 位", "it must have 18 characters")
        case .character: ReasonDetail("含有不允许的字符（不使用 I、O、Z、S、V）", "it holds a character outside the code's alphabet (no I, O, Z, S, V)")
        case .registrationDepartment: ReasonDetail("登记管理部门或机构类别代码不存在", "the registering department or category character does not exist")
        case .category: ReasonDetail("机构类别代码与登记管理部门不符", "the category character does not exist for its department")
        case .division: ReasonDetail("行政区划码不存在", "the administrative division code does not exist")
        case .checkCharacter: ReasonDetail("校验位不正确", "the check character is wrong")
        }
    }
}

extension ResidentIDNumber.Problem {
    var detail: ReasonDetail {
        switch self {
        case .length: ReasonDetail("须为 18 位", "it must have 18 characters")
        case .character: ReasonDetail("只能含数字和末位 X", "only digits and a final X are allowed")
        case .checkCharacter: ReasonDetail("校验位不正确", "the check digit is wrong")
        case .region: ReasonDetail("地区码不存在", "the region code does not exist")
        case .birthDate: ReasonDetail("出生日期无效", "the birth date is not a real date")
        }
    }
}

extension Optional where Wrapped == String {
    /// `nil`, empty or only spaces.
    var isBlank: Bool { self?.allSatisfy(\.isWhitespace) ?? true }
}
