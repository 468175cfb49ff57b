/// The bounds of a row: `lower <= expression <= upper`.
public enum RowBounds: Sendable, Equatable {
    case lessOrEqual(Double)
    case greaterOrEqual(Double)
    case equal(Double)
    /// `lower <= expression <= upper`.
    case range(Double, Double)

    var limits: (lower: Double, upper: Double) {
        switch self {
        case .lessOrEqual(let u): return (-.infinity, u)
        case .greaterOrEqual(let l): return (l, .infinity)
        case .equal(let v): return (v, v)
        case .range(let l, let u): return (l, u)
        }
    }
}

/// A row of a ``LinearModel``: `lower <= sum(coefficients * columns) <= upper`.
public struct Row: Sendable, Equatable {
    public var name: String
    public var lower: Double
    public var upper: Double
    /// The row's entries, each column once, in increasing column order.
    public var terms: [Term]

    public init(name: String, lower: Double, upper: Double, terms: [Term]) {
        self.name = name
        self.lower = lower
        self.upper = upper
        self.terms = terms
    }
}

/// A row of a ``LinearModel``: a handle returned by ``LinearModel/addConstraint(_:_:_:)``.
public struct RowHandle: Hashable, Sendable {
    /// Zero-based position of the row in ``LinearModel/rows``.
    public let index: Int

    /// Makes a handle for row `index`; models normally hand these out.
    public init(index: Int) { self.index = index }
}

/// Whether the objective is minimised or maximised.
public enum ObjectiveSense: String, Sendable {
    case minimize, maximize
}

/// A mixed-integer linear model as a plain value: columns, rows and an objective.
///
/// Build it with ``addVariable(_:kind:lower:upper:objective:)`` and
/// ``addConstraint(_:_:_:)``, then hand it to a solver in one call. Nothing
/// here knows about a particular solver; ``validate()`` checks what any solver
/// needs (finite coefficients, consistent bounds, valid indices, names a
/// solver can store).
public struct LinearModel: Sendable, Equatable {
    /// A name for the whole model (written into model files).
    public var name: String
    public private(set) var columns: [Column] = []
    public private(set) var rows: [Row] = []
    /// Objective coefficient of each column (same order as ``columns``).
    public private(set) var objectiveCoefficients: [Double] = []
    /// Constant added to the objective.
    public var objectiveConstant: Double = 0
    public var sense: ObjectiveSense = .minimize

    public init(name: String = "") { self.name = name }

    /// The number of non-zero entries in all rows.
    public var entryCount: Int { rows.reduce(0) { $0 + $1.terms.count } }

    /// Whether any column is integer or binary.
    public var isMixedInteger: Bool { columns.contains { $0.kind != .continuous } }

    /// Adds a column and returns its handle.
    @discardableResult
    public mutating func addVariable(
        _ name: String, kind: VariableKind = .continuous,
        lower: Double = 0, upper: Double = .infinity, objective: Double = 0
    ) -> Variable {
        var (low, high) = (lower, upper)
        if kind == .binary { (low, high) = (Swift.max(lower, 0), Swift.min(upper, 1)) }
        columns.append(Column(name: name, kind: kind, lower: low, upper: high))
        objectiveCoefficients.append(objective)
        return Variable(index: columns.count - 1)
    }

    /// Adds a row `bounds` on `expression` and returns its handle; the expression's constant moves
    /// to the bounds, repeated variables are summed and zero coefficients dropped.
    @discardableResult
    public mutating func addConstraint(_ name: String, _ expression: LinearExpression, _ bounds: RowBounds) -> RowHandle
    {
        let (lower, upper) = bounds.limits
        rows.append(
            Row(
                name: name, lower: lower - expression.constant, upper: upper - expression.constant,
                terms: Self.merged(expression.terms)))
        return RowHandle(index: rows.count - 1)
    }

    /// Adds a column with its coefficients in existing rows (each row at most once) and returns its
    /// handle: how a column generated later joins a model.
    @discardableResult
    public mutating func addColumn(
        _ name: String, kind: VariableKind = .continuous, lower: Double = 0,
        upper: Double = .infinity, objective: Double = 0,
        entries: [(row: RowHandle, coefficient: Double)]
    ) -> Variable {
        let variable = addVariable(name, kind: kind, lower: lower, upper: upper, objective: objective)
        var merged: [Int: Double] = [:]
        for (row, coefficient) in entries { merged[row.index, default: 0] += coefficient }
        for (row, coefficient) in merged.sorted(by: { $0.key < $1.key }) where coefficient != 0 {
            guard rows.indices.contains(row) else {
                recordedIssues.append(
                    ModelIssue(
                        .unknownRow,
                        "column '\(name)' names row \(row), "
                            + "but the model has \(rows.count) rows"))
                continue
            }
            rows[row].terms.append(Term(variable, coefficient))
        }
        return variable
    }

    /// Changes a column's kind (e.g. to solve over generated columns as integers).
    public mutating func setKind(_ variable: Variable, _ kind: VariableKind) {
        guard columns.indices.contains(variable.index) else {
            recordedIssues.append(
                ModelIssue(
                    .unknownColumn,
                    "the kind was set on column \(variable.index), "
                        + "but the model has \(columns.count) columns"))
            return
        }
        columns[variable.index].kind = kind
    }

    /// The linear relaxation: this model with every column continuous (bounds kept).
    public var linearRelaxation: LinearModel {
        var relaxed = self
        for index in columns.indices where columns[index].kind != .continuous {
            relaxed.setKind(Variable(index: index), .continuous)
        }
        return relaxed
    }

    /// Sets the objective to `expression` (its constant included) with `sense`.
    public mutating func setObjective(_ sense: ObjectiveSense, _ expression: LinearExpression) {
        self.sense = sense
        objectiveCoefficients = Array(repeating: 0, count: columns.count)
        objectiveConstant = 0
        addToObjective(expression)
    }

    /// Adds `expression` to the objective.
    public mutating func addToObjective(_ expression: LinearExpression) {
        objectiveConstant += expression.constant
        for term in expression.terms {
            if objectiveCoefficients.indices.contains(term.variable.index) {
                objectiveCoefficients[term.variable.index] += term.coefficient
            } else {
                recordedIssues.append(
                    ModelIssue(
                        .unknownColumn,
                        "the objective names column \(term.variable.index), "
                            + "but the model has \(columns.count) columns"))
            }
        }
    }

    /// Changes a column's bounds.
    public mutating func setBounds(_ variable: Variable, lower: Double, upper: Double) {
        guard columns.indices.contains(variable.index) else {
            recordedIssues.append(
                ModelIssue(
                    .unknownColumn,
                    "bounds were set on column \(variable.index), "
                        + "but the model has \(columns.count) columns"))
            return
        }
        columns[variable.index].lower = lower
        columns[variable.index].upper = upper
    }

    /// Misuse noticed while building (a foreign variable), reported by ``validate()``.
    var recordedIssues: [ModelIssue] = []

    /// The objective's value for column values `values`.
    public func objectiveValue(_ values: [Double]) -> Double {
        zip(objectiveCoefficients, values).reduce(objectiveConstant) { $0 + $1.0 * $1.1 }
    }

    /// The activity (left-hand side) of each row for column values `values`.
    public func rowActivities(_ values: [Double]) -> [Double] {
        rows.map { row in row.terms.reduce(0) { $0 + $1.coefficient * values[$1.variable.index] } }
    }

    static func merged(_ terms: [Term]) -> [Term] {
        guard terms.count > 1 else { return terms.filter { $0.coefficient != 0 } }
        let sorted = terms.sorted { $0.variable.index < $1.variable.index }
        var result: [Term] = []
        result.reserveCapacity(sorted.count)
        for term in sorted {
            if let last = result.last, last.variable == term.variable {
                result[result.count - 1].coefficient += term.coefficient
            } else {
                result.append(term)
            }
        }
        return result.filter { $0.coefficient != 0 }
    }

    /// Builds a model from its parts (used by model-file readers).
    public init(
        name: String, columns: [Column], objectiveCoefficients: [Double], objectiveConstant: Double,
        sense: ObjectiveSense, rows: [Row]
    ) {
        self.name = name
        self.columns = columns
        self.objectiveCoefficients = objectiveCoefficients
        self.objectiveConstant = objectiveConstant
        self.sense = sense
        self.rows = rows.map { Row(name: $0.name, lower: $0.lower, upper: $0.upper, terms: Self.merged($0.terms)) }
    }
}
