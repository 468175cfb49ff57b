import Foundation

/// A CSV file read by header name, collecting located issues as cells are read.
final class CSVTable {
    let file: String
    let header: [String]
    /// The records whose field count matches the header.
    let records: [CSVRecord]
    /// The cells of records that could not be read (syntax errors, wrong field count), for telling
    /// follow-on errors from new ones.
    let spoiledCells: [[String]]
    private let columns: [String: Int]

    init(file: String, header: [String], records: [CSVRecord], spoiledCells: [[String]]) {
        self.file = file
        self.header = header
        self.records = records
        self.spoiledCells = spoiledCells
        var columns: [String: Int] = [:]
        for (index, name) in header.enumerated() where columns[name] == nil { columns[name] = index }
        self.columns = columns
    }

    func has(_ column: String) -> Bool { columns[column] != nil }

    /// Reads `file` from `source`. Returns `nil`, with an issue, when it is unreadable, has no usable
    /// header, or is absent and `mandatory`; every syntax error and ragged row is reported with its
    /// line and column, and the rest of the file is still read.
    static func load(
        source: CaseSource, file: String, required: [String], optional: [String], mandatory: Bool,
        issues: IssueLog
    ) -> CSVTable? {
        let bytes: [UInt8]
        switch source.content(file) {
        case .absent:
            if mandatory {
                // A copy saved under a near name (`Staff.csv`, `demand (1).csv`), never another file of the case.
                let stem = file.dropLast(4).lowercased()
                let csv = source.names.filter { $0.lowercased().hasSuffix(".csv") }
                let near =
                    Suggestion.nearest(to: file, in: csv)
                    ?? csv.first { name in [" ", "(", "-"].contains { name.lowercased().hasPrefix(stem + $0) } }
                issues.error(
                    file: file,
                    "this required file is missing from \(source.location.map { "'\($0)'" } ?? "the case")"
                        + (near.map { "; there is '\($0)': rename it to '\(file)' (names are lower case)" } ?? ""))
                issues.couldNotRead(file)
            }
            return nil
        case .unreadable(let reason):
            issues.error(file: file, "the file \(reason)")
            issues.couldNotRead(file)
            return nil
        case .bytes(let read):
            bytes = read
        }
        if let problem = SpreadsheetText.encodingProblem(bytes) {
            issues.error(file: file, problem)
            issues.couldNotRead(file)
            return nil
        }
        let text = CSVParser.parse(bytes)
        let headerError = text.errors.first { error in text.records.first.map { error.line < $0.line } ?? true }
        guard let first = text.records.first, headerError == nil else {
            if let headerError {
                issues.error(file: file, line: headerError.line, headerError.message + " (in the header)")
            } else {
                issues.error(
                    file: file,
                    "the file is empty; the first row must be the header (\(required.joined(separator: ",")))")
            }
            issues.couldNotRead(file)
            return nil
        }
        if let separator = SpreadsheetText.wrongSeparator(header: first.fields, required: required) {
            issues.error(file: file, line: first.line, separator)
            issues.couldNotRead(file)
            return nil
        }
        let header = first.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        var seen = Set<String>()
        for (index, name) in header.enumerated() {
            if !seen.insert(name).inserted {
                issues.error(
                    file: file, line: first.line, column: name, letter: columnLetter(index),
                    "the column appears twice in the header")
            } else if !required.contains(name) && !optional.contains(name) {
                issues.warning(
                    file: file, line: first.line, column: name, letter: columnLetter(index),
                    "unknown column, ignored (known: \((required + optional).joined(separator: ", ")))")
            }
        }
        let missing = required.filter { !header.contains($0) }
        for name in missing {
            issues.error(file: file, line: first.line, "the required column '\(name)' is missing from the header")
        }
        guard missing.isEmpty else {
            issues.couldNotRead(file)
            return nil
        }
        var spoiled: [[String]] = []
        let latin = SpreadsheetText.looksLikeWindows1252(bytes)
        for error in text.errors {
            let name = header.indices.contains(error.field) ? header[error.field] : nil
            let message = latin && error.message.contains("UTF-8") ? SpreadsheetText.windows1252Advice : error.message
            issues.error(file: file, line: error.line, column: name, letter: columnLetter(error.field), message)
            spoiled.append(error.cells)
        }
        var records: [CSVRecord] = []
        for record in text.records.dropFirst() {
            let count = record.fields.count
            guard count != header.count else {
                records.append(record)
                continue
            }
            let fields = "the row has \(count) field\(count == 1 ? "" : "s"), the header has \(header.count)"
            if count > header.count {
                issues.error(
                    file: file, line: record.line, letter: columnLetter(header.count),
                    "\(fields): from this column on the row is extra (a value holding a comma must be quoted)")
            } else {
                issues.error(
                    file: file, line: record.line, column: header[count], letter: columnLetter(count),
                    "\(fields): this column and those after it are missing")
            }
            spoiled.append(record.fields)
        }
        let table = CSVTable(file: file, header: header, records: records, spoiledCells: spoiled)
        issues.register(table)
        return table
    }

    /// The rows whose field count matches the header.
    func rows(_ issues: IssueLog) -> [CSVRow] {
        records.map { CSVRow(table: self, record: $0, issues: issues) }
    }

    func index(_ column: String) -> Int? { columns[column] }
}

/// One row of a ``CSVTable``; each accessor records an issue and returns `nil` for a bad cell.
struct CSVRow {
    let table: CSVTable
    let record: CSVRecord
    let issues: IssueLog

    var line: Int { record.line }

    /// The cell exactly as written, `nil` when the column is absent.
    func raw(_ column: String) -> String? { table.index(column).map { record.fields[$0] } }

    /// The cell without surrounding spaces, `nil` when the column is absent or the cell blank.
    func text(_ column: String) -> String? {
        guard let value = raw(column)?.trimmingCharacters(in: .whitespaces), !value.isEmpty else { return nil }
        return value
    }

    /// Free text (a name) as written, leading spaces kept; `nil` when blank.
    func name(_ column: String) -> String? { text(column) == nil ? nil : raw(column) }

    /// Reports a cell that is required but empty, or whose column the header lacks.
    func empty(_ column: String, expected: String) {
        if table.has(column) {
            bad(column, "the cell is empty; \(expected)")
        } else {
            bad(column, "this row needs the column, which is missing from the header; \(expected)")
        }
    }

    func bad(_ column: String, _ message: String) {
        let index = table.index(column)
        issues.error(file: table.file, line: line, column: column, letter: index.map(columnLetter), message)
    }

    func warn(_ column: String?, _ message: String) {
        let index = column.flatMap(table.index)
        issues.warning(file: table.file, line: line, column: column, letter: index.map(columnLetter), message)
    }

    /// An id: required unless `required` is false. An id is written exactly: no surrounding spaces, no
    /// spreadsheet formula character first, no control or invisible character, no line separator.
    func id(_ column: String, required: Bool = true) -> String? {
        guard let value = raw(column), text(column) != nil else {
            if required { empty(column, expected: "an id is required") }
            return nil
        }
        if let problem = Self.idProblem(value) {
            bad(column, problem)
            return nil
        }
        return value
    }

    /// Why `value` is not an id, `nil` when it is one.
    static func idProblem(_ value: String) -> String? {
        let shown = quoted(value)
        if value != value.trimmingCharacters(in: .whitespaces) {
            return "\(shown) begins or ends with a space or tab; ids are written without surrounding spaces"
        }
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@"].contains(first) {
            return "\(shown) begins with '\(first)'; ids may not begin with = + - @ "
                + "(spreadsheets run such cells as formulas)"
        }
        let invisible: Set<Unicode.GeneralCategory> = [
            .control, .format, .lineSeparator, .paragraphSeparator, .surrogate, .privateUse, .unassigned,
        ]
        if value.unicodeScalars.contains(where: { invisible.contains($0.properties.generalCategory) }) {
            return "\(shown) contains a line break, control or invisible character; ids are plain text"
        }
        return nil
    }

    /// A `;` list of ids (blank items ignored, repeats kept once).
    func list(_ column: String) -> [String] {
        guard let value = raw(column), text(column) != nil else { return [] }
        var items: [String] = []
        for item in value.split(separator: ";", omittingEmptySubsequences: false).map(String.init)
        where !item.allSatisfy({ $0 == " " || $0 == "\t" }) {
            if let problem = Self.idProblem(item) {
                bad(column, "the list item \(problem)")
            } else if !items.contains(item) {
                items.append(item)
            }
        }
        return items
    }

    /// A number written `-12`, `12`, `12.5`, `.5` or `12.` (no sign `+`, no exponent, no thousands
    /// separator), from `minimum` to `maximum`; `nil` (with an issue) when malformed or out of range.
    func number(
        _ column: String, default fallback: Double? = nil, minimum: Double? = 0, maximum: Double,
        integer: Bool = false, required: Bool = false, what: String
    ) -> Double? {
        guard let value = text(column) else {
            if required { empty(column, expected: "expected \(what)") }
            return fallback
        }
        guard let number = PlainNumber.parse(value) else {
            bad(column, "\(Self.quoted(value)) is not a number; expected \(what) (plain digits with '.' for decimals)")
            return nil
        }
        if integer, number != number.rounded() {
            bad(column, "\(Self.quoted(value)) is not a whole number; expected \(what)")
            return nil
        }
        if let minimum, number < minimum {
            bad(column, "\(Self.quoted(value)) is below \(Self.plain(minimum)); expected \(what)")
            return nil
        }
        if number > maximum || (minimum == nil && number < -maximum) {
            let range =
                minimum == nil
                ? "outside -\(Self.plain(maximum)) to \(Self.plain(maximum))"
                : "above the largest accepted, \(Self.plain(maximum))"
            bad(column, "\(Self.quoted(value)) is \(range); expected \(what)")
            return nil
        }
        if number != 0, abs(number) < Limits.smallestNonZero {
            bad(
                column,
                "\(Self.quoted(value)) is too small to mean anything; write 0 or at least "
                    + "\(Limits.smallestNonZero) for \(what)")
            return nil
        }
        return number
    }

    /// A whole number from `minimum` to `maximum`.
    func integer(
        _ column: String, default fallback: Int? = nil, minimum: Int = 0, maximum: Int = Limits.count,
        required: Bool = false, what: String
    ) -> Int? {
        guard text(column) != nil else {
            if required { empty(column, expected: "expected \(what)") }
            return fallback
        }
        return number(
            column, minimum: Double(minimum), maximum: Double(maximum), integer: true, what: what
        ).flatMap { Int(exactly: $0) }
    }

    func date(_ column: String) -> Day? {
        guard let value = text(column) else {
            bad(column, "the cell is empty; expected a date YYYY-MM-DD")
            return nil
        }
        guard let day = Day(iso: value) else {
            bad(
                column,
                SpreadsheetText.dateAdvice(value)
                    ?? "\(Self.quoted(value)) is not a date; expected YYYY-MM-DD (e.g. 2025-03-03)")
            return nil
        }
        return day
    }

    /// `HH:MM` (24 h, two digits each) as minutes after midnight.
    func time(_ column: String) -> Int? {
        guard let value = text(column) else {
            bad(column, "the cell is empty; expected a time HH:MM")
            return nil
        }
        let digits = Array(value.utf8)
        func digit(_ at: Int) -> Int? {
            (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(digits[at]) ? Int(digits[at] - UInt8(ascii: "0")) : nil
        }
        guard digits.count == 5, digits[2] == UInt8(ascii: ":"), let h1 = digit(0), let h2 = digit(1),
            let m1 = digit(3), let m2 = digit(4), h1 * 10 + h2 < 24, m1 < 6
        else {
            bad(
                column,
                SpreadsheetText.timeAdvice(value)
                    ?? "\(Self.quoted(value)) is not a time; expected HH:MM from 00:00 to 23:59")
            return nil
        }
        return (h1 * 10 + h2) * 60 + m1 * 10 + m2
    }

    func boolean(_ column: String) -> Bool {
        guard let value = text(column) else { return false }
        switch value.lowercased() {
        case "true", "yes", "1", "y": return true
        case "false", "no", "0", "n": return false
        default:
            bad(column, "\(Self.quoted(value)) is not true or false")
            return false
        }
    }

    static func plain(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }

    /// A cell shown in a message: quoted, shortened when long, invisible characters made visible.
    static func quoted(_ value: String) -> String {
        let short = value.count > 60 ? value.prefix(57) + "..." : Substring(value)
        return "'"
            + short.unicodeScalars.map { $0.properties.generalCategory == .control ? visible($0) : "\($0)" }
            .joined() + "'"
    }

    private static func visible(_ scalar: Unicode.Scalar) -> String {
        switch scalar {
        case "\t": return "\\t"
        case "\n": return "\\n"
        case "\r": return "\\r"
        default: return "\\u{\(String(scalar.value, radix: 16, uppercase: true))}"
        }
    }
}

/// The number grammar of the case format: an optional `-`, digits with an optional `.` part, or `.`
/// and digits. Anything else (`+5`, `1e3`, `1,000`, `nan`, `inf`) is not a number.
public enum PlainNumber {
    /// The value of `text`, `nil` when it is not a plain decimal number; a number too large for a
    /// `Double` is infinite (and so above every limit).
    public static func parse(_ text: String) -> Double? {
        var bytes = Substring(text).utf8[...]
        if bytes.first == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        let isDigit = { (byte: UInt8) in (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }
        let whole = bytes.prefix(while: isDigit)
        var rest = bytes.dropFirst(whole.count)
        var fraction = 0
        if rest.first == UInt8(ascii: ".") {
            rest = rest.dropFirst()
            fraction = rest.prefix(while: isDigit).count
            rest = rest.dropFirst(fraction)
        }
        guard rest.isEmpty, whole.count + fraction > 0 else { return nil }
        return Double(text)
    }
}

/// Collects issues while a case is read, so that all of them are reported at once, and tells an
/// unknown id that only echoes an earlier error (its defining row or file could not be read).
final class IssueLog {
    private(set) var issues: [CaseIssue] = []
    private var unreadFiles: Set<String> = []
    private var tables: [String: CSVTable] = [:]
    private var uncertain: [String: (issueCount: Int, cells: Set<String>)] = [:]

    func error(file: String, line: Int? = nil, column: String? = nil, letter: String? = nil, _ message: String) {
        issues.append(CaseIssue(.error, file: file, line: line, column: column, columnLetter: letter, message))
    }

    func warning(file: String, line: Int? = nil, column: String? = nil, letter: String? = nil, _ message: String) {
        issues.append(CaseIssue(.warning, file: file, line: line, column: column, columnLetter: letter, message))
    }

    var hasErrors: Bool { issues.contains { $0.severity == .error } }

    /// `file` could not be read at all: every id it would define is unknown.
    func couldNotRead(_ file: String) { unreadFiles.insert(file) }

    func register(_ table: CSVTable) { tables[table.file] = table }

    /// Whether an id missing from `file` may be one that an already reported error kept out: the file
    /// could not be read, or the id is a cell of one of its rows that was unreadable or had an error.
    func isEcho(_ id: String, of file: String) -> Bool {
        if unreadFiles.contains(file) { return true }
        guard let table = tables[file] else { return false }
        if let known = uncertain[file], known.issueCount == issues.count { return known.cells.contains(id) }
        let errorLines = Set(issues.filter { $0.file == file && $0.severity == .error }.compactMap(\.line))
        var cells = Set<String>()
        for record in table.records where errorLines.contains(record.line) {
            for cell in record.fields { cells.insert(cell.trimmingCharacters(in: .whitespaces)) }
        }
        for spoiled in table.spoiledCells {
            for cell in spoiled { cells.insert(cell.trimmingCharacters(in: .whitespaces)) }
        }
        uncertain[file] = (issues.count, cells)
        return cells.contains(id)
    }
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
            source: .folder(folder), file: file, required: required, optional: optional, mandatory: true,
            issues: issues)
        if issues.hasErrors { throw CaseError(issues: issues.issues) }
        guard let table else { return [] }
        return table.rows(issues).map { row in
            (row.line, Dictionary(uniqueKeysWithValues: table.header.enumerated().map { ($1, row.record.fields[$0]) }))
        }
    }
}
