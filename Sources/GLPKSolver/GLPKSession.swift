import CGLPK
import LinearModel

/// A linear program kept alive in GLPK for column generation: one `glp_prob`, created, changed and
/// solved on one thread. Columns join the problem with `glp_add_cols` and `glp_set_mat_col`; each
/// solve starts from the last basis with the primal simplex (new columns enter at their lower bound,
/// so the basis stays feasible), once one solve has ended optimal. Until then the dual simplex is
/// used: GLPK's first basis has every row's slack basic, far from feasible in a master whose rows
/// ask for heads, and dual feasible where every cost is non-negative. Column generation's first
/// master of Curtois instance 24 (22,426 rows) took the primal simplex 23 s and the dual 4.8 s;
/// re-solves by the dual simplex after columns joined took instance 21's master 0.4–6.2 s a round
/// where the primal took 0.2–0.9 s. After bounds change the primal simplex is used too, though the
/// basis is then dual feasible: on diving's fixings (hundreds of basic schedule columns closed at
/// once) GLPK's dual simplex took up to 11 s where the primal took under 0.5 s, and 4.5 times as long
/// on average (measured on `Data/orkney` and Curtois instance 8). Everything GLPK would abort on is
/// checked in Swift first, as in ``GLPKSolver``.
public final class GLPKSession: LinearProgramSession {
    public private(set) var model: LinearModel
    private let capture = TerminalCapture(sink: nil)
    private let problem: GLPKProblem
    /// Whether a solve has ended with an optimal basis (the primal simplex starts from it).
    private var optimalBasis = false

    /// Loads `model`'s linear program (integrality ignored).
    /// - Throws: ``ModelError`` when the model is invalid.
    public init(_ model: LinearModel) throws {
        try model.validate()
        let relaxed = model.linearRelaxation
        self.model = relaxed
        problem = GLPKProblem(capture: capture)
        try capture.during { try problem.load(relaxed) }
    }

    @discardableResult
    public func addColumn(
        _ name: String, lower: Double, upper: Double, objective: Double,
        entries: [(row: RowHandle, coefficient: Double)]
    ) throws -> Variable {
        var issues: [ModelIssue] = []
        if let problem = LinearModel.nameProblem(name) {
            issues.append(ModelIssue(.invalidName, "column '\(name)': name \(problem)"))
        }
        if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity || lower > upper {
            issues.append(ModelIssue(.invalidBounds, "column '\(name)': bounds [\(lower), \(upper)] are not a range"))
        }
        if !objective.isFinite {
            issues.append(ModelIssue(.nonFiniteCoefficient, "column '\(name)': objective \(objective)"))
        }
        var seen = Set<Int>()
        for (row, coefficient) in entries {
            if !model.rows.indices.contains(row.index) {
                issues.append(
                    ModelIssue(
                        .unknownRow,
                        "column '\(name)' names row \(row.index), but the model has "
                            + "\(model.rows.count) rows"))
            } else if !seen.insert(row.index).inserted {
                issues.append(ModelIssue(.unknownRow, "column '\(name)' names row \(row.index) twice"))
            }
            if !coefficient.isFinite {
                issues.append(ModelIssue(.nonFiniteCoefficient, "column '\(name)': coefficient \(coefficient)"))
            }
        }
        if !issues.isEmpty { throw ModelError(issues: issues) }
        let variable = model.addColumn(name, lower: lower, upper: upper, objective: objective, entries: entries)
        try capture.during {
            let prob = try problem.live("add a column")
            glp_add_cols(prob, 1)
            let j = Int32(variable.index + 1)
            if !name.isEmpty { glp_set_col_name(prob, j, name) }
            let (type, lb, ub) = GLPKProblem.boundType(lower, upper)
            glp_set_col_bnds(prob, j, type, lb, ub)
            glp_set_obj_coef(prob, j, objective)
            let kept = entries.filter { $0.coefficient != 0 }
            if !kept.isEmpty {
                let rows = [Int32(0)] + kept.map { Int32($0.row.index + 1) }
                let values = [0.0] + kept.map(\.coefficient)
                _ = try problem.guarded("glp_set_mat_col") { cglpk_set_mat_col($0, j, Int32(kept.count), rows, values) }
            }
        }
        return variable
    }

    public func setBounds(_ variable: Variable, lower: Double, upper: Double) throws {
        guard model.columns.indices.contains(variable.index) else {
            throw ModelError(issues: [
                ModelIssue(
                    .unknownColumn,
                    "bounds were set on column \(variable.index), but the "
                        + "model has \(model.columns.count) columns")
            ])
        }
        if lower.isNaN || upper.isNaN || lower == .infinity || upper == -.infinity || lower > upper {
            throw ModelError(issues: [ModelIssue(.invalidBounds, "bounds [\(lower), \(upper)] are not a range")])
        }
        model.setBounds(variable, lower: lower, upper: upper)
        try capture.during {
            let (type, lb, ub) = GLPKProblem.boundType(lower, upper)
            glp_set_col_bnds(try problem.live("set bounds"), Int32(variable.index + 1), type, lb, ub)
        }
    }

    /// With `presolve`, GLPK's presolver runs first (and the dual simplex on what it leaves): the sample
    /// case's whole relaxation took 2.9 s so against 3.4 s without. The basis it recovers for the
    /// program is where the next solve starts.
    public func solve(timeLimit: Double?, presolve: Bool) throws -> SolveResult {
        if let timeLimit, !(timeLimit.isFinite && timeLimit >= 0) {
            throw OptionsError("time limit must be a finite number of seconds >= 0, got \(timeLimit)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        return try capture.during {
            var parameters = glp_smcp()
            glp_init_smcp(&parameters)
            parameters.msg_lev = GLP_MSG_OFF
            parameters.presolve = presolve ? GLP_ON : GLP_OFF
            parameters.meth = optimalBasis && !presolve ? GLP_PRIMAL : GLP_DUALP
            if let timeLimit {
                let milliseconds = timeLimit * 1000
                parameters.tm_lim =
                    milliseconds >= Double(Int32.max - 1) ? Int32.max - 1 : Int32(milliseconds.rounded(.up))
            }
            var code = try problem.guarded("glp_simplex") { cglpk_simplex($0, &parameters) }
            if code != 0 && code != GLP_ETMLIM {
                // A basis GLPK cannot factorise (e.g. after many bound changes): start from a fresh one.
                // The presolver cannot tell an infeasible program from an unbounded one: without it.
                parameters.presolve = GLP_OFF
                glp_adv_basis(try problem.live("advanced basis"), 0)
                code = try problem.guarded("glp_simplex") { cglpk_simplex($0, &parameters) }
            }
            if try GLPKSolver.onlyDualInfeasible(problem, code: code) {
                // The dual simplex from a basis neither primal nor dual feasible: the primal tells
                // an infeasible program from an unbounded one.
                parameters.meth = GLP_PRIMAL
                code = try problem.guarded("glp_simplex") { cglpk_simplex($0, &parameters) }
            }
            let spent = clock.now - started
            let result = try GLPKSolver.lpResult(problem, model, code: code, elapsed: spent.inSeconds)
            optimalBasis = optimalBasis || result.status == .optimal
            return result
        }
    }
}

extension GLPKSolver {
    public func session(for model: LinearModel) throws -> any LinearProgramSession { try GLPKSession(model) }
}
