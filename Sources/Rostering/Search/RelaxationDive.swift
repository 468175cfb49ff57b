import LinearModel
import Workforce

/// A roster rounded from the whole model's linear relaxation (``WholeRelaxation``), for a case whose
/// master is not ready to dive on: a dive on the relaxation, then the shifts it leaves fractional
/// re-solved as a mixed-integer program with every other shift as the dive's relaxation has it
/// (a relaxation-enforced neighbourhood, RENS in mixed-integer programming).
///
/// Each step of the dive fixes the shifts worked whole in the relaxation and the largest fractional
/// ones (``batchShare`` of them, one a person-day) and re-solves it from its last basis. When those
/// fixings leave no solution, they are undone, the first of them is barred instead, and the next step
/// fixes one. Once the fractional shifts are at most ``handOver`` of the first relaxation's, GLPK
/// solves what is left as a mixed-integer program within ``subSolveShare`` of the time limit; when it
/// finds no roster, the dive goes on to the end. The sample case at 60 s: the roster from the person
/// by person passes was 157,165; the dive alone ended at 149,999 (10 s) and every run ended at
/// 146,984–147,192 (four runs; without the dive 146,902–147,699 in six); the dive handing over at 266
/// fractional shifts (of 898) 148,745, whose sub-solve took 0.9 s (146,738–146,785 in three runs), and
/// at 598, 148,208, found well within its 6 s (146,680 and 146,737 at 10 and 15 s; at 190, 149,409
/// and 147,122). Curtois's instance 8, whose master is ready, has a relaxation of 1232 against the
/// master's 1298, and a dive on it gave no roster in 18 s: the dive is for a master that is not ready.
struct RelaxationDive {
    /// The share of the fractional shifts fixed at each step of the dive.
    static let batchShare = 0.1
    /// The sub-solve's share of the time limit (of a minute, without a limit).
    static let subSolveShare = 0.1
    /// Shifts closer than this to 0 or 1 are whole.
    static let tolerance = 1e-6

    /// The whole model's linear relaxation, solved to optimality: the dive changes its bounds.
    let session: any LinearProgramSession
    let built: RosterModel
    let solver: any Solver
    /// The share of the first relaxation's fractional shifts at which the dive hands over to the
    /// sub-solve: at 1, the sub-solve is of the first relaxation's fractional shifts; at 0, the dive
    /// goes on alone.
    var handOver = 2.0 / 3

    /// The values of a roster of `built.model`, or `nil` when the dive and its sub-solve find none by
    /// `deadline`. `relaxed` is the session's optimal solution; `subSolveSeconds` the most the
    /// sub-solve may take (less when the deadline comes first); `completionLimit` the time limit for
    /// the care split and agency of a roster the dive makes whole.
    func roster(
        from relaxed: [Double], deadline: ContinuousClock.Instant?, subSolveSeconds: Double,
        completionLimit: Double?
    ) throws -> [Double]? {
        let x = built.shiftColumns
        let all = built.candidates.all
        let days = built.candidates.case.days.count
        var fixed = Array(repeating: false, count: x.count)
        var barred = Array(repeating: false, count: x.count)
        var values = relaxed
        // The fractional shifts at which the dive hands over, counted in the first relaxation; one
        // sub-solve a dive: when it finds nothing, the dive goes on to a whole roster.
        var handOverAt: Int?
        var handedOver = false
        var narrow = false
        while true {
            var fractional: [(value: Double, shift: Int)] = []
            for i in x.indices where !fixed[i] && !barred[i] {
                let value = values[x[i].index]
                if value > 1 - Self.tolerance {
                    fixed[i] = true
                    try session.setBounds(x[i], lower: 1, upper: 1)
                } else if value > Self.tolerance {
                    fractional.append((value, i))
                }
            }
            if fractional.isEmpty {
                let worked = Set(x.indices.filter { values[x[$0].index] > 0.5 })
                return try RosterCompletion.values(built, worked: worked, solver: solver, timeLimit: completionLimit)
            }
            let at = handOverAt ?? Int(Double(fractional.count) * handOver)
            handOverAt = at
            if !handedOver, fractional.count <= at {
                handedOver = true
                let limit = min(
                    subSolveSeconds, SearchStop.secondsLeft(until: deadline) ?? .infinity)
                if let found = try subSolve(values, fixed: fixed, barred: barred, limit: limit) {
                    return found
                }
            }
            guard !SearchStop.reached(deadline) else { return nil }
            fractional.sort { ($0.value, -$0.shift) > ($1.value, -$1.shift) }
            let size = narrow ? 1 : max(1, Int(Double(fractional.count) * Self.batchShare))
            var personDays = Set<Int>()
            var batch: [Int] = []
            for (_, i) in fractional where batch.count < size {
                if personDays.insert(all[i].person * days + all[i].day).inserted { batch.append(i) }
            }
            for i in batch {
                fixed[i] = true
                try session.setBounds(x[i], lower: 1, upper: 1)
            }
            if let solved = try solve(deadline) {
                values = solved
                narrow = false
                continue
            }
            guard !SearchStop.reached(deadline) else { return nil }
            for i in batch {
                fixed[i] = false
                try session.setBounds(x[i], lower: 0, upper: 1)
            }
            barred[batch[0]] = true
            try session.setBounds(x[batch[0]], lower: 0, upper: 0)
            guard let solved = try solve(deadline) else { return nil }
            values = solved
            narrow = true
        }
    }

    /// The relaxation re-solved from its last basis: its values when optimal, else `nil`
    /// (no solution, or stopped by `deadline`).
    private func solve(_ deadline: ContinuousClock.Instant?) throws -> [Double]? {
        let result = try session.solve(timeLimit: SearchStop.secondsLeft(until: deadline))
        return result.status == .optimal ? result.values : nil
    }

    /// The whole model with every shift that is not fractional in `values` (nor free of the dive's
    /// fixings and bars) fixed as it is there, solved within `limit` seconds: a roster's values, or
    /// `nil` when GLPK finds none.
    private func subSolve(_ values: [Double], fixed: [Bool], barred: [Bool], limit: Double) throws -> [Double]? {
        var model = built.model
        for (i, column) in built.shiftColumns.enumerated() {
            let value = values[column.index]
            if fixed[i] || value > 1 - Self.tolerance {
                model.setBounds(column, lower: 1, upper: 1)
            } else if barred[i] || value < Self.tolerance {
                model.setBounds(column, lower: 0, upper: 0)
            }
        }
        let options = SolveOptions(timeLimit: max(0, limit), relativeGap: 1e-4)
        // A solver's failure here costs only this attempt (as a part's, ``NeighbourhoodSearch/step(_:)``).
        do {
            return try solver.solve(model, options: options, progress: nil, log: nil).values
        } catch is any SolverFailure {
            return nil
        }
    }
}
