import Foundation
import GLPKSolver
import LinearModel
import Rostering
import TestSupport
import Testing
import Workforce

/// A small case touching every output: two localities with travel, two sectors, a joint generic
/// worker, agency cover, preferences, a pin and a name that looks like a formula.
let richCase: [String: String] = [
    "localities.csv": "locality_id,name\nhub,Hub\nisle,Isle\n",
    "travel.csv": "from_locality,to_locality,minutes,cost\nhub,isle,40,6.5\n",
    "sectors.csv": "sector_id,name,budget\nnhs,NHS,5000\ncouncil,Council,\n",
    "competencies.csv": "competency_id,sector_id\nnursing,nhs\ncare,council\n",
    "roles.csv": "role_id,competencies,hourly_cost,generic\nrn,nursing,25,false\ngw,care;nursing,16,true\n",
    "shifts.csv": "shift_id,start,end,paid_hours\nE,07:00,15:00,7.5\nN,21:00,07:00,9.5\n",
    "staff.csv": """
    staff_id,name,role_id,employer,home_locality,contract_hours,max_weekends
    ann,=Ann Flett,rn,nhs,hub,15,1
    gus,Gus Rendall,gw,joint,isle,22.5,
    bea,Bea Muir,gw,council,hub,0,
    """.replacingOccurrences(of: "        ", with: "").trimmingCharacters(in: .newlines) + "\n",
    "demand.csv": """
    date,shift_id,locality_id,competency_id,hours,min_staff,max_staff
    2025-03-07,E,hub,nursing,7.5,1,2
    2025-03-07,E,hub,care,4,0,
    2025-03-08,E,isle,care,7.5,1,
    2025-03-08,N,hub,nursing,9.5,1,
    2025-03-09,E,hub,nursing,7.5,2,
    2025-03-10,E,isle,nursing,3,0,
    """.replacingOccurrences(of: "        ", with: "").trimmingCharacters(in: .newlines) + "\n",
    "availability.csv":
        "staff_id,date,shift_id,kind,weight\nbea,2025-03-09,,prefer_off,15\ngus,2025-03-10,E,prefer_on,\n",
    "pinned.csv": "staff_id,date,shift_id,locality_id\nann,2025-03-07,E,hub\n",
    "settings.csv":
        "key,value\nagency_hourly_cost,40\nagency_max_hours,20\nfairness_weight,3\nunmet_hour_penalty,300\n",
]

@Suite struct OutputTests {
    @Test func outputsPassTheEvaluatorAndTheSharedReferee() throws {
        let folder = try CaseFiles.folder(richCase)
        let c = try CaseReader.read(folder: folder).case
        let run = try solve(c)
        #expect(run.status == .optimal)
        let out = folder.appendingPathComponent("out")
        try run.outputs(for: c).write(to: out)
        // changes.csv is written only against a baseline, which this case has not.
        for file in Outputs.fileNames where file != "changes.csv" {
            #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent(file).path), "\(file)")
        }
        #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("changes.csv").path))
        let grid = try String(contentsOf: out.appendingPathComponent("roster_grid.csv"), encoding: .utf8)
        #expect(grid.contains("'=Ann Flett"))
        // A proven optimum has a bound, and the summary says where it came from.
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        let source = summary.split(separator: "\n").first { $0.hasPrefix("bound_source,") }?.dropFirst(13)
        #expect(["column_generation", "whole_model"].contains(source.map(String.init)), "\(summary)")
        #expect(run.boundSource?.rawValue == source.map(String.init))
        // Reading the written roster back and evaluating it gives the written objective.
        let reread = try RosterFile.read(folder: out, case: c)
        #expect(abs(Evaluator(c).evaluate(reread).objective - run.evaluation!.objective) < 0.01)
        guard let verdict = try Referee.verdict(case: folder, out: out) else { return }  // no ../shared
        #expect(verdict.hasPrefix("check_roster: OK"), "\(verdict)")
    }

    @Test func sameInputGivesIdenticalFilesButSolveSeconds() throws {
        let c = try CaseFiles.read(richCase)
        let first = try solve(c).outputs(for: c)
        let second = try solve(c).outputs(for: c)
        for ((file, a), (_, b)) in zip(first.tables, second.tables) {
            let strip = { (rows: [[String]]) in rows.filter { $0.first != "solve_seconds" } }
            #expect(strip(a) == strip(b), "\(file) differs between runs")
        }
    }

    @Test func runWithoutRosterLeavesSummaryAloneAndRemovesEarlierOutputs() throws {
        let folder = try CaseFiles.folder(richCase)
        let c = try CaseReader.read(folder: folder).case
        let out = folder.appendingPathComponent("out")
        try solve(c).outputs(for: c).write(to: out)
        try Outputs(noRoster: .infeasible, explanations: ["ann: no roster keeps together hours"], seconds: 1).write(
            to: out)
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(left == ["summary.csv"])
        let summary = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        #expect(summary.contains("status,infeasible"))
        #expect(summary.contains("explanation,ann: no roster"))
    }

    @Test func failedWriteChangesNothing() throws {
        let folder = try CaseFiles.folder(richCase)
        let c = try CaseReader.read(folder: folder).case
        let out = folder.appendingPathComponent("out")
        try solve(c).outputs(for: c).write(to: out)
        let before = try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8)
        // A directory where roster.csv should go makes the rename fail for that file only after staging.
        var outputs = try solve(c).outputs(for: c)
        outputs.tables.insert(("bad/name.csv", [["x"]]), at: 0)
        #expect(throws: (any Error).self) { try outputs.write(to: out) }
        #expect(try String(contentsOf: out.appendingPathComponent("summary.csv"), encoding: .utf8) == before)
    }
}
