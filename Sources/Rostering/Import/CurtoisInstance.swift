import Foundation
import Workforce

/// A Curtois & Qu nurse rostering instance (the public benchmark `Instance1.txt` ... `Instance24.txt`),
/// read but not yet turned into a case. Days are numbered from 0; day 0 is a Monday.
public struct CurtoisInstance: Sendable, Equatable {
    /// A shift type: its length and the shifts that may not be worked the day after it.
    public struct ShiftType: Sendable, Equatable {
        public var id: String
        public var minutes: Int
        /// Shifts that may not follow this one on the next day.
        public var cannotFollow: [String]

        public init(id: String, minutes: Int, cannotFollow: [String]) {
            self.id = id
            self.minutes = minutes
            self.cannotFollow = cannotFollow
        }
    }

    /// Most times a nurse may work one shift type in the horizon (0 = never).
    public struct ShiftLimit: Sendable, Equatable {
        public var shift: String
        public var limit: Int

        public init(shift: String, limit: Int) {
            self.shift = shift
            self.limit = limit
        }
    }

    /// A nurse and the limits of their contract.
    public struct Employee: Sendable, Equatable {
        public var id: String
        public var maxShifts: [ShiftLimit]
        public var maxTotalMinutes: Int
        public var minTotalMinutes: Int
        public var maxConsecutiveShifts: Int
        public var minConsecutiveShifts: Int
        public var minConsecutiveDaysOff: Int
        public var maxWeekends: Int

        public init(
            id: String, maxShifts: [ShiftLimit], maxTotalMinutes: Int, minTotalMinutes: Int,
            maxConsecutiveShifts: Int, minConsecutiveShifts: Int, minConsecutiveDaysOff: Int,
            maxWeekends: Int
        ) {
            self.id = id
            self.maxShifts = maxShifts
            self.maxTotalMinutes = maxTotalMinutes
            self.minTotalMinutes = minTotalMinutes
            self.maxConsecutiveShifts = maxConsecutiveShifts
            self.minConsecutiveShifts = minConsecutiveShifts
            self.minConsecutiveDaysOff = minConsecutiveDaysOff
            self.maxWeekends = maxWeekends
        }
    }

    /// A nurse's mandatory days off.
    public struct DaysOff: Sendable, Equatable {
        public var employee: String
        /// Day numbers, in file order, each once.
        public var days: [Int]

        public init(employee: String, days: [Int]) {
            self.employee = employee
            self.days = days
        }
    }

    /// A request to work (or not to work) one shift on one day, and what breaking it costs.
    public struct Request: Sendable, Equatable {
        public var employee: String
        public var day: Int
        public var shift: String
        public var weight: Int

        public init(employee: String, day: Int, shift: String, weight: Int) {
            self.employee = employee
            self.day = day
            self.shift = shift
            self.weight = weight
        }
    }

    /// How many nurses one shift needs on one day, and the cost of each one short or over.
    public struct Cover: Sendable, Equatable {
        public var day: Int
        public var shift: String
        public var requirement: Int
        public var underWeight: Int
        public var overWeight: Int

        public init(day: Int, shift: String, requirement: Int, underWeight: Int, overWeight: Int) {
            self.day = day
            self.shift = shift
            self.requirement = requirement
            self.underWeight = underWeight
            self.overWeight = overWeight
        }
    }

    /// The instance file's name, as used in messages.
    public var file: String
    /// Days in the horizon.
    public var horizon: Int
    public var shifts: [ShiftType]
    public var staff: [Employee]
    /// One entry per nurse with days off, in file order.
    public var daysOff: [DaysOff]
    public var onRequests: [Request]
    public var offRequests: [Request]
    public var cover: [Cover]

    public init(
        file: String, horizon: Int, shifts: [ShiftType], staff: [Employee], daysOff: [DaysOff],
        onRequests: [Request], offRequests: [Request], cover: [Cover]
    ) {
        self.file = file
        self.horizon = horizon
        self.shifts = shifts
        self.staff = staff
        self.daysOff = daysOff
        self.onRequests = onRequests
        self.offRequests = offRequests
        self.cover = cover
    }

    /// The seven sections of an instance file; each must appear exactly once, in any order.
    public static let sections = [
        "SECTION_HORIZON", "SECTION_SHIFTS", "SECTION_STAFF", "SECTION_DAYS_OFF",
        "SECTION_SHIFT_ON_REQUESTS", "SECTION_SHIFT_OFF_REQUESTS", "SECTION_COVER",
    ]

    /// Reads an instance from its text (CRLF or LF line ends; `#` lines are comments).
    /// - Parameters:
    ///   - text: the whole file.
    ///   - file: the file's name, used in every message.
    /// - Throws: ``CaseError`` listing every problem of the file, each with its line and field.
    public static func parse(_ text: String, file: String) throws(CaseError) -> CurtoisInstance {
        var parser = CurtoisParser(file: file)
        let instance = parser.parse(text)
        if !parser.issues.isEmpty { throw CaseError(issues: parser.issues) }
        return instance
    }
}

/// One data line of a section: its line number and its comma-separated fields (trimmed).
private struct DataLine {
    var number: Int
    var fields: [String]
}

/// Reads an instance line by line, collecting every problem instead of stopping at the first.
private struct CurtoisParser {
    let file: String
    var issues: [CaseIssue] = []

    init(file: String) { self.file = file }

    /// The field names of each section, for messages (`column 3 (MaxTotalMinutes)`).
    static let fieldNames: [String: [String]] = [
        "SECTION_HORIZON": ["Days"],
        "SECTION_SHIFTS": ["ShiftID", "LengthInMinutes", "CannotFollow"],
        "SECTION_STAFF": [
            "ID", "MaxShifts", "MaxTotalMinutes", "MinTotalMinutes", "MaxConsecutiveShifts",
            "MinConsecutiveShifts", "MinConsecutiveDaysOff", "MaxWeekends",
        ],
        "SECTION_DAYS_OFF": ["EmployeeID", "Day"],
        "SECTION_SHIFT_ON_REQUESTS": ["EmployeeID", "Day", "ShiftID", "Weight"],
        "SECTION_SHIFT_OFF_REQUESTS": ["EmployeeID", "Day", "ShiftID", "Weight"],
        "SECTION_COVER": ["Day", "ShiftID", "Requirement", "WeightForUnder", "WeightForOver"],
    ]

    /// Reports a problem of a whole line (or, without a line, of the whole file).
    mutating func error(_ line: Int?, _ message: String) {
        issues.append(CaseIssue(file: file, line: line, message))
    }

    /// Reports a problem of one field: `column 3 (MaxTotalMinutes)` is the line's third field.
    mutating func error(_ line: Int, _ field: Int, _ section: String, _ message: String) {
        let names = Self.fieldNames[section] ?? []
        let name = names.isEmpty ? "field \(field + 1)" : names[min(field, names.count - 1)]
        issues.append(CaseIssue(file: file, line: line, column: name, columnLetter: String(field + 1), message))
    }

    mutating func parse(_ text: String) -> CurtoisInstance {
        var instance = CurtoisInstance(
            file: file, horizon: 0, shifts: [], staff: [], daysOff: [], onRequests: [],
            offRequests: [], cover: [])
        let sections = split(text)
        for name in CurtoisInstance.sections where sections[name] == nil {
            error(nil, "the section \(name) is missing; every instance has all seven sections")
        }
        // References are checked against the ids a section names (valid or not), so one bad line gives one
        // message; against nothing when the section is missing (its absence is the message).
        func named(_ section: String) -> Set<String>? {
            sections[section].map { Set($0.compactMap(\.fields.first).filter { !$0.isEmpty }) }
        }
        let horizon = sections["SECTION_HORIZON"].flatMap { readHorizon($0) }
        instance.horizon = horizon ?? 0
        instance.shifts = readShifts(sections["SECTION_SHIFTS"] ?? [])
        let shiftIDs = named("SECTION_SHIFTS")
        instance.staff = readStaff(
            sections["SECTION_STAFF"] ?? [], named: shiftIDs,
            defined: instance.shifts.map(\.id), horizon: horizon)
        let staffIDs = named("SECTION_STAFF")
        instance.daysOff = readDaysOff(sections["SECTION_DAYS_OFF"] ?? [], staff: staffIDs, horizon: horizon)
        instance.onRequests = readRequests(
            sections["SECTION_SHIFT_ON_REQUESTS"] ?? [], "SECTION_SHIFT_ON_REQUESTS",
            staff: staffIDs, shifts: shiftIDs, horizon: horizon)
        instance.offRequests = readRequests(
            sections["SECTION_SHIFT_OFF_REQUESTS"] ?? [],
            "SECTION_SHIFT_OFF_REQUESTS", staff: staffIDs, shifts: shiftIDs,
            horizon: horizon)
        instance.cover = readCover(sections["SECTION_COVER"] ?? [], shifts: shiftIDs, horizon: horizon)
        return instance
    }

    /// Splits the text into sections by their header lines; comments and blank lines are dropped.
    mutating func split(_ text: String) -> [String: [DataLine]] {
        var sections: [String: [DataLine]] = [:]
        var current: String?
        var skipping = false
        var orphanReported = false
        // A CRLF pair is one Character in Swift, so split on any line end, not on "\n".
        var lines = text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
        if let first = lines.first, first.hasPrefix("\u{FEFF}") { lines[0] = first.dropFirst() }
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty || line.hasPrefix("#") { continue }
            if line.hasPrefix("SECTION_") {
                current = nil
                skipping = true
                if !CurtoisInstance.sections.contains(line) {
                    error(
                        number,
                        "'\(line)' is not a section of the format; expected one of "
                            + CurtoisInstance.sections.joined(separator: ", "))
                } else if sections[line] != nil {
                    error(number, "the section \(line) appears a second time; each section appears once")
                } else {
                    sections[line] = []
                    current = line
                }
                continue
            }
            guard let section = current else {
                // Lines under a rejected header are covered by its message.
                if !skipping, !orphanReported {
                    error(number, "data before the first section header; expected a line such as SECTION_HORIZON")
                    orphanReported = true
                }
                continue
            }
            let fields = line.split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            sections[section]!.append(DataLine(number: number, fields: fields))
        }
        return sections
    }

    /// A whole number of 0 or more (1 or more with `minimum: 1`), or `nil` after reporting it.
    mutating func integer(
        _ line: DataLine, _ field: Int, _ section: String, minimum: Int = 0,
        text: String? = nil
    ) -> Int? {
        let value = text ?? line.fields[field]
        guard !value.isEmpty else {
            error(line.number, field, section, "the field is empty; expected a whole number of \(minimum) or more")
            return nil
        }
        let digits = value.hasPrefix("-") || value.hasPrefix("+") ? value.dropFirst() : Substring(value)
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            error(line.number, field, section, "'\(value)' is not a whole number; expected \(minimum) or more")
            return nil
        }
        guard let number = Int(value) else {
            error(line.number, field, section, "'\(value)' is too large a number")
            return nil
        }
        guard number >= minimum else {
            error(
                line.number, field, section,
                "\(number) is below \(minimum); expected a whole number of \(minimum) or more")
            return nil
        }
        return number
    }

    /// An id: not empty, not beginning with a spreadsheet formula character.
    mutating func id(_ line: DataLine, _ field: Int, _ section: String, _ what: String) -> String? {
        let value = line.fields[field]
        guard let first = value.unicodeScalars.first else {
            error(line.number, field, section, "the field is empty; expected \(what)")
            return nil
        }
        guard !["=", "+", "-", "@"].contains(first) else {
            error(
                line.number, field, section,
                "'\(value)' begins with '\(first)'; ids may not begin with = + - @ "
                    + "(spreadsheets run such cells as formulas)")
            return nil
        }
        guard !value.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) else {
            error(line.number, field, section, "the id contains a tab or other control character")
            return nil
        }
        return value
    }

    /// A day number inside the horizon (any day of 0 or more when the horizon is unknown).
    mutating func day(_ line: DataLine, _ field: Int, _ section: String, horizon: Int?) -> Int? {
        guard let day = integer(line, field, section) else { return nil }
        if let horizon, day >= horizon {
            error(
                line.number, field, section,
                "day \(day) is outside the horizon; expected a day from 0 to \(horizon - 1)")
            return nil
        }
        return day
    }

    /// Checks the number of fields; reports and returns false when it is wrong.
    mutating func fieldCount(_ line: DataLine, _ section: String) -> Bool {
        let names = Self.fieldNames[section]!
        guard line.fields.count != names.count else { return true }
        error(
            line.number,
            "\(section) lines have \(names.count) field\(names.count == 1 ? "" : "s") "
                + "(\(names.joined(separator: ", "))); this line has \(line.fields.count)")
        return false
    }

    mutating func readHorizon(_ lines: [DataLine]) -> Int? {
        let section = "SECTION_HORIZON"
        guard lines.count == 1, let line = lines.first else {
            error(
                lines.count > 1 ? lines[1].number : nil,
                "SECTION_HORIZON holds exactly one number, the days in the horizon; found \(lines.count) lines")
            return nil
        }
        guard fieldCount(line, section) else { return nil }
        return integer(line, 0, section, minimum: 1)
    }

    mutating func readShifts(_ lines: [DataLine]) -> [CurtoisInstance.ShiftType] {
        let section = "SECTION_SHIFTS"
        var shifts: [CurtoisInstance.ShiftType] = []
        var lineOf: [String: Int] = [:]
        var followers: [(line: DataLine, list: [String])] = []
        for line in lines {
            guard fieldCount(line, section) else { continue }
            let shift = id(line, 0, section, "a shift id")
            var minutes = integer(line, 1, section, minimum: 1)
            if let length = minutes, length > 1440 {
                error(
                    line.number, 1, section,
                    "\(length) minutes is longer than a day; a shift lasts at most 1440 minutes")
                minutes = nil
            }
            let list = line.fields[2].split(separator: "|", omittingEmptySubsequences: true)
                .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            followers.append((line, list))
            guard let shift, let minutes else { continue }
            if let first = lineOf[shift] {
                error(
                    line.number, 0, section,
                    "the shift '\(shift)' is defined a second time (first on line \(first))")
                continue
            }
            lineOf[shift] = line.number
            shifts.append(CurtoisInstance.ShiftType(id: shift, minutes: minutes, cannotFollow: []))
        }
        let defined = Set(lines.compactMap { $0.fields.first }.filter { !$0.isEmpty })
        for (line, list) in followers {
            var kept: [String] = []
            for other in list {
                if !defined.contains(other) {
                    error(line.number, 2, section, "'\(other)' is not a shift defined in SECTION_SHIFTS")
                } else if !kept.contains(other) {
                    kept.append(other)
                }
            }
            if let index = shifts.firstIndex(where: { $0.id == line.fields[0] && lineOf[$0.id] == line.number }) {
                shifts[index].cannotFollow = kept
            }
        }
        return shifts
    }

    /// - Parameters:
    ///   - named: the shift ids SECTION_SHIFTS names (valid or not), `nil` when it is missing.
    ///   - defined: the shifts read without error, in order: each needs a limit.
    mutating func readStaff(
        _ lines: [DataLine], named shiftIDs: Set<String>?, defined: [String],
        horizon: Int?
    ) -> [CurtoisInstance.Employee] {
        let section = "SECTION_STAFF"
        var staff: [CurtoisInstance.Employee] = []
        var lineOf: [String: Int] = [:]
        for line in lines {
            guard fieldCount(line, section) else { continue }
            let person = id(line, 0, section, "a staff id")
            var limits: [CurtoisInstance.ShiftLimit] = []
            var limitsOK = true
            for pair in line.fields[1].split(separator: "|").map({ $0.trimmingCharacters(in: .whitespaces) })
            where !pair.isEmpty {
                let parts = pair.split(separator: "=", omittingEmptySubsequences: false)
                    .map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else {
                    error(line.number, 1, section, "'\(pair)' is not a pair ShiftID=limit (e.g. D=14)")
                    limitsOK = false
                    continue
                }
                let limit = integer(line, 1, section, text: parts[1])
                guard shiftIDs?.contains(parts[0]) ?? true else {
                    error(line.number, 1, section, "'\(parts[0])' is not a shift defined in SECTION_SHIFTS")
                    limitsOK = false
                    continue
                }
                if limits.contains(where: { $0.shift == parts[0] }) {
                    error(line.number, 1, section, "the shift '\(parts[0])' has a second limit")
                    limitsOK = false
                    continue
                }
                guard let limit else {
                    limitsOK = false
                    continue
                }
                limits.append(CurtoisInstance.ShiftLimit(shift: parts[0], limit: limit))
            }
            let missing = defined.filter { shift in !limits.contains { $0.shift == shift } }
            if limitsOK, !missing.isEmpty {
                error(
                    line.number, 1, section,
                    "no limit for shift\(missing.count == 1 ? "" : "s") "
                        + "\(missing.joined(separator: ", ")); every shift needs one (0 = may not work it)")
            }
            let values = (2..<8).map { integer(line, $0, section) }
            guard let person else { continue }
            if let first = lineOf[person] {
                error(
                    line.number, 0, section,
                    "the staff id '\(person)' appears a second time (first on line \(first))")
                continue
            }
            lineOf[person] = line.number
            guard limitsOK, missing.isEmpty, let maxMinutes = values[0], let minMinutes = values[1],
                let maxRun = values[2], let minRun = values[3], let minOff = values[4], let weekends = values[5]
            else { continue }
            guard
                expressible(
                    line, maxMinutes: maxMinutes, minMinutes: minMinutes, maxRun: maxRun, minRun: minRun,
                    horizon: horizon)
            else { continue }
            staff.append(
                CurtoisInstance.Employee(
                    id: person, maxShifts: limits, maxTotalMinutes: maxMinutes, minTotalMinutes: minMinutes,
                    maxConsecutiveShifts: maxRun, minConsecutiveShifts: minRun, minConsecutiveDaysOff: minOff,
                    maxWeekends: weekends))
        }
        return staff
    }

    /// Checks the limits a case can hold: its minimum run is at most its maximum, and its weekly hours
    /// (minimum averaged over the days, maximum over at least a week) are at most 168 and in order.
    mutating func expressible(
        _ line: DataLine, maxMinutes: Int, minMinutes: Int, maxRun: Int, minRun: Int,
        horizon: Int?
    ) -> Bool {
        let section = "SECTION_STAFF"
        var ok = true
        if maxRun >= 1, minRun > maxRun {
            error(
                line.number, 5, section,
                "\(minRun) is above MaxConsecutiveShifts \(maxRun); the minimum run of "
                    + "shifts must be at most the maximum")
            ok = false
        }
        guard let horizon else { return ok }
        let minWeekly = Double(minMinutes) * 7 / Double(horizon)
        let maxWeekly = min(Double(maxMinutes) * 7 / Double(max(horizon, 7)), 168 * 60)
        if minMinutes > horizon * 1440 {
            error(
                line.number, 3, section,
                "\(minMinutes) minutes is more than the \(horizon) days of the horizon hold "
                    + "(\(horizon * 1440) minutes)")
            ok = false
        } else if minWeekly > maxWeekly * (1 + 1e-12) {
            error(
                line.number, 3, section,
                minMinutes > maxMinutes
                    ? "\(minMinutes) is above MaxTotalMinutes \(maxMinutes)"
                    : "\(minMinutes) minutes over \(horizon) days is, as a weekly average, above what MaxTotalMinutes "
                        + "\(maxMinutes) allows (the case format averages a maximum over at least a week)")
            ok = false
        }
        return ok
    }

    /// Checks that `person` names a nurse of SECTION_STAFF.
    mutating func employee(_ line: DataLine, _ section: String, staff: Set<String>?) -> String? {
        guard let person = id(line, 0, section, "a staff id") else { return nil }
        guard staff?.contains(person) ?? true else {
            error(line.number, 0, section, "'\(person)' is not a nurse of SECTION_STAFF")
            return nil
        }
        return person
    }

    mutating func readDaysOff(_ lines: [DataLine], staff: Set<String>?, horizon: Int?) -> [CurtoisInstance.DaysOff] {
        let section = "SECTION_DAYS_OFF"
        var result: [CurtoisInstance.DaysOff] = []
        for line in lines {
            let person = employee(line, section, staff: staff)
            var days: [Int] = []
            for field in line.fields.indices.dropFirst() where !line.fields[field].isEmpty {
                if let day = day(line, field, section, horizon: horizon), !days.contains(day) { days.append(day) }
            }
            guard let person else { continue }
            if let index = result.firstIndex(where: { $0.employee == person }) {
                result[index].days += days.filter { !result[index].days.contains($0) }
            } else {
                result.append(CurtoisInstance.DaysOff(employee: person, days: days))
            }
        }
        return result
    }

    mutating func readRequests(
        _ lines: [DataLine], _ section: String, staff: Set<String>?, shifts: Set<String>?,
        horizon: Int?
    ) -> [CurtoisInstance.Request] {
        var requests: [CurtoisInstance.Request] = []
        for line in lines {
            guard fieldCount(line, section) else { continue }
            let person = employee(line, section, staff: staff)
            let day = day(line, 1, section, horizon: horizon)
            let shift = known(line, 2, section, shifts: shifts)
            let weight = integer(line, 3, section)
            guard let person, let day, let shift, let weight else { continue }
            requests.append(CurtoisInstance.Request(employee: person, day: day, shift: shift, weight: weight))
        }
        return requests
    }

    /// Checks that a field names a shift of SECTION_SHIFTS.
    mutating func known(_ line: DataLine, _ field: Int, _ section: String, shifts: Set<String>?) -> String? {
        guard let shift = id(line, field, section, "a shift id") else { return nil }
        guard shifts?.contains(shift) ?? true else {
            error(line.number, field, section, "'\(shift)' is not a shift defined in SECTION_SHIFTS")
            return nil
        }
        return shift
    }

    mutating func readCover(_ lines: [DataLine], shifts: Set<String>?, horizon: Int?) -> [CurtoisInstance.Cover] {
        let section = "SECTION_COVER"
        var cover: [CurtoisInstance.Cover] = []
        var lineOf: [String: Int] = [:]
        for line in lines {
            guard fieldCount(line, section) else { continue }
            let day = day(line, 0, section, horizon: horizon)
            let shift = known(line, 1, section, shifts: shifts)
            let requirement = integer(line, 2, section)
            let under = integer(line, 3, section)
            let over = integer(line, 4, section)
            guard let day, let shift, let requirement, let under, let over else { continue }
            let key = "\(day)|\(shift)"
            if let first = lineOf[key] {
                error(
                    line.number, 0, section,
                    "a second cover line for day \(day), shift \(shift) (first on line \(first))")
                continue
            }
            lineOf[key] = line.number
            cover.append(
                CurtoisInstance.Cover(
                    day: day, shift: shift, requirement: requirement, underWeight: under,
                    overWeight: over))
        }
        return cover
    }
}
