import Foundation
import LinearModel
import Workforce

/// A place and shift whose cover in the incumbent roster is short or over, and what that costs.
struct CoverGap: Sendable {
    var day: Int
    var shift: Int
    var locality: Int
    var cost: Double
}

/// Chooses the part of a roster to re-solve: the candidate shifts to free around an incumbent,
/// about `size` (0 to 1) of all person-days. Generators keep no state, so several threads may call
/// one at once (as OR-Tools' `NeighborhoodGenerator` is called); what varies between calls comes
/// from the caller's seeded `random`, so a search repeats.
protocol NeighbourhoodGenerator: Sendable {
    /// A short name, for tests and the log.
    var name: String { get }
    /// Positions in `candidates.all` of the shifts to free around `incumbent`.
    func neighbourhood(
        _ candidates: Candidates, around incumbent: RosterShape, size: Double, random: inout SeededGenerator
    ) -> Set<Int>
    /// Whether the generator has anything to aim at in case `c` (a search leaves out those that do not).
    func applies(to c: Case) -> Bool
}

/// What a ``NeighbourhoodGenerator`` sees of the incumbent roster.
struct RosterShape: Sendable {
    /// Its cover gaps.
    var gaps: [CoverGap] = []
    /// The candidate shifts it works (positions in `candidates.all`).
    var worked: Set<Int> = []
}

extension NeighbourhoodGenerator {
    func applies(to c: Case) -> Bool { true }

    /// Paid hours of each person in `incumbent`.
    func hours(_ candidates: Candidates, _ incumbent: RosterShape) -> [Double] {
        var hours = Array(repeating: 0.0, count: candidates.case.staff.count)
        for index in incumbent.worked {
            hours[candidates.all[index].person] += candidates.paidHours(candidates.all[index])
        }
        return hours
    }

    /// Every candidate shift of `people` on `days`.
    func shifts(_ candidates: Candidates, people: some Sequence<Int>, days: Range<Int>) -> Set<Int> {
        var free = Set<Int>()
        for p in people {
            for d in days { free.formUnion(candidates.byPersonDay[p][d]) }
        }
        return free
    }

    /// `length` consecutive days (1 to the horizon) starting at random, or centred on `around`.
    func window(_ candidates: Candidates, length: Int, around: Int? = nil, random: inout SeededGenerator) -> Range<Int>
    {
        let days = candidates.case.days.count
        let length = min(days, max(1, length))
        let first = around.map { $0 - length / 2 } ?? Int.random(in: 0...(days - length), using: &random)
        let start = min(days - length, max(0, first))
        return start..<(start + length)
    }

    /// A position of `weights` drawn in proportion to its weight; `nil` when they sum to nothing.
    func drawWeighted(_ weights: [Double], random: inout SeededGenerator) -> Int? {
        let total = weights.reduce(0, +)
        guard total > 0 else { return nil }
        var draw = Double.random(in: 0..<total, using: &random)
        for (position, weight) in weights.enumerated() {
            draw -= weight
            if draw < 0 { return position }
        }
        return weights.count - 1
    }

    /// A gap drawn in proportion to what it costs; `nil` when none costs anything.
    func drawGap(_ gaps: [CoverGap], random: inout SeededGenerator) -> CoverGap? {
        drawWeighted(gaps.map(\.cost), random: &random).map { gaps[$0] }
    }

    /// Person `p`'s candidate shift at `gap`'s day, shift and locality; `nil` when they cannot work there.
    func candidate(_ candidates: Candidates, _ p: Int, at gap: CoverGap) -> Int? {
        candidates.index[Candidate(person: p, day: gap.day, shift: gap.shift, locality: gap.locality)]
    }

    /// Days of a window that frees `size` of all person-days for `people` people.
    func days(_ candidates: Candidates, size: Double, people: Int) -> Int {
        let c = candidates.case
        return Int((size * Double(c.staff.count * c.days.count) / Double(max(1, people))).rounded())
    }
}

/// Consecutive days, everyone: what a day's changes ripple into (rest, sequences, cover).
struct DayWindow: NeighbourhoodGenerator {
    let name = "days"

    func neighbourhood(
        _ candidates: Candidates, around incumbent: RosterShape, size: Double, random: inout SeededGenerator
    ) -> Set<Int> {
        let staff = candidates.case.staff.count
        let days = window(candidates, length: days(candidates, size: size, people: staff), random: &random)
        return shifts(candidates, people: 0..<staff, days: days)
    }
}

/// A team over a fortnight: people drawn first from one person's home locality group (who can cover
/// for each other), then from anywhere; swaps between people need them freed together.
struct StaffTeam: NeighbourhoodGenerator {
    let name = "team"
    /// Days in the team's span (the horizon when shorter).
    var spanDays = 14

    func neighbourhood(
        _ candidates: Candidates, around incumbent: RosterShape, size: Double, random: inout SeededGenerator
    ) -> Set<Int> {
        let c = candidates.case
        let groupOf = Dictionary(c.localities.map { ($0.id, $0.group.isEmpty ? $0.id : $0.group) }) { a, _ in a }
        let group = c.staff.map { groupOf[$0.homeLocality] ?? $0.homeLocality }
        let span = min(c.days.count, spanDays)
        let count = min(c.staff.count, max(1, Int((size * Double(c.staff.count * c.days.count) / Double(span)))))
        let seed = Int.random(in: 0..<c.staff.count, using: &random)
        let others = Array(c.staff.indices).shuffled(using: &random)
        let team = others.filter { group[$0] == group[seed] } + others.filter { group[$0] != group[seed] }
        return shifts(candidates, people: team.prefix(count), days: window(candidates, length: span, random: &random))
    }
}

/// A few people over the whole horizon: half of them drawn from those who could work a costly gap
/// (drawn in proportion to what it costs), those with the hours to spare for it under their maximum
/// (``MaximumHours``) first, the rest from anyone. A person's totals (hours, weekends worked) tie
/// their days together, so that taking a short shift on one day may mean giving up one weeks away,
/// which a window of days never frees. Without gaps, people at random. Instance 8 at 60 s, where
/// one person more on one short shift is worth 100: within 1% of its best known (1300) in six runs
/// of eight (1401 before, its rosters of about 1400 one such shift short of about 1300; with the
/// people drawn at random, three runs of seven).
struct StaffHorizon: NeighbourhoodGenerator {
    let name = "people"

    func neighbourhood(
        _ candidates: Candidates, around incumbent: RosterShape, size: Double, random: inout SeededGenerator
    ) -> Set<Int> {
        let c = candidates.case
        let count = min(c.staff.count, max(2, Int((size * Double(c.staff.count)).rounded())))
        var first: [Int] = []
        if let gap = drawGap(incumbent.gaps, random: &random) {
            let hours = hours(candidates, incumbent)
            let able = c.staff.indices.compactMap { p -> (person: Int, spare: Bool)? in
                guard let there = candidate(candidates, p, at: gap) else { return nil }
                let after = hours[p] + candidates.paidHours(candidates.all[there])
                return (p, after <= MaximumHours.limit(c.staff[p], days: c.days.count) + 1e-9)
            }.shuffled(using: &random)
            first = able.filter(\.spare).map(\.person) + able.filter { !$0.spare }.map(\.person)
        }
        let chosen = Array(first.prefix(max(1, count / 2)))
        let taken = Set(chosen)
        let rest = c.staff.indices.filter { !taken.contains($0) }.shuffled(using: &random)
        let people = chosen + rest.prefix(count - chosen.count)
        return shifts(candidates, people: people, days: 0..<c.days.count)
    }
}

/// Overtime moved to whom it costs less: a person drawn in proportion to what their overtime costs,
/// freed over the whole horizon with people who could work one of their shifts, those under their
/// contract hours first, then those whose overtime costs less an hour, then anyone (each group
/// shuffled), `size` of all staff in all. Overtime is a person's total, so moving it takes shifts
/// given up on some days and taken on others by someone else, which neither a window of days nor a
/// gap's people frees. Only for a case where someone with contract hours is paid for hours above them.
/// The sample case at 60 s: 146,604–146,681 in three runs, against 146,743–146,977 in six without;
/// HiGHS on its exported model, 146,564 (its overtime 7,752, where such rosters had about 190 more).
struct OvertimeMoves: NeighbourhoodGenerator {
    let name = "overtime"

    func applies(to c: Case) -> Bool { c.staff.contains { $0.contractHours > 0 && Self.rate($0) > 0 } }

    /// What an hour above `person`'s contract hours costs (``Pay``): every hour of a person without them.
    static func rate(_ person: Staff) -> Double { person.hourlyCost * person.overtimeMultiplier }

    func neighbourhood(
        _ candidates: Candidates, around incumbent: RosterShape, size: Double, random: inout SeededGenerator
    ) -> Set<Int> {
        let c = candidates.case
        let hours = hours(candidates, incumbent)
        let contracted = c.staff.map { $0.contractHours * c.weeks }
        // A person without contract hours is paid for every hour at this rate: their hours are not
        // drawn (at 60 s the sample case then ended at 146,740–146,792 in three runs, 146,597–146,650
        // with them left out).
        let costs = c.staff.indices.map {
            contracted[$0] > 0 ? max(0, hours[$0] - contracted[$0]) * Self.rate(c.staff[$0]) : 0
        }
        guard let person = drawWeighted(costs, random: &random) else {
            return StaffHorizon().neighbourhood(candidates, around: incumbent, size: size, random: &random)
        }
        let shifts = incumbent.worked.filter { candidates.all[$0].person == person }.map { candidates.all[$0] }
        let able = c.staff.indices.filter { q in
            q != person
                && shifts.contains {
                    candidates.index[Candidate(person: q, day: $0.day, shift: $0.shift, locality: $0.locality)] != nil
                }
        }.shuffled(using: &random)
        let rate = Self.rate(c.staff[person])
        let spare = able.filter { hours[$0] < contracted[$0] }
        let cheaper = able.filter { hours[$0] >= contracted[$0] && Self.rate(c.staff[$0]) < rate }
        let taken = Set(spare + cheaper)
        let count = min(c.staff.count, max(2, Int((size * Double(c.staff.count)).rounded())))
        let others = c.staff.indices.filter { $0 != person && !taken.contains($0) }.shuffled(using: &random)
        let people = [person] + (spare + cheaper + others).prefix(count - 1)
        return self.shifts(candidates, people: people, days: 0..<c.days.count)
    }
}

/// Around costly gaps: places and shifts whose cover is short or over in the incumbent, drawn in
/// proportion to what they cost, each with everyone who could work there freed over the days around
/// it (at most a week), until `size` of all person-days is freed. Without such a gap, a window of
/// days as ``DayWindow``.
struct CoverGaps: NeighbourhoodGenerator {
    let name = "gaps"
    /// Most days freed around one gap.
    var mostDays = 7
    /// Most gaps drawn for one neighbourhood.
    var mostGaps = 12

    func neighbourhood(
        _ candidates: Candidates, around incumbent: RosterShape, size: Double, random: inout SeededGenerator
    ) -> Set<Int> {
        let gaps = incumbent.gaps
        let total = gaps.reduce(0) { $0 + $1.cost }
        guard total > 0 else {
            return DayWindow().neighbourhood(candidates, around: incumbent, size: size, random: &random)
        }
        let c = candidates.case
        let target = size * Double(c.staff.count * c.days.count)
        var free = Set<Int>()
        var freed = 0
        for _ in 0..<mostGaps where Double(freed) < target {
            guard let place = drawGap(gaps, random: &random) else { break }
            let people = c.staff.indices.filter { candidate(candidates, $0, at: place) != nil }
            let length = min(mostDays, days(candidates, size: size, people: people.count))
            let days = window(candidates, length: length, around: place.day, random: &random)
            free.formUnion(shifts(candidates, people: people, days: days))
            freed += people.count * days.count
        }
        return free
    }
}

/// Where the incumbent and a linear relaxation's solution disagree (relaxation induced
/// neighbourhoods, as RINS in mixed-integer programming): each person-day is drawn with weight one
/// less the relaxation's share of what the incumbent does that day (a shift, or the day off), until
/// `size` of all person-days is freed, and those drawn have their neighbouring days freed too (a
/// changed day moves rest and runs around it). When the disagreements free less than `size`, a
/// window of days as ``DayWindow`` draws it frees the rest, so a part still grows with its size; where
/// they agree everywhere (or `shares` is not of these candidates), the part is that window alone. The
/// relaxation here is column generation's master.
struct RelaxationDisagreement: NeighbourhoodGenerator {
    let name = "relaxation"
    /// The relaxation's share of each candidate shift (positions in `candidates.all`).
    let shares: [Double]
    /// Disagreements below this weight are taken as agreement (rounding in the relaxation).
    static let agreement = 1e-3

    func neighbourhood(
        _ candidates: Candidates, around incumbent: RosterShape, size: Double, random: inout SeededGenerator
    ) -> Set<Int> {
        let c = candidates.case
        let units = c.staff.count * c.days.count
        var weighted: [(key: Double, person: Int, day: Int)] = []
        for p in c.staff.indices where shares.count == candidates.all.count {
            for (d, options) in candidates.byPersonDay[p].enumerated() {
                let worked = options.first { incumbent.worked.contains($0) }
                let share = worked.map { shares[$0] } ?? max(0, 1 - options.reduce(0) { $0 + shares[$1] })
                let weight = 1 - share
                guard weight > Self.agreement else { continue }
                // Efraimidis and Spirakis's key (as its logarithm, which does not underflow): the
                // largest keys are a draw weighted by `weight`.
                weighted.append((log(Double.random(in: Double.ulpOfOne..<1, using: &random)) / weight, p, d))
            }
        }
        guard !weighted.isEmpty else {
            return DayWindow().neighbourhood(candidates, around: incumbent, size: size, random: &random)
        }
        let target = max(1, Int((size * Double(units)).rounded()))
        weighted.sort { ($0.key, -$0.person, -$0.day) > ($1.key, -$1.person, -$1.day) }
        // Person-days freed, as person × days + day.
        var freed = Set<Int>()
        for (_, p, d) in weighted where freed.count < target {
            for day in max(0, d - 1)...min(c.days.count - 1, d + 1) { freed.insert(p * c.days.count + day) }
        }
        var free = Set(freed.flatMap { candidates.byPersonDay[$0 / c.days.count][$0 % c.days.count] })
        if freed.count < target {
            let rest = Double(target - freed.count) / Double(max(1, units))
            free.formUnion(DayWindow().neighbourhood(candidates, around: incumbent, size: rest, random: &random))
        }
        return free
    }
}
