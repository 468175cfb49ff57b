import CGLPK
import LinearModel

/// Solves ``LinearModel``s with GLPK (simplex for LPs, branch-and-cut for MIPs).
///
/// Each call creates, solves and deletes its own GLPK problem on the calling thread and
/// returns before anything else can touch it, so separate threads may solve concurrently
/// (Debian's GLPK keeps its environment in thread-local storage). Everything GLPK would
/// `abort()` on is checked first (``LinearModel/validate()``, ``SolveOptions/validate(for:)``);
/// anything that slips through is caught by the C guard and thrown as
/// ``GLPKError/environmentLost(operation:)``. Do not start another solve from a progress handler.
public struct GLPKSolver: Solver, Sendable {
    public init() {}

    /// GLPK's version string, e.g. "5.0".
    public static var version: String { String(cString: glp_version()) }

    public func solve(
        _ model: LinearModel, options: SolveOptions,
        progress: ((SolveProgress) -> ProgressAction)?, log: ((String) -> Void)?
    ) throws -> SolveResult {
        try model.validate()
        try options.validate(for: model)
        if let start = options.startingSolution { try Self.checkStartingSolution(start, model) }
        let started = ContinuousClock.now
        if model.columns.isEmpty { return Self.solveEmpty(model) }
        let capture = TerminalCapture(sink: log)
        return try capture.during {
            do {
                return try Self.solve(model, options, started, capture, progress)
            } catch GLPKError.environmentLost(let operation, let detail)
                where operation == "glp_intopt" && options.presolve && detail.contains("glp_add_cols: ncs = 0")
            {
                // GLPK 5.0's MIP presolver aborts when it removes every column (e.g. all fixed):
                // solve again without it.
                var plain = options
                plain.presolve = false
                return try Self.solve(model, plain, started, capture, progress)
            }
        }
    }

    private static func solve(
        _ model: LinearModel, _ options: SolveOptions, _ started: ContinuousClock.Instant,
        _ capture: TerminalCapture, _ progress: ((SolveProgress) -> ProgressAction)?
    ) throws -> SolveResult {
        let problem = GLPKProblem(capture: capture)
        try problem.load(model)
        let monitor = SearchMonitor(
            started: started, interval: options.progressInterval,
            startingSolution: options.startingSolution, handler: progress)
        return model.isMixedInteger
            ? try solveMIP(problem, model, options, monitor)
            : try solveLP(problem, model, options, monitor)
    }

    // MARK: LP

    private static func simplexParameters(_ options: SolveOptions, presolve: Bool, monitor: SearchMonitor) -> glp_smcp {
        var parameters = glp_smcp()
        glp_init_smcp(&parameters)
        parameters.msg_lev = messageLevel(options.messageLevel)
        parameters.presolve = presolve ? GLP_ON : GLP_OFF
        parameters.tm_lim = remainingMilliseconds(options, monitor)
        // Dual simplex (primal if it fails): measured 9.6 s against 33.7 s for primal on the
        // sample case's LP relaxation.
        parameters.meth = GLP_DUALP
        return parameters
    }

    /// Runs the simplex method; with presolve, a "no feasible solution" answer is re-run without it,
    /// because the presolver cannot tell infeasible from unbounded and leaves no basis. When the dual
    /// simplex proves only that the dual is infeasible, the primal simplex tells infeasible from unbounded.
    private static func simplex(
        _ problem: GLPKProblem, _ options: SolveOptions, _ monitor: SearchMonitor
    ) throws -> Int32 {
        var parameters = simplexParameters(options, presolve: options.presolve, monitor: monitor)
        var code = try problem.guarded("glp_simplex") { cglpk_simplex($0, &parameters) }
        if code == GLP_ENOPFS || code == GLP_ENODFS {
            parameters = simplexParameters(options, presolve: false, monitor: monitor)
            code = try problem.guarded("glp_simplex") { cglpk_simplex($0, &parameters) }
        }
        if try onlyDualInfeasible(problem, code: code) {
            parameters = simplexParameters(options, presolve: false, monitor: monitor)
            parameters.meth = GLP_PRIMAL
            code = try problem.guarded("glp_simplex") { cglpk_simplex($0, &parameters) }
        }
        return code
    }

    /// Whether `glp_simplex` returned `code` 0 having proved only that the LP has no dual feasible
    /// solution (primal status infeasible or undefined, dual status GLP_NOFEAS): the LP is then
    /// unbounded or infeasible. GLPK's dual simplex ends so when its starting basis is neither primal
    /// nor dual feasible; the primal simplex, continued from that basis, finds which of the two holds.
    static func onlyDualInfeasible(_ problem: GLPKProblem, code: Int32) throws -> Bool {
        guard code == 0 else { return false }
        let prob = try problem.live("read the LP status")
        let status = glp_get_status(prob)
        return (status == GLP_INFEAS || status == GLP_UNDEF) && glp_get_dual_stat(prob) == GLP_NOFEAS
    }

    private static func solveLP(
        _ problem: GLPKProblem, _ model: LinearModel, _ options: SolveOptions,
        _ monitor: SearchMonitor
    ) throws -> SolveResult {
        let code = try simplex(problem, options, monitor)
        return try lpResult(problem, model, code: code, elapsed: monitor.elapsed)
    }

    /// The result of `glp_simplex` (its return `code`): status, and for a solution its objective,
    /// values, reduced costs and row duals. Throws for codes other than success and the time limit.
    static func lpResult(
        _ problem: GLPKProblem, _ model: LinearModel, code: Int32, elapsed: Double
    ) throws -> SolveResult {
        var result = SolveResult(status: .noSolution, elapsed: elapsed, message: GLPKReturnCode.sentence(code))
        switch code {
        case 0: break
        case GLP_ETMLIM: result.termination = .timeLimit
        default: throw GLPKError.failure(operation: "glp_simplex", code: code, sentence: GLPKReturnCode.sentence(code))
        }
        let prob = try problem.live("read the LP solution")
        switch glp_get_status(prob) {
        case GLP_OPT: result.status = result.termination == .completed ? .optimal : .feasible
        case GLP_FEAS: result.status = .feasible
        case GLP_NOFEAS: result.status = .infeasible
        case GLP_UNBND: result.status = .unbounded
        default: result.status = .noSolution
        }
        guard result.status == .optimal || result.status == .feasible else { return result }
        let n = model.columns.count
        let m = model.rows.count
        result.objective = glp_get_obj_val(prob)
        result.values = (0..<n).map { glp_get_col_prim(prob, Int32($0 + 1)) }
        result.reducedCosts = (0..<n).map { glp_get_col_dual(prob, Int32($0 + 1)) }
        result.rowDuals = (0..<m).map { glp_get_row_dual(prob, Int32($0 + 1)) }
        if result.status == .optimal { result.bestBound = result.objective }
        return result
    }

    // MARK: MIP

    private static func solveMIP(
        _ problem: GLPKProblem, _ model: LinearModel, _ options: SolveOptions,
        _ monitor: SearchMonitor
    ) throws -> SolveResult {
        var parameters = glp_iocp()
        glp_init_iocp(&parameters)
        parameters.msg_lev = messageLevel(options.messageLevel)
        parameters.gmi_cuts = options.cuts.contains(.gomory) ? GLP_ON : GLP_OFF
        parameters.mir_cuts = options.cuts.contains(.mixedIntegerRounding) ? GLP_ON : GLP_OFF
        parameters.cov_cuts = options.cuts.contains(.cover) ? GLP_ON : GLP_OFF
        parameters.clq_cuts = options.cuts.contains(.clique) ? GLP_ON : GLP_OFF
        parameters.fp_heur = options.feasibilityPump ? GLP_ON : GLP_OFF
        parameters.ps_heur = options.proximitySearch ? GLP_ON : GLP_OFF
        if let gap = options.relativeGap { parameters.mip_gap = gap }
        // With presolve the callback sees the presolved problem (other column indices), where a
        // starting solution cannot be offered: then the LP relaxation is solved first instead.
        let usePresolver = options.presolve && options.startingSolution == nil
        if !usePresolver {
            let code = try simplex(problem, options, monitor)
            let prob = try problem.live("read the LP relaxation")
            let relaxation = glp_get_status(prob)
            if code == GLP_ETMLIM || (code == 0 && relaxation != GLP_OPT) || code != 0 {
                var result = SolveResult(
                    status: .noSolution, elapsed: monitor.elapsed, message: GLPKReturnCode.sentence(code))
                switch (code, relaxation) {
                case (GLP_ETMLIM, _): result.termination = .timeLimit
                case (0, GLP_NOFEAS):
                    result.status = .infeasible
                    result.message = "The LP relaxation has no feasible solution."
                case (0, GLP_UNBND):
                    result.status = .unbounded
                    result.message = "The LP relaxation is unbounded: the problem is unbounded or infeasible."
                default:
                    throw GLPKError.failure(
                        operation: "glp_simplex", code: code, sentence: GLPKReturnCode.sentence(code))
                }
                return result
            }
        }
        parameters.presolve = usePresolver ? GLP_ON : GLP_OFF
        parameters.tm_lim = remainingMilliseconds(options, monitor)
        let code = try monitor.during(&parameters) { parameters in
            try problem.guarded("glp_intopt") { cglpk_intopt($0, &parameters) }
        }
        let prob = try problem.live("read the MIP solution")
        var result = SolveResult(
            status: .noSolution, elapsed: monitor.elapsed, message: GLPKReturnCode.sentence(code),
            nodes: monitor.nodes)
        let mipStatus = glp_mip_status(prob)
        switch code {
        case 0:
            result.status = mipStatus == GLP_OPT ? .optimal : (mipStatus == GLP_NOFEAS ? .infeasible : .noSolution)
        case GLP_ETMLIM:
            result.termination = .timeLimit
            result.status = mipStatus == GLP_FEAS ? .feasible : .noSolution
        case GLP_EMIPGAP:
            result.termination = .gapLimit
            result.status = .feasible
        case GLP_ESTOP where monitor.stopRequested:
            result.termination = .stoppedByCaller
            result.status = .stopped
        case GLP_ENOPFS:
            result.status = .infeasible
        case GLP_ENODFS:
            result.status = .unbounded
            result.message += " The LP relaxation is unbounded: the problem is unbounded or infeasible."
        default:
            throw GLPKError.failure(operation: "glp_intopt", code: code, sentence: GLPKReturnCode.sentence(code))
        }
        guard result.status.mayHaveSolution, mipStatus == GLP_OPT || mipStatus == GLP_FEAS else { return result }
        let objective = glp_mip_obj_val(prob)
        result.objective = objective
        result.values = (0..<model.columns.count).map { glp_mip_col_val(prob, Int32($0 + 1)) }
        if result.status == .optimal {
            result.bestBound = objective
        } else if let bound = monitor.bestBound {
            // The bound can never be on the wrong side of a known solution.
            result.bestBound = model.sense == .minimize ? min(bound, objective) : max(bound, objective)
        }
        return result
    }

    // MARK: Helpers

    private static func messageLevel(_ level: MessageLevel) -> Int32 {
        switch level {
        case .off: return GLP_MSG_OFF
        case .errors: return GLP_MSG_ERR
        case .normal: return GLP_MSG_ON
        case .all: return GLP_MSG_ALL
        }
    }

    /// GLPK's `tm_lim` is Int32 milliseconds: the remaining time, clamped to that range.
    private static func remainingMilliseconds(_ options: SolveOptions, _ monitor: SearchMonitor) -> Int32 {
        guard let limit = options.timeLimit else { return Int32.max }
        let remaining = max(0, (limit - monitor.elapsed) * 1000)
        return remaining >= Double(Int32.max - 1) ? Int32.max - 1 : Int32(remaining.rounded(.up))
    }

    /// A model without columns: every row's activity is 0.
    private static func solveEmpty(_ model: LinearModel) -> SolveResult {
        let feasible = model.rows.allSatisfy { $0.lower <= 0 && 0 <= $0.upper }
        guard feasible else { return SolveResult(status: .infeasible, message: "A row without columns excludes 0.") }
        return SolveResult(
            status: .optimal, objective: model.objectiveConstant, bestBound: model.objectiveConstant,
            values: [], rowDuals: model.rows.map { _ in 0 }, reducedCosts: [],
            message: "The model has no columns.")
    }

    /// GLPK's `glp_ios_heur_sol` does not check feasibility, so a starting solution is checked here.
    static func checkStartingSolution(_ start: [Double], _ model: LinearModel, tolerance: Double = 1e-6) throws {
        for (index, column) in model.columns.enumerated() {
            let value = start[index]
            let label = column.name.isEmpty ? "column \(index + 1)" : "column '\(column.name)'"
            if value < column.lower - tolerance || value > column.upper + tolerance {
                throw OptionsError(
                    "starting solution gives \(label) the value \(value), outside its bounds "
                        + "[\(column.lower), \(column.upper)]")
            }
            if column.kind != .continuous, abs(value - value.rounded()) > tolerance {
                throw OptionsError("starting solution gives integer \(label) the fractional value \(value)")
            }
        }
        for (index, (row, activity)) in zip(model.rows, model.rowActivities(start)).enumerated() {
            let slack = tolerance * max(1, abs(activity))
            if activity < row.lower - slack || activity > row.upper + slack {
                let label = row.name.isEmpty ? "row \(index + 1)" : "row '\(row.name)'"
                throw OptionsError(
                    "starting solution breaks \(label): activity \(activity) is outside "
                        + "[\(row.lower), \(row.upper)]")
            }
        }
    }
}

extension GLPKSolver {
    /// Makes GLPK raise an internal error under the guard (for tests of the abort backstop).
    static func provokeInternalError() throws {
        let capture = TerminalCapture(sink: nil)
        try capture.during {
            let problem = GLPKProblem(capture: capture)
            _ = try problem.guarded("provoked error") { cglpk_provoke_error($0) }
        }
    }
}
