import Workforce

extension ScheduleCosts {
    /// A person's own costs in the objective, as schedule costs: travel cost of each shift away
    /// from home, broken preferences, changes against the baseline, and overtime pay (contracted pay
    /// is the same whatever the schedule, so it is left out). Linking rules (cover, staffing,
    /// fairness, agency) are not here: callers add what a shift is worth to them.
    public init(ownCostsOf rules: ScheduleRules, in candidates: Candidates) {
        let c = candidates.case
        let p = rules.person
        let person = c.staff[p]
        var shift = rules.options.map {
            $0.map { i -> Double in
                candidates.travel[p][candidates.all[i].locality]?.cost ?? 0
            }
        }
        var dayOff = Array(repeating: 0.0, count: rules.options.count)
        func onDay(_ d: Int, _ change: (inout Double, Candidate) -> Void) {
            for (o, i) in rules.options[d].enumerated() { change(&shift[d][o], candidates.all[i]) }
        }
        for rule in c.availability where rule.staffID == person.id && rule.kind != .unavailable {
            guard let d = candidates.dayIndex[rule.day] else { continue }
            let s = rule.shiftID.flatMap { candidates.shiftIndex[$0] }
            if rule.shiftID != nil && s == nil { continue }
            switch rule.kind {
            case .preferOff: onDay(d) { cost, candidate in if s == nil || candidate.shift == s { cost += rule.weight } }
            case .preferOn:
                dayOff[d] += rule.weight
                if let s { onDay(d) { cost, candidate in if candidate.shift != s { cost += rule.weight } } }
            case .unavailable: break
            }
        }
        if let baseline = c.baseline {
            let weight = c.settings.changeWeight
            var planned: [Int: Assignment] = [:]
            for row in baseline where row.staffID == person.id {
                if let d = candidates.dayIndex[row.day] { planned[d] = row }
            }
            for d in rules.options.indices {
                if let row = planned[d] {
                    dayOff[d] += weight
                    onDay(d) { cost, candidate in
                        if c.shifts[candidate.shift].id != row.shiftID
                            || c.localities[candidate.locality].id != row.localityID
                        {
                            cost += weight
                        }
                    }
                } else {
                    onDay(d) { cost, _ in cost += weight }
                }
            }
        }
        self.init(
            shift: shift, dayOff: dayOff, overtimeFrom: person.contractHours * c.weeks,
            overtimeRate: person.hourlyCost * person.overtimeMultiplier)
    }
}
