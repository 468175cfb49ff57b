import LinearModel
import Workforce

/// Completes a roster of shifts: with the shifts fixed, what is left (care split, agency shifts,
/// unmet hours, heads short or over, overtime, weekends, fairness) is a small problem for the solver.
public enum RosterCompletion {
    /// Column values of the whole model with the shift columns fixed to `worked` (indices into
    /// ``Candidates/all``), or `nil` when the model rejects that roster or no completion is found in time.
    public static func values(
        _ r: RosterModel, worked: Set<Int>, solver: any Solver, timeLimit: Double?
    ) throws -> [Double]? {
        var fixed = r.model
        for (i, column) in r.shiftColumns.enumerated() {
            let value: Double = worked.contains(i) ? 1 : 0
            fixed.setBounds(column, lower: value, upper: value)
        }
        let options = SolveOptions(timeLimit: timeLimit.map { max(0, $0) }, relativeGap: 1e-4)
        return try solver.solve(fixed, options: options, progress: nil, log: nil).values
    }

    /// The roster of `worked` (indices into the index's candidates) with its care split and agency
    /// shifts, from a model of those shifts alone (small whatever the size of the case), or `nil`
    /// when no completion is found in time.
    public static func roster(
        _ index: CaseIndex, worked: Set<Int>, solver: any Solver, timeLimit: Double?
    ) throws -> Roster? {
        let shifts = Set(worked.map { index.candidates.all[$0] })
        let small = Formulation.build(CaseIndex(Candidates(index.case, keeping: shifts.contains)))
        guard
            let values = try values(
                small, worked: Set(small.candidates.all.indices), solver: solver, timeLimit: timeLimit)
        else { return nil }
        return small.roster(from: values)
    }
}
