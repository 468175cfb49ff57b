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
    /// Where L is finite in each linking row's dual, by row index: the sign the row's bounds allow,
    /// narrowed by each column unbounded on one side whose only entry is in the row (its reduced
    /// cost must not have that side's sign). Columns unbounded with several entries are left out.
    private let finite: [Int: (least: Double, most: Double)]
    /// ``rows`` by row index.
    private let rowByIndex: [Int: (index: Int, lower: Double, upper: Double)]
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
        rowByIndex = Dictionary(uniqueKeysWithValues: rows.map { ($0.index, $0) })
        columns = model.columns.indices.filter { !schedules.contains($0) && !artificial.contains($0) }.map {
            (model.objectiveCoefficients[$0], model.columns[$0].lower, model.columns[$0].upper, entries[$0])
        }
        none = master.artificial.map { model.objectiveCoefficients[$0.index] }
        constant = model.objectiveConstant
        var finite: [Int: (least: Double, most: Double)] = [:]
        for row in rows {
            finite[row.index] = (row.upper.isFinite ? -.infinity : 0, row.lower.isFinite ? .infinity : 0)
        }
        for column in columns where column.entries.count == 1 && column.entries[0].coefficient != 0 {
            let (row, coefficient) = column.entries[0]
            // The dual at which the reduced cost objective − dual × coefficient is 0.
            let zero = column.objective / coefficient
            // Unbounded above: the reduced cost must be at least 0; below: at most 0.
            guard var range = finite[row] else { continue }
            for (unbounded, atLeast) in [(!column.upper.isFinite, true), (!column.lower.isFinite, false)]
            where unbounded {
                if (coefficient > 0) == atLeast {
                    range.most = min(range.most, zero)
                } else {
                    range.least = max(range.least, zero)
                }
            }
            finite[row] = range
        }
        self.finite = finite
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

    /// A subgradient of L at `duals` (one per row of the master) where person `p` works the schedule
    /// whose entries in the linking rows are `schedules[p]` (``MasterProblem/entries(person:_:)``),
    /// their cheapest there: for each linking row, the value of its activity that minimises
    /// `dual × activity` within the row's bounds, less the activity of the schedules and of the
    /// columns at the values that minimise their terms (0 in the people's schedule rows). Where a
    /// dual or a reduced cost is 0 within ``tolerance``, any value within the bounds minimises; the
    /// one nearest what the rest of the row asks for is taken (a column with one entry fills its row
    /// towards the row's bounds; a row's value meets its activity where that is within them).
    func subgradient(at duals: [Double], schedules: [[(row: RowHandle, coefficient: Double)]]) -> [Double] {
        var activity = [Double](repeating: 0, count: duals.count)
        for entries in schedules {
            for (row, coefficient) in entries { activity[row.index] += coefficient }
        }
        func value(_ row: (index: Int, lower: Double, upper: Double)) -> Double {
            let dual = duals[row.index]
            if dual > Self.tolerance { return row.lower }
            if dual < -Self.tolerance { return row.upper }
            return min(max(activity[row.index], row.lower), row.upper)
        }
        var tied: [(lower: Double, upper: Double, row: Int, coefficient: Double)] = []
        for column in columns {
            var reduced = column.objective
            for (row, coefficient) in column.entries { reduced -= duals[row] * coefficient }
            let x: Double
            if reduced > Self.tolerance {
                x = column.lower
            } else if reduced < -Self.tolerance {
                x = column.upper
            } else if column.entries.count == 1 {
                tied.append((column.lower, column.upper, column.entries[0].row, column.entries[0].coefficient))
                continue
            } else {
                x = min(max(0, column.lower), column.upper)
            }
            for (row, coefficient) in column.entries { activity[row] += coefficient * x }
        }
        for column in tied where column.coefficient != 0 {
            guard let row = rowByIndex[column.row] else { continue }
            let wanted = (value(row) - activity[row.index]) / column.coefficient
            activity[row.index] += column.coefficient * min(max(wanted, column.lower), column.upper)
        }
        var gradient = [Double](repeating: 0, count: duals.count)
        for row in rows { gradient[row.index] = value(row) - activity[row.index] }
        return gradient
    }

    /// `duals` moved `step` along `direction` in the linking rows, each kept where L is finite in it
    /// (``finite``): at least 0 on a row bounded only from below, at most 0 on one bounded only from
    /// above, 0 on an unbounded one, and short of where a column unbounded on one side with its one
    /// entry there would have a reduced cost of that side's sign (a head above `max_staff`, priced,
    /// caps the dual of the heads' row from below at minus its price).
    func moved(_ duals: [Double], along direction: [Double], step: Double) -> [Double] {
        var moved = duals
        for row in rows {
            let dual = duals[row.index] + step * direction[row.index]
            guard let range = finite[row.index] else { continue }
            moved[row.index] = min(max(dual, range.least), range.most)
        }
        return moved
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
