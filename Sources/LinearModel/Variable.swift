/// A column of a ``LinearModel``: a handle returned by ``LinearModel/addVariable(_:kind:lower:upper:objective:)``.
///
/// A variable is only meaningful in the model that created it; ``LinearModel/validate()``
/// reports a handle whose index the model does not have.
public struct Variable: Hashable, Comparable, Sendable {
    /// Zero-based position of the column in ``LinearModel/columns``.
    public let index: Int

    /// Makes a handle for column `index`; models normally hand these out.
    public init(index: Int) { self.index = index }

    public static func < (lhs: Variable, rhs: Variable) -> Bool { lhs.index < rhs.index }
}

/// What values a column may take.
public enum VariableKind: String, Sendable, CaseIterable {
    /// Any real value within the bounds.
    case continuous
    /// Whole numbers within the bounds.
    case integer
    /// 0 or 1 (bounds, if given, are intersected with [0, 1]).
    case binary
}

/// A column's description: name, kind and bounds (`-.infinity` / `.infinity` for none).
public struct Column: Sendable, Equatable {
    public var name: String
    public var kind: VariableKind
    public var lower: Double
    public var upper: Double

    public init(name: String, kind: VariableKind, lower: Double, upper: Double) {
        self.name = name
        self.kind = kind
        self.lower = lower
        self.upper = upper
    }
}
