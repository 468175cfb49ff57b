import LinearModel

/// The master's Lagrangian function with its linking rows relaxed: at any row duals of the signs a
/// minimising linear program's duals have (at least 0 on `>=` rows, at most 0 on `<=` rows), its
/// value bounds the master's linear optimum over every schedule from below, given a lower bound on
/// each person's cheapest schedule at those duals. Column generation reads it at duals other than
/// the master's own (``ColumnGeneration/smoothing``), where the master's value and reduced costs say
/// nothing.
///
/// L(π) = constant + Σ rows π_r b_r + Σ columns min over [l, u] of (c_j − π A_j) x_j + Σ people
/// min(cheapest_p, none), where the rows are every row but the people's schedule rows, b_r is the
/// row's bound on the side π_r's sign binds, the columns are those that are neither schedules nor a
/// person's "no schedule" column, and the people's term is the cheapest of their schedules (own costs
/// less what the linking rows pay for them) or their "no schedule" column.
struct MasterLagrangian {
    private let constant: Double
    /// Every row but the schedule rows: its index and bounds.
    private let rows: [(index: Int, lower: Double, upper: Double)]
    /// Every column that is neither a schedule nor a "no schedule" column: its cost, bounds and
    /// entries (row index, coefficient).
    private let columns: [(objective: Double, lower: Double, upper: Double, entries: [(row: Int, coefficient: Double)])]
    /// The cost of each person's "no schedule" column.
    private let none: [Double]
    /// A dual or reduced cost of the wrong sign within this is read as 0 (the simplex's tolerance).
    static let tolerance = 1e-9

    /// Reads the rows and the columns that are not schedules from `master` (schedules added later
    /// change none of them).
    init(_ master: MasterProblem) {
        let model = master.session.model
        let schedules = Set(master.schedules.map(\.column.index))
        let artificial = Set(master.artificial.map(\.index))
        let convexity = Set(master.convexity.map(\.index))
        var entries = [[(row: Int, coefficient: Double)]](repeating: [], count: model.columns.count)
        var rows: [(index: Int, lower: Double, upper: Double)] = []
        for (r, row) in model.rows.enumerated() where !convexity.contains(r) {
            rows.append((r, row.lower, row.upper))
            for term in row.terms where !schedules.contains(term.variable.index) {
                entries[term.variable.index].append((r, term.coefficient))
            }
        }
        self.rows = rows
        columns = model.columns.indices.filter { !schedules.contains($0) && !artificial.contains($0) }.map {
            (model.objectiveCoefficients[$0], model.columns[$0].lower, model.columns[$0].upper, entries[$0])
        }
        none = master.artificial.map { model.objectiveCoefficients[$0.index] }
        constant = model.objectiveConstant
    }

    /// L(π) at `duals` (one per row of the master), given `cheapest[p]`, a lower bound on person
    /// `p`'s cheapest schedule under ``MasterProblem/pricing(_:duals:)`` at the same duals;
    /// `-infinity` where the duals leave the function unbounded.
    func value(at duals: [Double], cheapest: [Double]) -> Double {
        var total = constant
        for row in rows {
            let dual = duals[row.index]
            guard let term = Self.least(dual, lower: row.lower, upper: row.upper) else { return -.infinity }
            total += term
        }
        for column in columns {
            var reduced = column.objective
            for (row, coefficient) in column.entries { reduced -= duals[row] * coefficient }
            guard let term = Self.least(reduced, lower: column.lower, upper: column.upper) else { return -.infinity }
            total += term
        }
        for (p, cost) in cheapest.enumerated() { total += min(cost, none[p]) }
        return total
    }

    /// The least of `slope × x` over `x` in [lower, upper]; `nil` when it has none (unbounded).
    private static func least(_ slope: Double, lower: Double, upper: Double) -> Double? {
        if slope > tolerance { return lower.isFinite ? slope * lower : nil }
        if slope < -tolerance { return upper.isFinite ? slope * upper : nil }
        // Within the tolerance: at whichever finite bound is nearer 0.
        if lower <= 0 && upper >= 0 { return 0 }
        return slope * (lower > 0 ? lower : upper)
    }
}
