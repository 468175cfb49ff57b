import Foundation
import Workforce

/// Two output folders side by side: the run's figures, cost against budget by sector, and who
/// works differently (`roster compare`).
public struct RunComparison: Sendable {
    /// One compared figure; `nil` where a run does not give it.
    public struct Line: Sendable, Equatable {
        public var section: String
        public var key: String
        public var a: String?
        public var b: String?

        /// B − A when both are numbers.
        public var difference: Double? {
            guard let a = a.flatMap(PlainNumber.parse), let b = b.flatMap(PlainNumber.parse) else { return nil }
            return b - a
        }
    }

    public var lines: [Line] = []
    /// Dates worked differently by each person who changed (a shift, its locality, or work or not).
    public var changes: [(staffID: String, dates: Int)] = []

    /// The summary keys compared, in order.
    static let summaryKeys = [
        "status", "objective", "best_bound", "gap", "total_cost", "pay_cost", "agency_cost", "unmet_hours",
        "agency_hours", "shifts_worked", "red_rows", "amber_rows",
    ]

    /// Reads both folders.
    /// - Throws: ``CaseError`` for a folder without summary.csv or with malformed files.
    public init(_ a: URL, _ b: URL) throws(CaseError) {
        let summaries = (
            try Self.keyed(a, "summary.csv", "key", "value"), try Self.keyed(b, "summary.csv", "key", "value")
        )
        for key in Self.summaryKeys {
            lines.append(Line(section: "run", key: key, a: summaries.0[key], b: summaries.1[key]))
        }
        let sectors = (try Self.sectors(a), try Self.sectors(b))
        var ids = sectors.0.map(\.id)
        for (id, _) in sectors.1 where !ids.contains(id) { ids.append(id) }
        let byID = (
            Dictionary(sectors.0, uniquingKeysWith: { x, _ in x }),
            Dictionary(sectors.1, uniquingKeysWith: { x, _ in x })
        )
        for id in ids {
            for column in ["total_cost", "budget", "variance", "unmet_hours"] {
                lines.append(Line(section: "sector \(id)", key: column, a: byID.0[id]?[column], b: byID.1[id]?[column]))
            }
        }
        let rosters = (try Self.roster(a), try Self.roster(b))
        guard let first = rosters.0, let second = rosters.1 else { return }
        var count: [String: Int] = [:]
        for key in Set(first.keys).union(second.keys) where first[key] != second[key] {
            count[key.staffID, default: 0] += 1
        }
        changes = count.map { ($0.key, $0.value) }.sorted { ($1.dates, $0.staffID) < ($0.dates, $1.staffID) }
        lines.append(Line(section: "changes", key: "people_changed", a: nil, b: String(changes.count)))
        lines.append(
            Line(section: "changes", key: "dates_changed", a: nil, b: String(changes.map(\.dates).reduce(0, +))))
    }

    /// `key -> value` of a two-column file.
    private static func keyed(
        _ folder: URL, _ file: String, _ key: String, _ value: String
    ) throws(CaseError)
        -> [String: String]
    {
        var values: [String: String] = [:]
        for (_, cells) in try CSVFile.rows(folder: folder, file: file, required: [key, value]) {
            if let k = cells[key], values[k] == nil { values[k] = cells[value] ?? "" }
        }
        return values
    }

    private static func sectors(_ folder: URL) throws(CaseError) -> [(id: String, cells: [String: String])] {
        guard CaseSource.folder(folder).has("sector_summary.csv") else { return [] }
        return try CSVFile.rows(folder: folder, file: "sector_summary.csv", required: ["sector_id"]).map {
            ($0.cells["sector_id"] ?? "", $0.cells)
        }
    }

    private struct PersonDate: Hashable {
        var staffID: String
        var date: String
    }

    /// Shift and locality by person and date; `nil` without roster.csv (a run without a roster).
    private static func roster(_ folder: URL) throws(CaseError) -> [PersonDate: String]? {
        guard CaseSource.folder(folder).has("roster.csv") else { return nil }
        var worked: [PersonDate: String] = [:]
        for (_, cells) in try CSVFile.rows(
            folder: folder, file: "roster.csv", required: ["staff_id", "date", "shift_id", "locality_id"],
            optional: ["start", "end", "paid_hours", "travel_minutes"])
        {
            let key = PersonDate(staffID: cells["staff_id"] ?? "", date: cells["date"] ?? "")
            worked[key] =
                (worked[key].map { $0 + "+" } ?? "") + "\(cells["shift_id"] ?? "")@\(cells["locality_id"] ?? "")"
        }
        return worked
    }

    /// The comparison as CSV rows: `section,key,a,b,difference`, then `person,<id>,,<dates changed>,`.
    public var rows: [[String]] {
        [["section", "key", "a", "b", "difference"]]
            + lines.map { [$0.section, $0.key, $0.a ?? "", $0.b ?? "", $0.difference.map(Outputs.hours) ?? ""] }
            + changes.map { ["person", $0.staffID, "", String($0.dates), ""] }
    }
}
