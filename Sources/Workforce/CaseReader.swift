import Foundation

/// Reads a case folder (case format version 1) into a ``Case``, reporting every error at once.
public enum CaseReader {
    /// The result of reading: the case, and warnings that did not stop it.
    public struct Loaded: Sendable {
        public var `case`: Case
        public var warnings: [CaseIssue]
    }

    /// Reads and validates the case in `folder`.
    /// - Throws: ``CaseError`` listing every error (and warning) found.
    public static func read(folder: URL) throws(CaseError) -> Loaded {
        let source = CaseSource.folder(folder)
        if let problem = source.problem { throw CaseError(issues: [CaseIssue(file: folder.path, problem)]) }
        return try read(source)
    }

    /// Reads and validates the case whose files `source` gives.
    /// - Throws: ``CaseError`` listing every error (and warning) found.
    public static func read(_ source: CaseSource) throws(CaseError) -> Loaded {
        let issues = IssueLog()
        var result = Case()
        var reader = Reader(source: source, issues: issues)
        reader.read(into: &result)
        if issues.hasErrors { throw CaseError(issues: issues.issues) }
        return Loaded(case: result, warnings: issues.issues)
    }
}

/// Reads the files in dependency order; every lookup of an id goes through the tables read before.
private struct Reader {
    let source: CaseSource
    let issues: IssueLog
    /// The line of each setting in settings.csv, for errors found after reading it.
    var settingLines: [String: Int] = [:]

    func table(_ file: String, _ required: [String], _ optional: [String] = [], mandatory: Bool = false) -> [CSVRow] {
        CSVTable.load(
            source: source, file: file, required: required, optional: optional, mandatory: mandatory,
            issues: issues)?.rows(issues) ?? []
    }

    /// Reports a duplicate id; returns whether `id` is new.
    func unique(_ id: String, _ seen: inout Set<String>, _ row: CSVRow, _ column: String) -> Bool {
        guard seen.insert(id).inserted else {
            row.bad(column, "'\(id)' appears more than once; ids must be unique")
            return false
        }
        return true
    }

    /// Checks that `id` names one of `known` (the ids defined in `file`), reporting `what` when it does
    /// not, unless the id only echoes an error already reported in `file`.
    func known(
        _ id: String?, in known: Set<String>, of file: String, _ row: CSVRow, _ column: String, _ what: String
    ) -> String? {
        guard let id else { return nil }
        guard known.contains(id) else {
            if issues.isEcho(id, of: file) {
                // Not a new problem, yet the row cannot be used: an error keeps the case from solving.
                return nil
            }
            let near = Suggestion.nearest(to: id, in: known.sorted()).map { "; did you mean '\($0)'?" } ?? ""
            row.bad(column, "'\(id)' is not a known \(what)\(near)")
            return nil
        }
        return id
    }

    mutating func read(into c: inout Case) {
        readLocalities(&c)
        readSectors(&c)
        readCompetencies(&c)
        readRoles(&c)
        readShifts(&c)
        readSettings(&c)
        readDemand(&c)
        readTravel(&c)
        readStaff(&c)
        readShiftLimits(&c)
        readAvailability(&c)
        readForbiddenSequences(&c)
        readPins(&c)
        readBaseline(&c)
    }

    func readLocalities(_ c: inout Case) {
        var seen = Set<String>()
        for row in table("localities.csv", ["locality_id"], ["name", "group"], mandatory: true) {
            guard let id = row.id("locality_id"), unique(id, &seen, row, "locality_id") else { continue }
            c.localities.append(Locality(id: id, name: row.name("name") ?? id, group: row.text("group") ?? ""))
        }
    }

    func readSectors(_ c: inout Case) {
        var seen = Set<String>()
        for row in table("sectors.csv", ["sector_id"], ["name", "budget"]) {
            guard let id = row.id("sector_id"), unique(id, &seen, row, "sector_id") else { continue }
            if id == Sector.joint {
                row.bad("sector_id", "'joint' is reserved for cross-sector contracts")
                continue
            }
            let budget =
                row.text("budget") == nil
                ? nil : row.number("budget", minimum: nil, maximum: Limits.budget, what: "money over the horizon")
            c.sectors.append(Sector(id: id, name: row.name("name") ?? id, budget: budget))
        }
    }

    /// With sectors.csv, sector ids must be listed there; without it, any id is accepted.
    func sector(_ id: String?, _ c: Case, _ row: CSVRow, _ column: String) -> String? {
        guard let id else { return nil }
        guard c.sectors.isEmpty || id == Sector.unassigned || c.sectors.contains(where: { $0.id == id }) else {
            if !issues.isEcho(id, of: "sectors.csv") { row.bad(column, "'\(id)' is not a sector of sectors.csv") }
            return nil
        }
        return id
    }

    func readCompetencies(_ c: inout Case) {
        var seen = Set<String>()
        for row in table("competencies.csv", ["competency_id"], ["name", "sector_id"], mandatory: true) {
            guard let id = row.id("competency_id"), unique(id, &seen, row, "competency_id") else { continue }
            let sector = sector(row.id("sector_id", required: false), c, row, "sector_id") ?? Sector.unassigned
            c.competencies.append(Competency(id: id, name: row.name("name") ?? id, sectorID: sector))
        }
    }

    func readRoles(_ c: inout Case) {
        var seen = Set<String>()
        let competencies = Set(c.competencies.map(\.id))
        for row in table("roles.csv", ["role_id", "competencies"], ["name", "hourly_cost", "generic"]) {
            guard let id = row.id("role_id"), unique(id, &seen, row, "role_id") else { continue }
            let held = row.list("competencies").filter {
                known($0, in: competencies, of: "competencies.csv", row, "competencies", "competency") != nil
            }
            if row.text("competencies") == nil {
                row.bad("competencies", "the cell is empty; expected a ';' list of competencies")
            }
            c.roles.append(
                Role(
                    id: id, name: row.name("name") ?? id, competencies: held,
                    hourlyCost: row.number("hourly_cost", maximum: Limits.hourlyMoney, what: "pay per hour"),
                    generic: row.boolean("generic")))
        }
    }

    func readShifts(_ c: inout Case) {
        var seen = Set<String>()
        for row in table("shifts.csv", ["shift_id", "start", "end"], ["paid_hours", "name"], mandatory: true) {
            guard let id = row.id("shift_id"), unique(id, &seen, row, "shift_id") else { continue }
            guard let start = row.time("start"), let rawEnd = row.time("end") else { continue }
            let end = rawEnd <= start ? rawEnd + 1440 : rawEnd
            let length = Double(end - start) / 60
            guard
                let paid = row.number(
                    "paid_hours", default: length, maximum: Limits.shiftHours, what: "paid hours of the shift")
            else { continue }
            c.shifts.append(Shift(id: id, name: row.name("name") ?? id, start: start, end: end, paidHours: paid))
        }
    }

    mutating func readSettings(_ c: inout Case) {
        var s = Settings()
        var seen = Set<String>()
        for row in table("settings.csv", ["key", "value"]) {
            guard let key = row.text("key") else {
                row.bad("key", "the cell is empty; expected a setting name")
                continue
            }
            guard unique(key, &seen, row, "key") else { continue }
            settingLines[key] = row.line
            func number(_ what: String, maximum: Double, integer: Bool = false, minimum: Double = 0) -> Double? {
                row.number(
                    "value", minimum: minimum, maximum: maximum, integer: integer, required: true,
                    what: "\(what) for \(key)")
            }
            switch key {
            case "horizon_start": s.horizonStart = row.date("value")
            case "horizon_end": s.horizonEnd = row.date("value")
            case "min_rest_hours": s.minRestHours = number("hours", maximum: Limits.restHours) ?? s.minRestHours
            case "max_consecutive_days":
                s.maxConsecutiveDays =
                    number("days", maximum: Double(Limits.count), integer: true, minimum: 1).flatMap(Int.init(exactly:))
                    ?? s.maxConsecutiveDays
            case "max_weekly_hours":
                s.maxWeeklyHours = number("hours per week", maximum: Limits.weeklyHours) ?? s.maxWeeklyHours
            case "max_travel_minutes":
                s.maxTravelMinutes = number("minutes", maximum: Limits.travelMinutes) ?? s.maxTravelMinutes
            case "overtime_multiplier":
                s.overtimeMultiplier = number("a multiplier", maximum: Limits.multiplier) ?? s.overtimeMultiplier
            case "agency_hourly_cost":
                s.agencyHourlyCost = number("money per hour", maximum: Limits.hourlyMoney) ?? s.agencyHourlyCost
            case "agency_max_hours":
                if let text = row.text("value"), text.lowercased() == "unlimited" {
                    s.agencyMaxHours = nil
                } else {
                    s.agencyMaxHours = number("hours", maximum: Limits.demandHours)
                }
            case "unmet_hour_penalty":
                s.unmetHourPenalty = number("a penalty per hour", maximum: Limits.weight) ?? s.unmetHourPenalty
            case "under_weight": s.underWeight = number("a penalty per head", maximum: Limits.weight) ?? s.underWeight
            case "over_weight": s.overWeight = number("a penalty per head", maximum: Limits.weight) ?? s.overWeight
            case "preference_weight":
                s.preferenceWeight = number("a penalty", maximum: Limits.weight) ?? s.preferenceWeight
            case "change_weight": s.changeWeight = number("a penalty", maximum: Limits.weight) ?? s.changeWeight
            case "fairness_weight": s.fairnessWeight = number("a weight", maximum: Limits.weight) ?? s.fairnessWeight
            case "amber_threshold":
                s.amberThreshold = number("a ratio between 0 and 1", maximum: 1) ?? s.amberThreshold
            default: row.warn("key", "unknown setting '\(key)', ignored")
            }
        }
        c.settings = s
    }

    mutating func readDemand(_ c: inout Case) {
        let rows = table(
            "demand.csv", ["date", "shift_id", "locality_id", "competency_id"],
            ["hours", "min_staff", "max_staff", "under_weight", "over_weight"], mandatory: true)
        let dated = rows.compactMap { row in row.text("date").flatMap { Day(iso: $0) }.map { (day: $0, line: row.line) }
        }
        let first = dated.min { $0.day < $1.day }
        let last = dated.max { $0.day < $1.day }
        let start = c.settings.horizonStart ?? first?.day
        let end = c.settings.horizonEnd ?? last?.day
        guard let start, let end else {
            for row in rows { _ = row.date("date") }
            if !issues.hasErrors {
                issues.error(
                    file: "demand.csv", "no dates: give demand rows or horizon_start and horizon_end in settings.csv")
            }
            return
        }
        let horizon = checkedHorizon(start, end, given: c.settings, demandLines: (first?.line, last?.line))
        if let horizon { c.days = (horizon.lowerBound.ordinal...horizon.upperBound.ordinal).map { Day(ordinal: $0) } }
        let shifts = Set(c.shifts.map(\.id))
        let localities = Set(c.localities.map(\.id))
        let competencies = Set(c.competencies.map(\.id))
        var seen: [String: Int] = [:]
        for row in rows {
            let day = row.date("date")
            if let day, let horizon, !horizon.contains(day) {
                row.bad("date", "\(day) is outside the horizon \(start) to \(end)")
            }
            let shift = known(row.id("shift_id"), in: shifts, of: "shifts.csv", row, "shift_id", "shift of shifts.csv")
            let locality = known(
                row.id("locality_id"), in: localities, of: "localities.csv", row, "locality_id",
                "locality of localities.csv")
            let competency = known(
                row.id("competency_id"), in: competencies, of: "competencies.csv", row, "competency_id",
                "competency of competencies.csv")
            let hours = row.number("hours", default: 0, maximum: Limits.demandHours, what: "hours of care")
            let minStaff = row.integer("min_staff", default: 0, what: "a head count")
            let maxStaff = row.integer("max_staff", what: "a head count")
            let under = row.number(
                "under_weight", default: c.settings.underWeight, maximum: Limits.weight, what: "a penalty per head")
            let over = row.number(
                "over_weight", default: c.settings.overWeight, maximum: Limits.weight, what: "a penalty per head")
            if let minStaff, let maxStaff, maxStaff < minStaff {
                row.bad("max_staff", "\(maxStaff) is below min_staff \(minStaff)")
            }
            guard let day, horizon?.contains(day) == true, let shift, let locality, let competency, let hours,
                let minStaff,
                let under, let over
            else { continue }
            let key = "\(day.iso)|\(shift)|\(locality)|\(competency)"
            if let first = seen[key] {
                row.bad(
                    "date",
                    "a second row for (\(day), \(shift), \(locality), \(competency)); the first is on line \(first)")
                continue
            }
            seen[key] = row.line
            c.demand.append(
                Demand(
                    day: day, shiftID: shift, localityID: locality, competencyID: competency, hours: hours,
                    minStaff: minStaff, maxStaff: maxStaff, underWeight: under, overWeight: over))
        }
    }

    /// The horizon from `start` to `end`, `nil` (with an error on the line that set it) when it ends
    /// before it starts or is longer than ``Limits/horizonDays``.
    /// A bound taken from demand.csv is named by the line of its date (`demandLines`: the earliest and
    /// the latest date's), so that a mistyped date is found.
    func checkedHorizon(
        _ start: Day, _ end: Day, given s: Settings, demandLines: (first: Int?, last: Int?)
    ) -> ClosedRange<Day>? {
        func error(_ message: String) {
            if s.horizonEnd == nil, let line = demandLines.last {
                issues.error(file: "demand.csv", line: line, column: "date", message)
            } else if s.horizonStart == nil, let line = demandLines.first {
                issues.error(file: "demand.csv", line: line, column: "date", message)
            } else if let line = settingLines[s.horizonEnd != nil ? "horizon_end" : "horizon_start"] {
                issues.error(file: "settings.csv", line: line, column: "value", letter: "B", message)
            } else {
                issues.error(file: "demand.csv", message)
            }
        }
        let lines = [demandLines.first.map { "line \($0)" }, demandLines.last.map { "line \($0)" }]
        let source =
            s.horizonStart != nil && s.horizonEnd != nil
            ? ""
            : " (dates not set in settings.csv are demand.csv's first, on \(lines[0] ?? "no line"), and last, on "
                + "\(lines[1] ?? "no line"); is one of them mistyped?)"
        guard start <= end else {
            error("the horizon ends on \(end), before it starts on \(start)\(source)")
            return nil
        }
        let days = end.ordinal - start.ordinal + 1
        guard days <= Limits.horizonDays else {
            error(
                "the horizon from \(start) to \(end) is \(days) days; at most \(Limits.horizonDays) (two years) "
                    + "can be rostered at once\(source)")
            return nil
        }
        return start...end
    }

    func readTravel(_ c: inout Case) {
        let localities = Set(c.localities.map(\.id))
        var given: [Pair: Int] = [:]
        var mirrored: [Pair: Travel] = [:]
        for row in table("travel.csv", ["from_locality", "to_locality", "minutes"], ["cost"]) {
            let from = known(
                row.id("from_locality"), in: localities, of: "localities.csv", row, "from_locality",
                "locality of localities.csv")
            let to = known(
                row.id("to_locality"), in: localities, of: "localities.csv", row, "to_locality",
                "locality of localities.csv")
            let minutes = row.number(
                "minutes", maximum: Limits.travelMinutes, required: true, what: "one-way minutes")
            let cost = row.number("cost", default: 0, maximum: Limits.hourlyMoney, what: "a one-way cost")
            guard let from, let to, let minutes, let cost else { continue }
            if from == to {
                row.bad("to_locality", "a row from '\(from)' to itself; a locality is always 0 minutes from itself")
                continue
            }
            let pair = Pair(from, to)
            if let first = given[pair] {
                row.bad("to_locality", "the direction \(from) -> \(to) is given twice (first on line \(first))")
                continue
            }
            given[pair] = row.line
            c.travel[pair] = Travel(minutes: minutes, cost: cost)
            mirrored[Pair(to, from)] = Travel(minutes: minutes, cost: cost)
        }
        for (pair, travel) in mirrored where c.travel[pair] == nil { c.travel[pair] = travel }
    }

    func readStaff(_ c: inout Case) {
        var seen = Set<String>()
        let localities = Set(c.localities.map(\.id))
        let competencies = Set(c.competencies.map(\.id))
        let roles = Dictionary(c.roles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        let s = c.settings
        for row in table(
            "staff.csv", ["staff_id", "home_locality"],
            [
                "name", "role_id", "competencies", "employer", "localities", "contract_hours", "min_hours",
                "max_hours", "hourly_cost", "overtime_multiplier", "max_consecutive_days", "min_consecutive_days",
                "min_consecutive_days_off", "max_weekends",
            ], mandatory: true)
        {
            guard let id = row.id("staff_id"), unique(id, &seen, row, "staff_id") else { continue }
            var role: Role?
            if let roleID = row.id("role_id", required: false) {
                role = roles[roleID]
                if role == nil, !issues.isEcho(roleID, of: "roles.csv") {
                    row.bad("role_id", "'\(roleID)' is not a role of roles.csv")
                }
            }
            var held = role?.competencies ?? []
            for item in row.list("competencies")
            where known(item, in: competencies, of: "competencies.csv", row, "competencies", "competency") != nil {
                if !held.contains(item) { held.append(item) }
            }
            var employer = Sector.unassigned
            if let given = row.id("employer", required: false) {
                employer = given == Sector.joint ? given : (sector(given, c, row, "employer") ?? given)
            }
            let home = known(
                row.id("home_locality"), in: localities, of: "localities.csv", row, "home_locality",
                "locality of localities.csv")
            var allowed: [String] = []
            if let home {
                if row.text("localities") != nil {
                    for item in row.list("localities")
                    where known(item, in: localities, of: "localities.csv", row, "localities", "locality") != nil {
                        if item == home || c.travel[Pair(home, item)] != nil {
                            allowed.append(item)
                        } else {
                            row.bad(
                                "localities", "'\(item)' is neither home (\(home)) nor reachable from it in travel.csv")
                        }
                    }
                } else {
                    allowed = c.defaultLocalities(home: home)
                }
            }
            let week = Limits.weeklyHours
            let contract = row.number(
                "contract_hours", default: 0, maximum: week, what: "contracted hours per week")
            let minHours = row.number("min_hours", default: 0, maximum: week, what: "minimum hours per week")
            let maxHours = row.number(
                "max_hours", default: s.maxWeeklyHours, maximum: week, what: "maximum hours per week")
            let hourly = row.number(
                "hourly_cost", default: role?.hourlyCost ?? 0, maximum: Limits.hourlyMoney, what: "pay per hour")
            let multiplier = row.number(
                "overtime_multiplier", default: (contract ?? 0) > 0 ? s.overtimeMultiplier : 1,
                maximum: Limits.multiplier, what: "an overtime multiplier")
            let maxRun = row.integer(
                "max_consecutive_days", default: s.maxConsecutiveDays, minimum: 1, what: "a number of days")
            let minRun = row.integer("min_consecutive_days", default: 1, minimum: 1, what: "a number of days")
            let minOff = row.integer("min_consecutive_days_off", default: 1, minimum: 1, what: "a number of days")
            let maxWeekends = row.integer("max_weekends", what: "a number of weekends")
            if let minHours, let maxHours, minHours > maxHours {
                row.bad("min_hours", "\(CSVRow.plain(minHours)) is above max_hours \(CSVRow.plain(maxHours))")
            }
            if let minRun, let maxRun, minRun > maxRun {
                row.bad("min_consecutive_days", "\(minRun) is above max_consecutive_days \(maxRun)")
            }
            guard let home, let contract, let minHours, let maxHours, let hourly, let multiplier, let maxRun,
                let minRun,
                let minOff
            else { continue }
            c.staff.append(
                Staff(
                    id: id, name: row.name("name") ?? "", roleID: role?.id ?? "", competencies: held,
                    employer: employer,
                    homeLocality: home, localities: allowed, contractHours: contract, minHours: minHours,
                    maxHours: maxHours,
                    hourlyCost: hourly, overtimeMultiplier: multiplier, maxConsecutiveDays: maxRun,
                    minConsecutiveDays: minRun,
                    minConsecutiveDaysOff: minOff, maxWeekends: row.text("max_weekends") == nil ? nil : maxWeekends))
        }
    }

    func readShiftLimits(_ c: inout Case) {
        let staff = Set(c.staff.map(\.id))
        let shifts = Set(c.shifts.map(\.id))
        for row in table("staff_shift_limits.csv", ["staff_id", "shift_id", "max_count"]) {
            let person = known(row.id("staff_id"), in: staff, of: "staff.csv", row, "staff_id", "member of staff.csv")
            let shift = known(row.id("shift_id"), in: shifts, of: "shifts.csv", row, "shift_id", "shift of shifts.csv")
            let count = row.integer("max_count", required: true, what: "a number of shifts")
            guard let person, let shift, let count else { continue }
            if c.shiftLimits[Pair(person, shift)] != nil {
                row.bad("shift_id", "a second limit for (\(person), \(shift))")
                continue
            }
            c.shiftLimits[Pair(person, shift)] = count
        }
    }

    func inHorizon(_ day: Day?, _ c: Case, _ row: CSVRow) -> Bool {
        // Without a horizon (an error already said why) no date can be placed, and none is reported.
        guard let day, let first = c.days.first, let last = c.days.last else { return false }
        guard (first...last).contains(day) else {
            row.warn("date", "\(day) is outside the horizon; the row is ignored")
            return false
        }
        return true
    }

    func readAvailability(_ c: inout Case) {
        let staff = Set(c.staff.map(\.id))
        let shifts = Set(c.shifts.map(\.id))
        for row in table("availability.csv", ["staff_id", "date", "kind"], ["shift_id", "weight"]) {
            let person = known(row.id("staff_id"), in: staff, of: "staff.csv", row, "staff_id", "member of staff.csv")
            let day = row.date("date")
            let shift = known(
                row.id("shift_id", required: false), in: shifts, of: "shifts.csv", row, "shift_id",
                "shift of shifts.csv")
            var kind: AvailabilityKind?
            if let text = row.text("kind") {
                kind = AvailabilityKind(rawValue: text)
                if kind == nil { row.bad("kind", "'\(text)' is not one of unavailable, prefer_off, prefer_on") }
            } else {
                row.bad("kind", "the cell is empty; expected unavailable, prefer_off or prefer_on")
            }
            let weight = row.number(
                "weight", default: c.settings.preferenceWeight, maximum: Limits.weight, what: "a penalty")
            guard let person, let kind, let weight, row.text("shift_id") == nil || shift != nil, inHorizon(day, c, row),
                let day
            else { continue }
            c.availability.append(Availability(staffID: person, day: day, shiftID: shift, kind: kind, weight: weight))
        }
    }

    func readForbiddenSequences(_ c: inout Case) {
        let shifts = Set(c.shifts.map(\.id))
        for row in table("forbidden_sequences.csv", ["from_shift", "to_shift"]) {
            let from = known(
                row.id("from_shift"), in: shifts, of: "shifts.csv", row, "from_shift", "shift of shifts.csv")
            let to = known(row.id("to_shift"), in: shifts, of: "shifts.csv", row, "to_shift", "shift of shifts.csv")
            if let from, let to { c.forbiddenSequences.insert(Pair(from, to)) }
        }
    }

    func readPins(_ c: inout Case) {
        let staff = Set(c.staff.map(\.id))
        let shifts = Set(c.shifts.map(\.id))
        let localities = Set(c.localities.map(\.id))
        var seen: [String: Int] = [:]
        for row in table("pinned.csv", ["staff_id", "date"], ["shift_id", "locality_id"]) {
            let person = known(row.id("staff_id"), in: staff, of: "staff.csv", row, "staff_id", "member of staff.csv")
            let day = row.date("date")
            let shift = known(
                row.id("shift_id", required: false), in: shifts, of: "shifts.csv", row, "shift_id",
                "shift of shifts.csv")
            let locality = known(
                row.id("locality_id", required: false), in: localities, of: "localities.csv", row, "locality_id",
                "locality")
            guard let person, row.text("shift_id") == nil || shift != nil,
                row.text("locality_id") == nil || locality != nil,
                inHorizon(day, c, row), let day
            else { continue }
            if shift == nil, locality != nil {
                row.warn("locality_id", "a pinned day off has no locality; it is ignored")
            }
            let key = "\(person)|\(day.iso)"
            if let first = seen[key] {
                row.bad("date", "\(person) is pinned twice on \(day) (first on line \(first))")
                continue
            }
            seen[key] = row.line
            c.pins.append(
                Pin(
                    staffID: person, day: day, shiftID: shift, localityID: shift == nil ? nil : locality, line: row.line
                ))
        }
    }

    func readBaseline(_ c: inout Case) {
        guard source.has("baseline.csv") else { return }
        let staff = Set(c.staff.map(\.id))
        let shifts = Set(c.shifts.map(\.id))
        let localities = Set(c.localities.map(\.id))
        var rows: [Assignment] = []
        var seen: [String: Int] = [:]
        for row in table(
            "baseline.csv", ["staff_id", "date", "shift_id", "locality_id"],
            ["start", "end", "paid_hours", "travel_minutes"])
        {
            let person = known(row.id("staff_id"), in: staff, of: "staff.csv", row, "staff_id", "member of staff.csv")
            let day = row.date("date")
            let shift = known(row.id("shift_id"), in: shifts, of: "shifts.csv", row, "shift_id", "shift of shifts.csv")
            let locality = known(
                row.id("locality_id"), in: localities, of: "localities.csv", row, "locality_id", "locality")
            guard let person, let day, let shift, let locality, let first = c.days.first, let last = c.days.last,
                (first...last).contains(day)
            else { continue }
            let key = "\(person)|\(day.iso)"
            if let first = seen[key] {
                row.bad("date", "\(person) has a second shift on \(day) (the first is on line \(first))")
                continue
            }
            seen[key] = row.line
            rows.append(Assignment(staffID: person, day: day, shiftID: shift, localityID: locality))
        }
        c.baseline = rows
    }
}
