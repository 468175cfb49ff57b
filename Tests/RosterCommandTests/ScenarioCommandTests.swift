import Foundation
import TestSupport
import Testing

/// Every file under `folder` by relative path, summary.csv's `solve_seconds` row left out (the one
/// figure two runs of the same case may differ in).
private func tree(_ folder: URL) throws -> [String: String] {
    var files: [String: String] = [:]
    let manager = FileManager.default
    for path in try manager.subpathsOfDirectory(atPath: folder.path).sorted() {
        var isFolder: ObjCBool = false
        _ = manager.fileExists(atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
        if isFolder.boolValue { continue }
        let text = String(decoding: try Data(contentsOf: folder.appendingPathComponent(path)), as: UTF8.self)
        files[path] = text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { !$0.hasPrefix("solve_seconds,") }.joined(separator: "\n")
    }
    return files
}

private let scenarios = """
    scenario_id,lever,role,to_role,value,select
    half,convert,carer,generic,0.5,
    half_random,convert,carer,generic,0.5,random:2
    dearer,role_cost,generic,,20,
    dearer,convert,carer,generic,1,
    none,convert,carer,generic,0,

    """

@Suite struct ScenarioCommandTests {
    private func caseFolder() throws -> URL {
        var files = CaseFiles.flexibility
        files["scenarios.csv"] = scenarios
        return try CaseFiles.folder(files)
    }

    @Test func scenariosAreRosteredComparedAndKeptEachInItsFolder() throws {
        let folder = try caseFolder()
        let out = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["scenarios", folder.path, "--out", out.path, "--time-limit", "30"])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try tree(out)
        let comparison = try #require(files["scenario_comparison.csv"]).split(separator: "\n").map(String.init)
        #expect(
            comparison.map { $0.prefix { $0 != "," } } == [
                "scenario_id", "baseline", "half", "half_random", "dearer", "none",
            ])
        #expect(
            comparison[2].contains(",0.0000,") && comparison[2].hasSuffix("carer_isle,convert 50% carer -> generic"))
        for scenario in ["baseline", "half", "half_random", "dearer", "none"] {
            #expect(files["\(scenario)/roster.csv"] != nil && files["\(scenario)/summary.csv"] != nil)
        }
        // Converting nobody is the baseline, file for file.
        for name in ["roster.csv", "coverage.csv", "contract_allocation.csv", "sector_summary.csv", "summary.csv"] {
            #expect(files["none/\(name)"] == files["baseline/\(name)"], "\(name)")
        }
        #expect(result.stdout.contains("half_random"))
    }

    @Test func slicesMergedAreTheUnshardedRun() throws {
        let folder = try caseFolder()
        let whole = folder.appendingPathComponent("whole")
        #expect(try CommandRunner.run(["scenarios", folder.path, "--out", whole.path, "--jobs", "1"]).status == 0)
        var slices: [String] = []
        for index in 1...3 {
            let slice = folder.appendingPathComponent("slice-\(index)").path
            let result = try CommandRunner.run(["scenarios", folder.path, "--out", slice, "--shard", "\(index)/3"])
            #expect(result.status == 0, "\(result.stderr)")
            slices.append(slice)
        }
        // A folder left in a slice by another run is not merged: only the slice's scenarios are.
        try FileManager.default.createDirectory(
            atPath: slices[1] + "/old_scenario", withIntermediateDirectories: true)
        let merged = folder.appendingPathComponent("merged")
        let merge = try CommandRunner.run(["merge"] + slices.reversed() + ["--out", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try tree(merged) == tree(whole))
        let incomplete = try CommandRunner.run(["merge", slices[0], slices[2], "--out", folder.path + "/bad"])
        #expect(incomplete.status == 1 && incomplete.stderr.contains("the slices must be 1 to n of one run"))
    }

    @Test func aSweepWritesItsCurveAsCSVAndSVGAndMergesLikeScenarios() throws {
        let folder = try caseFolder()
        let sweep = ["sweep", folder.path, "--convert", "carer:generic", "--from", "0", "--to", "1", "--step", "0.5"]
        let out = folder.appendingPathComponent("sweep")
        let result = try CommandRunner.run(sweep + ["--out", out.path])
        #expect(result.status == 0, "\(result.stderr)")
        let files = try tree(out)
        let rows = try #require(files["sweep.csv"]).split(separator: "\n").map {
            $0.split(separator: ",", omittingEmptySubsequences: false).prefix(2)
        }
        #expect(
            rows.map { $0.joined(separator: ",") } == [
                "value,scenario_id", ",baseline", "0,convert_0", "0.5,convert_0.5", "1,convert_1",
            ])
        let svg = try #require(files["sweep.svg"])
        #expect(svg.hasPrefix("<svg") && svg.contains("Unmet hours") && svg.contains("50%"))
        for index in 1...2 {
            let shard = try CommandRunner.run(sweep + ["--out", folder.path + "/s\(index)", "--shard", "\(index)/2"])
            #expect(shard.status == 0, "\(shard.stderr)")
        }
        let merged = folder.appendingPathComponent("merged")
        let merge = try CommandRunner.run(["merge", folder.path + "/s1", folder.path + "/s2", "--out", merged.path])
        #expect(merge.status == 0, "\(merge.stderr)")
        #expect(try tree(merged) == files)
    }

    @Test func aBadScenariosFileIsALocatedErrorAndNothingIsRostered() throws {
        var files = CaseFiles.flexibility
        files["scenarios.csv"] = "scenario_id,lever,role,to_role,value\nx,convert,surgeon,generic,0.5\n"
        let folder = try CaseFiles.folder(files)
        let out = folder.appendingPathComponent("out")
        let result = try CommandRunner.run(["scenarios", folder.path, "--out", out.path])
        #expect(result.status == 1)
        #expect(result.stderr.contains("scenarios.csv:2: column C (role): 'surgeon' is not a known role of roles.csv"))
        #expect(!FileManager.default.fileExists(atPath: out.path))
        let bad = try CommandRunner.run(["sweep", folder.path, "--demand-growth", "--step", "0", "--out", out.path])
        #expect(bad.status == 64)
        let unknown = try CommandRunner.run([
            "sweep", folder.path, "--demand-growth", "--locality", "nowhere", "--out", out.path,
        ])
        #expect(unknown.status == 1 && unknown.stderr.contains("--locality: 'nowhere' is not a locality"))
    }

    @Test func compareSetsTwoRunsSideBySide() throws {
        let folder = try caseFolder()
        let out = folder.appendingPathComponent("out")
        #expect(try CommandRunner.run(["scenarios", folder.path, "--out", out.path]).status == 0)
        let csv = folder.appendingPathComponent("compare.csv")
        let result = try CommandRunner.run([
            "compare", out.appendingPathComponent("baseline").path, out.appendingPathComponent("half").path, "--csv",
            csv.path,
        ])
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try String(contentsOf: csv, encoding: .utf8).split(separator: "\n").map(String.init)
        #expect(rows.contains("run,unmet_hours,16.0000,0.0000,-16.0000"))
        #expect(rows.contains("sector nhs,budget,,,"))
        // The isle's carer now works both days on nursing instead of resting: two dates changed.
        #expect(rows.contains("changes,people_changed,,1,") && rows.contains("person,carer_isle,,2,"))
        #expect(result.stdout.contains("carer_isle (2)"))
        let missing = try CommandRunner.run(["compare", out.path, folder.path])
        #expect(missing.status == 1 && missing.stderr.contains("summary.csv"))
    }
}

/// Ctrl-C during a batch: what ran keeps its best roster, what had not started keeps its folder.
@Suite struct ScenarioInterruptTests {
    @Test func aStoppedBatchLeavesTheScenariosNotStartedAsTheyWere() throws {
        let sample = InterruptCommandTests.sample
        let folder = try Scratch.folder("command")
        let scenarios = folder.appendingPathComponent("scenarios.csv")
        try "scenario_id,lever,value\ndearer,agency_cost,50\ncheaper,agency_cost,30\nfree,agency_cost,0\n"
            .write(to: scenarios, atomically: true, encoding: .utf8)
        let out = folder.appendingPathComponent("out")
        let kept = out.appendingPathComponent("free")
        try FileManager.default.createDirectory(at: kept, withIntermediateDirectories: true)
        try "key,value\nstatus,optimal\n".write(
            to: kept.appendingPathComponent("summary.csv"), atomically: true, encoding: .utf8)
        let running = try CommandRunner.start([
            "scenarios", sample.path, "--scenarios", scenarios.path, "--out", out.path, "--jobs", "1",
            "--time-limit", "5",
        ])
        InterruptCommandTests.wait(for: #"\[1/4\] baseline"#, in: running)
        kill(running.process.processIdentifier, SIGINT)
        let result = try CommandRunner.finish(running)
        #expect(result.status == 3, "\(result.stderr)")
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("baseline/roster.csv").path))
        #expect(
            try String(contentsOf: kept.appendingPathComponent("summary.csv"), encoding: .utf8)
                == "key,value\nstatus,optimal\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: kept.path) == ["summary.csv"])
    }
}
