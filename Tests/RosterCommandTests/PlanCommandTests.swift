import Foundation
import TestSupport
import Testing

/// End-to-end tests of `roster plan` on the built binary.
@Suite struct PlanCommandTests {
    /// One locality, a nurse role at 20/h and 40 hours of care over five days: with the default headroom
    /// 0.16 a worked hour costs 20 / 0.84, and 40 hours are 40 / (5/7 × 37.5 × 0.84) FTE.
    static let files = CaseFiles.single(
        staff: "staff_id,name,role_id,home_locality,contract_hours\nann,Ann,rn,home,37.5\n", demandHours: 8,
        extra: ["roles.csv": "role_id,competencies,hourly_cost\nrn,care,20\n"])

    static func lines(_ folder: String, _ file: String) throws -> [String] {
        try String(contentsOfFile: folder + "/" + file, encoding: .utf8).split(separator: "\n").map(String.init)
    }

    @Test func planWritesItsFilesAndSummarises() throws {
        let folder = try CaseFiles.folder(Self.files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["plan", folder.path, "--out", out])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("status: optimal  objective 952.38"), "\(result.stdout)")
        #expect(result.stdout.contains("largest shortfalls (FTE): rn@home -0.78"), "\(result.stdout)")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: out))
        #expect(
            written == [
                "workforce_plan.csv", "workforce_gap.csv", "plan_care.csv", "plan_cover.csv", "plan_summary.csv",
            ])
        #expect(
            try Self.lines(out, "workforce_plan.csv") == [
                "role_id,locality_id,care_hours,travel_hours,paid_hours,fte,cost",
                "rn,home,40.0000,0.0000,40.0000,1.7778,952.38",
            ])
        #expect(
            try Self.lines(out, "workforce_gap.csv") == [
                "role_id,locality_id,current_fte,planned_fte,surplus_fte", "rn,home,1.0000,1.7778,-0.7778",
            ])
        let summary = try Self.lines(out, "plan_summary.csv")
        for row in ["status,optimal", "total_cost,952.38", "unmet_hours,0.0000", "headroom,0.1600", "weeks,0.7143"] {
            #expect(summary.contains(row), "\(summary)")
        }
    }

    /// A plan without a solution replaces an earlier plan's files with its summary alone.
    @Test func aBudgetBelowZeroHasNoPlanAndExits2() throws {
        var files = Self.files
        files["competencies.csv"] = "competency_id,sector_id\ncare,council\n"
        files["sectors.csv"] = "sector_id,budget\ncouncil,1000\n"
        let folder = try CaseFiles.folder(files)
        let out = folder.appendingPathComponent("out").path
        #expect(try CommandRunner.run(["plan", folder.path, "--out", out]).status == 0)
        try "sector_id,budget\ncouncil,-1\n".write(
            to: folder.appendingPathComponent("sectors.csv"), atomically: true, encoding: .utf8)
        let result = try CommandRunner.run(["plan", folder.path, "--out", out])
        #expect(result.status == 2, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("status: infeasible"), "\(result.stdout)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: out) == ["plan_summary.csv"])
        let summary = try Self.lines(out, "plan_summary.csv")
        #expect(summary.contains("status,infeasible"))
        #expect(
            summary.contains("explanation,sector 'council' has a budget below zero (-1.00): no plan keeps within it"),
            "\(summary)")
    }

    @Test func aBadCaseExits1WithLocatedErrors() throws {
        var files = Self.files
        files["staff.csv"] = "staff_id,role_id,home_locality,contract_hours\nann,rn,home,abc\n"
        let folder = try CaseFiles.folder(files)
        let result = try CommandRunner.run(["plan", folder.path, "--out", folder.path + "/out"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("staff.csv:2"), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: folder.path + "/out"))
    }

    @Test(arguments: [
        (["--headroom", "0.95"], "--headroom must be"), (["--headroom", "-0.1"], "--headroom must be"),
        (["--headroom", "nan"], "--headroom must be"), (["--fte-hours", "0"], "--fte-hours must be"),
        (["--fte-hours", "200"], "--fte-hours must be"),
        (["--max-generic-share", "1.5"], "--max-generic-share must be"),
        (["--max-generic-share", "-0.2"], "--max-generic-share must be"),
        (["--time-limit", "0"], "--time-limit must be"),
        (["--time-limit", "-1"], "--time-limit must be"),
    ])
    func optionsOutOfRangeAreAUsageError(option: [String], message: String) throws {
        let folder = try CaseFiles.folder(Self.files)
        let out = folder.appendingPathComponent("out").path
        let result = try CommandRunner.run(["plan", folder.path, "--out", out] + option)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(result.stderr.contains(message), "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func anEmptyOutIsAUsageError() throws {
        let folder = try CaseFiles.folder(Self.files)
        let result = try CommandRunner.run(["plan", folder.path, "--out", ""], in: folder)
        #expect(result.status == 64)
        #expect(result.stderr.contains("--out must name the output folder"))
    }
}
