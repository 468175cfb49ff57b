import Workforce

/// One person's own scheduling problem: the shifts they may work on each day of the horizon and
/// the hard rules that bind them alone, in the form the ``ScheduleOracle`` searches.
///
/// Availability, allowed localities, shift limits of 0 and pins are already in the options (they
/// come from ``Candidates``); a pinned shift must also be worked. Each rule of
/// ``RuleID/scheduleRules`` is kept here unless it is left out of `rules` (the infeasibility
/// explanation drops rules one at a time).
public struct ScheduleRules: Sendable {
    /// The person's index in the case.
    public let person: Int
    /// `options[day]`: the candidates (indices into ``Candidates/all``) the person may work that day.
    public let options: [[Int]]
    /// Days with a pinned shift: one of the options must be worked.
    let mustWork: [Bool]
    /// Paid hours (shift plus travel) of each option, in ``unitsPerHour`` units.
    let units: [[Int64]]
    /// Most and fewest paid-hour units over the horizon.
    let maxUnits: Int64, minUnits: Int64
    /// Most consecutive working days (`Int.max` = no limit); fewest, for runs not cut by the horizon.
    let maxRun: Int, minRun: Int, minOff: Int
    /// For each day, the index of its weekend when it is a Saturday or Sunday, else -1.
    let weekendOf: [Int]
    /// Weekends that may be worked (`nil` = no limit).
    let maxWeekends: Int?
    /// Whether weekends worked are counted: for their limit, or because they cost (fairness).
    let countsWeekends: Bool
    /// For each option, its limited-shift slot (-1 when its shift has no binding limit).
    let slot: [[Int]]
    /// Most times each limited shift may be worked.
    let slotLimits: [Int]
    /// For each option, its rest class (options that forbid the same later shifts share one), or -1
    /// when it forbids nothing later (see ``conflicts``).
    let tailClass: [[Int]]
    /// The number of rest classes.
    let classCount: Int
    /// `conflicts[k - 1][tail][day][option]` = true when working `option` on `day` is forbidden k days
    /// after a shift of rest class `tail` (rest too short, or a forbidden sequence when k is 1).
    let conflicts: [[[[Bool]]]]
    /// Most days after a shift on which a later shift may still conflict with it.
    let reach: Int
    /// The rules kept.
    public let rules: Set<RuleID>
    /// Every state a partial schedule can be in after each day, and the choices between them.
    private(set) var graph: ScheduleGraph

    /// Units of paid hours: 1e-7 h, so sums are exact and the spec's 1e-6 h allowance is 10 units.
    public static let unitsPerHour = 10_000_000.0

    /// The rules of person `person` in `candidates`' case, keeping `rules` (all person hard rules by default).
    /// - Parameter pricedWeekends: count weekends worked even without a limit, because each costs
    ///   something (``ScheduleCosts/weekend``).
    public init(
        _ candidates: Candidates, person p: Int, rules: Set<RuleID> = Set(RuleID.scheduleRules),
        pricedWeekends: Bool = false
    ) {
        let c = candidates.case
        let person = c.staff[p]
        let dayCount = c.days.count
        self.person = p
        self.rules = rules
        let options = candidates.byPersonDay[p]
        self.options = options
        let pinned = Set(
            c.pins.filter { $0.staffID == person.id && $0.shiftID != nil }.compactMap { candidates.dayIndex[$0.day] })
        mustWork = (0..<dayCount).map { rules.contains(.pinned) && pinned.contains($0) }
        units = options.map {
            $0.map { Int64((candidates.paidHours(candidates.all[$0]) * Self.unitsPerHour).rounded()) }
        }
        maxUnits =
            rules.contains(.maxHours)
            ? Int64(((MaximumHours.limit(person, days: dayCount) + 1e-6) * Self.unitsPerHour).rounded(.down)) : .max
        minUnits =
            rules.contains(.minHours)
            ? Int64(((MinimumHours.limit(person, days: dayCount) - 1e-6) * Self.unitsPerHour).rounded(.up)) : .min
        maxRun =
            rules.contains(.maxConsecutiveDays) && person.maxConsecutiveDays < dayCount
            ? person.maxConsecutiveDays : .max
        minRun = rules.contains(.minConsecutiveDays) ? max(1, person.minConsecutiveDays) : 1
        minOff = rules.contains(.minConsecutiveDaysOff) ? max(1, person.minConsecutiveDaysOff) : 1
        var weekendOf = Array(repeating: -1, count: dayCount)
        var weeks: [Day: Int] = [:]
        for (d, day) in c.days.enumerated() where day.isWeekend {
            if weeks[day.weekStart] == nil { weeks[day.weekStart] = weeks.count }
            weekendOf[d] = weeks[day.weekStart]!
        }
        self.weekendOf = weekendOf
        maxWeekends = rules.contains(.maxWeekends) ? person.maxWeekends.flatMap { $0 < weeks.count ? $0 : nil } : nil
        countsWeekends = maxWeekends != nil || pricedWeekends

        // Shift limits that can bind: fewer than the days the shift could be worked.
        var slotOfShift: [Int: Int] = [:]
        var slotLimits: [Int] = []
        if rules.contains(.shiftLimit) {
            for (s, shift) in c.shifts.enumerated() {
                guard let limit = c.shiftLimits[Pair(person.id, shift.id)], limit > 0 else { continue }
                let possible = options.filter { $0.contains { candidates.all[$0].shift == s } }.count
                if possible > limit {
                    slotOfShift[s] = slotLimits.count
                    slotLimits.append(limit)
                }
            }
        }
        self.slotLimits = slotLimits
        slot = options.map { $0.map { slotOfShift[candidates.all[$0].shift] ?? -1 } }

        // Rest classes: options that end (journey home included) at the same minute of their day
        // with the same shift behave alike for everything that follows.
        var classes: [[Int]: Int] = [:]
        var classShift: [Int] = []
        var classEnd: [Double] = []
        var rawClass: [[Int]] = []
        for (d, day) in options.enumerated() {
            rawClass.append(
                day.map { i in
                    let candidate = candidates.all[i]
                    let end = candidates.span(candidate).end - Double(d * 1440)
                    let key = [candidate.shift, Int((end * 1000).rounded())]
                    if let known = classes[key] { return known }
                    classes[key] = classShift.count
                    classShift.append(candidate.shift)
                    classEnd.append(end)
                    return classShift.count - 1
                })
        }
        let minimumRest = rules.contains(.rest) ? c.settings.minRestHours * 60 : -Double.infinity
        let forbidden = rules.contains(.forbiddenSequence) ? c.forbiddenSequences : []
        let latestEnd = classEnd.max() ?? 0
        let earliestStart =
            options.enumerated().flatMap { d, day in
                day.map { candidates.span(candidates.all[$0]).start - Double(d * 1440) }
            }.min() ?? 0
        var reach = forbidden.isEmpty ? 0 : 1
        if minimumRest.isFinite {
            // A shift k days later starts at k * 1440 + its start; it conflicts while that is too soon.
            reach = max(reach, Int(((latestEnd + minimumRest - earliestStart) / 1440).rounded(.up)))
        }
        reach = max(0, min(reach, dayCount))
        // Looked up by shift index: each option meets each rest class (a person has many of both).
        let forbiddenAfter = c.shifts.map { first in c.shifts.map { forbidden.contains(Pair(first.id, $0.id)) } }
        let optionShift = options.map { $0.map { candidates.all[$0].shift } }
        let optionStart = options.enumerated().map { d, day in
            day.map { candidates.span(candidates.all[$0]).start - Double(d * 1440) }
        }
        let rawConflicts: [[[[Bool]]]] = (0..<classShift.count).map { tail in
            let after = forbiddenAfter[classShift[tail]]
            return (0..<reach).map { k in
                optionStart.enumerated().map { d, starts in
                    starts.enumerated().map { o, start in
                        if start + Double((k + 1) * 1440) - classEnd[tail] < minimumRest - 1e-9 { return true }
                        return k == 0 && after[optionShift[d][o]]
                    }
                }
            }
        }
        // Classes that forbid exactly the same later shifts are one class: fewer states to search.
        var merged: [[[[Bool]]]: Int] = [:]
        var classOf: [Int] = []
        var conflictsByClass: [[[[Bool]]]] = []
        for signature in rawConflicts {
            if let known = merged[signature] {
                classOf.append(known)
            } else {
                merged[signature] = conflictsByClass.count
                classOf.append(conflictsByClass.count)
                conflictsByClass.append(signature)
            }
        }
        // A class that forbids nothing needs no memory at all.
        let remembered = conflictsByClass.map { $0.contains { $0.contains { $0.contains(true) } } }
        self.reach = remembered.contains(true) ? reach : 0
        tailClass = rawClass.map { $0.map { remembered[classOf[$0]] ? classOf[$0] : -1 } }
        conflicts = (0..<self.reach).map { k in conflictsByClass.map { $0[k] } }
        classCount = conflictsByClass.count
        graph = ScheduleGraph()
        graph = ScheduleGraph(self)
    }
}
