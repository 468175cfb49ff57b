import Foundation
import Workforce

/// A roster (read back from an output folder, the tool's or one made by hand) evaluated against its
/// case and its red and amber rows explained: what `roster report` and `roster explain` work from.
public struct EvaluatedRoster: Sendable {
    public let roster: Roster
    public let evaluation: Evaluation
    public let shortfalls: [Shortfall]

    /// Evaluates `roster` with the ``Evaluator`` and explains its shortfalls.
    public init(case c: Case, roster: Roster) {
        self.roster = roster
        evaluation = Evaluator(c).evaluate(roster)
        shortfalls = ShortfallExplainer(c, roster: roster, evaluation: evaluation).shortfalls()
    }
}

/// report.html for any output folder: rendered from the folder's files, and written into it so
/// that a folder written by the tool stays whole (``RunIdentity``).
public enum ReportFolder {
    /// The report of the roster read from `folder`, with its summary.csv and changes.csv when present.
    /// - Throws: ``CaseError`` when summary.csv or changes.csv is malformed.
    public static func report(case c: Case, _ read: EvaluatedRoster, folder: URL) throws(CaseError) -> RosterReport {
        let files = CaseSource.folder(folder)
        var summary: [String: String]?
        if files.has("summary.csv") {
            let rows = try CSVFile.rows(folder: folder, file: "summary.csv", required: ["key", "value"])
            summary = Dictionary(rows.map { ($0.cells["key"] ?? "", $0.cells["value"] ?? "") }) { a, _ in a }
        }
        var changes: [[String: String]]?
        if files.has("changes.csv") {
            changes = try CSVFile.rows(
                folder: folder, file: "changes.csv", required: ["staff_id", "date", "before", "after"],
                optional: ["why"]
            ).map(\.cells)
        }
        return RosterReport(
            case: c, roster: read.roster, evaluation: read.evaluation, shortfalls: read.shortfalls, summary: summary,
            changes: changes)
    }

    /// Writes `html` as `folder`/report.html through ``OutputCommit``. When the folder's summary.csv
    /// lists the checksums of its files (a folder written by the tool), it is rewritten in the same
    /// commit with report.html's checksum, so `roster check` still takes the folder as one run (the
    /// run id stays the same when the report is unchanged).
    /// - Throws: ``OutputCommit/Failure`` when the files cannot be written; the folder is then unchanged.
    public static func write(_ html: String, to folder: URL) throws {
        let report = (name: "report.html", bytes: Data(html.utf8))
        var files = [report]
        if let rows = try? CSVFile.rows(folder: folder, file: "summary.csv", required: ["key", "value"]) {
            var kept: [[String]] = [["key", "value"]]
            var listed: [(name: String, bytes: Data)] = []
            for (_, cells) in rows {
                let key = cells["key"] ?? ""
                if key.hasPrefix(RunIdentity.checksumPrefix) {
                    let name = String(key.dropFirst(RunIdentity.checksumPrefix.count))
                    let path = folder.appendingPathComponent(name).path
                    listed.append(
                        name == report.name ? report : (name, FileManager.default.contents(atPath: path) ?? Data()))
                } else if key != RunIdentity.runKey {
                    kept.append([key, cells["value"] ?? ""])
                }
            }
            if !listed.isEmpty {
                if !listed.contains(where: { $0.name == report.name }) { listed.append(report) }
                // A folder written with --bom keeps its byte-order mark.
                let marked =
                    FileManager.default.contents(atPath: folder.appendingPathComponent("summary.csv").path)?
                    .starts(with: [0xEF, 0xBB, 0xBF]) ?? false
                files.append(
                    ("summary.csv", try CSVFolder.render(kept + RunIdentity.rows(for: listed), byteOrderMark: marked)))
            }
        }
        try OutputCommit.commit(files, to: folder, removing: [])
    }
}
