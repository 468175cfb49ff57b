import CGLPK
import LinearModel

/// State shared with GLPK's branch-and-cut callback: tracks incumbent and bound, reports progress,
/// offers a starting solution once, and stops the search when the caller asks.
///
/// The callback never throws across C: a stop request calls `glp_ios_terminate`, and the solver
/// reads ``stopRequested`` after `glp_intopt` returns `GLP_ESTOP`.
final class SearchMonitor {
    private let clock = ContinuousClock()
    private let started: ContinuousClock.Instant
    private let handler: ((SolveProgress) -> ProgressAction)?
    private let interval: Double
    private var lastReport: Double = 0
    private var lastIncumbent: Double?
    private var startingSolution: [Double]?
    private(set) var bestBound: Double?
    private(set) var incumbent: Double?
    private(set) var nodes = 0
    private(set) var stopRequested = false

    init(
        started: ContinuousClock.Instant, interval: Double, startingSolution: [Double]?,
        handler: ((SolveProgress) -> ProgressAction)?
    ) {
        self.started = started
        self.interval = interval
        self.handler = handler
        self.startingSolution = startingSolution.map { [0] + $0 }  // GLPK arrays are 1-based
    }

    var elapsed: Double {
        let duration = clock.now - started
        return duration.inSeconds
    }

    /// Installs the callback into `parameters` for the lifetime of `body`.
    func during<T>(_ parameters: inout glp_iocp, _ body: (inout glp_iocp) throws -> T) rethrows -> T {
        parameters.cb_func = { tree, info in
            guard let tree, let info else { return }
            Unmanaged<SearchMonitor>.fromOpaque(info).takeUnretainedValue().handle(tree)
        }
        parameters.cb_info = Unmanaged.passUnretained(self).toOpaque()
        return try withExtendedLifetime(self) { try body(&parameters) }
    }

    private func handle(_ tree: OpaquePointer) {
        let reason = glp_ios_reason(tree)
        if reason == GLP_IHEUR, var start = startingSolution {
            startingSolution = nil
            // Only offered with presolve off, so the tree's columns are the model's columns;
            // the solution was checked for feasibility before the solve (GLPK does not check).
            _ = glp_ios_heur_sol(tree, &start)
        }
        let best = glp_ios_best_node(tree)
        if best != 0 {
            // A node whose LP is not solved yet has the bound -DBL_MAX (or +DBL_MAX): not a bound.
            let bound = glp_ios_node_bound(tree, best)
            if abs(bound) < 1e300 { bestBound = bound }
        }
        let problem = glp_ios_get_prob(tree)
        if glp_mip_status(problem) == GLP_FEAS { incumbent = glp_mip_obj_val(problem) }
        var total: Int32 = 0
        glp_ios_tree_size(tree, nil, nil, &total)
        nodes = Int(total)
        guard let handler, !stopRequested else { return }
        let now = elapsed
        // New incumbents come from integer LP solutions (GLP_IBINGO) and from heuristics: compare values.
        let found = incumbent != nil && incumbent != lastIncumbent
        guard found || (reason == GLP_ISELECT && now - lastReport >= interval) else { return }
        lastReport = now
        lastIncumbent = incumbent
        let report = SolveProgress(
            elapsed: now, incumbent: incumbent, bestBound: bestBound, nodes: nodes,
            newIncumbent: found)
        if handler(report) == .stop {
            stopRequested = true
            glp_ios_terminate(tree)
        }
    }
}
