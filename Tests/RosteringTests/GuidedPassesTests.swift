import TestSupport
import Testing
import Workforce

@testable import Rostering

/// Person by person's passes pass over a person whose costs have moved only in their schedule's
/// favour (``ScheduleCosts/favours(_:since:)``), and a guided pass weighs short demand rows more
/// (``CoverageLedger/value(of:emphasis:)``): both against brute force and the passes' own guarantees.
@Suite struct GuidedPassesTests {
    /// Whenever the costs favour a schedule since earlier ones, every schedule's cost has risen by at
    /// least as much as its: checked over every schedule of one person on tiny horizons, at random
    /// costs moved at random, towards the schedule (favoured) and not (some not favoured).
    @Test(arguments: ScheduleOracleTests.configurations)
    func favouredCostsKeepEveryScheduleBehind(configuration: ScheduleOracleTests.Configuration) throws {
        let c = try CaseFiles.read(configuration.files)
        let rules = ScheduleRules(Candidates(c), person: 0)
        let oracle = ScheduleOracle(rules)
        let schedules = ScheduleOracleTests.allSchedules(c, rules).map(\.choice)
        var random = SeededGenerator(seed: 31)
        var (favoured, notFavoured) = (0, 0)
        for _ in 0..<40 {
            let earlier = ScheduleOracleTests.randomCosts(rules, &random)
            let choice = schedules[Int.random(in: schedules.indices, using: &random)]
            // Each cost moved by a draw; towards the schedule only, when `towards`.
            let towards = Bool.random(using: &random)
            var later = earlier
            for d in later.shift.indices {
                let step = Double(Int.random(in: 0...3, using: &random))
                later.dayOff[d] += (choice[d] == nil) == towards ? -step : step
                for o in later.shift[d].indices {
                    let step = Double(Int.random(in: 0...3, using: &random))
                    later.shift[d][o] += (o == choice[d]) == towards ? -step : step
                }
            }
            guard later.favours(choice, since: earlier) else {
                #expect(!towards, "\(configuration): moved towards it, yet not favoured")
                notFavoured += 1
                continue
            }
            favoured += 1
            let rise = oracle.cost(of: choice, later) - oracle.cost(of: choice, earlier)
            for other in schedules {
                #expect(
                    oracle.cost(of: other, later) - oracle.cost(of: other, earlier) >= rise - 1e-9,
                    "\(configuration): \(other) gained on the favoured \(choice)")
            }
        }
        #expect(favoured >= 10 && notFavoured >= 10, "\(configuration): \(favoured) favoured, \(notFavoured) not")
        var other = ScheduleOracleTests.randomCosts(rules, &random)
        other.weekend += 1
        #expect(!other.favours(schedules[0], since: ScheduleOracleTests.randomCosts(rules, &random)))
    }

    /// With the oracle's exact search, passes that pass over favoured people still end where no one
    /// person's own schedule can be bettered: one more pass, from scratch (nobody passed over),
    /// changes nobody. In cases without demand hours: with them, how care hours are split depends on
    /// the order shifts were recorded in, so a fresh pass sees other costs.
    @Test func exactPassesEndWhereNoPersonAloneCanDoBetter() throws {
        var (checked, passedOver) = (0, 0)
        for seed in UInt64(700)..<800 {
            let c = try CaseFiles.read(RandomCase.files(seed: seed, hours: false, staff: 3...6, days: 5...8))
            let one = FirstRoster(CaseIndex(Candidates(c)), threads: 1)
            guard case .roster(let first) = one.build(deadline: nil) else { continue }
            var passes = 0
            let ended = one.improve(first, deadline: nil, passes: .max, effort: .exact) { pass, _ in passes = pass }
            let again = one.improve(ended, deadline: nil, passes: 1, effort: .exact)
            #expect(again == ended, "seed \(seed): a fresh pass changed the passes' last roster")
            checked += 1
            if passes > 2 { passedOver += 1 }
        }
        #expect(checked >= 50 && passedOver >= 10, "\(checked) cases, \(passedOver) with more than two passes")
    }

    /// A row's emphasis weighs its shortfall `1 + emphasis` times: with every row emphasised alike,
    /// what a shift gives to short rows (heads and hours) scales by that, what it costs above
    /// `max_staff` stays; no emphasis, or zero, is the plain value.
    @Test func emphasisScalesWhatAShiftGivesToShortRows() throws {
        var scaled = 0
        for (seed, _, index, one, first) in try ColumnGenerationTests.firstRosters() {
            var ledger = CoverageLedger(index)
            // Half the first roster's shifts, so some rows are short and some are not.
            for (p, choice) in first.enumerated() where p.isMultiple(of: 2) {
                for (d, option) in choice.enumerated() {
                    if let option { ledger.add(one.rules[p].options[d][option]) }
                }
            }
            let zero = Dictionary(uniqueKeysWithValues: index.demandKeys.map { ($0, 0.0) })
            let half = zero.mapValues { _ in 0.5 }
            for i in index.candidates.all.indices {
                let plain = ledger.value(of: i)
                #expect(ledger.value(of: i, emphasis: [:]) == plain, "seed \(seed)")
                #expect(abs(ledger.value(of: i, emphasis: zero) - plain) < 1e-9, "seed \(seed)")
                let over = index.keysMet[i].reduce(0.0) { total, key in
                    let demand = index.demand[key]!
                    guard let most = demand.maxStaff, (ledger.heads[key] ?? 0) >= most else { return total }
                    return total + demand.overWeight
                }
                let emphasised = ledger.value(of: i, emphasis: half)
                #expect(abs((emphasised - over) - 1.5 * (plain - over)) < 1e-9, "seed \(seed), candidate \(i)")
                if plain - over < -1e-9 { scaled += 1 }
            }
        }
        #expect(scaled >= 20, "only \(scaled) shifts gave anything to a short row")
    }

    /// A guided pass (short rows emphasised) keeps every hard rule and gives the same roster on one
    /// thread and on two, tilted or not; some rosters it moves.
    @Test func guidedPassesKeepEveryRuleAndAgreeAcrossThreads() throws {
        var moved = 0
        for (seed, c, index, one, first) in try ColumnGenerationTests.firstRosters() {
            let start = one.improve(first, deadline: nil)
            let emphasis = Dictionary(uniqueKeysWithValues: one.shortKeys(start).map { ($0, 0.5) })
            for sideways in [nil, seed] {
                let choices = one.improve(start, deadline: nil, passes: .max, sideways: sideways, emphasis: emphasis)
                #expect(
                    ColumnGenerationTests.hard(
                        c, Roster(assignments: ColumnGenerationTests.rows(index, one.rules, choices))
                    )
                    .isEmpty, "seed \(seed): a guided pass broke a rule")
                let two = FirstRoster(index, threads: 2).improve(
                    start, deadline: nil, passes: .max, sideways: sideways, emphasis: emphasis)
                #expect(two == choices, "seed \(seed): one thread and two differ")
                if choices != start { moved += 1 }
            }
        }
        #expect(moved >= 3, "guided passes moved only \(moved) rosters")
    }
}
