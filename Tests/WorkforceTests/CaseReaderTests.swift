import Foundation
import TestSupport
import Testing
import Workforce

/// A small valid case as file texts; tests change one file to make it malformed.
let validCase: [String: String] = [
    "localities.csv": "locality_id,name\nkirkwall,Kirkwall\nwestray,Westray\n",
    "travel.csv": "from_locality,to_locality,minutes,cost\nkirkwall,westray,120,20\n",
    "competencies.csv": "competency_id,sector_id\nnursing,nhs\ncare,council\n",
    "sectors.csv": "sector_id,budget\nnhs,1000\ncouncil,\n",
    "roles.csv": "role_id,competencies,hourly_cost,generic\nrn,nursing,25,false\n",
    "shifts.csv": "shift_id,start,end\nE,07:00,15:00\nN,21:00,07:00\n",
    "staff.csv":
        "staff_id,name,role_id,employer,home_locality,contract_hours\nann,Ann,rn,nhs,kirkwall,37.5\nbob,Bob,,joint,westray,0\n",
    "demand.csv":
        "date,shift_id,locality_id,competency_id,hours,min_staff\n2025-03-03,E,kirkwall,nursing,7.5,1\n2025-03-04,E,kirkwall,nursing,7.5,1\n",
]

func writeCase(_ files: [String: String]) throws -> URL { try CaseFiles.folder(files) }

/// The errors reading `files` gives (empty when the case is valid).
func caseErrors(_ files: [String: String]) throws -> [CaseIssue] {
    let folder = try writeCase(files)
    do {
        _ = try CaseReader.read(folder: folder)
        return []
    } catch {
        return error.errors
    }
}

@Suite struct CaseReaderTests {
    @Test func validCaseReads() throws {
        let c = try CaseReader.read(folder: try writeCase(validCase)).case
        #expect(c.staff.map(\.id) == ["ann", "bob"])
        #expect(c.days.count == 2)
        #expect(c.staff[0].competencies == ["nursing"])
        #expect(c.staff[0].localities == ["kirkwall"])  // westray is 120 min away (> 90)
        #expect(c.travel(from: "westray", to: "kirkwall")?.minutes == 120)  // one direction holds both ways
        #expect(c.shifts[1].end == 7 * 60 + 1440)  // N crosses midnight
        #expect(c.staff[0].overtimeMultiplier == 1.5 && c.staff[1].overtimeMultiplier == 1)
    }

    @Test func unknownColumnIsAWarningOnly() throws {
        var files = validCase
        files["localities.csv"] = "locality_id,colour\nkirkwall,red\nwestray,blue\n"
        let loaded = try CaseReader.read(folder: try writeCase(files))
        #expect(loaded.warnings.contains { $0.column == "colour" && $0.severity == .warning })
    }

    /// (file, new text, expected file:line, expected column, fragment of the message)
    static let malformed: [(String, String, String, String?, String)] = [
        ("staff.csv", nil as String? ?? "", "staff.csv", nil, "empty"),
        (
            "staff.csv", "staff_id,home_locality\nann,kirkwall\nann,kirkwall\n", "staff.csv:3", "staff_id",
            "more than once"
        ),
        ("staff.csv", "staff_id,home_locality\nann,nowhere\n", "staff.csv:2", "home_locality", "not a known locality"),
        ("staff.csv", "staff_id,home_locality,role_id\nann,kirkwall,surgeon\n", "staff.csv:2", "role_id", "not a role"),
        (
            "staff.csv", "staff_id,home_locality,competencies\nann,kirkwall,flying\n", "staff.csv:2", "competencies",
            "not a known competency"
        ),
        (
            "staff.csv", "staff_id,home_locality,contract_hours\nann,kirkwall,abc\n", "staff.csv:2", "contract_hours",
            "not a number"
        ),
        (
            "staff.csv", "staff_id,home_locality,contract_hours\nann,kirkwall,-5\n", "staff.csv:2", "contract_hours",
            "below 0"
        ),
        ("staff.csv", "staff_id,home_locality\n=cmd,kirkwall\n", "staff.csv:2", "staff_id", "may not begin"),
        (
            "staff.csv", "staff_id,home_locality,localities\nann,kirkwall,kirkwall;sanday\n", "staff.csv:2",
            "localities", "not a known locality"
        ),
        (
            "staff.csv", "staff_id,home_locality,employer\nann,kirkwall,army\n", "staff.csv:2", "employer",
            "not a sector"
        ),
        (
            "staff.csv", "staff_id,home_locality,min_hours,max_hours\nann,kirkwall,40,30\n", "staff.csv:2", "min_hours",
            "above max_hours"
        ),
        (
            "staff.csv", "staff_id,home_locality,max_weekends\nann,kirkwall,1.5\n", "staff.csv:2", "max_weekends",
            "whole number"
        ),
        ("staff.csv", "staff_id,name\nann,Ann\n", "staff.csv:1", nil, "'home_locality' is missing"),
        ("staff.csv", "staff_id,home_locality\nann,kirkwall,extra\n", "staff.csv:2", nil, "has 3 fields"),
        ("staff.csv", "staff_id,home_locality\n\"ann,kirkwall\n", "staff.csv:2", nil, "never closed"),
        ("shifts.csv", "shift_id,start,end\nE,25:00,15:00\n", "shifts.csv:2", "start", "not a time"),
        (
            "shifts.csv", "shift_id,start,end,paid_hours\nE,07:00,15:00,x\n", "shifts.csv:2", "paid_hours",
            "not a number"
        ),
        (
            "shifts.csv", "shift_id,start,end\nE,07:00,15:00\nE,08:00,16:00\n", "shifts.csv:3", "shift_id",
            "more than once"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-02-30,E,kirkwall,nursing\n", "demand.csv:2",
            "date", "not a date"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-03-03,X,kirkwall,nursing\n", "demand.csv:2",
            "shift_id", "not a known shift"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-03-03,E,moon,nursing\n", "demand.csv:2",
            "locality_id", "not a known locality"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-03-03,E,kirkwall,x\n", "demand.csv:2",
            "competency_id", "not a known competency"
        ),
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id,min_staff,max_staff\n2025-03-03,E,kirkwall,nursing,3,1\n",
            "demand.csv:2", "max_staff", "below min_staff"
        ),
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id\n2025-03-03,E,kirkwall,nursing\n2025-03-03,E,kirkwall,nursing\n",
            "demand.csv:3", "date", "a second row"
        ),
        (
            "travel.csv", "from_locality,to_locality,minutes\nkirkwall,kirkwall,5\n", "travel.csv:2", "to_locality",
            "to itself"
        ),
        (
            "travel.csv", "from_locality,to_locality,minutes\nkirkwall,westray,5\nkirkwall,westray,6\n", "travel.csv:3",
            "to_locality", "given twice"
        ),
        (
            "travel.csv", "from_locality,to_locality,minutes\nkirkwall,mars,5\n", "travel.csv:2", "to_locality",
            "not a known locality"
        ),
        (
            "roles.csv", "role_id,competencies,generic\nrn,nursing,maybe\n", "roles.csv:2", "generic",
            "not true or false"
        ),
        ("roles.csv", "role_id,competencies\nrn,\n", "roles.csv:2", "competencies", "empty"),
        (
            "competencies.csv", "competency_id,sector_id\nnursing,nasa\n", "competencies.csv:2", "sector_id",
            "not a sector"
        ),
        (
            "availability.csv", "staff_id,date,kind\nann,2025-03-03,sometimes\n", "availability.csv:2", "kind",
            "not one of"
        ),
        (
            "availability.csv", "staff_id,date,kind\nzed,2025-03-03,unavailable\n", "availability.csv:2", "staff_id",
            "not a known member"
        ),
        ("settings.csv", "key,value\nmin_rest_hours,lots\n", "settings.csv:2", "value", "not a number"),
        (
            "settings.csv", "key,value\nhorizon_start,2025-03-05\nhorizon_end,2025-03-01\n", "settings.csv", nil,
            "before horizon_start"
        ),
        ("settings.csv", "key,value\nhorizon_start,2025-03-04\n", "demand.csv:2", "date", "outside the horizon"),
        ("pinned.csv", "staff_id,date,shift_id\nann,2025-03-03,Z\n", "pinned.csv:2", "shift_id", "not a known shift"),
        (
            "baseline.csv", "staff_id,date,shift_id,locality_id\nghost,2025-03-03,E,kirkwall\n", "baseline.csv:2",
            "staff_id", "not a known member"
        ),
        (
            "staff_shift_limits.csv", "staff_id,shift_id,max_count\nann,E,two\n", "staff_shift_limits.csv:2",
            "max_count", "not a number"
        ),
        (
            "forbidden_sequences.csv", "from_shift,to_shift\nN,Q\n", "forbidden_sequences.csv:2", "to_shift",
            "not a known shift"
        ),
    ]

    @Test(arguments: 1..<malformed.count)
    func malformedCaseGivesLocatedError(index: Int) throws {
        let (file, text, place, column, fragment) = Self.malformed[index]
        var files = validCase
        files[file] = text
        let errors = try caseErrors(files)
        let match = errors.first { "\($0)".hasPrefix(place + ":") || "\($0)".hasPrefix(place + " ") }
        #expect(match != nil, "expected an error at \(place), got \(errors)")
        if let match {
            #expect(match.column == column, "\(match)")
            #expect(match.message.contains(fragment), "\(match)")
        }
    }

    @Test func missingRequiredFileIsNamed() throws {
        var files = validCase
        files["staff.csv"] = nil
        let errors = try caseErrors(files)
        #expect(errors.contains { $0.file == "staff.csv" && $0.message.contains("missing") })
    }

    @Test func allErrorsAreReportedAtOnce() throws {
        var files = validCase
        files["staff.csv"] = "staff_id,home_locality,contract_hours\nann,nowhere,abc\n+bob,kirkwall,1\n"
        files["shifts.csv"] = "shift_id,start,end\nE,7am,15:00\n"
        let errors = try caseErrors(files)
        #expect(errors.count >= 4)
        #expect(Set(errors.map(\.file)).isSuperset(of: ["staff.csv", "shifts.csv"]))
    }
}
