import Foundation
import TestSupport
import Testing

/// What a solve says while it runs, when its output is not a terminal.
@Suite struct ProgressCommandTests {
    static let files = CaseFiles.single(days: 3, demandHours: 8)

    @Test func aPipedSolveLogsItsProgressNamedAsInTheSummary() throws {
        let folder = try CaseFiles.folder(Self.files)
        let result = try CommandRunner.run([
            "solve", folder.path, "--out", folder.appendingPathComponent("out").path, "--time-limit", "30",
        ])
        #expect(result.status == 0)
        let progress = result.stderr.split(separator: "\n").filter { $0.contains("best_bound") }
        #expect(!progress.isEmpty, "\(result.stderr)")
        #expect(progress.allSatisfy { $0.hasPrefix("roster: ") && $0.contains(" of 30s") && $0.contains("gap ") })
    }

    @Test func quietShowsOnlyWarningsAndErrors() throws {
        let folder = try CaseFiles.folder(Self.files)
        let out = folder.appendingPathComponent("out").path
        let quiet = try CommandRunner.run(["solve", folder.path, "--out", out, "--quiet"])
        #expect(quiet.status == 0 && quiet.stderr.isEmpty, "\(quiet.stderr)")
        #expect(quiet.stdout.contains("status: optimal"))
        let warnings = try CommandRunner.run(["solve", folder.path, "--out", out, "--log-level", "warning"])
        #expect(warnings.stderr.isEmpty, "\(warnings.stderr)")
        let bad = try CommandRunner.run(["solve", folder.path, "--out", out, "--log-level", "chatty"])
        #expect(bad.status == 64)
    }
}
