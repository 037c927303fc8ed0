/// Per-document rules: present, decodable, the right kind, legible, and —
/// for a black-and-white copy of the licence or ID card — sealed.
struct DocumentRules {
    let policy: CheckPolicy

    /// Reasons for one slot, and whether its document can feed the cross-checks.
    func check(_ slot: DocumentSlot, _ outcome: DocumentOutcome) -> (reasons: [Reason], usable: Bool) {
        switch outcome {
        case .missing(let name):
            let detail = name.map { ReasonDetail("找不到文件 \($0)", "the file \($0) is not in the application") }
            return ([Reason(.documentMissing, document: slot, expected: name, detail: detail)], false)
        case .unreadable(_, let error):
            return ([Reason(.documentUnreadable, document: slot, detail: ReasonDetail(error.message, error.message))], false)
        case .failed(_, let message):
            return ([Reason.uncertain(slot, field: nil, reading: nil, detail: ReasonDetail("处理失败：\(message)", "processing failed: \(message)"))], false)
        case .read(_, let reading):
            return check(slot, reading)
        }
    }

    func check(_ slot: DocumentSlot, _ reading: DocumentReading) -> (reasons: [Reason], usable: Bool) {
        if let problem = qualityProblem(reading.quality) {
            return ([Reason(.imageQualityPoor, document: slot, detail: problem)], false)
        }
        let kind = reading.detectedType
        if kind == .unknown || reading.classificationScore < policy.minClassificationScore {
            let detail = ReasonDetail("无法判断是何种材料", "could not tell which document this is")
            return ([Reason.uncertain(slot, field: nil, reading: nil, detail: detail)], false)
        }
        if kind.slot != slot {
            return ([Reason(.documentTypeWrong, document: slot, expected: slot.rawValue, found: kind.rawValue,
                            detail: ReasonDetail("此栏需要\(slot.chineseName)，上传的是\(kind.chineseName)",
                                                 "this slot needs the \(slot.englishName); the file is the \(kind.englishName)"))], false)
        }
        var reasons: [Reason] = []
        if slot.acceptsSealedCopy, !reading.seals.contains(where: policy.isStampedSeal) {
            if reading.isBlackAndWhiteCopy {
                reasons.append(Reason(.copySealMissing, document: slot))
            } else if !reading.quality.showsPrintedColour {
                // Neither grey nor clearly coloured ink (or too little to
                // tell): a copy without the company's seal must not pass.
                let detail = reading.quality.isUnderAmbientLight
                    ? ReasonDetail("照片无法判断是否为黑白复印件（复印件须加盖公章）",
                                   "a photo cannot show whether this is a black-and-white copy (which needs the company seal)")
                    : ReasonDetail("无法判断是否为黑白复印件（复印件须加盖公章）",
                                   "could not tell whether this is a black-and-white copy (which needs the company seal)")
                reasons.append(Reason(.fieldUncertain, document: slot, detail: detail))
            }
        }
        return (reasons, true)
    }

    /// Why a page is too poor to read, if it is.
    func qualityProblem(_ quality: QualityMeasures) -> ReasonDetail? {
        if quality.sharpness < policy.minSharpness {
            return ReasonDetail("图像模糊", "the image is blurred")
        }
        if quality.estimatedDPI < policy.minDPI {
            return ReasonDetail("分辨率过低", "the resolution is too low")
        }
        if quality.brightness < policy.minBrightness { return ReasonDetail("图像过暗", "the image is too dark") }
        if quality.brightness > policy.maxBrightness { return ReasonDetail("图像过亮", "the image is washed out") }
        return nil
    }
}

/// What became of one slot's upload.
enum DocumentOutcome {
    /// No file: the form names none (`nil`) or the named one is absent.
    case missing(String?)
    case unreadable(String, IntakeError)
    /// Decoded but a later stage failed (not expected; kept for review).
    case failed(String, String)
    case read(String, DocumentReading)
}

extension DocumentSlot {
    var chineseName: String {
        switch self {
        case .businessLicense: "营业执照"
        case .idCardFront: "身份证人像面"
        case .idCardBack: "身份证国徽面"
        case .authorizationLetter: "法人授权委托书"
        }
    }
    var englishName: String {
        switch self {
        case .businessLicense: "business licence"
        case .idCardFront: "ID card front (photo side)"
        case .idCardBack: "ID card back (emblem side)"
        case .authorizationLetter: "authorization letter"
        }
    }
}

extension DocumentKind {
    var chineseName: String {
        switch self {
        case .creditCodeCertificate: "统一社会信用代码证"
        case .unknown: "无法识别的材料"
        default: slot!.chineseName
        }
    }
    var englishName: String {
        switch self {
        case .creditCodeCertificate: "credit code certificate"
        case .unknown: "an unrecognised document"
        default: slot!.englishName
        }
    }
}
