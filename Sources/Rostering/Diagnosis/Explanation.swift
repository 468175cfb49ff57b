import LinearModel
import Workforce

/// Explains why no roster exists. Demand is soft, so only a person's own hard rules can conflict:
/// each person is rostered alone with hard rules only; for each who cannot be, rules are dropped
/// one at a time while the rest still conflict (a deletion filter), leaving a smallest set of rules
/// that cannot hold together, reported with that person's unavailable and pinned dates.
public struct Explanation {
    public let solver: any Solver

    /// Hard rules that may be dropped in the search (one shift a day is the model's structure).
    static let hardRules: [any RosterRule] = [
        PinnedShifts(), RestBetweenShifts(), ForbiddenSequences(), MaximumConsecutiveDays(), MinimumConsecutiveDays(),
        MinimumConsecutiveDaysOff(), WeekendLimit(), ShiftLimits(), WorkingHours(),
    ]

    public func explain(_ c: Case) throws -> [String] {
        var lines: [String] = []
        for person in c.staff {
            var alone = c
            alone.staff = [person]
            alone.demand = []
            alone.baseline = nil
            alone.availability = c.availability.filter { $0.staffID == person.id && $0.kind == .unavailable }
            alone.pins = c.pins.filter { $0.staffID == person.id }
            alone.settings.fairnessWeight = 0
            guard try !feasible(alone, Self.hardRules) else { continue }
            var kept = Self.hardRules
            for rule in Self.hardRules {
                let without = kept.filter { $0.name != rule.name }
                if try !feasible(alone, without) { kept = without }
            }
            lines.append(describe(person, kept.map(\.name), alone))
        }
        return lines.isEmpty ? ["the model is infeasible, but no single person's rules conflict; please report this case"] : lines
    }

    private func feasible(_ c: Case, _ rules: [any RosterRule]) throws -> Bool {
        let model = Formulation.build(c, rules: [OneShiftPerDay()] + rules).model
        return try solver.solve(model, options: SolveOptions(timeLimit: 20), progress: nil, log: nil).status != .infeasible
    }

    private func describe(_ person: Staff, _ rules: [String], _ c: Case) -> String {
        let days = Double(c.days.count)
        var parts: [String] = rules.map { rule in
            switch rule {
            case "hours": return "hours (at least \(format(person.minHours * days / 7)) and at most \(format(person.maxHours * max(days, 7) / 7)) paid hours in the horizon)"
            case "max_consecutive_days": return "max_consecutive_days (\(person.maxConsecutiveDays))"
            case "min_consecutive_days": return "min_consecutive_days (\(person.minConsecutiveDays))"
            case "min_consecutive_days_off": return "min_consecutive_days_off (\(person.minConsecutiveDaysOff))"
            case "max_weekends": return "max_weekends (\(person.maxWeekends ?? 0))"
            case "pinned": return "pinned shifts on " + c.pins.filter { $0.shiftID != nil }.map(\.day.iso).prefix(8).joined(separator: ", ")
            case "rest": return "rest (\(format(c.settings.minRestHours)) h between shifts, travel included)"
            default: return rule
            }
        }
        let off = c.availability.map(\.day.iso) + c.pins.filter { $0.shiftID == nil }.map(\.day.iso)
        if !off.isEmpty {
            parts.append("unavailable or pinned off on \(off.count) date\(off.count == 1 ? "" : "s") (\(off.sorted().prefix(6).joined(separator: ", "))\(off.count > 6 ? ", ..." : ""))")
        }
        if person.localities.isEmpty { parts.append("no locality the person may work in") }
        return "\(person.id): no roster keeps together " + parts.joined(separator: "; ")
    }
}
