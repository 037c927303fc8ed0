/// Character sets that constrain re-reading a field's value region.
enum ValueCharacterSets {
    /// Dates in every printed form, with the words around validity terms.
    static let date = "0123456789年月日.-－—至自止长期"
    static let sex = "男女"
    /// The 56 ethnic groups' names as printed on ID cards.
    static let ethnicGroups = ["汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜", "满", "侗", "瑶", "白", "土家",
                               "哈尼", "哈萨克", "傣", "黎", "傈僳", "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜",
                               "土", "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米", "塔吉克", "怒",
                               "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔", "独龙", "鄂伦春", "赫哲",
                               "门巴", "珞巴", "基诺"]
    static let ethnicity = String(Set(ethnicGroups.joined()))
}
