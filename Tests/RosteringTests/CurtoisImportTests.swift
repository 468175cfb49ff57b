import Foundation
import TestSupport
import Testing
import Workforce

@testable import Rostering

/// A small Curtois & Qu instance written for these tests (not a copy of the benchmark files): two nurses, three
/// shifts, a 500-minute shift and total-minute limits whose weekly averages are not round numbers.
let tinyInstance = """
    # A small instance written for the import tests
    SECTION_HORIZON
    # The horizon length in days:
    14

    SECTION_SHIFTS
    # ShiftID, Length in mins, Shifts which cannot follow this shift | separated
    E,480,
    L,500,E
    N,720,E|L|N

    SECTION_STAFF
    # ID, MaxShifts, MaxTotalMinutes, MinTotalMinutes, MaxConsecutiveShifts, MinConsecutiveShifts, \
    MinConsecutiveDaysOff, MaxWeekends
    A,E=14|L=3|N=0,4000,1000,5,2,2,1
    B,E=10|L=10|N=4,4320,3360,4,1,1,2

    SECTION_DAYS_OFF
    # EmployeeID, DayIndexes (start at zero)
    A,0,13
    B,

    SECTION_SHIFT_ON_REQUESTS
    # EmployeeID, Day, ShiftID, Weight
    A,2,E,2
    B,5,N,3

    SECTION_SHIFT_OFF_REQUESTS
    # EmployeeID, Day, ShiftID, Weight
    B,6,L,1

    SECTION_COVER
    # Day, ShiftID, Requirement, Weight for under covering, Weight for over covering
    0,E,1,100,1
    0,L,0,100,1
    1,N,2,50,3

    """

@Suite struct CurtoisImportTests {
    /// The tiny instance with `line` replaced by `replacement` (nil removes it).
    func edited(_ line: String, _ replacement: String?) -> String {
        var lines = tinyInstance.components(separatedBy: "\n")
        let index = lines.firstIndex(of: line)!
        if let replacement { lines[index] = replacement } else { lines.remove(at: index) }
        return lines.joined(separator: "\n")
    }

    /// The 1-based line of `text` that is exactly `line`.
    func number(_ line: String, in text: String) -> Int {
        text.components(separatedBy: "\n").firstIndex(of: line)! + 1
    }

    /// The issues of a text that must fail to parse.
    func issues(_ text: String) -> [CaseIssue] {
        do {
            _ = try CurtoisInstance.parse(text, file: "tiny.txt")
            Issue.record("the text parsed without errors")
            return []
        } catch {
            return error.issues
        }
    }

    /// Checks that `text` gives exactly one issue, at `line` and `column`, with this message.
    func expectOne(
        _ text: String, line: Int?, column: String?, _ message: String,
        sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let found = issues(text)
        #expect(found.count == 1, "\(found)", sourceLocation: sourceLocation)
        guard let issue = found.first else { return }
        #expect(issue.file == "tiny.txt", sourceLocation: sourceLocation)
        #expect(issue.line == line, sourceLocation: sourceLocation)
        let place = issue.column.map { "\(issue.columnLetter ?? "?") (\($0))" }
        #expect(place == column, sourceLocation: sourceLocation)
        #expect(issue.message == message, sourceLocation: sourceLocation)
    }

    // MARK: - Reading

    @Test func readsEverySection() throws {
        let instance = try CurtoisInstance.parse(tinyInstance, file: "tiny.txt")
        #expect(instance.file == "tiny.txt")
        #expect(instance.horizon == 14)
        #expect(
            instance.shifts == [
                .init(id: "E", minutes: 480, cannotFollow: []),
                .init(id: "L", minutes: 500, cannotFollow: ["E"]),
                .init(id: "N", minutes: 720, cannotFollow: ["E", "L", "N"]),
            ])
        #expect(instance.staff.map(\.id) == ["A", "B"])
        let limits: [CurtoisInstance.ShiftLimit] = [
            .init(shift: "E", limit: 14), .init(shift: "L", limit: 3),
            .init(shift: "N", limit: 0),
        ]
        #expect(
            instance.staff[0]
                == .init(
                    id: "A", maxShifts: limits,
                    maxTotalMinutes: 4000, minTotalMinutes: 1000, maxConsecutiveShifts: 5,
                    minConsecutiveShifts: 2, minConsecutiveDaysOff: 2, maxWeekends: 1))
        #expect(instance.daysOff == [.init(employee: "A", days: [0, 13]), .init(employee: "B", days: [])])
        #expect(
            instance.onRequests == [
                .init(employee: "A", day: 2, shift: "E", weight: 2),
                .init(employee: "B", day: 5, shift: "N", weight: 3),
            ])
        #expect(instance.offRequests == [.init(employee: "B", day: 6, shift: "L", weight: 1)])
        #expect(instance.cover.count == 3)
        #expect(instance.cover[2] == .init(day: 1, shift: "N", requirement: 2, underWeight: 50, overWeight: 3))
    }

    @Test func crlfLineEndsReadTheSame() throws {
        let lf = try CurtoisInstance.parse(tinyInstance, file: "tiny.txt")
        let crlf = try CurtoisInstance.parse(
            tinyInstance.replacingOccurrences(of: "\n", with: "\r\n"),
            file: "tiny.txt")
        #expect(lf == crlf)
        // Line numbers are the same with CRLF.
        let bad = edited("A,2,E,2", "A,2,E,x").replacingOccurrences(of: "\n", with: "\r\n")
        #expect(issues(bad).first?.line == number("A,2,E,2", in: tinyInstance))
    }

    @Test func sectionsMayComeInAnyOrder() throws {
        let parts = tinyInstance.components(separatedBy: "\n\n")
        let shuffled = [parts[6], parts[3], parts[0], parts[5], parts[1], parts[4], parts[2]].joined(separator: "\n\n")
        #expect(
            try CurtoisInstance.parse(shuffled, file: "tiny.txt")
                == CurtoisInstance.parse(tinyInstance, file: "tiny.txt"))
    }

    // MARK: - Tables

    @Test func tablesFollowTheMapping() throws {
        let tables = try CurtoisImport.tables(CurtoisInstance.parse(tinyInstance, file: "tiny.txt"))
        let byFile = Dictionary(uniqueKeysWithValues: tables.map { ($0.file, $0.rows) })
        #expect(
            tables.map(\.file) == [
                "localities.csv", "competencies.csv", "shifts.csv", "staff.csv",
                "staff_shift_limits.csv", "availability.csv", "demand.csv",
                "forbidden_sequences.csv", "settings.csv",
            ])
        #expect(byFile["localities.csv"] == [["locality_id", "name"], ["ward", "Ward"]])
        #expect(byFile["competencies.csv"] == [["competency_id", "name"], ["nursing", "Nursing"]])
        #expect(
            byFile["shifts.csv"] == [
                ["shift_id", "start", "end", "paid_hours"], ["E", "00:00", "08:00", "8"],
                ["L", "00:00", "08:20", "8.333333333333"], ["N", "00:00", "12:00", "12"],
            ])
        #expect(
            byFile["staff.csv"] == [
                [
                    "staff_id", "home_locality", "competencies", "contract_hours", "min_hours", "max_hours",
                    "max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off", "max_weekends",
                ],
                ["A", "ward", "nursing", "0", "8.3333333333", "33.3333333333", "5", "2", "2", "1"],
                ["B", "ward", "nursing", "0", "28", "36", "4", "1", "1", "2"],
            ])
        #expect(
            byFile["staff_shift_limits.csv"] == [
                ["staff_id", "shift_id", "max_count"], ["A", "E", "14"],
                ["A", "L", "3"], ["A", "N", "0"], ["B", "E", "10"],
                ["B", "L", "10"], ["B", "N", "4"],
            ])
        #expect(
            byFile["availability.csv"] == [
                ["staff_id", "date", "shift_id", "kind", "weight"],
                ["A", "2024-01-01", "", "unavailable", ""], ["A", "2024-01-14", "", "unavailable", ""],
                ["A", "2024-01-03", "E", "prefer_on", "2"], ["B", "2024-01-06", "N", "prefer_on", "3"],
                ["B", "2024-01-07", "L", "prefer_off", "1"],
            ])
        #expect(
            byFile["demand.csv"] == [
                [
                    "date", "shift_id", "locality_id", "competency_id", "hours", "min_staff", "max_staff",
                    "under_weight",
                    "over_weight",
                ],
                ["2024-01-01", "E", "ward", "nursing", "0", "1", "1", "100", "1"],
                ["2024-01-01", "L", "ward", "nursing", "0", "0", "0", "100", "1"],
                ["2024-01-02", "N", "ward", "nursing", "0", "2", "2", "50", "3"],
            ])
        #expect(
            byFile["forbidden_sequences.csv"] == [
                ["from_shift", "to_shift"], ["L", "E"], ["N", "E"], ["N", "L"],
                ["N", "N"],
            ])
        #expect(
            byFile["settings.csv"] == [
                ["key", "value"], ["horizon_start", "2024-01-01"],
                ["horizon_end", "2024-01-14"], ["min_rest_hours", "0"],
                ["agency_hourly_cost", "0"],
            ])
    }

    @Test func anotherMondayMovesTheDates() throws {
        let instance = try CurtoisInstance.parse(tinyInstance, file: "tiny.txt")
        let tables = try CurtoisImport.tables(instance, start: Day(iso: "2025-03-03")!)
        let settings = tables.first { $0.file == "settings.csv" }!.rows
        #expect(settings[1] == ["horizon_start", "2025-03-03"])
        #expect(settings[2] == ["horizon_end", "2025-03-16"])
        #expect(throws: CurtoisImport.StartNotMonday.self) {
            try CurtoisImport.tables(instance, start: Day(iso: "2024-01-02")!)
        }
        let message = CurtoisImport.StartNotMonday(start: Day(iso: "2024-01-02")!).description
        #expect(message.hasPrefix("the first day 2024-01-02 is a Tuesday; Curtois instances start on a Monday"))
    }

    @Test func weeklyHoursGiveTheTotalsBack() {
        for (minutes, days) in [(3360, 14), (4000, 14), (54960, 182), (130200, 364), (1000, 3), (0, 28)] {
            let average = Double(CurtoisImport.weeklyHours(minutes, over: Double(days)))!
            #expect(abs(average * Double(days) / 7 - Double(minutes) / 60) <= 1e-9, "\(minutes) over \(days)")
        }
        #expect(CurtoisImport.weeklyHours(999_999, over: 14, atMost: 168) == "168")
    }

    @Test func writtenFolderReadsBackAsACase() throws {
        let instance = try CurtoisInstance.parse(tinyInstance, file: "tiny.txt")
        let folder = try Scratch.folder("curtois")
        // A file of an earlier case in the folder is removed; a file that is not a case file stays.
        try "staff_id,date\n".write(to: folder.appendingPathComponent("pinned.csv"), atomically: true, encoding: .utf8)
        try "notes\n".write(to: folder.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        try CurtoisImport.write(instance, to: folder)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("pinned.csv").path))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("notes.txt").path))

        let loaded = try CaseReader.read(folder: folder)
        #expect(loaded.warnings.isEmpty, "\(loaded.warnings)")
        let c = loaded.case
        #expect(c.days.count == 14)
        #expect(c.days.first?.iso == "2024-01-01")
        #expect(c.days.first?.weekday == 1)
        #expect(c.shifts.map(\.id) == ["E", "L", "N"])
        #expect(c.shifts[1].start == 0 && c.shifts[1].end == 500)
        #expect(abs(c.shifts[1].paidHours - 500.0 / 60) < 1e-9)
        let a = c.staff[0]
        #expect(a.id == "A" && a.competencies == ["nursing"] && a.localities == ["ward"] && a.contractHours == 0)
        #expect(abs(a.minHours * 14 / 7 - 1000.0 / 60) < 1e-9)
        #expect(abs(a.maxHours * 14 / 7 - 4000.0 / 60) < 1e-9)
        #expect(a.maxConsecutiveDays == 5 && a.minConsecutiveDays == 2 && a.minConsecutiveDaysOff == 2)
        #expect(a.maxWeekends == 1 && a.hourlyCost == 0)
        #expect(c.shiftLimits[Pair("A", "N")] == 0)
        #expect(c.shiftLimits[Pair("B", "N")] == 4)
        #expect(c.forbiddenSequences == [Pair("L", "E"), Pair("N", "E"), Pair("N", "L"), Pair("N", "N")])
        #expect(c.availability.filter { $0.kind == .unavailable }.map(\.day.iso) == ["2024-01-01", "2024-01-14"])
        #expect(c.availability.contains { $0.kind == .preferOff && $0.shiftID == "L" && $0.weight == 1 })
        #expect(c.demand.count == 3)
        #expect(c.demand[2].minStaff == 2 && c.demand[2].maxStaff == 2 && c.demand[2].underWeight == 50)
        #expect(c.settings.minRestHours == 0 && c.settings.agencyHourlyCost == 0)
    }

    @Test func aNurseWhoMayWorkNoRunMayWorkNoShift() throws {
        let text = edited("B,E=10|L=10|N=4,4320,3360,4,1,1,2", "B,E=10|L=10|N=4,4320,0,0,0,0,2")
        let tables = try CurtoisImport.tables(CurtoisInstance.parse(text, file: "tiny.txt"))
        let rows = Dictionary(uniqueKeysWithValues: tables.map { ($0.file, $0.rows) })
        #expect(rows["staff.csv"]?[2] == ["B", "ward", "nursing", "0", "0", "36", "1", "1", "1", "2"])
        #expect(rows["staff_shift_limits.csv"]?.filter { $0[0] == "B" }.map { $0[2] } == ["0", "0", "0"])
    }

    // MARK: - Errors, located

    @Test func unknownSection() {
        let text = edited("SECTION_COVER", "SECTION_COVERS")
        let found = issues(text)
        #expect(
            found.map(\.description) == [
                "tiny.txt:\(number("SECTION_COVERS", in: text)): 'SECTION_COVERS' is not a section of the format; "
                    + "expected one of SECTION_HORIZON, SECTION_SHIFTS, SECTION_STAFF, SECTION_DAYS_OFF, "
                    + "SECTION_SHIFT_ON_REQUESTS, SECTION_SHIFT_OFF_REQUESTS, SECTION_COVER",
                "tiny.txt: the section SECTION_COVER is missing; every instance has all seven sections",
            ])
    }

    @Test func missingSection() {
        var text = edited("SECTION_SHIFT_OFF_REQUESTS", nil)
        text = text.replacingOccurrences(of: "B,6,L,1\n", with: "")
        expectOne(
            text, line: nil, column: nil,
            "the section SECTION_SHIFT_OFF_REQUESTS is missing; every instance has all seven sections")
    }

    @Test func repeatedSectionAndDataBeforeTheFirst() {
        let text = "14\n" + tinyInstance + "SECTION_HORIZON\n7\n"
        let second = text.components(separatedBy: "\n").lastIndex(of: "SECTION_HORIZON")! + 1
        #expect(
            issues(text).map(\.description) == [
                "tiny.txt:1: data before the first section header; expected a line such as SECTION_HORIZON",
                "tiny.txt:\(second): the section SECTION_HORIZON appears a second time; each section appears once",
            ])
    }

    @Test func notAWholeNumber() {
        let text = edited("A,E=14|L=3|N=0,4000,1000,5,2,2,1", "A,E=14|L=3|N=0,4000,lots,5,2,2,1")
        expectOne(text, line: 14, column: "4 (MinTotalMinutes)", "'lots' is not a whole number; expected 0 or more")
        expectOne(
            edited("0,E,1,100,1", "0,E,1.5,100,1"), line: number("0,E,1,100,1", in: tinyInstance),
            column: "3 (Requirement)", "'1.5' is not a whole number; expected 0 or more")
        expectOne(
            edited("A,2,E,2", "A,2,E,"), line: number("A,2,E,2", in: tinyInstance), column: "4 (Weight)",
            "the field is empty; expected a whole number of 0 or more")
    }

    @Test func negativeNumber() {
        expectOne(
            edited("0,E,1,100,1", "0,E,-1,100,1"), line: number("0,E,1,100,1", in: tinyInstance),
            column: "3 (Requirement)", "-1 is below 0; expected a whole number of 0 or more")
        expectOne(
            edited("B,E=10|L=10|N=4,4320,3360,4,1,1,2", "B,E=10|L=10|N=-4,4320,3360,4,1,1,2"), line: 15,
            column: "2 (MaxShifts)", "-4 is below 0; expected a whole number of 0 or more")
    }

    @Test func horizonMustBeAPositiveWholeNumber() {
        expectOne(edited("14", "0"), line: 4, column: "1 (Days)", "0 is below 1; expected a whole number of 1 or more")
        expectOne(
            edited("14", "two weeks"), line: 4, column: "1 (Days)",
            "'two weeks' is not a whole number; expected 1 or more")
        expectOne(
            edited("14", "14,7"), line: 4, column: nil,
            "SECTION_HORIZON lines have 1 field (Days); this line has 2")
    }

    @Test func undefinedShifts() {
        expectOne(
            edited("A,E=14|L=3|N=0,4000,1000,5,2,2,1", "A,E=14|L=3|X=0,4000,1000,5,2,2,1"), line: 14,
            column: "2 (MaxShifts)", "'X' is not a shift defined in SECTION_SHIFTS")
        expectOne(
            edited("A,E=14|L=3|N=0,4000,1000,5,2,2,1", "A,E=14|L=3,4000,1000,5,2,2,1"), line: 14,
            column: "2 (MaxShifts)", "no limit for shift N; every shift needs one (0 = may not work it)")
        expectOne(
            edited("N,720,E|L|N", "N,720,E|Z"), line: 10, column: "3 (CannotFollow)",
            "'Z' is not a shift defined in SECTION_SHIFTS")
        expectOne(
            edited("A,2,E,2", "A,2,Q,2"), line: number("A,2,E,2", in: tinyInstance), column: "3 (ShiftID)",
            "'Q' is not a shift defined in SECTION_SHIFTS")
        expectOne(
            edited("1,N,2,50,3", "1,X,2,50,3"), line: number("1,N,2,50,3", in: tinyInstance),
            column: "2 (ShiftID)", "'X' is not a shift defined in SECTION_SHIFTS")
    }

    @Test func unknownEmployees() {
        expectOne(
            edited("B,", "Z,3"), line: number("B,", in: tinyInstance), column: "1 (EmployeeID)",
            "'Z' is not a nurse of SECTION_STAFF")
        expectOne(
            edited("B,6,L,1", "C,6,L,1"), line: number("B,6,L,1", in: tinyInstance), column: "1 (EmployeeID)",
            "'C' is not a nurse of SECTION_STAFF")
    }

    @Test func dayOutsideTheHorizon() {
        expectOne(
            edited("A,0,13", "A,0,14"), line: number("A,0,13", in: tinyInstance), column: "3 (Day)",
            "day 14 is outside the horizon; expected a day from 0 to 13")
        expectOne(
            edited("B,5,N,3", "B,99,N,3"), line: number("B,5,N,3", in: tinyInstance), column: "2 (Day)",
            "day 99 is outside the horizon; expected a day from 0 to 13")
    }

    @Test func duplicates() {
        let b = "B,E=10|L=10|N=4,4320,3360,4,1,1,2"
        let staff = edited(b, b + "\nA,E=1|L=1|N=1,0,0,1,1,1,0")
        expectOne(staff, line: 16, column: "1 (ID)", "the staff id 'A' appears a second time (first on line 14)")
        expectOne(
            edited("N,720,E|L|N", "N,720,E|L|N\nE,600,"), line: 11, column: "1 (ShiftID)",
            "the shift 'E' is defined a second time (first on line 8)")
        let cover = edited("1,N,2,50,3", "1,N,2,50,3\n0,E,3,100,1")
        expectOne(
            cover, line: number("1,N,2,50,3", in: tinyInstance) + 1, column: "1 (Day)",
            "a second cover line for day 0, shift E (first on line \(number("0,E,1,100,1", in: tinyInstance)))")
    }

    @Test func wrongFieldCounts() {
        expectOne(
            edited("B,5,N,3", "B,5,N"), line: number("B,5,N,3", in: tinyInstance), column: nil,
            "SECTION_SHIFT_ON_REQUESTS lines have 4 fields (EmployeeID, Day, ShiftID, Weight); this line has 3")
        expectOne(
            edited("E,480,", "E,480"), line: 8, column: nil,
            "SECTION_SHIFTS lines have 3 fields (ShiftID, LengthInMinutes, CannotFollow); this line has 2")
    }

    @Test func formulaLikeIds() {
        let b = "B,E=10|L=10|N=4,4320,3360,4,1,1,2"
        let staff = edited(b, b + "\n=C,E=1|L=1|N=1,0,0,1,1,1,0")
        expectOne(
            staff, line: 16, column: "1 (ID)",
            "'=C' begins with '='; ids may not begin with = + - @ (spreadsheets run such cells as formulas)")
        expectOne(
            edited("N,720,E|L|N", "N,720,E|L|N\n@X,480,"), line: 11, column: "1 (ShiftID)",
            "'@X' begins with '@'; ids may not begin with = + - @ (spreadsheets run such cells as formulas)")
    }

    @Test func limitsTheCaseFormatCannotHold() {
        expectOne(
            edited("A,E=14|L=3|N=0,4000,1000,5,2,2,1", "A,E=14|L=3|N=0,4000,5000,5,2,2,1"), line: 14,
            column: "4 (MinTotalMinutes)", "5000 is above MaxTotalMinutes 4000")
        expectOne(
            edited("A,E=14|L=3|N=0,4000,1000,5,2,2,1", "A,E=14|L=3|N=0,4000,1000,3,4,2,1"), line: 14,
            column: "6 (MinConsecutiveShifts)",
            "4 is above MaxConsecutiveShifts 3; the minimum run of shifts must be at most the maximum")
        expectOne(
            edited("E,480,", "E,1500,"), line: 8, column: "2 (LengthInMinutes)",
            "1500 minutes is longer than a day; a shift lasts at most 1440 minutes")
    }

    @Test func everyErrorIsListedAtOnce() {
        var text = edited("14", "fourteen")
        text = text.replacingOccurrences(of: "A,2,E,2", with: "Z,2,E,2")
        text = text.replacingOccurrences(of: "0,L,0,100,1", with: "0,L,0,100,-1")
        let found = issues(text)
        #expect(found.count == 3)
        #expect(found.map(\.line) == [4, number("Z,2,E,2", in: text), number("0,L,0,100,-1", in: text)])
        #expect(found.map(\.column) == ["Days", "EmployeeID", "WeightForOver"])
    }

    // MARK: - The benchmark: our objective is the referee's

    /// Imports the tiny instance and Instance1..4 of ../shared, and checks that for several hand-built rosters our
    /// evaluator's objective equals what the shared `curtois_eval.py` prints.
    @Test func objectiveEqualsTheCurtoisEvaluator() throws {
        guard let tools = Referee.tools else { return }  // a user's clone has no ../shared
        let benchmarks = tools.deletingLastPathComponent().appendingPathComponent("benchmarks/curtois")
        let work = try Scratch.folder("curtois-eval")
        let tiny = work.appendingPathComponent("tiny.txt")
        try tinyInstance.write(to: tiny, atomically: true, encoding: .utf8)
        let files = [tiny] + (1...4).map { benchmarks.appendingPathComponent("Instance\($0).txt") }
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            let instance = try CurtoisInstance.parse(text, file: file.lastPathComponent)
            let folder = work.appendingPathComponent(file.deletingPathExtension().lastPathComponent)
            try CurtoisImport.write(instance, to: folder)
            let c = try CaseReader.read(folder: folder).case
            for (name, roster) in rosters(instance, c) {
                let ours = Evaluator(c).evaluate(roster).objective
                let out = folder.appendingPathComponent(name)
                try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
                let csv =
                    ["staff_id,date,shift_id,locality_id"]
                    + roster.assignments.map { "\($0.staffID),\($0.day.iso),\($0.shiftID),\($0.localityID)" }
                try (csv.joined(separator: "\n") + "\n").write(
                    to: out.appendingPathComponent("roster.csv"),
                    atomically: true, encoding: .utf8)
                let theirs = try curtoisObjective(file, out.appendingPathComponent("roster.csv"))
                #expect(
                    theirs != nil && ours == theirs,
                    "\(file.lastPathComponent) \(name): ours \(ours), theirs \(theirs ?? .nan)")
            }
        }
    }

    /// Rosters to compare: empty; shift 0 every day not off; each on-request granted; a seeded random one.
    func rosters(_ instance: CurtoisInstance, _ c: Case) -> [(String, Roster)] {
        func row(_ person: String, _ day: Int, _ shift: String) -> Assignment {
            Assignment(staffID: person, day: c.days[day], shiftID: shift, localityID: CurtoisImport.locality)
        }
        let off = Dictionary(instance.daysOff.map { ($0.employee, Set($0.days)) }, uniquingKeysWith: { $0.union($1) })
        var first: [Assignment] = []
        for person in instance.staff {
            for day in 0..<instance.horizon where !(off[person.id]?.contains(day) ?? false) {
                first.append(row(person.id, day, instance.shifts[0].id))
            }
        }
        var granted: [Assignment] = []
        var taken = Set<String>()
        for request in instance.onRequests where taken.insert("\(request.employee)|\(request.day)").inserted {
            granted.append(row(request.employee, request.day, request.shift))
        }
        var random: [Assignment] = []
        var state: UInt64 = 20_240_101
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        for person in instance.staff {
            for day in 0..<instance.horizon {
                let pick = next(instance.shifts.count + 2)
                if pick < instance.shifts.count { random.append(row(person.id, day, instance.shifts[pick].id)) }
            }
        }
        return [
            ("empty", Roster()), ("first-shift", Roster(assignments: first)),
            ("requests", Roster(assignments: granted)), ("random", Roster(assignments: random)),
        ]
    }

    /// The objective `curtois_eval.py` prints on its last line (`... objective=<n> hard_violations=<k>`).
    func curtoisObjective(_ instance: URL, _ roster: URL) throws -> Double? {
        let last =
            try Referee.lastLine(of: "curtois_eval.py", [instance.path, roster.path, "--start", "2024-01-01"]) ?? ""
        guard last.hasPrefix("curtois_eval:"),
            let field = last.split(separator: " ").first(where: { $0.hasPrefix("objective=") })
        else { return nil }
        return Double(field.dropFirst("objective=".count))
    }
}
