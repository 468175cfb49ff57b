import Workforce

/// Small random cases for tests: a few staff, one or two localities, two or three shifts, a few
/// days from a Monday, and random rules of every kind the case format has. Every case is valid
/// per the case format (``CaseReader`` accepts it without warnings), pins never break a hard rule
/// on their own, and the same seed always gives the same files.
public enum RandomCase {
    /// The first Monday the horizons start from (a different Monday for some seeds).
    static let mondays = ["2025-03-03", "2025-03-10", "2025-06-02"]

    /// The CSV texts (file name -> text) of a random case.
    /// - Parameters:
    ///   - hours: give demand rows `hours` of care (else only head counts).
    ///   - agency: allow agency cover (sometimes, with a cap sometimes).
    ///   - fairness: price weekend fairness (sometimes).
    ///   - pins: pin a shift or a day off (rarely).
    ///   - staff: how many people.
    ///   - days: how many days (from a Monday; 6 or more span a weekend).
    public static func files(
        seed: UInt64, hours: Bool = true, agency: Bool = true, fairness: Bool = true, pins: Bool = true,
        staff staffCount: ClosedRange<Int> = 2...4, days dayCount: ClosedRange<Int> = 4...7
    ) -> [String: String] {
        var random = SeededGenerator(seed: seed &* 0x2545_F491_4F6C_DD1D &+ 17)
        func chance(_ p: Double) -> Bool { Double.random(in: 0..<1, using: &random) < p }
        func pick<T>(_ items: [T]) -> T { items[Int.random(in: 0..<items.count, using: &random)] }
        func number(_ value: Double) -> String { value == value.rounded() ? String(Int(value)) : String(value) }

        // Horizon.
        let days = Int.random(in: dayCount, using: &random)
        let first = Day(iso: pick(mondays))!
        let dates = (0..<days).map { first.adding(days: $0) }

        // Localities and travel.
        let twoPlaces = chance(0.5)
        let places = twoPlaces ? ["home", "isle"] : ["home"]
        var travelMinutes: Double?
        var files: [String: String] = [:]
        files["localities.csv"] = "locality_id,name\n" + places.map { "\($0),\($0.capitalized)\n" }.joined()
        if twoPlaces, chance(0.7) {
            let minutes = pick([20.0, 45, 60, 100])
            travelMinutes = minutes
            files["travel.csv"] =
                "from_locality,to_locality,minutes,cost\nhome,isle,\(number(minutes)),\(pick(["0", "4", "7.5"]))\n"
        }

        // Competencies.
        let competencies = chance(0.5) ? ["care", "meds"] : ["care"]
        files["competencies.csv"] = "competency_id\n" + competencies.map { "\($0)\n" }.joined()

        // Shifts: E/L/N style, N crossing midnight.
        var shifts: [(id: String, start: String, end: String, paid: Double?, hours: Double)] = [
            ("E", "07:00", "15:00", nil, 8)
        ]
        switch Int.random(in: 0..<3, using: &random) {
        case 0: shifts.append(("N", "21:00", "07:00", pick([nil, 9.5]), 10))
        case 1: shifts.append(("L", pick(["14:00", "15:00"]), "22:00", nil, 0))
        default:
            shifts.append(("L", "14:00", "22:00", nil, 8))
            shifts.append(("N", "22:00", "07:00", pick([nil, 8.5]), 9))
        }
        shifts = shifts.map { shift in
            var shift = shift
            if shift.id == "L" { shift.hours = shift.start == "14:00" ? 8 : 7 }
            if let paid = shift.paid { shift.hours = paid }
            return shift
        }
        files["shifts.csv"] =
            "shift_id,start,end,paid_hours\n"
            + shifts.map { "\($0.id),\($0.start),\($0.end),\($0.paid.map(number) ?? "")\n" }.joined()
        let shiftIDs = shifts.map(\.id)

        // Settings.
        var settings: [(String, String)] = [("horizon_start", dates.first!.iso), ("horizon_end", dates.last!.iso)]
        let maxConsecutiveSetting = chance(0.3) ? Int.random(in: 2...4, using: &random) : 6
        if maxConsecutiveSetting != 6 { settings.append(("max_consecutive_days", String(maxConsecutiveSetting))) }
        settings.append(("min_rest_hours", pick(["0", "8", "11", "12"])))
        if chance(0.4) { settings.append(("preference_weight", pick(["5", "20"]))) }
        if chance(0.4) { settings.append(("under_weight", pick(["200", "500"]))) }
        if chance(0.3) { settings.append(("over_weight", pick(["15", "40"]))) }
        if chance(0.3) { settings.append(("unmet_hour_penalty", pick(["60", "300"]))) }
        if agency, chance(0.5) {
            settings.append(("agency_hourly_cost", pick(["30", "45", "80"])))
            if chance(0.5) { settings.append(("agency_max_hours", pick(["8", "16", "30"]))) }
        }
        if fairness, chance(0.4) { settings.append(("fairness_weight", pick(["5", "30"]))) }
        if chance(0.3) { settings.append(("overtime_multiplier", pick(["1.25", "2"]))) }
        files["settings.csv"] = "key,value\n" + settings.map { "\($0.0),\($0.1)\n" }.joined()

        // Staff.
        let people = (0..<Int.random(in: staffCount, using: &random)).map { "s\($0 + 1)" }
        struct Person {
            var id: String, home: String, localities: [String], maxHours: Double, maxWeekends: Int?
            var shiftLimits: [String: Int] = [:]
        }
        var persons: [Person] = []
        var staff =
            "staff_id,home_locality,localities,competencies,contract_hours,min_hours,max_hours,hourly_cost,"
            + "overtime_multiplier,max_consecutive_days,min_consecutive_days,min_consecutive_days_off,max_weekends\n"
        for (n, id) in people.enumerated() {
            let home = places.count > 1 && chance(0.3) ? "isle" : "home"
            // Where the person may work: by default (home plus what is within 90 minutes), or listed.
            var localities = [home]
            var localityCell = ""
            if places.count > 1, let minutes = travelMinutes {
                if chance(0.5) {
                    localities = chance(0.7) ? [home, home == "home" ? "isle" : "home"] : [home]
                    localityCell = localities.joined(separator: ";")
                } else if minutes <= 90 {
                    localities = places
                }
            }
            var held: [String]
            if competencies.count == 1 {
                held = competencies
            } else {
                // The first person holds both, so some staff always do.
                held = n == 0 || chance(0.4) ? competencies : [pick(competencies)]
            }
            let contract = pick([0.0, 0, 20, 37.5])
            let maxHours = pick([16.0, 24, 36, 48, 48])
            let minHours = chance(0.35) ? min(maxHours, pick([8.0, 16, 24, 40])) : 0
            let hourly = pick([10.0, 12, 15])
            let multiplier = chance(0.2) ? pick(["1", "1.5"]) : ""
            let maxRunCell = chance(0.3) ? String(Int.random(in: 2...5, using: &random)) : ""
            let maxRun = Int(maxRunCell) ?? maxConsecutiveSetting
            let minRun = chance(0.25) ? min(maxRun, Int.random(in: 2...3, using: &random)) : 1
            let minOff = chance(0.25) ? Int.random(in: 2...3, using: &random) : 1
            let maxWeekends: Int? = chance(0.3) ? Int.random(in: 0...1, using: &random) : nil
            staff +=
                "\(id),\(home),\(localityCell),\(held.joined(separator: ";")),\(number(contract)),\(number(minHours)),"
                + "\(number(maxHours)),\(number(hourly)),\(multiplier),\(maxRunCell),\(minRun == 1 && chance(0.5) ? "" : String(minRun)),"
                + "\(minOff == 1 ? "" : String(minOff)),\(maxWeekends.map(String.init) ?? "")\n"
            persons.append(
                Person(id: id, home: home, localities: localities, maxHours: maxHours, maxWeekends: maxWeekends))
        }
        files["staff.csv"] = staff

        // Shift limits (0 included).
        var limits = "staff_id,shift_id,max_count\n"
        for n in persons.indices {
            for shift in shiftIDs where chance(0.2) {
                let count = Int.random(in: 0...3, using: &random)
                persons[n].shiftLimits[shift] = count
                limits += "\(persons[n].id),\(shift),\(count)\n"
            }
        }
        if limits.contains("\n"), limits.split(separator: "\n").count > 1 { files["staff_shift_limits.csv"] = limits }

        // Forbidden sequences.
        let sequences = [("N", "E"), ("N", "L"), ("L", "E"), ("E", "N"), ("L", "L")]
            .filter { shiftIDs.contains($0.0) && shiftIDs.contains($0.1) && chance(0.3) }
        if !sequences.isEmpty {
            files["forbidden_sequences.csv"] = "from_shift,to_shift\n" + sequences.map { "\($0.0),\($0.1)\n" }.joined()
        }

        // Availability: leave, and preferences with and without weights.
        var availability = "staff_id,date,shift_id,kind,weight\n"
        var unavailable = Set<String>()  // "person|date|shift" ("" = the whole day)
        for person in persons {
            var used = Set<String>()
            for _ in 0..<Int.random(in: 0...3, using: &random) {
                let date = pick(dates).iso
                let shift = chance(0.4) ? pick(shiftIDs) : ""
                guard used.insert("\(date)|\(shift)").inserted else { continue }
                let kind = pick(["unavailable", "prefer_on", "prefer_off", "prefer_off"])
                let weight = kind != "unavailable" && chance(0.5) ? pick(["3", "25", "60"]) : ""
                if kind == "unavailable" { unavailable.insert("\(person.id)|\(date)|\(shift)") }
                availability += "\(person.id),\(date),\(shift),\(kind),\(weight)\n"
            }
        }
        if availability.split(separator: "\n").count > 1 { files["availability.csv"] = availability }

        // Demand.
        var demand = "date,shift_id,locality_id,competency_id,hours,min_staff,max_staff,under_weight,over_weight\n"
        var rows = 0
        for date in dates {
            for shift in shifts {
                for place in places {
                    for competency in competencies where chance(place == "home" && competency == "care" ? 0.75 : 0.35) {
                        let minStaff = pick([0, 1, 1, 1, 2])
                        let maxStaff = chance(0.35) ? String(minStaff + pick([0, 0, 1])) : ""
                        let under = chance(0.3) ? pick(["50", "150", "800"]) : ""
                        let over = chance(0.3) ? pick(["10", "35"]) : ""
                        let cell =
                            hours && chance(0.7)
                            ? number(pick([0.0, 4, 6, shift.hours, shift.hours, 2 * shift.hours])) : ""
                        demand +=
                            "\(date.iso),\(shift.id),\(place),\(competency),\(cell),\(minStaff),\(maxStaff),\(under),\(over)\n"
                        rows += 1
                    }
                }
            }
        }
        if rows == 0 { demand += "\(dates[0].iso),E,home,care,\(hours ? "8" : ""),1,,,\n" }
        files["demand.csv"] = demand

        // Pins, rarely: one per chosen person, a day off or one shift that breaks nothing alone.
        if pins, chance(0.25) {
            var pinned = "staff_id,date,shift_id,locality_id\n"
            for person in persons where chance(0.5) {
                let date = pick(dates)
                if chance(0.35) {
                    pinned += "\(person.id),\(date.iso),,\n"
                    continue
                }
                let shift = pick(shiftIDs)
                let free =
                    !unavailable.contains("\(person.id)|\(date.iso)|")
                    && !unavailable.contains("\(person.id)|\(date.iso)|\(shift)")
                    && person.shiftLimits[shift] != 0 && !(date.isWeekend && person.maxWeekends == 0)
                guard free else { continue }
                let place = chance(0.5) ? "" : pick(person.localities)
                pinned += "\(person.id),\(date.iso),\(shift),\(place)\n"
            }
            if pinned.split(separator: "\n").count > 1 { files["pinned.csv"] = pinned }
        }
        return files
    }
}
