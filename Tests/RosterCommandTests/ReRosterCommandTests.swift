import Foundation
import TestSupport
import Testing

/// Re-rostering after sickness: the past kept with --freeze-before, and every change listed.
@Suite struct ReRosterCommandTests {
    static let files = CaseFiles.single(
        days: 5,
        staff: "staff_id,home_locality,competencies,hourly_cost\nann,home,care,10\nbob,home,care,11\n",
        demandHours: 8)

    private func lines(_ folder: URL, _ file: String) throws -> [String] {
        try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8).split(separator: "\n").map(
            String.init)
    }

    @Test func sicknessMovesOnlyWhatItMustAndTheFrozenPastStays() throws {
        let folder = try CaseFiles.folder(Self.files)
        let first = folder.appendingPathComponent("first")
        #expect(try CommandRunner.run(["solve", folder.path, "--out", first.path]).status == 0)
        let published = try lines(first, "roster.csv")
        // Whoever works on the third date falls sick on the third and fourth.
        let sick = try #require(published.first { $0.contains(",2025-03-05,") }?.split(separator: ",").first)
        var files = Self.files
        files["baseline.csv"] = published.joined(separator: "\n") + "\n"
        files["availability.csv"] =
            "staff_id,date,kind\n\(sick),2025-03-05,unavailable\n\(sick),2025-03-06,unavailable\n"
        let changed = try CaseFiles.folder(files)
        let second = changed.appendingPathComponent("second")
        let result = try CommandRunner.run([
            "solve", changed.path, "--out", second.path, "--freeze-before", "2025-03-05",
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let roster = try lines(second, "roster.csv")
        func before(_ rows: [String]) -> [String] {
            rows.dropFirst().filter { $0.split(separator: ",")[1] < "2025-03-05" }
        }
        #expect(before(roster) == before(published))  // the past, byte for byte
        // changes.csv is exactly the difference of the two rosters, person by date.
        func cells(_ rows: [String]) -> [String: String] {
            var cells: [String: String] = [:]
            for row in rows.dropFirst() {
                let parts = row.split(separator: ",").map(String.init)
                cells["\(parts[0]),\(parts[1])"] = "\(parts[2])@\(parts[3])"
            }
            return cells
        }
        let (old, new) = (cells(published), cells(roster))
        let expected = Set(old.keys).union(new.keys).filter { old[$0] != new[$0] }.map {
            "\($0),\(old[$0] ?? ""),\(new[$0] ?? "")"
        }
        let changes = try lines(second, "changes.csv")
        #expect(changes.first == "staff_id,date,before,after,why")
        #expect(
            Set(
                changes.dropFirst().map {
                    $0.split(separator: ",", omittingEmptySubsequences: false).prefix(4).joined(separator: ",")
                }) == Set(expected))
        #expect(changes.contains { $0.hasPrefix("\(sick),2025-03-05,E@home,,unavailable") })
        #expect(!expected.isEmpty)
        let summary = try lines(second, "summary.csv")
        #expect(summary.contains("changes,\(expected.count)"))
        #expect(summary.contains("people_changed,\(Set(expected.map { $0.prefix { $0 != "," } }).count)"))
    }

    @Test func anUnchangedCaseReRosteredChangesNothing() throws {
        let folder = try CaseFiles.folder(Self.files)
        let first = folder.appendingPathComponent("first")
        #expect(try CommandRunner.run(["solve", folder.path, "--out", first.path]).status == 0)
        var files = Self.files
        files["baseline.csv"] = try lines(first, "roster.csv").joined(separator: "\n") + "\n"
        let again = try CaseFiles.folder(files)
        let second = again.appendingPathComponent("second")
        #expect(try CommandRunner.run(["solve", again.path, "--out", second.path]).status == 0)
        #expect(try lines(second, "changes.csv") == ["staff_id,date,before,after,why"])
        #expect(try lines(second, "summary.csv").contains("changes,0"))
        #expect(try lines(second, "roster.csv") == lines(first, "roster.csv"))
    }

    @Test func freezingNeedsABaselineAndADate() throws {
        let folder = try CaseFiles.folder(Self.files)
        let out = folder.appendingPathComponent("out").path
        let none = try CommandRunner.run(["solve", folder.path, "--out", out, "--freeze-before", "2025-03-05"])
        #expect(none.status == 1 && none.stderr.contains("--freeze-before keeps baseline.csv's roster"))
        let bad = try CommandRunner.run(["solve", folder.path, "--out", out, "--freeze-before", "05/03/2025"])
        #expect(bad.status == 64 && bad.stderr.contains("--freeze-before must be a date YYYY-MM-DD"))
    }
}
