/// Cutting-plane families a branch-and-cut solver may generate.
public struct CutOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// Gomory's mixed-integer cuts.
    public static let gomory = CutOptions(rawValue: 1 << 0)
    /// Mixed-integer rounding cuts.
    public static let mixedIntegerRounding = CutOptions(rawValue: 1 << 1)
    /// Mixed cover cuts.
    public static let cover = CutOptions(rawValue: 1 << 2)
    /// Clique cuts.
    public static let clique = CutOptions(rawValue: 1 << 3)
    public static let all: CutOptions = [.gomory, .mixedIntegerRounding, .cover, .clique]
}

/// How much the solver writes to its log.
public enum MessageLevel: Int, Sendable, Comparable, CaseIterable {
    case off, errors, normal, all
    public static func < (lhs: MessageLevel, rhs: MessageLevel) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// Options for one solve. The defaults are those `roster solve` uses unless its options say otherwise.
public struct SolveOptions: Sendable {
    /// Wall-clock limit in seconds; `nil` = none.
    public var timeLimit: Double?
    /// Stop when (incumbent - bound) / |incumbent| is at most this; `nil` = prove optimality.
    public var relativeGap: Double?
    /// Simplify the problem before solving.
    public var presolve: Bool
    /// Cutting planes to generate in branch-and-cut.
    public var cuts: CutOptions
    /// Run the feasibility pump heuristic at the root.
    public var feasibilityPump: Bool
    /// Run proximity search to improve the first incumbent.
    public var proximitySearch: Bool
    /// The solver's own log (delivered to the solve's `log` handler).
    public var messageLevel: MessageLevel
    /// A starting solution (one value per column); checked for feasibility before use.
    public var startingSolution: [Double]?
    /// Smallest interval in seconds between two progress reports (new incumbents always report).
    public var progressInterval: Double

    public init(
        timeLimit: Double? = nil, relativeGap: Double? = nil, presolve: Bool = true,
        cuts: CutOptions = .all, feasibilityPump: Bool = false, proximitySearch: Bool = false,
        messageLevel: MessageLevel = .off, startingSolution: [Double]? = nil, progressInterval: Double = 1
    ) {
        self.timeLimit = timeLimit
        self.relativeGap = relativeGap
        self.presolve = presolve
        self.cuts = cuts
        self.feasibilityPump = feasibilityPump
        self.proximitySearch = proximitySearch
        self.messageLevel = messageLevel
        self.startingSolution = startingSolution
        self.progressInterval = progressInterval
    }
}

/// Options that cannot be honoured (a negative time limit, a NaN gap, a starting solution of the wrong length).
public struct OptionsError: Error, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "invalid solve options: \(message)" }
}

extension SolveOptions {
    /// Checks the options that do not depend on a model: the time limit, gap and progress interval.
    /// - Throws: ``OptionsError`` naming the first option that is out of range.
    public func validate() throws {
        if let limit = timeLimit, !(limit.isFinite && limit >= 0) {
            throw OptionsError("time limit must be a finite number of seconds >= 0, got \(limit)")
        }
        if let gap = relativeGap, !(gap.isFinite && gap >= 0) {
            throw OptionsError("relative gap must be a finite number >= 0, got \(gap)")
        }
        if !(progressInterval.isFinite && progressInterval >= 0) {
            throw OptionsError("progress interval must be a finite number of seconds >= 0, got \(progressInterval)")
        }
    }

    /// Checks the options against `model`: those of ``validate()`` and the starting solution.
    /// - Throws: ``OptionsError`` naming the first option that is out of range.
    public func validate(for model: LinearModel) throws {
        try validate()
        if let start = startingSolution {
            if start.count != model.columns.count {
                throw OptionsError("starting solution has \(start.count) values for \(model.columns.count) columns")
            }
            if let bad = start.firstIndex(where: { !$0.isFinite }) {
                throw OptionsError("starting solution value \(start[bad]) for column \(bad + 1) is not finite")
            }
        }
    }
}
