import Foundation

/// The output files of `roster plan`, rendered as CSV tables (file name, rows with the header first).
///
/// Hours and FTE are written with four decimals, money with two. Ids are written as read (the reader
/// rejects any that a spreadsheet would take for a formula); free text is neutralised as in ``Outputs``.
public struct PlanOutputs: Sendable {
    public var tables: [(file: String, rows: [[String]])]

    /// Every file a plan may write (removed from the folder when a run writes fewer).
    public static let fileNames = [
        "workforce_plan.csv", "workforce_gap.csv", "plan_care.csv", "plan_cover.csv", "plan_summary.csv",
    ]

    /// The files of `plan`: all five with a plan, `plan_summary.csv` alone without one.
    public init(_ plan: WorkforcePlan) {
        var summary: [[String]] = [
            ["key", "value"], ["status", plan.status.rawValue], ["objective", plan.objective.map(Outputs.money) ?? ""],
        ]
        guard plan.objective != nil else {
            summary.append(["solve_seconds", String(format: "%.3f", plan.seconds)])
            tables = [
                ("plan_summary.csv", summary + plan.explanations.map { ["explanation", Outputs.neutralised($0)] })
            ]
            return
        }
        var teams = [["role_id", "locality_id", "care_hours", "travel_hours", "paid_hours", "fte", "cost"]]
        for team in plan.teams {
            teams.append([
                team.roleID, team.localityID, Outputs.hours(team.careHours), Outputs.hours(team.travelHours),
                Outputs.hours(team.paidHours), Outputs.hours(team.fte), Outputs.money(team.cost),
            ])
        }
        var gaps = [["role_id", "locality_id", "current_fte", "planned_fte", "surplus_fte"]]
        for gap in plan.gaps {
            gaps.append([
                gap.roleID, gap.localityID, Outputs.hours(gap.currentFTE), Outputs.hours(gap.plannedFTE),
                Outputs.hours(gap.surplusFTE),
            ])
        }
        var care = [
            [
                "role_id", "base_locality_id", "locality_id", "competency_id", "sector_id", "care_hours",
                "travel_hours", "cost",
            ]
        ]
        for given in plan.care {
            care.append([
                given.roleID, given.baseID, given.localityID, given.competencyID, given.sectorID,
                Outputs.hours(given.careHours), Outputs.hours(given.travelHours), Outputs.money(given.cost),
            ])
        }
        var cover = [
            [
                "locality_id", "competency_id", "demand_hours", "staff_hours", "agency_hours", "unmet_hours",
                "staffed_hours_needed", "staffed_hours", "short_hours",
            ]
        ]
        for covered in plan.cover {
            let need = covered.need
            cover.append([
                need.localityID, need.competencyID, Outputs.hours(need.careHours), Outputs.hours(covered.staffHours),
                Outputs.hours(covered.agencyHours), Outputs.hours(covered.unmetHours),
                Outputs.hours(need.staffedHours), Outputs.hours(covered.staffedHours),
                Outputs.hours(covered.shortHours),
            ])
        }
        let settings = plan.settings
        summary += [
            ["total_cost", Outputs.money(plan.totalCost)], ["pay_cost", Outputs.money(plan.payCost)],
            ["travel_cost", Outputs.money(plan.fares)], ["agency_cost", Outputs.money(plan.agencyCost)],
            ["agency_hours", Outputs.hours(plan.agencyHours)], ["unmet_hours", Outputs.hours(plan.unmetHours)],
            ["short_hours", Outputs.hours(plan.shortHours)],
            ["penalty_unmet_hours", Outputs.money(plan.unmetPenalty)],
            ["penalty_short_hours", Outputs.money(plan.shortPenalty)],
            ["planned_fte", Outputs.hours(plan.plannedFTE)], ["current_fte", Outputs.hours(plan.currentFTE)],
            ["generic_share", Outputs.hours(plan.genericShare)],
            ["max_generic_share", settings.maxGenericShare.map(Outputs.hours) ?? ""],
            ["headroom", Outputs.hours(settings.headroom)], ["fte_hours", Outputs.hours(settings.fteHours)],
            ["weeks", Outputs.hours(plan.weeks)], ["bases", settings.anyBase ? "any" : "current"],
            ["solve_seconds", String(format: "%.3f", plan.seconds)],
        ]
        for sector in plan.sectors {
            summary.append(["sector_cost:\(sector.sectorID)", Outputs.money(sector.cost)])
            if let budget = sector.budget {
                summary.append(["sector_budget:\(sector.sectorID)", Outputs.money(budget)])
            }
        }
        tables = [
            ("workforce_plan.csv", teams), ("workforce_gap.csv", gaps), ("plan_care.csv", care),
            ("plan_cover.csv", cover), ("plan_summary.csv", summary),
        ]
    }

    /// Writes the files into `folder` all together (see ``OutputCommit``), removing files of an earlier
    /// plan that this one does not write.
    public func write(to folder: URL) throws {
        try CSVFolder.write(tables, to: folder, removing: Self.fileNames)
    }
}
