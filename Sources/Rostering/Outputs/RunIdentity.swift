import CZlib
import Foundation
import Workforce

/// Ties the output files of one run together: summary.csv lists the CRC-32 of every other file it
/// was written with (`checksum:roster.csv`, ...) and a `run_id` made from them, so that a folder
/// whose files come from different runs (or were edited since) is recognised.
public enum RunIdentity {
    static let runKey = "run_id"
    static let checksumPrefix = "checksum:"
    /// The workbook, whose Summary sheet shows the run id: its checksum is listed, but the id is made
    /// without it.
    static let workbook = "roster.xlsx"

    /// The summary rows for `files` (name, bytes): the run id, made from the checksums of all but the
    /// workbook, then one checksum per file.
    static func rows(for files: [(name: String, bytes: Data)]) -> [[String]] {
        let checksums = files.map { [checksumPrefix + $0.name, checksum($0.bytes)] }
        let named = checksums.filter { $0[0] != checksumPrefix + workbook }
        let id = checksum(Data(named.map { $0.joined(separator: "=") }.joined(separator: "\n").utf8)).prefix(8)
        return [[runKey, String(id)]] + checksums
    }

    /// The CRC-32 of `bytes` with their length, e.g. `1c291ca3-2048`.
    static func checksum(_ bytes: Data) -> String {
        let crc = bytes.withUnsafeBytes { buffer -> UInt in
            // zlib's crc32 takes at most 4 GiB per call; output files are far smaller.
            UInt(crc32(0, buffer.bindMemory(to: Bytef.self).baseAddress, uInt(buffer.count)))
        }
        return String(format: "%08x-%d", crc, bytes.count)
    }

    /// Errors when the folder's output files are not the ones its summary.csv was written with: a
    /// listed file that is missing or changed, or an output file the run did not write. A folder
    /// without summary.csv, or whose summary lists no checksums (a hand-made roster), passes.
    public static func verify(_ folder: URL) -> [CaseIssue] {
        guard let rows = try? CSVFile.rows(folder: folder, file: "summary.csv", required: ["key", "value"]) else {
            return []
        }
        var listed: [String: (line: Int, checksum: String)] = [:]
        for (line, cells) in rows {
            guard let key = cells["key"], key.hasPrefix(checksumPrefix), let value = cells["value"] else { continue }
            listed[String(key.dropFirst(checksumPrefix.count))] = (line, value)
        }
        guard !listed.isEmpty else { return [] }
        let advice =
            "the folder mixes files of different runs or was edited; check a hand-made roster in a folder "
            + "of its own (without the tool's summary.csv)"
        var issues: [CaseIssue] = []
        for (name, entry) in listed.sorted(by: { $0.key < $1.key }) {
            let path = folder.appendingPathComponent(name).path
            guard let bytes = FileManager.default.contents(atPath: path) else {
                issues.append(
                    CaseIssue(
                        file: "summary.csv", line: entry.line,
                        "\(name) was written with this summary but is missing; \(advice)"))
                continue
            }
            if checksum(bytes) != entry.checksum {
                issues.append(
                    CaseIssue(file: name, "is not the file written with summary.csv (line \(entry.line)); \(advice)"))
            }
        }
        for name in Outputs.fileNames where name != "summary.csv" && listed[name] == nil {
            if FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path) {
                issues.append(CaseIssue(file: name, "was not written with summary.csv; \(advice)"))
            }
        }
        return issues
    }
}
