import Precheck

/// A registration authority: a county-level market-regulation bureau
/// (市场监督管理局) of a real GB/T 2260 division.
public struct Authority: Sendable, Equatable, Codable {
    public var divisionCode: String
    /// Province, city, district as the form's `registrationRegion` gives them.
    public var region: [String]
    /// e.g. 杭州市拱墅区市场监督管理局
    public var name: String
    /// Public-security bureau issuing ID cards there, e.g. 杭州市公安局拱墅分局.
    public var policeName: String
}

/// Draws authorities, people, organisations and codes.
public struct IdentityFactory: Sendable {
    let counties: [Division]

    public init(divisions: AdministrativeDivisions = .shared) {
        // Counties of provinces and autonomous regions with a prefecture
        // (municipalities and provincial-level county units are left out for
        // a clean three-level region).
        counties = divisions.countiesInUse.filter { division in
            guard let prefecture = division.prefecture, !division.name.isEmpty else { return false }
            return !prefecture.hasSuffix("直辖") && !division.province.hasSuffix("市") && division.code.prefix(2) != "71"
                && !division.name.contains("行政") && !prefecture.contains("行政")
        }
    }

    /// The authority of a county division.
    public func authority(for county: Division) -> Authority {
        let prefecture = county.prefecture ?? ""
        let isDistrict = county.name.hasSuffix("区")
        let name = (isDistrict ? prefecture + county.name : county.name) + "市场监督管理局"
        let shortName = county.name.count > 2 && (county.name.hasSuffix("区") || county.name.hasSuffix("县")) ? String(county.name.dropLast()) : county.name
        let police = isDistrict ? "\(prefecture)公安局\(shortName)分局" : "\(county.name)公安局"
        return Authority(divisionCode: county.code, region: [county.province, prefecture, county.name], name: name, policeName: police)
    }

    public func randomAuthority(random: inout SeededRandom) -> Authority {
        authority(for: counties.randomElement(using: &random)!)
    }

    /// The authority of another county of the same city (the "neighbouring
    /// district" defect), or of another city when the city has one county.
    public func neighbour(of authority: Authority, random: inout SeededRandom) -> Authority {
        let sameCity = counties.filter { $0.prefecture == authority.region[1] && $0.code != authority.divisionCode }
        let pool = sameCity.isEmpty ? counties.filter { $0.code != authority.divisionCode } : sameCity
        return self.authority(for: pool.randomElement(using: &random)!)
    }

    public func personName(random: inout SeededRandom) -> String {
        let surname = String(ContentPools.surnames.randomElement(using: &random)!)
        let length = random.chance(0.7) ? 2 : 1
        let given = (0..<length).map { _ in String(ContentPools.givenNameCharacters.randomElement(using: &random)!) }.joined()
        return surname + given
    }

    /// A valid credit code registered at `authority`: `91…` for a company, `92…` for an individual business.
    public func creditCode(at authority: Authority, individual: Bool, random: inout SeededRandom) -> String {
        let body = "MA" + String((0..<7).map { _ in CreditCode.alphabet.randomElement(using: &random)! })
        let prefix = (individual ? "92" : "91") + authority.divisionCode + body
        return prefix + String(CreditCode.checkCharacter(for: prefix)!)
    }

    /// A valid ID number for someone born on `birth` in `county`.
    public func idNumber(county: String, birth: CalendarDate, male: Bool, random: inout SeededRandom) -> String {
        let sequence = Int.random(in: 0..<50, using: &random) * 2 + (male ? 1 : 0) + Int.random(in: 0..<5, using: &random) * 100
        let prefix = county + birth.iso.replacingOccurrences(of: "-", with: "") + String(format: "%03d", sequence % 1000)
        return prefix + String(ResidentIDNumber.checkCharacter(for: prefix)!)
    }

    public func companyName(city: String, individual: Bool, district: String, random: inout SeededRandom) -> String {
        let trade = ContentPools.tradeNames.randomElement(using: &random)!
        let cityShort = city.hasSuffix("市") ? String(city.dropLast()) : city
        if individual {
            return "\(cityShort)\(district)\(trade)\(ContentPools.shopKinds.randomElement(using: &random)!)"
        }
        return "\(cityShort)\(trade)\(ContentPools.industries.randomElement(using: &random)!)\(ContentPools.companySuffixes.randomElement(using: &random)!)"
    }

    public func address(in authority: Authority, random: inout SeededRandom) -> String {
        let street = ContentPools.streets.randomElement(using: &random)!
        let number = Int.random(in: 1...999, using: &random)
        let suffix = random.chance(0.4) ? "\(Int.random(in: 1...20, using: &random))幢\(Int.random(in: 101...1808, using: &random))室" : ""
        return "\(authority.region[0])\(authority.region[1])\(authority.region[2])\(street)\(number)号\(suffix)"
    }

    /// A home address for an ID card (province, city, county, village or street).
    public func homeAddress(random: inout SeededRandom) -> (address: String, county: String) {
        let county = counties.randomElement(using: &random)!
        let place = random.chance(0.5)
            ? "\(ContentPools.villages.randomElement(using: &random)!)\(Int.random(in: 1...60, using: &random))号"
            : "\(ContentPools.streets.randomElement(using: &random)!)\(Int.random(in: 1...300, using: &random))号"
        return ("\(county.province)\(county.prefecture ?? "")\(county.name)\(place)", county.code)
    }

    public func businessScope(random: inout SeededRandom) -> String {
        let phrases = ContentPools.scopePhrases.shuffled(using: &random).prefix(Int.random(in: 3...7, using: &random))
        return phrases.joined(separator: "；") + "。"
    }
}
