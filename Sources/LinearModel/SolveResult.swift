/// What the solver concluded (as opposed to whether the call worked, which is a thrown error).
public enum SolveStatus: String, Sendable, CaseIterable {
    /// A solution proven optimal (within the solver's tolerances).
    case optimal
    /// A feasible solution, not proven optimal: a time limit or a requested gap stopped the search.
    case feasible
    /// No solution satisfies all rows and bounds.
    case infeasible
    /// The objective can improve without limit (for a MIP: its LP relaxation can).
    case unbounded
    /// A limit was reached before any solution was found.
    case noSolution
    /// The caller's progress handler stopped the search; a solution may be attached.
    case stopped

    /// Whether a result with this status can carry column values.
    public var mayHaveSolution: Bool { self == .optimal || self == .feasible || self == .stopped }
}

/// Why the search ended.
public enum Termination: String, Sendable {
    case completed, timeLimit, gapLimit, stoppedByCaller
}

/// The outcome of a solve.
public struct SolveResult: Sendable {
    public var status: SolveStatus
    public var termination: Termination
    /// Objective of the returned solution, `nil` without one.
    public var objective: Double?
    /// Best proven bound on the optimum (a lower bound when minimising), `nil` if unknown.
    public var bestBound: Double?
    /// One value per column, `nil` without a solution.
    public var values: [Double]?
    /// Row duals (LP only).
    public var rowDuals: [Double]?
    /// Column reduced costs (LP only).
    public var reducedCosts: [Double]?
    /// Wall-clock seconds spent in the solver.
    public var elapsed: Double
    /// The solver's own sentence for how it ended (e.g. from the GLPK manual).
    public var message: String
    /// Branch-and-bound nodes explored (0 for an LP).
    public var nodes: Int

    public init(
        status: SolveStatus, termination: Termination = .completed, objective: Double? = nil,
        bestBound: Double? = nil, values: [Double]? = nil, rowDuals: [Double]? = nil,
        reducedCosts: [Double]? = nil, elapsed: Double = 0, message: String = "", nodes: Int = 0
    ) {
        self.status = status
        self.termination = termination
        self.objective = objective
        self.bestBound = bestBound
        self.values = values
        self.rowDuals = rowDuals
        self.reducedCosts = reducedCosts
        self.elapsed = elapsed
        self.message = message
        self.nodes = nodes
    }

    /// `|objective - bestBound| / max(|objective|, 1)`, `nil` when either is unknown.
    public var gap: Double? { relativeGap(objective: objective, bound: bestBound) }

    /// The value of `variable` in the solution (`nil` without one).
    public subscript(_ variable: Variable) -> Double? { values?[variable.index] }

    /// The dual value of a row (LP only; `nil` without duals).
    public func dual(_ row: RowHandle) -> Double? { rowDuals?[row.index] }
}

/// `|objective - bound| / max(|objective|, 1)`, `nil` when either is unknown.
public func relativeGap(objective: Double?, bound: Double?) -> Double? {
    guard let objective, let bound else { return nil }
    return abs(objective - bound) / max(abs(objective), 1)
}

/// A snapshot of a running branch-and-cut search.
public struct SolveProgress: Sendable {
    public var elapsed: Double
    /// Objective of the best solution so far.
    public var incumbent: Double?
    /// Best bound so far.
    public var bestBound: Double?
    public var nodes: Int
    /// Whether this report was made because a better solution was found.
    public var newIncumbent: Bool
    /// What the caller's search is doing (e.g. `first roster`), `nil` inside a plain solve.
    public var phase: String?

    public init(
        elapsed: Double, incumbent: Double?, bestBound: Double?, nodes: Int, newIncumbent: Bool,
        phase: String? = nil
    ) {
        self.elapsed = elapsed
        self.incumbent = incumbent
        self.bestBound = bestBound
        self.nodes = nodes
        self.newIncumbent = newIncumbent
        self.phase = phase
    }

    public var gap: Double? { relativeGap(objective: incumbent, bound: bestBound) }
}

/// What a progress handler tells the solver.
public enum ProgressAction: Sendable {
    case proceed, stop
}

/// A solver: takes a whole model in one call, or keeps a linear program alive for column generation.
/// A solver's failure on a valid model with valid options (an internal error of the solver), as
/// opposed to an invalid model or options, or a conclusion such as "infeasible": a caller that can do
/// without the answer (one attempt at a better roster among many) may go on.
public protocol SolverFailure: Error {}

public protocol Solver: Sendable {
    /// Solves `model`. Thrown errors mean the call failed (invalid model or options, solver failure);
    /// infeasible or unbounded models are results, not errors.
    /// - Parameters:
    ///   - progress: called during a MIP search; return `.stop` to end it with the best solution so far.
    ///   - log: receives the solver's own output (see ``SolveOptions/messageLevel``).
    func solve(
        _ model: LinearModel, options: SolveOptions,
        progress: ((SolveProgress) -> ProgressAction)?, log: ((String) -> Void)?
    ) throws -> SolveResult

    /// A session holding `model`'s linear program (integrality ignored) in the solver.
    /// - Throws: ``ModelError`` when the model is invalid.
    func session(for model: LinearModel) throws -> any LinearProgramSession
}

/// A linear program kept alive in a solver between solves, for column generation: columns are
/// added and bounds changed, and each solve starts from the previous basis. Integrality is ignored.
/// A session is used on the thread that made it.
public protocol LinearProgramSession: AnyObject {
    /// The model as it stands: the rows it was made with and every column added since.
    var model: LinearModel { get }

    /// Adds a column with its coefficients in existing rows.
    /// - Throws: ``ModelError`` for a non-finite coefficient or bound, crossed bounds, an unknown or
    ///   repeated row, or an invalid name (nothing is added then).
    @discardableResult
    func addColumn(
        _ name: String, lower: Double, upper: Double, objective: Double,
        entries: [(row: RowHandle, coefficient: Double)]
    ) throws -> Variable

    /// Changes a column's bounds (e.g. to fix it while diving).
    /// - Throws: ``ModelError`` for an unknown column or bounds that are not a range.
    func setBounds(_ variable: Variable, lower: Double, upper: Double) throws

    /// Solves the linear program from the last basis: values, row duals and reduced costs. With
    /// `presolve`, the solver first simplifies the program (and ignores the last basis); the solve
    /// still leaves a basis for the next to start from.
    func solve(timeLimit: Double?, presolve: Bool) throws -> SolveResult
}

extension LinearProgramSession {
    /// Solves the linear program from the last basis, without presolving.
    public func solve(timeLimit: Double?) throws -> SolveResult { try solve(timeLimit: timeLimit, presolve: false) }
}

extension Solver {
    /// Solves `model` without progress reports or log.
    public func solve(_ model: LinearModel, options: SolveOptions = SolveOptions()) throws -> SolveResult {
        try solve(model, options: options, progress: nil, log: nil)
    }
}
