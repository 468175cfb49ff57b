import Workforce

/// One shift a person could work: (person, day, shift, locality) by index into the case's arrays.
public struct Candidate: Hashable, Sendable {
    public var person: Int
    public var day: Int
    public var shift: Int
    public var locality: Int
}

/// The shifts each person could work, before any rule that links days.
///
/// Rules applied here, by never creating a column: **availability** (no candidate on an
/// `unavailable` date or date+shift), **allowed localities** (only the person's `localities`),
/// **shift limits of 0**, and **pins** (a pinned day off has no candidate; a pinned shift keeps
/// only that shift, at the pinned locality when one is given).
public struct Candidates: Sendable {
    public let `case`: Case
    /// All candidates, ordered by person, day, shift, locality.
    public private(set) var all: [Candidate] = []
    /// `byPersonDay[person][day]` = indices into ``all``.
    public private(set) var byPersonDay: [[[Int]]]
    /// Index of a candidate in ``all``.
    public private(set) var index: [Candidate: Int] = [:]
    /// Round-trip travel of a person to a locality: `travel[person][locality]`, `nil` if unreachable.
    public let travel: [[Travel?]]
    public let localityIndex: [String: Int]
    public let shiftIndex: [String: Int]
    public let staffIndex: [String: Int]
    public let dayIndex: [Day: Int]

    /// The candidates of `c`; with `keep`, only those it accepts (e.g. the shifts of one roster).
    public init(_ c: Case, keeping keep: ((Candidate) -> Bool)? = nil) {
        self.case = c
        localityIndex = Dictionary(uniqueKeysWithValues: c.localities.enumerated().map { ($1.id, $0) })
        shiftIndex = Dictionary(uniqueKeysWithValues: c.shifts.enumerated().map { ($1.id, $0) })
        staffIndex = Dictionary(uniqueKeysWithValues: c.staff.enumerated().map { ($1.id, $0) })
        dayIndex = Dictionary(uniqueKeysWithValues: c.days.enumerated().map { ($1, $0) })
        travel = c.staff.map { person in
            c.localities.map { locality in
                guard let out = c.travel(from: person.homeLocality, to: locality.id),
                    let back = c.travel(from: locality.id, to: person.homeLocality)
                else { return nil }
                return Travel(minutes: out.minutes + back.minutes, cost: out.cost + back.cost)
            }
        }
        byPersonDay = Array(repeating: Array(repeating: [], count: c.days.count), count: c.staff.count)

        var unavailableDays = Set<[Int]>()
        var unavailableShifts = Set<[Int]>()
        for rule in c.availability where rule.kind == .unavailable {
            guard let p = staffIndex[rule.staffID], let d = dayIndex[rule.day] else { continue }
            if let shift = rule.shiftID, let s = shiftIndex[shift] {
                unavailableShifts.insert([p, d, s])
            } else {
                unavailableDays.insert([p, d])
            }
        }
        var pins: [[Int]: Pin] = [:]
        for pin in c.pins {
            if let p = staffIndex[pin.staffID], let d = dayIndex[pin.day] { pins[[p, d]] = pin }
        }
        for (p, person) in c.staff.enumerated() {
            let allowed = person.localities.compactMap { localityIndex[$0] }.filter { travel[p][$0] != nil }.sorted()
            for d in c.days.indices where !unavailableDays.contains([p, d]) {
                let pin = pins[[p, d]]
                if let pin, pin.shiftID == nil { continue }
                for (s, shift) in c.shifts.enumerated() {
                    if unavailableShifts.contains([p, d, s]) || c.shiftLimits[Pair(person.id, shift.id)] == 0 {
                        continue
                    }
                    if let pinned = pin?.shiftID, pinned != shift.id { continue }
                    for l in allowed {
                        if let place = pin?.localityID, place != c.localities[l].id { continue }
                        let candidate = Candidate(person: p, day: d, shift: s, locality: l)
                        if let keep, !keep(candidate) { continue }
                        index[candidate] = all.count
                        byPersonDay[p][d].append(all.count)
                        all.append(candidate)
                    }
                }
            }
        }
    }

    /// Paid hours of working `candidate`: the shift's paid hours plus the round trip.
    public func paidHours(_ candidate: Candidate) -> Double {
        self.case.shifts[candidate.shift].paidHours + (travel[candidate.person][candidate.locality]?.minutes ?? 0) / 60
    }

    /// When the journey out starts and the journey home ends, in minutes from the horizon's first midnight.
    public func span(_ candidate: Candidate) -> (start: Double, end: Double) {
        let shift = self.case.shifts[candidate.shift]
        let (out, back) = oneWay(candidate)
        return (Double(candidate.day * 1440 + shift.start) - out, Double(candidate.day * 1440 + shift.end) + back)
    }

    /// One-way minutes out to the locality and back home.
    func oneWay(_ candidate: Candidate) -> (out: Double, back: Double) {
        let person = self.case.staff[candidate.person]
        let locality = self.case.localities[candidate.locality].id
        return (
            self.case.travel(from: person.homeLocality, to: locality)?.minutes ?? 0,
            self.case.travel(from: locality, to: person.homeLocality)?.minutes ?? 0
        )
    }
}
