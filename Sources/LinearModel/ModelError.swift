/// One thing wrong with a model, found by ``LinearModel/validate()``.
public struct ModelIssue: Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem, for programs that react to it.
    public enum Kind: String, Sendable {
        case nonFiniteCoefficient, invalidBounds, unknownColumn, unknownRow, invalidName, emptyIntegerRange
    }
    public var kind: Kind
    /// A sentence naming the row or column and the offending value.
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}

/// A model that no solver should be given; lists every issue found (at most the first 50 are kept).
public struct ModelError: Error, Sendable, CustomStringConvertible {
    public var issues: [ModelIssue]

    public init(issues: [ModelIssue]) { self.issues = issues }
    public var description: String {
        "invalid model (\(issues.count) issue\(issues.count == 1 ? "" : "s")):\n"
            + issues.map { "  - \($0.message)" }.joined(separator: "\n")
    }
}

extension LinearModel {
    /// The longest name, in UTF-8 bytes, that solvers are given (GLPK's limit).
    public static let maximumNameLength = 255

    /// Checks everything a solver needs: finite coefficients, `lower <= upper` and no NaN bounds,
    /// integer columns with an integer between their bounds, column indices in range, and names
    /// of at most 255 bytes without control characters.
    /// - Throws: ``ModelError`` listing the issues (up to 50).
    public func validate() throws {
        var issues = recordedIssues
        func note(_ issue: @autoclosure () -> ModelIssue) { if issues.count < 50 { issues.append(issue()) } }
        if let problem = Self.nameProblem(name) { note(ModelIssue(.invalidName, "model name \(problem)")) }
        for (index, column) in columns.enumerated() {
            let label = Self.label("column", index, column.name)
            if let problem = Self.nameProblem(column.name) {
                note(ModelIssue(.invalidName, "\(label): name \(problem)"))
            }
            if column.lower.isNaN || column.upper.isNaN || column.lower == .infinity || column.upper == -.infinity
                || column.lower > column.upper
            {
                note(
                    ModelIssue(
                        .invalidBounds,
                        "\(label): bounds [\(column.lower), \(column.upper)] are not a "
                            + "range (lower must be <= upper, neither NaN)"))
            } else if column.kind != .continuous, column.lower.rounded(.up) > column.upper.rounded(.down) {
                note(
                    ModelIssue(
                        .emptyIntegerRange, "\(label): no whole number lies in [\(column.lower), \(column.upper)]"))
            }
            if !objectiveCoefficients[index].isFinite {
                note(
                    ModelIssue(
                        .nonFiniteCoefficient,
                        "\(label): objective coefficient \(objectiveCoefficients[index]) is not finite"))
            }
        }
        if !objectiveConstant.isFinite {
            note(ModelIssue(.nonFiniteCoefficient, "objective constant \(objectiveConstant) is not finite"))
        }
        for (index, row) in rows.enumerated() {
            let label = Self.label("row", index, row.name)
            if let problem = Self.nameProblem(row.name) { note(ModelIssue(.invalidName, "\(label): name \(problem)")) }
            if row.lower.isNaN || row.upper.isNaN || row.lower == .infinity || row.upper == -.infinity
                || row.lower > row.upper
            {
                note(
                    ModelIssue(
                        .invalidBounds,
                        "\(label): bounds [\(row.lower), \(row.upper)] are not a range "
                            + "(lower must be <= upper, neither NaN)"))
            }
            for term in row.terms {
                if !columns.indices.contains(term.variable.index) {
                    note(
                        ModelIssue(
                            .unknownColumn,
                            "\(label): names column \(term.variable.index), but the model "
                                + "has \(columns.count) columns"))
                } else if !term.coefficient.isFinite {
                    note(
                        ModelIssue(
                            .nonFiniteCoefficient,
                            "\(label): coefficient \(term.coefficient) of "
                                + Self.label("column", term.variable.index, columns[term.variable.index].name)
                                + " is not finite"
                        ))
                }
            }
        }
        if !issues.isEmpty { throw ModelError(issues: issues) }
    }

    static func label(_ kind: String, _ index: Int, _ name: String) -> String {
        name.isEmpty ? "\(kind) \(index + 1)" : "\(kind) \(index + 1) '\(name)'"
    }

    /// What is wrong with a row or column name for a solver (too long, a control character), `nil` if nothing.
    public static func nameProblem(_ name: String) -> String? {
        if name.utf8.count > maximumNameLength {
            return "is \(name.utf8.count) bytes long (at most \(maximumNameLength))"
        }
        if name.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) { return "contains a control character" }
        return nil
    }
}
