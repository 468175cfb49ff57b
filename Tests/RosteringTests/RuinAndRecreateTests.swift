import Foundation
import TestSupport
import Testing
import Workforce

@testable import Rostering

/// Ruin and recreate (``FirstRoster/recreate(_:deadline:seed:patience:)``) on small random cases
/// (``RandomCase``), from the rosters person by person cannot improve.
@Suite struct RuinAndRecreateTests {
    /// The objective's estimate that ruin and recreate lowers, for `choices` recorded afresh.
    static func estimate(_ people: FirstRoster, _ choices: [[Int?]]) -> Double {
        var descent = FirstRoster.Descent(people)
        for (p, choice) in choices.enumerated() { descent.set(p, PersonSchedule(choice: choice, cost: 0)) }
        return descent.estimate
    }

    /// Every roster it returns keeps every hard rule; it is the same on one thread and on two; it
    /// ends without a deadline; without demand hours (where the estimate does not depend on the
    /// order people were recorded in) it lowers the estimate whenever it changes a roster, and it
    /// finds better rosters where person by person has stopped.
    @Test func keepsEveryRuleAgreesAcrossThreadsAndImprovesOnPersonByPerson() throws {
        var improved = 0
        var tried = 0
        for seed in UInt64(700)..<740 {
            let hours = seed % 3 == 0
            let c = try CaseFiles.read(RandomCase.files(seed: seed, hours: hours, staff: 3...6, days: 5...10))
            let index = CaseIndex(Candidates(c))
            let one = FirstRoster(index, threads: 1)
            guard case .roster(let first) = one.build(deadline: nil) else { continue }
            let start = one.improve(first, deadline: nil)
            let choices = one.recreate(start, deadline: nil, patience: 40)
            tried += 1
            let rows = ColumnGenerationTests.rows(index, one.rules, choices)
            #expect(
                ColumnGenerationTests.hard(c, Roster(assignments: rows)).isEmpty,
                "seed \(seed): ruin and recreate broke a rule")
            let two = FirstRoster(index, threads: 2).recreate(start, deadline: nil, patience: 40)
            #expect(two == choices, "seed \(seed): one thread and two differ")
            guard !hours, choices != start else { continue }
            let before = Self.estimate(one, start)
            let after = Self.estimate(one, choices)
            #expect(after < before - 1e-9, "seed \(seed): estimate \(before) became \(after)")
            if after < before - 1e-9 { improved += 1 }
        }
        #expect(tried >= 30, "only \(tried) cases had a first roster")
        #expect(improved >= 10, "ruin and recreate improved only \(improved) of \(tried) rosters")
    }

    /// A case of one person has nothing to ruin, and choices that are not one per person are not a
    /// roster to ruin: either comes back as it was.
    @Test func leavesOnePersonAlone() throws {
        for seed in UInt64(740)..<750 {
            let c = try CaseFiles.read(RandomCase.files(seed: seed, staff: 1...1))
            let people = FirstRoster(CaseIndex(Candidates(c)))
            guard case .roster(let first) = people.build(deadline: nil) else { continue }
            #expect(people.recreate(first, deadline: nil, patience: 10) == first, "seed \(seed)")
            #expect(people.recreate([], deadline: nil, patience: 10) == [], "seed \(seed)")
        }
    }
}
