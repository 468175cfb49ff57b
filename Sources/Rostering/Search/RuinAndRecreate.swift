import Workforce

extension FirstRoster {
    /// A ruin: the people whose schedules are taken out of the roster together, in the order they
    /// are scheduled again.
    typealias Ruin = [Int]

    /// Improves a roster by ruin and recreate: a few people's schedules are taken out together and each
    /// of them is scheduled again in turn by the oracle's quick search, against the roster without the
    /// people still to come. Person by person
    /// (``improve(_:deadline:passes:effort:sideways:emphasis:passed:stopped:)``) changes one person
    /// at a time, so it stops where every better roster needs two or more people to move at once (one
    /// leaves a shift that another takes, each giving up something of their own); a ruin lets them.
    ///
    /// Ruins are drawn ``ruinsPerRound`` at a time from a generator seeded with `seed`, half of them
    /// around demand the roster leaves open (people who could meet one such row) and half at random;
    /// each is tried from the same roster (on up to ``threads`` threads), and the roster of the one
    /// that lowers the objective's estimate most is kept, as that trial recorded it. Neither the draws
    /// nor the choice depend on the number of threads, so neither does the roster. It stops at
    /// `deadline`, when a stop is requested, or after a round that takes the ruins found nothing
    /// better in a row to `patience` or more. Every roster along the way keeps every hard rule.
    /// - Parameter choices: every person's schedule (see ``PersonSchedule/choice``); returned as
    ///   they are when they are not one per person.
    func recreate(
        _ choices: [[Int?]], deadline: ContinuousClock.Instant?, seed: UInt64 = 1, patience: Int
    ) -> [[Int?]] {
        guard rules.count > 1, choices.count == rules.count else { return choices }
        var descent = Descent(self)
        for (p, choice) in choices.enumerated() {
            descent.set(p, PersonSchedule(choice: choice, cost: 0))
        }
        var generator = SeededGenerator(seed: seed)
        let work = ParallelWork(threads: threads)
        var fruitless = 0
        while fruitless < patience && !SearchStop.reached(deadline) {
            let short = descent.ledger.shortKeys
            let ruins = (0..<Self.ruinsPerRound).map { draw in
                draw.isMultiple(of: 2) ? ruin(around: short, &generator) : ruin(&generator)
            }
            let start = descent
            let tried = work.map(Array(ruins.indices)) { position in
                Self.rebuild(start, ruins[position], deadline: deadline)
            }
            // Ties go to the earliest ruin, whatever the threads.
            guard let best = tried.indices.max(by: { tried[$0].gain < tried[$1].gain }),
                tried[best].gain > 1e-9 * max(1, descent.ledger.penalties)
            else {
                fruitless += ruins.count
                continue
            }
            descent = tried[best].descent
            fruitless = 0
        }
        return descent.choices
    }

    /// Ruins tried together in a round.
    static let ruinsPerRound = 4

    /// Most people in a ruin.
    static let largestRuin = 6

    /// Between 2 and ``largestRuin`` people drawn at random.
    private func ruin(_ generator: inout SeededGenerator) -> Ruin {
        let size = Int.random(in: 2...min(Self.largestRuin, rules.count), using: &generator)
        return Array(Array(rules.indices).shuffled(using: &generator).prefix(size))
    }

    /// Between 2 and ``largestRuin`` people, drawn at random from those who could meet one of the
    /// `short` demand rows (``CoverageLedger/shortKeys``), itself drawn at random; people at random
    /// when no row is short or fewer than two people could meet the one drawn.
    private func ruin(around short: [DemandKey], _ generator: inout SeededGenerator) -> Ruin {
        guard let key = short.randomElement(using: &generator) else { return ruin(&generator) }
        let able = Set((index.holders[key] ?? []).map { index.candidates.all[$0].person }).sorted()
        let size = Int.random(in: 2...Self.largestRuin, using: &generator)
        let chosen = Array(able.shuffled(using: &generator).prefix(size))
        return chosen.count >= 2 ? chosen : ruin(&generator)
    }

    /// The people of `ruin` taken out of `start` and scheduled again in turn: the roster and its
    /// record as this leaves them, and how much that lowers the objective's estimate (negative:
    /// raises it).
    private static func rebuild(
        _ start: Descent, _ ruin: Ruin, deadline: ContinuousClock.Instant?
    ) -> (descent: Descent, gain: Double) {
        var descent = start
        let rules = start.roster.rules
        func cost(_ p: Int) -> Double { ScheduleOracle(rules[p]).cost(of: descent.schedules[p]!.choice, start.own[p]) }
        let before = descent.ledger.penalties + ruin.reduce(0) { $0 + cost($1) }
        let old = ruin.map { descent.schedules[$0]! }
        for p in ruin { descent.clear(p) }
        for (p, incumbent) in zip(ruin, old) {
            // The incumbent keeps every rule and bounds the search, so a schedule always comes back.
            let found =
                ScheduleOracle(rules[p]).cheapest(
                    descent.costs(p), incumbent: incumbent, effort: .quick, deadline: deadline
                ).schedule ?? incumbent
            descent.set(p, found)
        }
        let after = descent.ledger.penalties + ruin.reduce(0) { $0 + cost($1) }
        return (descent, before - after)
    }
}
