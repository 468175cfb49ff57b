import Foundation
import Workforce

/// scenario_comparison.csv: one row per scenario with what a commissioner compares (docs/scenarios.md).
public enum ScenarioComparison {
    /// The header for scenarios of `base`: fixed columns, with one `cost_<sector>` column per sector.
    public static func header(_ base: Case) -> [String] {
        ["scenario_id", "status", "objective", "total_cost", "pay_cost", "agency_cost"]
            + sectors(base).map { "cost_\($0)" }
            + [
                "unmet_hours", "agency_shifts", "agency_hours", "travel_hours", "travel_cost", "overtime_hours",
                "contracted_hours", "contracted_hours_used", "red_rows", "amber_rows", "green_rows", "staff",
                "people_converted", "levers",
            ]
    }

    /// The sectors whose costs are compared: the case's, and `unassigned` when a competency has no sector.
    static func sectors(_ base: Case) -> [String] {
        base.sectors.map(\.id)
            + (base.competencies.contains { $0.sectorID == Sector.unassigned } ? [Sector.unassigned] : [])
    }

    /// The row of one scenario's result, with the columns of ``header(_:)`` for `base`.
    public static func row(_ result: ScenarioRunner.Result, base: Case) -> [String] {
        let levers = result.scenario.levers.map(\.summary).joined(separator: "; ")
        let converted = result.converted.joined(separator: ";")
        let sectors = sectors(base)
        guard let run = result.run, let e = run.evaluation, let roster = run.roster else {
            let status = result.error.map { "error: \($0)" } ?? result.run?.status.rawValue ?? "error"
            return [result.scenario.id, Outputs.neutralised(status)]
                + Array(repeating: "", count: header(base).count - 4) + [converted, levers]
        }
        let c = result.scenarioCase
        let evaluator = Evaluator(c)
        var travelHours = 0.0
        var travelCost = 0.0
        for a in roster.assignments {
            guard let person = evaluator.staffByID[a.staffID], let trip = evaluator.trip(person, a.localityID) else {
                continue
            }
            travelHours += trip.minutes / 60
            travelCost += trip.cost
        }
        var overtime = 0.0
        var contracted = 0.0
        var used = 0.0
        for person in e.people {
            let hours = (evaluator.staffByID[person.staffID]?.contractHours ?? 0) * c.weeks
            contracted += hours
            used += min(hours, person.paidHours)
            overtime += max(0, person.paidHours - hours)
        }
        let costBySector = Dictionary(e.sectors.map { ($0.sectorID, $0.totalCost) }, uniquingKeysWith: +)
        func count(_ status: String) -> String { String(e.coverage.filter { $0.status == status }.count) }
        return [
            result.scenario.id, run.status.rawValue, Outputs.money(e.objective), Outputs.money(e.totalCost),
            Outputs.money(e.pay), Outputs.money(e.agencyCost),
        ] + sectors.map { Outputs.money(costBySector[$0] ?? 0) } + [
            Outputs.hours(e.unmetHours), String(roster.agency.map(\.shifts).reduce(0, +)), Outputs.hours(e.agencyHours),
            Outputs.hours(travelHours), Outputs.money(travelCost), Outputs.hours(overtime), Outputs.hours(contracted),
            Outputs.hours(used), count("red"), count("amber"), count("green"), String(c.staff.count), converted,
            levers,
        ]
    }
}
