import Workforce

/// Heads and care hours that a set of people's schedules give to each demand row, and what one
/// more shift would be worth there: the priced rules that link people (unmet hours, heads short of
/// `min_staff`, heads above `max_staff`) seen from one person while everyone else stays put.
struct CoverageLedger {
    let index: CaseIndex
    /// Own staff on each demand row's shift who hold its competency.
    private(set) var heads: [DemandKey: Int] = [:]
    /// Care hours given to each demand row.
    private(set) var care: [DemandKey: Double] = [:]
    /// Care hours each worked candidate gives, by demand key (to take them back).
    private var given: [Int: [(key: DemandKey, hours: Double)]] = [:]
    /// What an hour of uncovered demand costs: the unmet-hour penalty, or agency cover when it is
    /// cheaper and its cap could cover all the demand.
    let hourValue: Double

    init(_ index: CaseIndex) {
        self.index = index
        let s = index.case.settings
        let demanded = index.case.demand.reduce(0) { $0 + $1.hours }
        hourValue =
            s.agencyHourlyCost > 0 && (s.agencyMaxHours ?? .infinity) >= demanded
            ? min(s.unmetHourPenalty, s.agencyHourlyCost) : s.unmetHourPenalty
    }

    /// What working candidate `i` changes in the priced linking rules (negative = it helps),
    /// with everyone else's shifts as recorded.
    func value(of i: Int) -> Double {
        let keys = index.keysMet[i]
        guard !keys.isEmpty else { return 0 }
        let paid = index.case.shifts[index.candidates.all[i].shift].paidHours
        var change = 0.0
        var open = 0.0
        for key in keys {
            let demand = index.demand[key]!
            let count = heads[key] ?? 0
            if count < demand.minStaff { change -= demand.underWeight }
            if let most = demand.maxStaff, count >= most { change += demand.overWeight }
            open += max(0, demand.hours - (care[key] ?? 0))
        }
        return change - min(paid, open) * hourValue
    }

    /// What working candidate `i` changes in the priced linking rules, as ``value(of:)``, with each
    /// short row's heads and hours weighed `1 + emphasis[row]` times (a guided pass's costs).
    func value(of i: Int, emphasis: [DemandKey: Double]) -> Double {
        guard !emphasis.isEmpty else { return value(of: i) }
        let keys = index.keysMet[i]
        guard !keys.isEmpty else { return 0 }
        var change = 0.0
        for key in keys {
            let demand = index.demand[key]!
            let count = heads[key] ?? 0
            if count < demand.minStaff { change -= demand.underWeight * (1 + (emphasis[key] ?? 0)) }
            if let most = demand.maxStaff, count >= most { change += demand.overWeight }
        }
        for (key, hours) in split(i) { change -= hours * hourValue * (1 + (emphasis[key] ?? 0)) }
        return change
    }

    /// Where candidate `i`'s care hours would go: to its rows with the most hours still open first.
    private func split(_ i: Int) -> [(key: DemandKey, hours: Double)] {
        var left = index.case.shifts[index.candidates.all[i].shift].paidHours
        var split: [(key: DemandKey, hours: Double)] = []
        let keys = index.keysMet[i]
        let open = keys.map { ($0, max(0, index.demand[$0]!.hours - (care[$0] ?? 0))) }.sorted { $0.1 > $1.1 }
        for (key, hours) in open where left > 0 && hours > 0 {
            let share = min(left, hours)
            split.append((key, share))
            left -= share
        }
        return split
    }

    /// Records candidate `i` as worked: one more head where its person holds the competency, and
    /// its care hours given to the rows with the most hours still open.
    mutating func add(_ i: Int) {
        let keys = index.keysMet[i]
        guard !keys.isEmpty else { return }
        let split = split(i)
        for (key, hours) in split { care[key, default: 0] += hours }
        for key in keys { heads[key, default: 0] += 1 }
        given[i] = split
    }

    /// The priced linking rules over every demand row: unmet hours (at ``hourValue``), heads short
    /// of `min_staff` and heads above `max_staff`.
    var penalties: Double {
        var total = 0.0
        for key in index.demandKeys {
            let demand = index.demand[key]!
            let count = heads[key] ?? 0
            total += max(0, demand.hours - (care[key] ?? 0)) * hourValue
            total += Double(max(0, demand.minStaff - count)) * demand.underWeight
            if let most = demand.maxStaff { total += Double(max(0, count - most)) * demand.overWeight }
        }
        return total
    }

    /// The demand rows left short: a head under `min_staff`, or hours uncovered (in file order).
    var shortKeys: [DemandKey] {
        index.demandKeys.filter { key in
            let demand = index.demand[key]!
            return (heads[key] ?? 0) < demand.minStaff || (care[key] ?? 0) < demand.hours - 1e-6
        }
    }

    /// Takes back what `add(i)` recorded.
    mutating func remove(_ i: Int) {
        for key in index.keysMet[i] { heads[key, default: 0] -= 1 }
        for (key, hours) in given.removeValue(forKey: i) ?? [] { care[key, default: 0] -= hours }
    }
}
