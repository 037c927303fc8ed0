import Foundation

/// One GB/T 2260 administrative division, as recorded for one period.
public struct Division: Sendable, Hashable {
    public enum Level: String, Sendable { case province = "省级", prefecture = "地级", county = "县级" }
    public enum Status: String, Sendable { case inUse = "在用", changed = "变更", abolished = "弃用" }

    public let code: String
    public let name: String
    /// Name of the province (一级行政区).
    public let province: String
    /// Name of the prefecture-level city (二级行政区); `nil` for provinces,
    /// prefectures themselves and counties directly under a province or municipality.
    public let prefecture: String?
    public let level: Level
    public let status: Status
    /// Years the code was in use: `since...` up to `until` (exclusive), `nil` = still.
    public let since: Int
    public let until: Int?
    /// Codes that took over when this one was changed or abolished.
    public let successors: [String]
}

/// The GB/T 2260 division table with its history since 1980 (CC0 data from
/// yescallop/areacodes; see `Resources/gb2260/SOURCE.md`).
///
/// Loaded once (~7,000 records, ~5 ms); immutable and `Sendable`.
public final class AdministrativeDivisions: Sendable {
    /// The table shipped with Precheck.
    public static let shared: AdministrativeDivisions = {
        guard let url = Bundle.module.url(forResource: "areacodes_history_1980-2024", withExtension: "csv", subdirectory: "gb2260"),
              let text = try? String(contentsOf: url, encoding: .utf8) else {
            fatalError("Precheck's GB/T 2260 table is missing from the package resources")
        }
        return AdministrativeDivisions(csv: text)
    }()

    private let records: [String: [Division]]
    private let recordsByName: [String: [Division]]

    /// Parses the CSV layout of `areacodes_history_1980-2024.csv`.
    public init(csv: String) {
        var records: [String: [Division]] = [:]
        for line in csv.split(whereSeparator: \.isNewline).dropFirst() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard fields.count >= 9, fields[0].count == 6, let since = Int(fields[6]),
                  let level = Division.Level(rawValue: fields[4]), let status = Division.Status(rawValue: fields[5]) else { continue }
            let second = fields[2]
            let prefecture = (second.isEmpty || second == "直辖" || level != .county) ? nil : second
            let successors = fields[8].split(separator: ";").map { String($0.prefix(6)) }
            let division = Division(code: fields[0], name: fields[3], province: fields[1], prefecture: prefecture,
                                    level: level, status: status, since: since, until: Int(fields[7]), successors: successors)
            records[division.code, default: []].append(division)
        }
        self.records = records
        self.countiesInUse = records.values.compactMap { $0.max { $0.since < $1.since } }
            .filter { $0.level == .county && $0.status == .inUse }
            .sorted { $0.code < $1.code }
        self.countiesNoLongerInUse = records.values.joined().filter { $0.level == .county && $0.status != .inUse }
            .sorted { ($0.code, $0.since) < ($1.code, $1.since) }
        self.recordsByName = Dictionary(grouping: records.values.joined(), by: \.name)
            .mapValues { $0.sorted { ($0.code, $0.since) < ($1.code, $1.since) } }
    }

    /// Every division name ever recorded, sorted.
    var allNames: [String] { recordsByName.keys.sorted() }

    /// Every record (any period) of a division with this exact name, by code.
    public func divisions(named name: String) -> [Division] {
        recordsByName[name] ?? []
    }

    /// The latest record for `code`, or `nil` when the code was never used.
    public func division(_ code: String) -> Division? {
        records[code]?.max { $0.since < $1.since }
    }

    /// The record valid in `year`, if the code was in use then.
    public func division(_ code: String, inYear year: Int) -> Division? {
        records[code]?.first { $0.since <= year && ($0.until.map { year < $0 } ?? true) }
    }

    /// The province of a code that was in use at some time, or `nil`.
    public func province(ofCode code: String) -> String? {
        division(code)?.province
    }

    /// The code now in use for `code`, following renames and merges (the
    /// first successor each time), or `nil` when it leads nowhere.
    public func current(_ code: String) -> Division? {
        var seen: Set<String> = []
        var next = code
        while let division = division(next), seen.insert(next).inserted {
            if division.status == .inUse { return division }
            guard let successor = division.successors.first else { return nil }
            next = successor
        }
        return nil
    }

    /// Every county-level division in use (districts, counties, county-level cities), by code.
    public let countiesInUse: [Division]

    /// Every record of a county-level division that is no longer in use
    /// (renamed, merged or abolished: 杭州市下城区 until 2021), by code.
    let countiesNoLongerInUse: [Division]
}
