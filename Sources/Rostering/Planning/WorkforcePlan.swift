import Foundation
import LinearModel
import Workforce

/// Staff of one role based at one locality, as planned: what `workforce_plan.csv` lists.
public struct PlannedTeam: Sendable, Equatable {
    public var roleID: String
    /// The locality the team is based at (the home locality of its staff).
    public var localityID: String
    /// Care time over the horizon, wherever it is given.
    public var careHours: Double
    /// Paid travel time over the horizon: a round trip for each shift worked away from the base.
    public var travelHours: Double
    /// Full-time equivalents: paid hours / (weeks × FTE hours × (1 − headroom)).
    public var fte: Double
    /// Pay over the horizon, leave and sickness included: the role's rate × paid hours / (1 − headroom).
    public var pay: Double
    /// Fares and mileage of the journeys.
    public var fares: Double

    /// Care plus travel.
    public var paidHours: Double { careHours + travelHours }
    /// Pay plus fares.
    public var cost: Double { pay + fares }
}

/// Care time that one team gives to one competency at one locality: what `plan_care.csv` lists.
public struct PlannedCare: Sendable, Equatable {
    public var roleID: String
    /// The locality the team is based at.
    public var baseID: String
    /// Where the care is given.
    public var localityID: String
    public var competencyID: String
    /// The sector that funds the competency, and so pays for this care.
    public var sectorID: String
    public var careHours: Double
    public var travelHours: Double
    /// Pay (leave included) and fares of these hours.
    public var cost: Double
}

/// How one ``LocalNeed`` is met: what `plan_cover.csv` lists.
public struct PlannedCover: Sendable, Equatable {
    public var need: LocalNeed
    /// Care time given by the planned staff.
    public var staffHours: Double
    public var agencyHours: Double
    public var unmetHours: Double
    /// Time on shift there by planned staff holding the competency (whatever their care is given to),
    /// plus agency hours.
    public var staffedHours: Double
    /// Staffed hours that `min_staff` asks for and the plan leaves short.
    public var shortHours: Double
}

/// Current against planned FTE for one role at one locality: a row of `workforce_gap.csv`.
public struct WorkforceGap: Sendable, Equatable {
    public var roleID: String
    public var localityID: String
    /// The contract hours of the role's staff who live there / FTE hours.
    public var currentFTE: Double
    public var plannedFTE: Double

    /// Current − planned: negative is a shortfall.
    public var surplusFTE: Double { currentFTE - plannedFTE }
}

/// Money charged to one sector over the horizon: the pay and fares of care on the competencies it funds,
/// and agency cover on them.
public struct SectorCost: Sendable, Equatable {
    public var sectorID: String
    public var cost: Double
    public var budget: Double?
}

/// A strategic workforce plan: how many hours and FTE of each role each locality needs over the case's
/// horizon to meet its demand at least cost, without named staff.
public struct WorkforcePlan: Sendable {
    /// `optimal`, `feasible` (a time limit stopped the solver), `infeasible` (a sector's budget is below
    /// zero) or `time_limit_no_solution`; only the first two carry a plan.
    public var status: RunStatus
    /// Total cost plus penalties, `nil` without a plan.
    public var objective: Double?
    public var settings: PlanSettings
    /// The horizon in weeks (days / 7).
    public var weeks: Double
    /// Teams with paid hours, by role (roles.csv order) then base (localities.csv order).
    public var teams: [PlannedTeam] = []
    /// Care given, by role, base, locality and competency.
    public var care: [PlannedCare] = []
    /// Every need with care or staffed hours, in ``LocalNeed/all(_:)`` order.
    public var cover: [PlannedCover] = []
    /// Every role and locality with current staff or planned hours.
    public var gaps: [WorkforceGap] = []
    /// Each sector of sectors.csv, then any other sector charged anything.
    public var sectors: [SectorCost] = []
    public var agencyHours: Double = 0
    public var agencyCost: Double = 0
    public var unmetHours: Double = 0
    public var shortHours: Double = 0
    /// `unmet_hour_penalty` × unmet hours.
    public var unmetPenalty: Double = 0
    /// The staffing shortfall's penalty (``LocalNeed/shortPenalty`` per hour short).
    public var shortPenalty: Double = 0
    /// Staff whose role is not one of roles.csv: in no team and no current FTE.
    public var staffWithoutRole: Int
    /// Why no plan exists, when none does.
    public var explanations: [String] = []
    /// The size of the linear program.
    public var columns: Int
    public var rows: Int
    /// Seconds spent building and solving the linear program.
    public var seconds: Double

    /// Pay of all teams, leave and sickness included.
    public var payCost: Double { teams.reduce(0) { $0 + $1.pay } }
    /// Fares of all teams.
    public var fares: Double { teams.reduce(0) { $0 + $1.fares } }
    /// Pay, fares and agency cost: what the plan spends.
    public var totalCost: Double { payCost + fares + agencyCost }
    public var plannedFTE: Double { teams.reduce(0) { $0 + $1.fte } }
    public var currentFTE: Double { gaps.reduce(0) { $0 + $1.currentFTE } }
    /// The share of all planned paid hours given by generic roles (0 without paid hours).
    public var genericShare: Double

    init(_ built: PlanModel, _ result: SolveResult, seconds: Double) {
        let c = built.plannedCase
        settings = built.settings
        weeks = c.weeks
        columns = built.model.columns.count
        rows = built.model.rows.count
        self.seconds = seconds
        staffWithoutRole = c.staff.filter { person in !c.roles.contains { $0.id == person.roleID } }.count
        genericShare = 0
        switch result.status {
        case .optimal: status = .optimal
        case .feasible, .stopped: status = result.values == nil ? .timeLimitNoSolution : .feasible
        case .infeasible, .unbounded: status = .infeasible
        case .noSolution: status = .timeLimitNoSolution
        }
        guard let values = result.values, status == .optimal || status == .feasible else {
            for sector in c.sectors {
                guard let budget = sector.budget, budget < 0 else { continue }
                explanations.append(
                    "sector '\(sector.id)' has a budget below zero (\(Outputs.money(budget))): no plan keeps within it")
            }
            return
        }
        objective = result.objective
        func value(_ variable: Variable?) -> Double {
            guard let variable else { return 0 }
            return values[variable.index] > 1e-7 ? values[variable.index] : 0
        }
        readCare(built, value)
        readCover(built, value)
        readGaps(c)
        readSectors(c)
        let generic = Set(c.roles.filter(\.generic).map(\.id))
        let paid = teams.reduce(0) { $0 + $1.paidHours }
        let genericPaid = teams.filter { generic.contains($0.roleID) }.reduce(0) { $0 + $1.paidHours }
        genericShare = paid > 0 ? genericPaid / paid : 0
    }

    private mutating func readCare(_ built: PlanModel, _ value: (Variable?) -> Double) {
        let c = built.plannedCase
        let hoursOfFTE = weeks * settings.fteHours * (1 - settings.headroom)
        var teamIndex: [String: Int] = [:]
        for column in built.care {
            let hours = value(column.variable)
            guard hours > 0 else { continue }
            let travel = hours * column.travelPerHour
            let pay = hours * column.payPerHour
            let fares = hours * column.faresPerHour
            care.append(
                PlannedCare(
                    roleID: column.role.id, baseID: column.base, localityID: column.locality,
                    competencyID: column.competency, sectorID: c.sector(ofCompetency: column.competency),
                    careHours: hours, travelHours: travel, cost: pay + fares))
            let key = column.role.id + "\u{0}" + column.base
            if teamIndex[key] == nil {
                teamIndex[key] = teams.count
                teams.append(
                    PlannedTeam(
                        roleID: column.role.id, localityID: column.base, careHours: 0, travelHours: 0, fte: 0,
                        pay: 0, fares: 0))
            }
            let i = teamIndex[key]!
            teams[i].careHours += hours
            teams[i].travelHours += travel
            teams[i].pay += pay
            teams[i].fares += fares
        }
        for i in teams.indices { teams[i].fte = hoursOfFTE > 0 ? teams[i].paidHours / hoursOfFTE : 0 }
    }

    private mutating func readCover(_ built: PlanModel, _ value: (Variable?) -> Double) {
        cover = built.needs.map {
            PlannedCover(need: $0, staffHours: 0, agencyHours: 0, unmetHours: 0, staffedHours: 0, shortHours: 0)
        }
        for column in built.care {
            let hours = value(column.variable)
            if let i = built.need(column.locality, column.competency) { cover[i].staffHours += hours }
            for held in column.role.competencies {
                if let i = built.need(column.locality, held) { cover[i].staffedHours += hours }
            }
        }
        let settings = built.plannedCase.settings
        for i in cover.indices {
            cover[i].agencyHours = value(built.agency[i])
            cover[i].staffedHours += cover[i].agencyHours
            cover[i].unmetHours = value(built.unmet[i])
            cover[i].shortHours = value(built.short[i])
            agencyHours += cover[i].agencyHours
            unmetHours += cover[i].unmetHours
            shortHours += cover[i].shortHours
            shortPenalty += cover[i].shortHours * cover[i].need.shortPenalty
        }
        agencyCost = agencyHours * settings.agencyHourlyCost
        unmetPenalty = unmetHours * settings.unmetHourPenalty
    }

    private mutating func readGaps(_ c: Case) {
        var current: [String: [String: Double]] = [:]
        for person in c.staff {
            current[person.roleID, default: [:]][person.homeLocality, default: 0] +=
                person.contractHours / settings.fteHours
        }
        var planned: [String: [String: Double]] = [:]
        for team in teams { planned[team.roleID, default: [:]][team.localityID] = team.fte }
        for role in c.roles {
            for locality in c.localities {
                let now = current[role.id]?[locality.id]
                let then = planned[role.id]?[locality.id]
                guard now != nil || then != nil else { continue }
                gaps.append(
                    WorkforceGap(roleID: role.id, localityID: locality.id, currentFTE: now ?? 0, plannedFTE: then ?? 0))
            }
        }
    }

    private mutating func readSectors(_ c: Case) {
        var spent: [String: Double] = [:]
        for given in care { spent[given.sectorID, default: 0] += given.cost }
        for covered in cover where covered.agencyHours > 0 {
            spent[c.sector(ofCompetency: covered.need.competencyID), default: 0] +=
                covered.agencyHours * c.settings.agencyHourlyCost
        }
        sectors = c.sectors.map { SectorCost(sectorID: $0.id, cost: spent[$0.id] ?? 0, budget: $0.budget) }
        let listed = Set(c.sectors.map(\.id))
        for (sector, cost) in spent.sorted(by: { $0.key < $1.key }) where !listed.contains(sector) && cost > 0 {
            sectors.append(SectorCost(sectorID: sector, cost: cost, budget: nil))
        }
    }
}

/// Plans the workforce of a case (`roster plan`): builds the linear program of ``PlanModel`` and solves it.
public struct WorkforcePlanner: Sendable {
    public let solver: any Solver

    public init(solver: any Solver) { self.solver = solver }

    /// The least-cost plan of `c` under `settings`.
    /// - Throws: ``PlanSettingsError`` for a setting out of range; the solver's errors when the call fails
    ///   (an infeasible plan is a ``WorkforcePlan`` with status `infeasible`, not an error).
    public func plan(
        _ c: Case, settings: PlanSettings = PlanSettings(), options: SolveOptions = SolveOptions()
    ) throws -> WorkforcePlan {
        try settings.validate()
        let started = ContinuousClock.now
        let built = PlanModel(c, settings: settings)
        let result = try solver.solve(built.model, options: options)
        let spent = ContinuousClock.now - started
        let seconds = spent.inSeconds
        return WorkforcePlan(built, result, seconds: seconds)
    }
}
