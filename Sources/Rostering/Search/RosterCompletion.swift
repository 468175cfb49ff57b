import LinearModel
import Workforce

/// Completes a roster of shifts into a value for every column of the model: with the shift
/// columns fixed, what is left (care split, agency shifts, unmet hours, heads short or over,
/// overtime, weekends, fairness) is a small problem for the solver.
public enum RosterCompletion {
    /// Column values of the whole model with the shift columns fixed to `worked` (indices into
    /// ``Candidates/all``), or `nil` when the model rejects that roster or no completion is found in time.
    public static func values(_ r: RosterModel, worked: Set<Int>, solver: any Solver, timeLimit: Double?) throws -> [Double]? {
        var fixed = r.model
        for (i, column) in r.shiftColumns.enumerated() {
            let value: Double = worked.contains(i) ? 1 : 0
            fixed.setBounds(column, lower: value, upper: value)
        }
        let options = SolveOptions(timeLimit: timeLimit.map { max(0, $0) }, relativeGap: 1e-4)
        return try solver.solve(fixed, options: options, progress: nil, log: nil).values
    }
}
