import Foundation
import TestSupport
import Testing

/// The files of a folder (hidden ones included; a folder in it shows as such) by name,
/// with summary.csv's `solve_seconds` row left
/// out (the one line that differs between two runs of the same case).
private func contents(_ folder: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
        var isFolder: ObjCBool = false
        _ = FileManager.default.fileExists(atPath: folder.appendingPathComponent(name).path, isDirectory: &isFolder)
        if isFolder.boolValue {
            files[name] = "(a folder)"
            continue
        }
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(name)), as: UTF8.self)
        files[name] = text.split(separator: "\n").filter { !$0.hasPrefix("solve_seconds,") }.joined(separator: "\n")
    }
    return files
}

private func copy(_ from: URL) throws -> URL {
    let to = try Scratch.folder("command").appendingPathComponent("out")
    try FileManager.default.copyItem(at: from, to: to)
    return to
}

/// Bad input never crashes, is always located, and never touches the output folder.
@Suite struct HostileInputCommandTests {
    @Test(arguments: 0..<MalformedCases.all.count)
    func malformedInputExitsOneWithItsLocatedErrorAndLeavesTheOutputsAlone(index: Int) throws {
        let (file, text, place, column, fragment) = MalformedCases.all[index]
        var files = MalformedCases.valid
        files[file] = text
        let folder = try CaseFiles.folder(files)
        let out = folder.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "key,value\nstatus,optimal\n".write(
            to: out.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let before = try contents(out)
        for arguments in [["solve", folder.path, "--out", out.path, "--time-limit", "10"], ["validate", folder.path]] {
            let result = try CommandRunner.run(arguments)
            #expect(result.status == 1 && !result.killed, "\(arguments[0]): \(result.stderr)")
            let line = result.stderr.split(separator: "\n").first {
                $0.contains(place + ":") || $0.contains(place + " ")
            }
            #expect(line?.contains(fragment) == true, "\(arguments[0]) for \(place): \(result.stderr)")
            if let column { #expect(line?.contains("(\(column))") == true, "\(result.stderr)") }
        }
        #expect(try contents(out) == before)
    }

    @Test func rosterCheckRejectsHoursAndCountsItCannotUse() throws {
        let folder = try CaseFiles.folder(MalformedCases.valid)
        for (file, text, fragment) in [
            (
                "work_split.csv",
                "staff_id,date,shift_id,locality_id,competency_id,hours\nann,2025-03-03,E,kirkwall,nursing,nan\n",
                "work_split.csv:2: column (hours): 'nan' is not a number of hours"
            ),
            (
                "work_split.csv",
                "staff_id,date,shift_id,locality_id,competency_id,hours\nann,2025-03-03,E,kirkwall,nursing,1e308\n",
                "'1e308' is not a number of hours"
            ),
            (
                "coverage.csv",
                "date,shift_id,locality_id,competency_id,agency_shifts\n"
                    + "2025-03-03,E,kirkwall,nursing,9223372036854775807\n",
                "coverage.csv:2: column (agency_shifts): '9223372036854775807' is not a whole number from 0 "
                    + "to 100000"
            ),
        ] {
            let hand = try Scratch.folder("command")
            try "staff_id,date,shift_id,locality_id\nann,2025-03-03,E,kirkwall\n"
                .write(to: hand.appendingPathComponent("roster.csv"), atomically: true, encoding: .utf8)
            try text.write(to: hand.appendingPathComponent(file), atomically: true, encoding: .utf8)
            let result = try CommandRunner.run(["check", folder.path, hand.path])
            #expect(result.status == 1 && !result.killed, "\(result.stderr)")
            #expect(result.stderr.contains(fragment), "\(result.stderr)")
        }
    }
}

/// The output folder holds one run whatever happens while it is written.
@Suite struct OutputCommitCommandTests {
    static let old = CaseFiles.single(days: 3, demandHours: 8)
    static let new = CaseFiles.single(days: 4, demandHours: 16)
    static let impossible = CaseFiles.single(
        days: 3, staff: "staff_id,home_locality,competencies,min_hours\nann,home,care,40\n",
        extra: ["availability.csv": "staff_id,date,kind\nann,2025-03-03,unavailable\nann,2025-03-04,unavailable\n"])

    /// A complete run of `files` in a fresh folder.
    private func run(_ files: [String: String]) throws -> (case: URL, out: URL) {
        let folder = try CaseFiles.folder(files)
        let out = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["solve", folder.path, "--out", out.path])
        #expect(!result.killed, "\(result.stderr)")
        return (folder, out)
    }

    /// Kills the commit of `next` over an earlier run at every step in turn: each time the folder
    /// holds the old run or, once the next command has repaired it, the new one; never a mix.
    @Test(arguments: ["a roster over a roster", "no roster over a roster"])
    func aKillAtAnyStepOfTheCommitLeavesOneRun(scenario: String) throws {
        let earlier = try run(Self.old)
        let later = try run(scenario == "a roster over a roster" ? Self.new : Self.impossible)
        let oldFiles = try contents(earlier.out)
        let newFiles = try contents(later.out)
        #expect(oldFiles != newFiles && !newFiles.isEmpty)
        var step = 1
        var sawOld = false
        var sawNew = false
        while step < 100 {
            let out = try copy(earlier.out)
            let killed = try CommandRunner.run(
                ["solve", later.case.path, "--out", out.path],
                environment: ["ROSTER_TEST_KILL_AT_COMMIT_STEP": "\(step)"])
            if !killed.killed { break }
            #expect(killed.status == SIGKILL)
            // The next command on the folder repairs it before anything else.
            _ = try CommandRunner.run(["check", later.case.path, out.path])
            let after = try contents(out)
            #expect(after == oldFiles || after == newFiles, "killed at step \(step): \(after.keys.sorted())")
            sawOld = sawOld || after == oldFiles
            sawNew = sawNew || after == newFiles
            step += 1
        }
        #expect(step > 5 && step < 100, "the commit has \(step - 1) steps")
        #expect(sawOld && sawNew)
    }

    @Test func aFolderInTheWayFailsBeforeAnythingChanges() throws {
        let earlier = try run(Self.old)
        let out = try copy(earlier.out)
        try FileManager.default.removeItem(at: out.appendingPathComponent("coverage.csv"))
        try FileManager.default.createDirectory(
            at: out.appendingPathComponent("coverage.csv"), withIntermediateDirectories: false)
        let before = try contents(out)
        let result = try CommandRunner.run(["solve", try CaseFiles.folder(Self.new).path, "--out", out.path])
        #expect(result.status == 1, "\(result.stderr)")
        #expect(result.stderr.contains("coverage.csv' is a folder"), "\(result.stderr)")
        #expect(try contents(out) == before)
    }

    @Test func checkRefusesAFolderMixingTwoRuns() throws {
        let earlier = try run(Self.old)
        let later = try run(Self.new)
        let mixed = try copy(earlier.out)
        try FileManager.default.removeItem(at: mixed.appendingPathComponent("roster.csv"))
        try FileManager.default.copyItem(
            at: later.out.appendingPathComponent("roster.csv"), to: mixed.appendingPathComponent("roster.csv"))
        let result = try CommandRunner.run(["check", earlier.case.path, mixed.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("roster.csv: is not the file written with summary.csv"), "\(result.stderr)")
        let whole = try CommandRunner.run(["check", earlier.case.path, earlier.out.path])
        #expect(whole.status == 0, "\(whole.stderr)")
    }
}

/// Ctrl-C and SIGTERM stop the search and keep the best roster.
@Suite struct InterruptCommandTests {
    static let sample = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Data/orkney")

    /// Reads the process's standard error until `pattern` (a regular expression) appears or it ends.
    static func wait(for pattern: String, in running: CommandRunner.Running) {
        var said = ""
        while said.range(of: pattern, options: .regularExpression) == nil {
            let data = running.err.fileHandleForReading.availableData
            if data.isEmpty { return }
            said += String(decoding: data, as: UTF8.self)
        }
    }

    @Test(arguments: [SIGINT, SIGTERM])
    func aStoppedSolveWritesTheBestRosterSoFar(signal: Int32) throws {
        let out = try Scratch.folder("command").appendingPathComponent("out")
        let running = try CommandRunner.start(["solve", Self.sample.path, "--out", out.path, "--time-limit", "300"])
        // Stop once a roster exists (a progress line with an objective), however loaded the machine is.
        Self.wait(for: #"objective \d"#, in: running)
        Thread.sleep(forTimeInterval: 1)
        kill(running.process.processIdentifier, signal)
        let result = try CommandRunner.finish(running)
        #expect(result.status == 3 && !result.killed, "\(result.stderr)")
        #expect(result.stderr.contains("stopped on request"), "\(result.stderr)")
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.contains("status,feasible"))
        let check = try CommandRunner.run(["check", Self.sample.path, out.path])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
        #expect(check.stdout.contains("hard_violations     0"))
        if let verdict = try Referee.verdict(case: Self.sample, out: out) {
            #expect(verdict.hasPrefix("check_roster: OK"), "\(verdict)")
        }
    }

    @Test func aSecondCtrlCQuitsAtOnceAndLeavesTheEarlierRun() throws {
        let out = try Scratch.folder("command").appendingPathComponent("out")
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        try "key,value\nstatus,optimal\n".write(
            to: out.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let running = try CommandRunner.start(["solve", Self.sample.path, "--out", out.path, "--time-limit", "300"])
        Self.wait(for: #"objective \d"#, in: running)
        kill(running.process.processIdentifier, SIGINT)
        // The second as soon as the first is taken (two at once would merge into one signal), while the
        // stopped search is still writing its roster.
        Self.wait(for: "stopping", in: running)
        kill(running.process.processIdentifier, SIGINT)
        let result = try CommandRunner.finish(running)
        #expect(result.status == 130 && !result.killed, "status \(result.status): \(result.stderr)")
        _ = try CommandRunner.run(["check", Self.sample.path, out.path])
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(names == ["summary.csv"] || names.count == 10, "\(names)")
    }
}
