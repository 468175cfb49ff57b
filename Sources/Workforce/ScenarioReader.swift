import Foundation

/// Reads scenarios.csv (see docs/scenarios.md) against the case it changes: every id must name
/// something of the case, every value be in range; all errors are reported at once, located.
public enum ScenarioReader {
    /// The columns a row may use besides `scenario_id` and `lever`.
    static let targetColumns = [
        "role", "to_role", "locality", "competency", "sector", "from_locality", "to_locality", "value", "select",
    ]

    /// The scenarios of `file`, in the order of their first rows; each one's levers in row order.
    /// - Throws: ``CaseError`` listing every error (and warning) found.
    public static func read(file: URL, for c: Case) throws(CaseError) -> [Scenario] {
        let issues = IssueLog()
        let name = file.lastPathComponent
        let source = CaseSource.folder(file.deletingLastPathComponent())
        let table = CSVTable.load(
            source: source, file: name, required: ["scenario_id", "lever"], optional: targetColumns, mandatory: true,
            issues: issues)
        var scenarios: [Scenario] = []
        for row in table?.rows(issues) ?? [] {
            guard let id = scenarioID(row) else { continue }
            guard let lever = LeverRow(row: row, case: c).lever() else { continue }
            if let index = scenarios.firstIndex(where: { $0.id == id }) {
                scenarios[index].levers.append(lever)
            } else {
                scenarios.append(Scenario(id: id, levers: [lever]))
            }
        }
        if table != nil, scenarios.isEmpty, !issues.hasErrors {
            issues.error(file: name, "no scenarios: each row names a scenario_id and a lever")
        }
        if issues.hasErrors { throw CaseError(issues: issues.issues) }
        return scenarios
    }

    /// A scenario id: an id that is also a safe folder name, and not the reserved `baseline`.
    private static func scenarioID(_ row: CSVRow) -> String? {
        guard let id = row.id("scenario_id") else { return nil }
        let allowed = id.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_.-".unicodeScalars
                    .contains($0)
        }
        guard allowed, !id.hasPrefix("."), id.count <= 100 else {
            row.bad(
                "scenario_id",
                "'\(id)' names the scenario's output folder: use letters, digits, '_', '.' and '-' "
                    + "(at most 100, not starting with '.')")
            return nil
        }
        guard id != Scenario.baselineID else {
            row.bad("scenario_id", "'baseline' is the case as it is, rostered with every run; name scenarios otherwise")
            return nil
        }
        return id
    }
}

/// One row read as a lever: the cells it needs, checked against the case; the cells it does not
/// use must be empty.
private struct LeverRow {
    let row: CSVRow
    let c: Case

    init(row: CSVRow, case c: Case) {
        self.row = row
        self.c = c
    }

    func lever() -> Lever? {
        guard let name = row.text("lever") else {
            row.bad("lever", "the cell is empty; expected one of \(Lever.names.joined(separator: ", "))")
            return nil
        }
        let uses: [String: [String]] = [
            "convert": ["role", "to_role", "locality", "value", "select"], "role_cost": ["role", "value"],
            "demand_growth": ["competency", "locality", "value"], "agency_cost": ["value"], "agency_cap": ["value"],
            "sector_budget": ["sector", "value"], "add_staff": ["role", "locality", "value"],
            "remove_staff": ["role", "locality", "value"], "travel_minutes": ["from_locality", "to_locality", "value"],
            "ferry_unavailable": ["from_locality", "to_locality"],
        ]
        guard let used = uses[name] else {
            row.bad("lever", "'\(name)' is not a lever; expected one of \(Lever.names.joined(separator: ", "))")
            return nil
        }
        var unusedGiven = false
        for column in ScenarioReader.targetColumns where !used.contains(column) && row.text(column) != nil {
            row.bad(column, "the \(name) lever does not use this column; leave it empty")
            unusedGiven = true
        }
        let lever = read(name)
        return unusedGiven ? nil : lever
    }

    private func read(_ name: String) -> Lever? {
        switch name {
        case "convert":
            let from = role("role")
            let to = role("to_role")
            if let from, let to, from == to { row.bad("to_role", "'\(to)' is the role converted from") }
            let places = row.list("locality").filter { known($0, c.localities.map(\.id), "locality", "locality") }
            let share = row.number("value", maximum: 1, required: true, what: "a share of the role from 0 to 1")
            guard let from, let to, from != to, let share, let selection = selection() else { return nil }
            return .convert(from: from, to: to, share: share, localities: places, selection: selection)
        case "role_cost":
            guard let role = role("role"),
                let cost = row.number("value", maximum: Limits.hourlyMoney, required: true, what: "pay per hour")
            else { return nil }
            return .roleCost(role: role, cost: cost)
        case "demand_growth":
            let competency = optional("competency", c.competencies.map(\.id), "competency")
            let locality = optional("locality", c.localities.map(\.id), "locality")
            guard competency.known, locality.known,
                let growth = row.number(
                    "value", minimum: -1, maximum: 100, required: true, what: "growth as a fraction (0.1 = 10% more)")
            else { return nil }
            return .demandGrowth(competency: competency.id, locality: locality.id, growth: growth)
        case "agency_cost":
            guard let cost = row.number("value", maximum: Limits.hourlyMoney, required: true, what: "money per hour")
            else { return nil }
            return .agencyCost(cost)
        case "agency_cap":
            if row.text("value")?.lowercased() == "unlimited" { return .agencyCap(nil) }
            guard
                let cap = row.number(
                    "value", maximum: Limits.demandHours, required: true, what: "hours in the horizon, or unlimited")
            else { return nil }
            return .agencyCap(cap)
        case "sector_budget":
            let sector = required("sector", c.sectors.map(\.id), "sector of sectors.csv")
            let budget = row.number("value", minimum: nil, maximum: Limits.budget, what: "money over the horizon")
            guard let sector, row.text("value") == nil || budget != nil else { return nil }
            return .sectorBudget(sector: sector, budget: budget)
        case "add_staff", "remove_staff":
            let role = role("role")
            let count = row.integer("value", required: true, what: "a number of people")
            if name == "add_staff" {
                let locality = required("locality", c.localities.map(\.id), "locality")
                guard let role, let locality, let count else { return nil }
                return .addStaff(role: role, locality: locality, count: count)
            }
            let locality = optional("locality", c.localities.map(\.id), "locality")
            guard let role, locality.known, let count else { return nil }
            return .removeStaff(role: role, locality: locality.id, count: count)
        default:  // travel_minutes, ferry_unavailable
            let ids = c.localities.map(\.id)
            let from = required("from_locality", ids, "locality")
            let to = required("to_locality", ids, "locality")
            guard let from, let to else { return nil }
            guard from != to else {
                row.bad("to_locality", "'\(to)' is the locality travelled from")
                return nil
            }
            if name == "ferry_unavailable" {
                guard c.travel(from: from, to: to) != nil else {
                    row.bad("to_locality", "travel.csv has no link between \(from) and \(to)")
                    return nil
                }
                return .linkUnavailable(from: from, to: to)
            }
            guard
                let minutes = row.number(
                    "value", maximum: Limits.travelMinutes, required: true, what: "one-way minutes")
            else { return nil }
            return .travelMinutes(from: from, to: to, minutes: minutes)
        }
    }

    private func role(_ column: String) -> String? {
        required(column, c.roles.map(\.id), "role of roles.csv")
    }

    private func known(_ id: String, _ ids: [String], _ column: String, _ what: String) -> Bool {
        guard ids.contains(id) else {
            row.bad(column, "'\(id)' is not a known \(what)")
            return false
        }
        return true
    }

    private func required(_ column: String, _ ids: [String], _ what: String) -> String? {
        guard let id = row.id(column) else { return nil }
        return known(id, ids, column, what) ? id : nil
    }

    /// An optional id: `known` is false when the cell names nothing of the case; `id` is `nil` when empty.
    private func optional(_ column: String, _ ids: [String], _ what: String) -> (known: Bool, id: String?) {
        guard row.text(column) != nil else { return (true, nil) }
        guard let id = row.id(column, required: false), known(id, ids, column, what) else { return (false, nil) }
        return (true, id)
    }

    private func selection() -> ConversionSelection? {
        guard let text = row.text("select") else { return .optimiser }
        if let selection = ConversionSelection(text) { return selection }
        row.bad("select", "'\(text)' is not optimiser or random:<seed> (a whole number, e.g. random:1)")
        return nil
    }
}
