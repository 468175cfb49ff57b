/// A what-if for commissioners: a named list of changes (levers) to a case.
public struct Scenario: Sendable, Equatable {
    /// The id, also the name of the scenario's output folder.
    public var id: String
    public var levers: [Lever]

    public init(id: String, levers: [Lever]) {
        self.id = id
        self.levers = levers
    }

    /// The implicit scenario: the case as it is.
    public static let baselineID = "baseline"
}

/// How the people converted from one role to another are chosen.
public enum ConversionSelection: Sendable, Equatable {
    /// The people whose conversion helps most: those who could then cover most of the demand the
    /// baseline roster left unmet or to agency (chosen by the scenario runner).
    case optimiser
    /// A draw seeded by the number, the same on every run.
    case random(seed: UInt64)

    /// `optimiser` or `random:<seed>` (a whole number), as scenarios.csv's `select` writes it.
    public init?(_ text: String) {
        if text == "optimiser" {
            self = .optimiser
        } else if text.hasPrefix("random:"), let seed = UInt64(text.dropFirst("random:".count)) {
            self = .random(seed: seed)
        } else {
            return nil
        }
    }
}

/// One change to a case (a row of scenarios.csv).
public enum Lever: Sendable, Equatable {
    /// Convert `share` (0 to 1) of the staff of role `from` (whose home is among `localities`, all
    /// when empty) to role `to`.
    case convert(from: String, to: String, share: Double, localities: [String], selection: ConversionSelection)
    /// The hourly cost of a role, for the role and every member of staff in it.
    case roleCost(role: String, cost: Double)
    /// Demand grows by `growth` (0.1 = 10% more; −0.1 = 10% less) for a competency and/or a locality
    /// (`nil`: all).
    case demandGrowth(competency: String?, locality: String?, growth: Double)
    case agencyCost(Double)
    /// The cap on all agency hours, `nil` = unlimited.
    case agencyCap(Double?)
    /// A sector's budget, `nil` = none stated.
    case sectorBudget(sector: String, budget: Double?)
    /// `count` new members of staff of `role` based at `locality`.
    case addStaff(role: String, locality: String, count: Int)
    /// The last `count` members of staff (in staff.csv's order) of `role`, based at `locality` when given.
    case removeStaff(role: String, locality: String?, count: Int)
    /// One-way travel time between two localities, both ways (a new link when there was none).
    case travelMinutes(from: String, to: String, minutes: Double)
    /// The link between two localities is unavailable both ways (a ferry off).
    case linkUnavailable(from: String, to: String)

    /// The lever's name in scenarios.csv.
    public var name: String {
        switch self {
        case .convert: "convert"
        case .roleCost: "role_cost"
        case .demandGrowth: "demand_growth"
        case .agencyCost: "agency_cost"
        case .agencyCap: "agency_cap"
        case .sectorBudget: "sector_budget"
        case .addStaff: "add_staff"
        case .removeStaff: "remove_staff"
        case .travelMinutes: "travel_minutes"
        case .linkUnavailable: "ferry_unavailable"
        }
    }

    /// Every lever's name, in the documentation's order.
    public static let names = [
        "convert", "role_cost", "demand_growth", "agency_cost", "agency_cap", "sector_budget", "add_staff",
        "remove_staff", "travel_minutes", "ferry_unavailable",
    ]

    /// A short description for reports, e.g. `convert 30% care_worker -> generic_worker`.
    public var summary: String {
        func number(_ value: Double) -> String { CSVRow.plain(value) }
        switch self {
        case .convert(let from, let to, let share, let localities, let selection):
            let places = localities.isEmpty ? "" : " at " + localities.joined(separator: ";")
            let chosen =
                switch selection {
                case .optimiser: ""
                case .random(let seed): " (random:\(seed))"
                }
            return "convert \(number(share * 100))% \(from) -> \(to)\(places)\(chosen)"
        case .roleCost(let role, let cost): return "role_cost \(role) \(number(cost))"
        case .demandGrowth(let competency, let locality, let growth):
            let scope = [competency, locality].compactMap { $0 }.joined(separator: " at ")
            return "demand_growth \(growth >= 0 ? "+" : "")\(number(growth * 100))%\(scope.isEmpty ? "" : " " + scope)"
        case .agencyCost(let cost): return "agency_cost \(number(cost))"
        case .agencyCap(let cap): return "agency_cap \(cap.map(number) ?? "unlimited")"
        case .sectorBudget(let sector, let budget): return "sector_budget \(sector) \(budget.map(number) ?? "none")"
        case .addStaff(let role, let locality, let count): return "add_staff \(count) \(role) at \(locality)"
        case .removeStaff(let role, let locality, let count):
            return "remove_staff \(count) \(role)\(locality.map { " at \($0)" } ?? "")"
        case .travelMinutes(let from, let to, let minutes): return "travel_minutes \(from)-\(to) \(number(minutes))"
        case .linkUnavailable(let from, let to): return "ferry_unavailable \(from)-\(to)"
        }
    }
}
