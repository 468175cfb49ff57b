import Foundation
import TestSupport
import Testing

/// `roster check` on a hand-made roster: roster.csv alone is enough, and it can write the outputs.
@Suite struct CheckCommandTests {
    /// Two competencies for one person, so the care split matters.
    static let files = CaseFiles.single(
        days: 3, staff: "staff_id,home_locality,competencies,hourly_cost\nann,home,care;meds,10\n",
        extra: [
            "competencies.csv": "competency_id\ncare\nmeds\n",
            "demand.csv": """
            date,shift_id,locality_id,competency_id,hours
            2025-03-03,E,home,care,5
            2025-03-03,E,home,meds,3
            2025-03-04,E,home,meds,8
            2025-03-05,E,home,care,2

            """,
        ])

    private func objective(_ stdout: String) -> String? {
        stdout.split(separator: "\n").first { $0.hasPrefix("objective") }.map { String($0.split(separator: " ").last!) }
    }

    @Test func aRosterWithoutItsCareSplitGetsTheBestOneAndSaysSo() throws {
        let folder = try CaseFiles.folder(Self.files)
        let solved = folder.appendingPathComponent("solved")
        let solve = try CommandRunner.run(["solve", folder.path, "--out", solved.path])
        #expect(solve.status == 0)
        let hand = folder.appendingPathComponent("hand")
        try FileManager.default.createDirectory(at: hand, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: solved.appendingPathComponent("roster.csv"), to: hand.appendingPathComponent("roster.csv"))
        let check = try CommandRunner.run(["check", folder.path, hand.path])
        #expect(check.status == 0, "\(check.stderr)")
        #expect(check.stderr.contains("work_split.csv is missing"))
        let full = try CommandRunner.run(["check", folder.path, solved.path])
        #expect(objective(check.stdout) != nil && objective(check.stdout) == objective(full.stdout))
        #expect(check.stdout.contains("penalty_unmet_hours 0.00"))
    }

    @Test func checkWritesTheOutputsOfAValidRosterOnly() throws {
        let folder = try CaseFiles.folder(Self.files)
        let hand = folder.appendingPathComponent("hand")
        try FileManager.default.createDirectory(at: hand, withIntermediateDirectories: true)
        let roster = hand.appendingPathComponent("roster.csv")
        try "staff_id,date,shift_id,locality_id\nann,2025-03-03,E,home\nann,2025-03-04,E,home\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let valid = try CommandRunner.run(["check", folder.path, hand.path, "--out", out.path])
        #expect(valid.status == 0, "\(valid.stderr)")
        let written = Set(try FileManager.default.contentsOfDirectory(atPath: out.path))
        #expect(written.isSuperset(of: ["coverage.csv", "work_split.csv", "summary.csv", "contract_allocation.csv"]))
        let coverage = try String(contentsOf: out.appendingPathComponent("coverage.csv"), encoding: .utf8)
        #expect(coverage.contains("2025-03-05,E,home,care,2.0000,0.0000,0,0.0000,2.0000"))  // nobody on the 5th
        try "staff_id,date,shift_id,locality_id\nann,2025-03-03,N,home\nann,2025-03-04,E,home\n"
            .write(to: roster, atomically: true, encoding: .utf8)
        let broken = folder.appendingPathComponent("broken")
        let rest = try CommandRunner.run(["check", folder.path, hand.path, "--out", broken.path])
        #expect(rest.status == 5 && rest.stderr.contains("nothing written to --out"))
        #expect(!FileManager.default.fileExists(atPath: broken.path))
    }

    @Test func theCareSplitOfARosterWithVeryLongIdsIsWorkedOut() throws {
        let long = String(repeating: "a", count: 230)
        var files = Self.files
        files["staff.csv"] = "staff_id,home_locality,competencies,hourly_cost\n\(long),home,care;meds,10\n"
        let folder = try CaseFiles.folder(files)
        let hand = folder.appendingPathComponent("hand")
        try FileManager.default.createDirectory(at: hand, withIntermediateDirectories: true)
        try "staff_id,date,shift_id,locality_id\n\(long),2025-03-03,E,home\n"
            .write(to: hand.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
        let check = try CommandRunner.run(["check", folder.path, hand.path])
        #expect(check.status == 0, "\(check.stderr)")
        // The 8 hours of the 3rd are met (5 care, 3 meds); the 4th (8 h) and the 5th (2 h) are not.
        #expect(check.stdout.contains("penalty_unmet_hours 10000.00"), "\(check.stdout)")
    }
}
