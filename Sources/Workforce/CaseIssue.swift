/// A problem found in a case: where it is and what was expected.
public struct CaseIssue: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable { case error, warning }

    public var severity: Severity
    /// The file name, e.g. `staff.csv`.
    public var file: String
    /// 1-based line (the header is line 1), `nil` for the whole file.
    public var line: Int?
    /// The column's header name, `nil` for a whole row or file.
    public var column: String?
    /// The column's spreadsheet letter (A, B, ...), when known.
    public var columnLetter: String?
    public var message: String

    public init(
        _ severity: Severity = .error, file: String, line: Int? = nil, column: String? = nil,
        columnLetter: String? = nil, _ message: String
    ) {
        self.severity = severity
        self.file = file
        self.line = line
        self.column = column
        self.columnLetter = columnLetter
        self.message = message
    }

    /// `staff.csv:4: column F (contract_hours): 'abc' is not a number ...`
    public var description: String {
        var place = file
        if let line { place += ":\(line)" }
        var text = "\(place): "
        if let column {
            text += "column \(columnLetter.map { "\($0) " } ?? "")(\(column)): "
        } else if let columnLetter {
            text += "column \(columnLetter): "
        }
        return text + message
    }
}

/// A case that cannot be used: every error found (warnings ride along).
public struct CaseError: Error, Sendable, CustomStringConvertible {
    public var issues: [CaseIssue]

    public init(issues: [CaseIssue]) { self.issues = issues }

    public var errors: [CaseIssue] { issues.filter { $0.severity == .error } }
    /// Every error on a line of its own, except that a problem repeated down a column (the same file,
    /// column and message, the cells' values aside, on different lines) more than three times is shown
    /// once, with a count and its lines: a date column saved in the wrong format is one line, not hundreds.
    public var description: String {
        let errors = errors
        var groups: [(key: String, issues: [CaseIssue])] = []
        var position: [String: Int] = [:]
        for issue in errors {
            let key = Self.shape(issue)
            if let at = position[key] {
                groups[at].issues.append(issue)
            } else {
                position[key] = groups.count
                groups.append((key, [issue]))
            }
        }
        var lines: [String] = []
        for group in groups {
            let numbers = group.issues.compactMap(\.line)
            if group.issues.count > 3, Set(numbers).count == group.issues.count {
                let others = group.issues.dropFirst().compactMap(\.line)
                let shown = others.prefix(8).map(String.init).joined(separator: ", ")
                lines.append("  \(group.issues[0])")
                lines.append(
                    "    ... and \(group.issues.count - 1) more like it in this column (lines \(shown)"
                        + (others.count > 8 ? ", ..." : "") + ")")
            } else {
                lines += group.issues.map { "  \($0)" }
            }
        }
        return "the case has \(errors.count) error\(errors.count == 1 ? "" : "s"):\n" + lines.joined(separator: "\n")
    }

    /// What makes two issues the same problem: file, column, and the message up to its first `;` with
    /// quoted values and digits masked.
    private static func shape(_ issue: CaseIssue) -> String {
        var masked = ""
        var quoted = false
        for character in issue.message.prefix(while: { $0 != ";" }) {
            if character == "'" {
                quoted.toggle()
                masked.append(character)
            } else if !quoted {
                masked.append(character.isNumber ? "#" : character)
            }
        }
        return "\(issue.file)|\(issue.column ?? issue.columnLetter ?? "")|\(masked)"
    }
}

/// Spreadsheet column letters: 0 -> A, 25 -> Z, 26 -> AA.
func columnLetter(_ index: Int) -> String {
    var n = index + 1
    var letters = ""
    while n > 0 {
        let r = (n - 1) % 26
        letters = String(UnicodeScalar(UInt8(65 + r))) + letters
        n = (n - 1) / 26
    }
    return letters
}
