import LinearModel
import Workforce

/// A person works at most one shift per date, at one locality.
/// Rows `one_shift[person,date]`: sum of the day's shift columns <= 1.
public struct OneShiftPerDay: RosterRule {
    public let name = "one_shift_per_date"
    public func apply(to r: inout RosterModel) {
        for p in r.roster.staff.indices {
            for d in r.roster.days.indices where r.candidates.byPersonDay[p][d].count > 1 {
                r.model.addConstraint(r.name("one_shift", person: p, day: d), r.worked(p, d), .lessOrEqual(1))
            }
        }
    }
}

/// Pins: a pinned shift is worked (at the pinned locality if given). Candidates already hold only
/// the pinned shift (and locality); rows `pin[person,date]`: its columns sum to 1.
public struct PinnedShifts: RosterRule {
    public let name = "pinned"
    public func apply(to r: inout RosterModel) {
        for pin in r.roster.pins where pin.shiftID != nil {
            guard let p = r.candidates.staffIndex[pin.staffID], let d = r.candidates.dayIndex[pin.day] else { continue }
            r.model.addConstraint(r.name("pin", person: p, day: d), r.worked(p, d), .equal(1))
        }
    }
}

/// Rest: from the end of the journey home after one shift to the start of the journey out to the
/// next, at least `min_rest_hours`. Rows `rest[person,date,shift,locality]`: the shift column plus
/// every later shift column (within reach) that would start too soon <= 1.
public struct RestBetweenShifts: RosterRule {
    public let name = "rest"
    public func apply(to r: inout RosterModel) {
        let minimum = r.roster.settings.minRestHours * 60
        let c = r.candidates
        let spans = c.all.map(c.span)
        let longest = zip(c.all, spans).map { $1.end - Double($0.day * 1440) }.max() ?? 0
        let reach = Int(((longest + minimum) / 1440).rounded(.up)) + 1
        for (i, first) in c.all.enumerated() {
            let end = spans[i].end
            var row = LinearExpression(r.shiftColumns[i])
            for later in (first.day + 1)..<min(first.day + reach + 1, r.roster.days.count) {
                for j in c.byPersonDay[first.person][later] where spans[j].start - end < minimum - 1e-9 {
                    row.add(r.shiftColumns[j])
                }
            }
            if row.terms.count > 1 { r.model.addConstraint(r.name("rest", first), row, .lessOrEqual(1)) }
        }
    }
}

/// Forbidden sequences: `to_shift` is never worked the day after `from_shift`.
/// Rows `sequence[person,date,from,to]`: from-shift on the date + to-shift on the next date <= 1.
public struct ForbiddenSequences: RosterRule {
    public let name = "forbidden_sequence"
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        for pair in c.forbiddenSequences.sorted(by: { ($0.from, $0.to) < ($1.from, $1.to) }) {
            guard let from = r.candidates.shiftIndex[pair.from], let to = r.candidates.shiftIndex[pair.to] else { continue }
            for p in c.staff.indices {
                for d in c.days.indices.dropLast() {
                    let first = r.worked(p, d, shift: from), next = r.worked(p, d + 1, shift: to)
                    guard !first.terms.isEmpty, !next.terms.isEmpty else { continue }
                    r.model.addConstraint(r.name("sequence", [c.staff[p].id, c.days[d].iso, pair.from, pair.to]), first + next,
                                          .lessOrEqual(1))
                }
            }
        }
    }
}

/// Runs of working days are at most `max_consecutive_days`; days outside the horizon count as off,
/// so only windows inside it are constrained. Rows `max_run[person,first date]`: any
/// max+1 consecutive days hold at most max worked days.
public struct MaximumConsecutiveDays: RosterRule {
    public let name = "max_consecutive_days"
    public func apply(to r: inout RosterModel) {
        let days = r.roster.days.count
        for (p, person) in r.roster.staff.enumerated() where person.maxConsecutiveDays < days {
            let m = person.maxConsecutiveDays
            for start in 0...(days - m - 1) {
                var window = LinearExpression()
                for d in start...(start + m) { window += r.worked(p, d) }
                if window.terms.count > m { r.model.addConstraint(r.name("max_run", person: p, day: start), window, .lessOrEqual(Double(m))) }
            }
        }
    }
}

/// Runs of working days last at least `min_consecutive_days`, except runs cut by the horizon's
/// start or end. Rows `min_run[person,date,j]`: a run starting on the date (worked, the day
/// before off) continues j days later: w[d] - w[d-1] <= w[d+j], for j < min while d+j is in the horizon.
public struct MinimumConsecutiveDays: RosterRule {
    public let name = "min_consecutive_days"
    public func apply(to r: inout RosterModel) {
        let days = r.roster.days.count
        for (p, person) in r.roster.staff.enumerated() where person.minConsecutiveDays > 1 {
            for d in 1..<max(days, 1) where !r.worked(p, d).terms.isEmpty {
                for j in 1..<person.minConsecutiveDays where d + j < days {
                    r.model.addConstraint(r.name("min_run", [r.roster.staff[p].id, r.roster.days[d].iso, String(j)]),
                                          r.worked(p, d) - r.worked(p, d - 1) - r.worked(p, d + j), .lessOrEqual(0))
                }
            }
        }
    }
}

/// Runs of days off last at least `min_consecutive_days_off`, except runs cut by the horizon's
/// start or end. Rows `min_off[person,date,j]`: an off run starting on the date (off, the day before
/// worked) stays off j days later: w[d-1] - w[d] <= 1 - w[d+j].
public struct MinimumConsecutiveDaysOff: RosterRule {
    public let name = "min_consecutive_days_off"
    public func apply(to r: inout RosterModel) {
        let days = r.roster.days.count
        for (p, person) in r.roster.staff.enumerated() where person.minConsecutiveDaysOff > 1 {
            for d in 1..<max(days, 1) where !r.worked(p, d - 1).terms.isEmpty {
                for j in 1..<person.minConsecutiveDaysOff where d + j < days && !r.worked(p, d + j).terms.isEmpty {
                    r.model.addConstraint(r.name("min_off", [r.roster.staff[p].id, r.roster.days[d].iso, String(j)]),
                                          r.worked(p, d - 1) - r.worked(p, d) + r.worked(p, d + j), .lessOrEqual(1))
                }
            }
        }
    }
}

/// Weekends (Saturday or Sunday of one ISO week, a week cut by the horizon included) worked at
/// most `max_weekends`. Row `max_weekends[person]` over the weekend columns.
public struct WeekendLimit: RosterRule {
    public let name = "max_weekends"
    public func apply(to r: inout RosterModel) {
        for (p, person) in r.roster.staff.enumerated() {
            guard let limit = person.maxWeekends else { continue }
            let weekends = r.weekends(p)
            guard weekends.count > limit else { continue }
            r.model.addConstraint(r.name("max_weekends", [person.id]), .sum(weekends), .lessOrEqual(Double(limit)))
        }
    }
}

/// Shift counts at most `staff_shift_limits.csv` (a limit of 0 removes the candidates instead).
/// Rows `shift_limit[person,shift]`.
public struct ShiftLimits: RosterRule {
    public let name = "shift_limit"
    public func apply(to r: inout RosterModel) {
        let c = r.roster
        for (p, person) in c.staff.enumerated() {
            for (s, shift) in c.shifts.enumerated() {
                guard let limit = c.shiftLimits[Pair(person.id, shift.id)], limit > 0 else { continue }
                var count = LinearExpression()
                for d in c.days.indices { count += r.worked(p, d, shift: s) }
                if count.terms.count > limit {
                    r.model.addConstraint(r.name("shift_limit", [person.id, shift.id]), count, .lessOrEqual(Double(limit)))
                }
            }
        }
    }
}

/// Paid hours (shift plus travel) over the horizon at most `max_hours x max(days, 7) / 7` and at
/// least `min_hours x days / 7`. Rows `hours[person]` (ranged).
public struct WorkingHours: RosterRule {
    public let name = "hours"
    public func apply(to r: inout RosterModel) {
        let days = Double(r.roster.days.count)
        for (p, person) in r.roster.staff.enumerated() {
            let upper = person.maxHours * max(days, 7) / 7 + 1e-6
            let lower = person.minHours * days / 7 - 1e-6
            r.model.addConstraint(r.name("hours", [person.id]), r.paidHours(p), .range(max(lower, 0), upper))
        }
    }
}
