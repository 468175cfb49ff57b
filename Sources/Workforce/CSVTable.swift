import Foundation

/// A CSV file read by header name, collecting located issues as cells are read.
final class CSVTable {
    let file: String
    let header: [String]
    let records: [CSVRecord]
    private let columns: [String: Int]

    init(file: String, header: [String], records: [CSVRecord]) {
        self.file = file
        self.header = header
        self.records = records
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        self.columns = columns
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    /// Reads `path` (a file of the case folder). Returns `nil` (with an issue when `required`) if absent.
    static func load(
        folder: URL, file: String, required: [String], optional: [String], mandatory: Bool,
        issues: IssueLog
    ) -> CSVTable? {
        let url = folder.appendingPathComponent(file)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            if mandatory {
                let exists = FileManager.default.fileExists(atPath: url.path)
                issues.error(
                    file: file,
                    exists ? "the file cannot be read" : "this required file is missing from the case folder")
            }
            return nil
        }
        let records: [CSVRecord]
        do {
            records = try CSVParser.parse([UInt8](data))
        } catch {
            issues.error(file: file, line: error.line, error.message)
            return nil
        }
        guard let first = records.first else {
            issues.error(
                file: file, "the file is empty; the first row must be the header (\(required.joined(separator: ",")))")
            return nil
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        let table = CSVTable(file: file, header: header, records: Array(records.dropFirst()))
        var seen = Set<String>()
        for (index, name) in header.enumerated() {
            if !seen.insert(name).inserted {
                issues.error(
                    file: file, line: 1, column: name, letter: columnLetter(index),
                    "the column appears twice in the header")
            } else if !required.contains(name) && !optional.contains(name) {
                issues.warning(
                    file: file, line: 1, column: name, letter: columnLetter(index),
                    "unknown column, ignored (known: \((required + optional).joined(separator: ", ")))")
            }
        }
        for name in required where !header.contains(name) {
            issues.error(file: file, line: 1, "the required column '\(name)' is missing from the header")
        }
        for record in table.records where record.fields.count != header.count {
            issues.error(
                file: file, line: record.line,
                "the row has \(record.fields.count) field\(record.fields.count == 1 ? "" : "s"), the header has \(header.count)"
            )
        }
        return table
    }

    /// The rows whose field count matches the header.
    func rows(_ issues: IssueLog) -> [CSVRow] {
        records.filter { $0.fields.count == header.count }.map { CSVRow(table: self, record: $0, issues: issues) }
    }

    func index(_ column: String) -> Int? { columns[column] }
}

/// One row of a ``CSVTable``; each accessor records an issue and returns `nil` for a bad cell.
struct CSVRow {
    let table: CSVTable
    let record: CSVRecord
    let issues: IssueLog

    var line: Int { record.line }

    /// The trimmed cell, `nil` when the column is absent or the cell empty.
    func text(_ column: String) -> String? {
        guard let index = table.index(column) else { return nil }
        let value = record.fields[index].trimmingCharacters(in: .whitespaces)
        return value.isEmpty ? nil : value
    }

    func bad(_ column: String, _ message: String) {
        let index = table.index(column)
        issues.error(file: table.file, line: line, column: column, letter: index.map(columnLetter), message)
    }

    func warn(_ column: String?, _ message: String) {
        let index = column.flatMap(table.index)
        issues.warning(file: table.file, line: line, column: column, letter: index.map(columnLetter), message)
    }

    /// An id: required unless `required` is false; may not begin with a spreadsheet formula character.
    func id(_ column: String, required: Bool = true) -> String? {
        guard let value = text(column) else {
            if required { bad(column, "the cell is empty; an id is required") }
            return nil
        }
        guard Self.isSafeID(value) else {
            bad(
                column,
                "'\(value)' begins with '\(value.prefix(1))'; ids may not begin with = + - @ (spreadsheets run such cells as formulas)"
            )
            return nil
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            bad(column, "the id contains a line break or other control character")
            return nil
        }
        return value
    }

    static func isSafeID(_ value: String) -> Bool {
        guard let first = value.unicodeScalars.first else { return false }
        return !["=", "+", "-", "@", "\t", "\r"].contains(first)
    }

    /// A `;` list of ids (empty items ignored).
    func list(_ column: String) -> [String] {
        guard let value = text(column) else { return [] }
        var items: [String] = []
        for item in value.split(separator: ";").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            if Self.isSafeID(item) {
                if !items.contains(item) { items.append(item) }
            } else {
                bad(column, "'\(item)' begins with '\(item.prefix(1))'; ids may not begin with = + - @")
            }
        }
        return items
    }

    /// A number in plain `.` decimal form; `nil` (with an issue) when malformed or out of range.
    func number(
        _ column: String, default fallback: Double? = nil, minimum: Double? = 0, maximum: Double? = nil,
        integer: Bool = false, required: Bool = false, what: String
    ) -> Double? {
        guard let value = text(column) else {
            if required { bad(column, "the cell is empty; expected \(what)") }
            return fallback
        }
        guard let number = Double(value), number.isFinite,
            value.allSatisfy({ $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" || $0 == "e" || $0 == "E" })
        else {
            bad(column, "'\(value)' is not a number; expected \(what) (plain digits with '.' for decimals)")
            return nil
        }
        if integer, number != number.rounded() {
            bad(column, "'\(value)' is not a whole number; expected \(what)")
            return nil
        }
        if let minimum, number < minimum {
            bad(column, "'\(value)' is below \(Self.plain(minimum)); expected \(what)")
            return nil
        }
        if let maximum, number > maximum {
            bad(column, "'\(value)' is above \(Self.plain(maximum)); expected \(what)")
            return nil
        }
        return number
    }

    func integer(_ column: String, default fallback: Int? = nil, minimum: Int = 0, what: String) -> Int? {
        guard text(column) != nil else { return fallback }
        return number(column, minimum: Double(minimum), integer: true, what: what).map { Int($0) }
    }

    func date(_ column: String) -> Day? {
        guard let value = text(column) else {
            bad(column, "the cell is empty; expected a date YYYY-MM-DD")
            return nil
        }
        guard let day = Day(iso: value) else {
            bad(column, "'\(value)' is not a date; expected YYYY-MM-DD (e.g. 2025-03-03)")
            return nil
        }
        return day
    }

    /// `HH:MM` (24 h) as minutes after midnight.
    func time(_ column: String) -> Int? {
        guard let value = text(column) else {
            bad(column, "the cell is empty; expected a time HH:MM")
            return nil
        }
        let parts = value.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count == 2, parts[0].count == 2, parts[1].count == 2,
            let hours = Int(parts[0]), let minutes = Int(parts[1]), (0..<24).contains(hours), (0..<60).contains(minutes)
        else {
            bad(column, "'\(value)' is not a time; expected HH:MM from 00:00 to 23:59")
            return nil
        }
        return hours * 60 + minutes
    }

    func boolean(_ column: String) -> Bool {
        guard let value = text(column) else { return false }
        switch value.lowercased() {
        case "true", "yes", "1", "y": return true
        case "false", "no", "0", "n": return false
        default:
            bad(column, "'\(value)' is not true or false")
            return false
        }
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}

/// Collects issues while a case is read, so that all of them are reported at once.
final class IssueLog {
    private(set) var issues: [CaseIssue] = []

    func error(file: String, line: Int? = nil, column: String? = nil, letter: String? = nil, _ message: String) {
        issues.append(CaseIssue(.error, file: file, line: line, column: column, columnLetter: letter, message))
    }

    func warning(file: String, line: Int? = nil, column: String? = nil, letter: String? = nil, _ message: String) {
        issues.append(CaseIssue(.warning, file: file, line: line, column: column, columnLetter: letter, message))
    }

    var hasErrors: Bool { issues.contains { $0.severity == .error } }
}

/// Reads any CSV file by header name with the case reader's strictness (used for roster files).
public enum CSVFile {
    /// The rows of `folder/file` as (line, cell by column) pairs.
    /// - Throws: ``CaseError`` for a missing file, a syntax error, a missing column or a ragged row.
    public static func rows(
        folder: URL, file: String, required: [String], optional: [String] = []
    )
        throws(CaseError) -> [(line: Int, cells: [String: String])]
    {
        let issues = IssueLog()
        let table = CSVTable.load(
            folder: folder, file: file, required: required, optional: optional, mandatory: true,
            issues: issues)
        if issues.hasErrors { throw CaseError(issues: issues.issues) }
        guard let table else { return [] }
        return table.rows(issues).map { row in
            (row.line, Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, row.record.fields[$0]) }))
        }
    }
}
