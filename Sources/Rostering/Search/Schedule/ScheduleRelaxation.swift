/// Prices on a person's resources (paid hours above the maximum or below the minimum, each limited
/// shift, weekends, overtime) for the Lagrangian relaxation of their schedule.
struct ResourcePrices: Sendable {
    /// Per paid hour: above the maximum (>= 0) and below the minimum (>= 0).
    var aboveMaximum = 0.0, belowMinimum = 0.0
    /// Per paid hour, less as much per hour of the hours overtime starts from: what the relaxation
    /// counts of overtime pay, in [0, the overtime rate] (``ScheduleRelaxation``).
    var overtime = 0.0
    /// Per shift of each limited shift (>= 0).
    var slots: [Double]
    /// Per weekend worked (>= 0).
    var weekends = 0.0

    init(slots: Int) { self.slots = Array(repeating: 0, count: slots) }
}

/// The Lagrangian relaxation of one person's schedule: the resources (hours, limited shifts,
/// weekends) are priced instead of limited, which leaves a shortest path over the
/// ``ScheduleGraph``. For prices >= 0 its value is a lower bound on the cheapest schedule; the
/// completion values it leaves guide and bound the oracle's labelling.
///
/// Overtime pay, `rate × max(0, hours − from)`, is at least `μ × (hours − from)` for every price μ in
/// [0, rate]: the relaxation counts that, a price per hour and a constant. The ascent starts μ at the
/// rate where every schedule is in overtime, else at 0, and moves it with the hours' excess over
/// `from` when asked to (``ascend(from:iterations:target:movingOvertime:)``).
struct ScheduleRelaxation {
    let rules: ScheduleRules
    let costs: ScheduleCosts
    /// The highest overtime price (the overtime rate, or 0 without overtime pay).
    let overtimeRate: Double
    /// Where the overtime price starts (``startingPrices``).
    private let startingOvertime: Double
    let hours: [[Double]]

    init(_ rules: ScheduleRules, _ costs: ScheduleCosts) {
        self.rules = rules
        self.costs = costs
        overtimeRate = max(0, costs.overtimeRate)
        let minimumHours = rules.minUnits == .min ? 0 : Double(rules.minUnits) / ScheduleRules.unitsPerHour
        startingOvertime = costs.overtimeFrom <= minimumHours ? overtimeRate : 0
        hours = rules.units.map { $0.map { Double($0) / ScheduleRules.unitsPerHour } }
    }

    /// The prices the ascent starts from: 0, but overtime at its rate when every schedule keeping the
    /// minimum hours is in overtime (the relaxation then counts overtime pay exactly).
    var startingPrices: ResourcePrices {
        var prices = ResourcePrices(slots: rules.slotLimits.count)
        prices.overtime = startingOvertime
        return prices
    }

    /// One solve of the relaxation at `prices`.
    struct Solution {
        /// The relaxation's value: a lower bound on the cheapest schedule's cost.
        var bound: Double
        /// `toGo[level][state]`: the cheapest priced completion from a state.
        var toGo: [[Double]]
        /// The cheapest priced path's choices.
        var choice: [Int?]
    }

    /// What the priced edge costs.
    @inline(__always)
    func edgeCost(_ level: Int, _ edge: Int, _ prices: ResourcePrices) -> Double {
        let graph = rules.graph
        let option = Int(graph.edgeOption[level][edge])
        guard option >= 0 else { return costs.dayOff[level] }
        var cost =
            costs.shift[level][option]
            + (prices.aboveMaximum - prices.belowMinimum + prices.overtime) * hours[level][option]
        let slot = rules.slot[level][option]
        if slot >= 0 { cost += prices.slots[slot] }
        if graph.edgeWeekend[level][edge] { cost += prices.weekends + costs.weekend }
        return cost
    }

    /// The constant part of the relaxation's value at `prices`.
    func constant(_ prices: ResourcePrices) -> Double {
        var value = -prices.overtime * costs.overtimeFrom
        if rules.maxUnits != .max { value -= prices.aboveMaximum * Double(rules.maxUnits) / ScheduleRules.unitsPerHour }
        if rules.minUnits != .min { value += prices.belowMinimum * Double(rules.minUnits) / ScheduleRules.unitsPerHour }
        for (slot, limit) in rules.slotLimits.enumerated() { value -= prices.slots[slot] * Double(limit) }
        if let most = rules.maxWeekends { value -= prices.weekends * Double(most) }
        return value
    }

    /// The relaxation at `prices`: completion values backwards over the graph, then the cheapest path.
    func solve(_ prices: ResourcePrices) -> Solution {
        let graph = rules.graph
        let days = graph.days
        var toGo = graph.states.map { Array(repeating: Double.infinity, count: $0.count) }
        var best = graph.states.map { Array(repeating: Int32(-1), count: $0.count) }
        toGo[days] = Array(repeating: 0, count: graph.states[days].count)
        for level in stride(from: days - 1, through: 0, by: -1) {
            for state in graph.states[level].indices {
                var value = Double.infinity
                var argument: Int32 = -1
                for edge in graph.edges(level: level, state: state) {
                    let total = edgeCost(level, edge, prices) + toGo[level + 1][Int(graph.edgeTo[level][edge])]
                    if total < value {
                        value = total
                        argument = Int32(edge)
                    }
                }
                toGo[level][state] = value
                best[level][state] = argument
            }
        }
        var choice = [Int?](repeating: nil, count: days)
        var state = 0
        for level in 0..<days {
            let edge = Int(best[level][state])
            guard edge >= 0 else { break }
            let option = Int(graph.edgeOption[level][edge])
            choice[level] = option >= 0 ? option : nil
            state = Int(graph.edgeTo[level][edge])
        }
        return Solution(bound: toGo[0][0] + constant(prices), toGo: toGo, choice: choice)
    }

    /// What a schedule uses of each resource, minus its limit (> 0 = over the limit); hours both ways,
    /// and its hours less those overtime starts from.
    func excess(_ choice: [Int?]) -> Excess {
        var units: Int64 = 0
        var counts = Array(repeating: 0, count: rules.slotLimits.count)
        var weeks = Set<Int>()
        for (d, option) in choice.enumerated() {
            guard let option else { continue }
            units += rules.units[d][option]
            if rules.slot[d][option] >= 0 { counts[rules.slot[d][option]] += 1 }
            if rules.weekendOf[d] >= 0 { weeks.insert(rules.weekendOf[d]) }
        }
        let worked = Double(units) / ScheduleRules.unitsPerHour
        return (
            rules.maxUnits == .max ? -1 : worked - Double(rules.maxUnits) / ScheduleRules.unitsPerHour,
            rules.minUnits == .min ? -1 : Double(rules.minUnits) / ScheduleRules.unitsPerHour - worked,
            counts.enumerated().map { Double($1 - rules.slotLimits[$0]) },
            rules.maxWeekends.map { Double(weeks.count - $0) } ?? -1,
            worked - costs.overtimeFrom
        )
    }

    typealias Excess = (
        aboveMaximum: Double, belowMinimum: Double, slots: [Double], weekends: Double, overtime: Double
    )

    /// Whether a moving overtime price can raise the bound: there is overtime pay, and not every
    /// schedule is in overtime (where one is, the price starts at the rate and counts it exactly).
    var overtimeMayMove: Bool { overtimeRate > 0 && startingOvertime < overtimeRate }

    /// Subgradient ascent on the prices from `start`: the best bound found with its prices and
    /// solution, and every path along the way that keeps all the resource limits (each keeps every rule).
    /// The overtime price stays where it starts unless `movingOvertime`.
    func ascend(
        from start: ResourcePrices, iterations: Int, target: Double?, movingOvertime: Bool = false
    ) -> (
        prices: ResourcePrices, solution: Solution,
        feasible: [[Int?]]
    ) {
        var prices = start
        var bestPrices = start
        var best = solve(prices)
        var current = best
        var feasible: [[Int?]] = []
        var step = 1.0
        var sinceImprovement = 0
        func keeps(_ excess: Excess) -> Bool {
            excess.aboveMaximum <= 1e-9 && excess.belowMinimum <= 1e-9 && excess.weekends <= 0
                && excess.slots.allSatisfy { $0 <= 0 }
        }
        for iteration in 0...iterations {
            let excess = self.excess(current.choice)
            if keeps(excess) { feasible.append(current.choice) }
            if iteration == iterations { break }
            // The direction: each price moves with its resource's excess (not below 0, overtime's not
            // above its rate).
            func direction(_ price: Double, _ excess: Double, most: Double = .infinity) -> Double {
                (price <= 0 && excess < 0) || (price >= most && excess > 0) ? 0 : excess
            }
            let gradient = (
                direction(prices.aboveMaximum, excess.aboveMaximum),
                direction(prices.belowMinimum, excess.belowMinimum),
                zip(prices.slots, excess.slots).map { direction($0, $1) },
                direction(prices.weekends, excess.weekends),
                movingOvertime ? direction(prices.overtime, excess.overtime, most: overtimeRate) : 0
            )
            let norm =
                gradient.0 * gradient.0 + gradient.1 * gradient.1 + gradient.2.reduce(0) { $0 + $1 * $1 }
                + gradient.3 * gradient.3 + gradient.4 * gradient.4
            if norm <= 1e-12 { break }  // complementary slackness: the path is optimal for the relaxation
            // Polyak's step towards the best cost known (or a little above the best bound).
            let goal = target ?? (best.bound + max(1, abs(best.bound) * 0.1))
            let length = step * max(goal - current.bound, 1e-6) / norm
            prices.aboveMaximum = max(0, prices.aboveMaximum + length * gradient.0)
            prices.belowMinimum = max(0, prices.belowMinimum + length * gradient.1)
            for slot in prices.slots.indices {
                prices.slots[slot] = max(0, prices.slots[slot] + length * gradient.2[slot])
            }
            prices.weekends = max(0, prices.weekends + length * gradient.3)
            prices.overtime = min(overtimeRate, max(0, prices.overtime + length * gradient.4))
            current = solve(prices)
            if current.bound > best.bound + 1e-9 {
                best = current
                bestPrices = prices
                sinceImprovement = 0
            } else {
                sinceImprovement += 1
                if sinceImprovement >= 4 {
                    step /= 2
                    sinceImprovement = 0
                }
            }
            if let target, best.bound >= target - 1e-9 { break }
        }
        return (bestPrices, best, feasible)
    }
}
