/// Fixed, fictitious content used by tests and benchmarks when a whole
/// generated application is not needed.
public enum SampleContent {
    /// A legal-entity licence with a valid credit code (GB 32100-2015).
    public static let license = LicenseContent(
        creditCode: "91330105MA2CFX8N59",
        name: "杭州云溪物业管理有限公司",
        organizationType: "有限责任公司(自然人投资或控股)",
        legalRepresentative: "王明",
        registeredCapital: "伍佰万元整",
        establishedOn: "2016-07-18",
        termEnd: nil,
        address: "浙江省杭州市拱墅区和睦路218号",
        businessScope: "物业管理；停车场服务；家政服务；园林绿化工程施工；建筑物清洁服务；会议及展览服务。",
        registrationAuthority: "杭州市拱墅区市场监督管理局",
        issuedOn: "2021-06-17",
        isIndividualBusiness: false)
}
