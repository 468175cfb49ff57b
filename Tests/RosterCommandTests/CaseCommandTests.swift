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
                "sector_summary.csv", "summary.csv", "explanations.csv", "report.html", "roster.xlsx",
            ])
        let roster = try String(contentsOfFile: out + "/roster.csv", encoding: .utf8)
        #expect(roster.split(separator: "\n").count == 4)  // header + three shifts
    }

    /// Ids that differ only in a space and an underscore, and contracted hours whose pay is a constant
    /// of the objective: both exported files read back and solve to the roster's objective.
    @Test func exportedModelsSolveToTheRostersObjective() throws {
        let staff =
            "staff_id,home_locality,competencies,hourly_cost,contract_hours\n"
            + "s 001,home,care,10,8\ns_001,home,care,12,8\n"
        let folder = try CaseFiles.folder(CaseFiles.single(days: 3, staff: staff, demandHours: 8))
        func objective(_ line: String, in output: String) -> Double? {
            output.split(separator: "\n").first { $0.hasPrefix(line) }
                .flatMap { Double($0.dropFirst(line.count).split(separator: " ").first ?? "") }
        }
        for format in ["lp", "mps"] {
            let model = folder.appendingPathComponent("model.\(format)").path
            let solve = try CommandRunner.run([
                "solve", folder.path, "--out", folder.appendingPathComponent("out").path, "--export-model", model,
            ])
            #expect(solve.status == 0, "\(solve.stderr)")
            #expect(solve.stdout.hasPrefix("status: optimal"))
            let rostered = try #require(objective("status: optimal  objective ", in: solve.stdout))
            let reread = try CommandRunner.run(["solve-model", model])
            #expect(reread.status == 0, "\(format): \(reread.stderr)")
            #expect(reread.stdout.contains("status      optimal"))
            let solved = try #require(objective("objective   ", in: reread.stdout))
            #expect(abs(solved - rostered) < 0.005, "\(format): \(solved) vs \(rostered)")
            let text = try String(contentsOfFile: model, encoding: .utf8)
            #expect(text.contains("objective_constant") && text.contains("s#20001") && text.contains("s_001"))
        }
    }

    @Test(arguments: ["1e18", "nan", "-1", "inf", "-inf", "0", "10000001"])
    func timeLimitOutOfRangeIsAUsageError(limit: String) throws {
        let folder = try CaseFiles.folder(Self.files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["solve", folder.path, "--out", out, "--time-limit", limit])
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("--time-limit must be a number of seconds greater than 0 and at most 1e7"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [
        ["--gap", "-0.5"], ["--gap", "nan"], ["--gap", "2"], ["--threads", "0"], ["--threads", "-1"],
    ])
    func gapOrThreadsOutOfRangeIsAUsageError(option: [String]) throws {
        let folder = try CaseFiles.folder(Self.files)
        let result = try CommandRunner.run(["solve", folder.path, "--out", folder.path + "/out"] + option)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains("\(option[0]) must be"))
    }

    /// An empty path would mean the current folder; each run starts in an empty folder of its own,
    /// which must stay empty.
    @Test(arguments: [
        (["--out", ""], "--out must name the output folder"),
        (["--out", "out", "--export-model", ""], "--export-model must name a file"),
    ])
    func emptyOutputPathIsAUsageError(options: [String], message: String) throws {
        let folder = try CaseFiles.folder(Self.files)
        let current = try Scratch.folder("command")
        let result = try CommandRunner.run(["solve", folder.path] + options, in: current)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message))
        #expect(try FileManager.default.contentsOfDirectory(atPath: current.path).isEmpty)
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
