import Workforce

/// Finds the people who have no schedule of their own and explains why.
///
/// Every hard rule concerns one person (cover and staffing are priced; the agency cap is met by
/// booking none), so a roster exists exactly when each person alone has a schedule. Each person is
/// asked of the ``ScheduleOracle``; for each who has none, rules are dropped one at a time while
/// the rest still conflict (a deletion filter), leaving a smallest set of rules that cannot hold
/// together, reported with that person's unavailable and pinned dates.
public struct Explanation: Sendable {
    public let `case`: Case
    private let pinned: Candidates
    private let unpinned: Candidates

    /// Hard rules of one person that the deletion filter may drop (the others are the model's
    /// structure or leave candidates out).
    static let droppable = RuleID.scheduleRules.filter { $0.enforcement == .rows && $0 != .oneShiftPerDate }

    public init(_ c: Case) {
        self.case = c
        pinned = Candidates(c)
        var free = c
        free.pins = []
        unpinned = Candidates(free)
    }

    /// What the oracle says of person `p` under `rules`.
    public func schedule(of p: Int, rules: Set<RuleID> = Set(RuleID.scheduleRules)) -> ScheduleResult {
        let candidates = rules.contains(.pinned) ? pinned : unpinned
        return ScheduleOracle(ScheduleRules(candidates, person: p, rules: rules)).anySchedule()
    }

    /// One line for each person proven to have no schedule (people the oracle could not settle
    /// within its limits are left out: they are not proven).
    public func explain(people: [Int]? = nil) -> [String] {
        var lines: [String] = []
        for p in people ?? Array(self.case.staff.indices) {
            guard case .infeasible = schedule(of: p) else { continue }
            var kept = Set(RuleID.scheduleRules)
            for rule in Self.droppable {
                var without = kept
                without.remove(rule)
                if case .infeasible = schedule(of: p, rules: without) { kept = without }
            }
            lines.append(describe(self.case.staff[p], Self.droppable.filter { kept.contains($0) }))
        }
        return lines
    }

    private func describe(_ person: Staff, _ rules: [RuleID]) -> String {
        let c = self.case
        let pins = c.pins.filter { $0.staffID == person.id }
        var parts: [String] = rules.map { rule in
            switch rule {
            case .maxHours:
                let most = MaximumHours.limit(person, days: c.days.count)
                return "max_hours (at most \(format(most)) paid hours in the horizon)"
            case .minHours:
                let least = MinimumHours.limit(person, days: c.days.count)
                return "min_hours (at least \(format(least)) paid hours in the horizon)"
            case .maxConsecutiveDays: return "max_consecutive_days (\(person.maxConsecutiveDays))"
            case .minConsecutiveDays: return "min_consecutive_days (\(person.minConsecutiveDays))"
            case .minConsecutiveDaysOff: return "min_consecutive_days_off (\(person.minConsecutiveDaysOff))"
            case .maxWeekends: return "max_weekends (\(person.maxWeekends ?? 0))"
            case .pinned:
                return "pinned shifts on "
                    + pins.filter { $0.shiftID != nil }.map(\.day.iso).prefix(8).joined(separator: ", ")
            case .rest: return "rest (\(format(c.settings.minRestHours)) h between shifts, travel included)"
            case .shiftLimit:
                let limits = c.shifts.compactMap { shift in
                    c.shiftLimits[Pair(person.id, shift.id)].map { "\(shift.id) \($0)" }
                }
                return "shift_limit (\(limits.joined(separator: ", ")))"
            default: return rule.rawValue
            }
        }
        let off =
            c.availability.filter { $0.staffID == person.id && $0.kind == .unavailable }.map(\.day.iso)
            + pins.filter { $0.shiftID == nil }.map(\.day.iso)
        if !off.isEmpty {
            let dates = off.sorted().prefix(6).joined(separator: ", ") + (off.count > 6 ? ", ..." : "")
            parts.append("unavailable or pinned off on \(off.count) date\(off.count == 1 ? "" : "s") (\(dates))")
        }
        if person.localities.isEmpty { parts.append("no locality the person may work in") }
        return "\(person.id): no roster keeps together " + parts.joined(separator: "; ")
    }
}
