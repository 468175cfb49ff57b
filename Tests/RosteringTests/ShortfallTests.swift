import Foundation
import TestSupport
import Testing
import Workforce

@testable import Rostering

/// The hand-made roster of ``CaseFiles/shortfalls``, read as `roster check` reads it.
let shortfallRoster: Roster = {
    let c = try! CaseFiles.read(CaseFiles.shortfalls)
    return try! RosterFile.read(folder: try! CaseFiles.folder(CaseFiles.shortfallRoster), case: c)
}()

@Suite struct ShortfallTests {
    func shortfalls(
        _ files: [String: String] = CaseFiles.shortfalls, roster: Roster = shortfallRoster
    ) throws -> [String: Shortfall] {
        let c = try CaseFiles.read(files)
        let evaluation = Evaluator(c).evaluate(roster)
        #expect(evaluation.violations.isEmpty, "\(evaluation.violations)")
        let found = ShortfallExplainer(c, roster: roster, evaluation: evaluation).shortfalls()
        return Dictionary(
            uniqueKeysWithValues: found.map { s in
                let d = s.coverage.demand
                return ("\(d.day.iso) \(d.shiftID) \(d.localityID) \(d.competencyID)", s)
            })
    }

    @Test func eachShortRowGetsTheExplanationItWasBuiltFor() throws {
        let found = try shortfalls()
        let expected: [String: (String, ShortfallReason, String)] = [
            "2025-03-03 N hub physio": ("ben", .otherShift, "on E here"),
            "2025-03-04 E hub nursing": ("lea", .unavailable, "availability.csv: unavailable for E on 2025-03-04"),
            "2025-03-04 E hub care": ("nia", .rest, "only 0 h rest after N on 2025-03-03"),
            "2025-03-04 E hub therapy": ("ida", .localityNotAllowed, "hub is not one of their localities (isle)"),
            "2025-03-04 E hub podiatry": ("tom", .travelTooLong, "far to hub is 120 min each way"),
            "2025-03-04 E hub physio": ("ben", .hoursLimit, "already 8 paid h; with this shift 16 paid hours"),
            "2025-03-05 E hub care": ("nia", .freeNotChosen, "it would add 8 paid h"),
            "2025-03-05 E isle therapy": ("ida", .onThisShift, "care time: 8 h therapy"),
        ]
        #expect(Set(found.keys) == Set(expected.keys))
        for (row, (person, reason, detail)) in expected {
            let shortfall = try #require(found[row])
            #expect(shortfall.people.map(\.staffID) == [person], "\(row)")
            #expect(shortfall.people.first?.reason == reason, "\(row): \(shortfall.people)")
            #expect(shortfall.people.first?.detail.contains(detail) == true, "\(row): \(shortfall.people)")
            // One agency early (8 h) of a 10-hour cap leaves less than a shift.
            #expect(shortfall.agency.reason == .agencyCapReached, "\(row)")
        }
        let amber = try #require(found["2025-03-05 E isle therapy"])
        #expect(amber.coverage.status == "amber")
        #expect(abs(amber.hoursShort - 0.5) < 1e-9 && amber.headsShort == 0)
        let red = try #require(found["2025-03-04 E hub nursing"])
        #expect(red.coverage.status == "red" && red.hoursShort == 8 && red.headsShort == 1)
        #expect(red.headline == "2025-03-04 Tue E hub nursing: red, 8 h and 1 person short")
    }

    @Test func agencyIsExplainedByItsCostWhenAllowedAndUncapped() throws {
        var files = CaseFiles.shortfalls
        files["settings.csv"] = "key,value\nagency_hourly_cost,0\n"
        var withoutAgency = shortfallRoster
        withoutAgency.agency = []
        let none = try shortfalls(files, roster: withoutAgency)
        #expect(none.count == 9 && none.values.allSatisfy { $0.agency.reason == .noAgency })
        files["settings.csv"] = "key,value\nagency_hourly_cost,40\nunmet_hour_penalty,10\nunder_weight,5\n"
        let found = try shortfalls(files)
        let red = try #require(found["2025-03-04 E hub nursing"])
        #expect(red.agency.reason == .agencyNotChosen)
        #expect(red.agency.detail == "another E shift would cost 320.00 and save at most 85.00 of penalties")
    }

    @Test func aPinOffIsNamedBeforeTheRulesItOutranks() throws {
        var files = CaseFiles.shortfalls
        files["pinned.csv"] = "staff_id,date,shift_id,locality_id\nnia,2025-03-05,,\n"
        let free = try #require(try shortfalls(files)["2025-03-05 E hub care"])
        #expect(free.people.first?.reason == .pinned)
        #expect(free.people.first?.detail == "pinned off that day (pinned.csv line 2)")
    }

    @Test func explanationsTableHasAnAgencyRowThenOneRowPerPerson() throws {
        let c = try CaseFiles.read(CaseFiles.shortfalls)
        let evaluation = Evaluator(c).evaluate(shortfallRoster)
        let found = ShortfallExplainer(c, roster: shortfallRoster, evaluation: evaluation).shortfalls()
        let table = Shortfall.table(found)
        #expect(table.first == Shortfall.columns)
        #expect(table.count == 1 + found.reduce(0) { $0 + 1 + $1.people.count })
        #expect(
            table.contains([
                "2025-03-04", "E", "hub", "nursing", "red", "8.0000", "1", "", "agency_cap_reached",
                "8 of agency_max_hours 10 booked in the horizon; one E shift needs 8 h",
            ]))
        #expect(
            table.contains([
                "2025-03-04", "E", "hub", "nursing", "red", "8.0000", "1", "lea", "unavailable",
                "availability.csv: unavailable for E on 2025-03-04",
            ]))
    }

    @Test func rowsExplainedInBatchesAreTheRowsExplainedAtOnce() throws {
        let c = try CaseFiles.read(CaseFiles.shortfalls)
        let evaluation = Evaluator(c).evaluate(shortfallRoster)
        let whole = ShortfallExplainer(c, roster: shortfallRoster, evaluation: evaluation)
        var oneRowAtATime = whole
        oneRowAtATime.batchTries = 1
        let expected = whole.shortfalls(threads: 1)
        let found = oneRowAtATime.shortfalls(threads: 2, until: .now + .seconds(3600))
        #expect(found.count == 8)
        #expect(found.map(\.index) == expected.map(\.index))
        #expect(found.map(\.people) == expected.map(\.people))
        #expect(found.map(\.agency) == expected.map(\.agency))
    }

    @Test func aDeadlineThatHasPassedLeavesEveryRowUnexplainedAndTheOutputsSaySo() throws {
        let c = try CaseFiles.read(CaseFiles.shortfalls)
        let evaluation = Evaluator(c).evaluate(shortfallRoster)
        let explainer = ShortfallExplainer(c, roster: shortfallRoster, evaluation: evaluation)
        #expect(explainer.shortfalls(until: .now - .seconds(1)).isEmpty)
        let outputs = Outputs(
            case: c, roster: shortfallRoster, evaluation: evaluation, status: .feasible, bestBound: nil, seconds: 1,
            explainUntil: .now - .seconds(1))
        let summary = try #require(outputs.tables.first { $0.file == "summary.csv" }?.rows)
        #expect(summary.contains(["unexplained_rows", "8"]))
        let explanations = try #require(outputs.tables.first { $0.file == "explanations.csv" }?.rows)
        #expect(explanations == [Shortfall.columns])
        let report = try #require(outputs.documents.first { $0.file == "report.html" }?.bytes)
        let html = String(decoding: report, as: UTF8.self)
        #expect(html.contains("8 more red or amber rows are not explained here"))
        #expect(!html.contains("Every demand row is green"))
        let complete = Outputs(
            case: c, roster: shortfallRoster, evaluation: evaluation, status: .feasible, bestBound: nil, seconds: 1)
        #expect(
            complete.tables.first { $0.file == "summary.csv" }?.rows.contains { $0[0] == "unexplained_rows" } == false)
    }

    @Test func explainingStopsOnceTheMostPeopleAllowedHaveBeenTried() throws {
        let c = try CaseFiles.read(CaseFiles.shortfalls)
        let evaluation = Evaluator(c).evaluate(shortfallRoster)
        var explainer = ShortfallExplainer(c, roster: shortfallRoster, evaluation: evaluation)
        explainer.batchTries = 1
        let all = explainer.shortfalls()
        #expect(explainer.shortfalls(mostPeople: 0).isEmpty)
        let firstTwo = all[0].people.count + all[1].people.count
        #expect(explainer.shortfalls(mostPeople: firstTwo).map(\.index) == all.prefix(2).map(\.index))
        #expect(explainer.shortfalls(mostPeople: firstTwo + 1).map(\.index) == all.prefix(3).map(\.index))
        let outputs = Outputs(
            case: c, roster: shortfallRoster, evaluation: evaluation, status: .feasible, bestBound: nil, seconds: 1,
            explainAtMost: 0)
        let summary = try #require(outputs.tables.first { $0.file == "summary.csv" }?.rows)
        #expect(summary.contains(["unexplained_rows", "8"]))
    }
}
