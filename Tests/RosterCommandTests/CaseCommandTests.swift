import Foundation
import TestSupport
import Testing

/// End-to-end tests of `roster solve`, `validate` and `check` on small cases.
@Suite struct CaseCommandTests {
    static let files = CaseFiles.single(
        days: 3, staff: "staff_id,name,home_locality,competencies,hourly_cost\nann,Ann,home,care,10\n",
        demandHours: 8)

    @Test func solveWritesEveryOutputAndSummarises() throws {
        let folder = try CaseFiles.folder(Self.files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["solve", folder.path, "--out", out, "--time-limit", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.contains("status: optimal"))
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(
            written == [
                "roster.csv", "work_split.csv", "roster_grid.csv", "coverage.csv", "contract_allocation.csv",
                "sector_summary.csv", "summary.csv",
            ])
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.split(separator: "\n").count == 4)  // header + three shifts
    }

    @Test func malformedCaseExitsOneListsEveryErrorAndWritesNothing() throws {
        var files = Self.files
        files["staff.csv"] = "staff_id,home_locality,contract_hours\nann,nowhere,abc\n"
        let folder = try CaseFiles.folder(files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["solve", folder.path, "--out", out])
        #expect(result.status == 1)
        #expect(result.stderr.contains("staff.csv:2: column B (home_locality): 'nowhere' is not a known locality"))
        #expect(result.stderr.contains("staff.csv:2: column C (contract_hours): 'abc' is not a number"))
        #expect(!FileManager.default.fileExists(atPath: out))
        let validate = try CommandRunner.run(["validate", folder.path])
        #expect(validate.status == 1)
        #expect(validate.stderr.contains("2 errors"))
    }

    @Test func validateDescribesAGoodCase() throws {
        let result = try CommandRunner.run(["validate", try CaseFiles.folder(Self.files).path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("case OK: 1 staff, 3 days"))
    }

    @Test func checkListsViolationsOfAHandMadeRoster() throws {
        let folder = try CaseFiles.folder(Self.files)
        let hand = folder.appendingPathComponent("hand")
        try FileManager.default.createDirectory(at: hand, withIntermediateDirectories: true)
        try "staff_id,date,shift_id,locality_id\nann,2025-03-03,N,home\nann,2025-03-04,E,home\n"
            .write(to: hand.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["check", folder.path, hand.path])
        #expect(result.status == 5)
        #expect(result.stdout.contains("HARD [rest] ann 2025-03-04"))
        #expect(result.stdout.contains("hard_violations     1"))
    }

    @Test func infeasibleCaseExitsTwoWithExplanation() throws {
        var files = Self.files
        files["staff.csv"] = "staff_id,home_locality,competencies,min_hours\nann,home,care,40\n"
        files["availability.csv"] =
            "staff_id,date,kind\nann,2025-03-03,unavailable\nann,2025-03-04,unavailable\nann,2025-03-05,unavailable\n"
        let folder = try CaseFiles.folder(files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["solve", folder.path, "--out", out])
        #expect(result.status == 2)
        let summary = try String(contentsOfFile: out + "/summary.csv", encoding: .utf8)
        #expect(summary.contains("status,infeasible"))
        #expect(summary.contains("explanation,\"ann: no roster keeps together min_hours"))
    }
}
