import Foundation

/// What each lever does to a case (docs/scenarios.md): every change is the one the lever names,
/// and nothing else.
extension Case {
    /// The staff a `convert` lever may convert (role `from`, home among `localities` when given), in
    /// staff.csv's order, and how many of them it converts: the share of them, rounded to the nearest.
    public func conversionCandidates(
        from: String, localities: [String], share: Double
    ) -> (
        candidates: [Staff], count: Int
    ) {
        let candidates = staff.filter {
            $0.roleID == from && (localities.isEmpty || localities.contains($0.homeLocality))
        }
        let count = Int((share * Double(candidates.count)).rounded(.toNearestOrAwayFromZero))
        return (candidates, min(count, candidates.count))
    }

    /// This case with `lever` applied; for `convert`, `converting` names the people converted.
    public func applying(_ lever: Lever, converting: [String] = []) -> Case {
        var c = self
        switch lever {
        case .convert(let from, let to, _, _, _):
            guard let old = roles.first(where: { $0.id == from }), let new = roles.first(where: { $0.id == to }) else {
                return c
            }
            let chosen = Set(converting)
            for index in c.staff.indices where chosen.contains(c.staff[index].id) {
                var person = c.staff[index]
                let own = person.competencies.filter { !old.competencies.contains($0) }
                person.roleID = to
                person.competencies = new.competencies + own.filter { !new.competencies.contains($0) }
                person.hourlyCost = new.hourlyCost ?? person.hourlyCost
                if new.generic { person.employer = Sector.joint }
                c.staff[index] = person
            }
        case .roleCost(let role, let cost):
            for index in c.roles.indices where c.roles[index].id == role { c.roles[index].hourlyCost = cost }
            for index in c.staff.indices where c.staff[index].roleID == role { c.staff[index].hourlyCost = cost }
        case .demandGrowth(let competency, let locality, let growth):
            for index in c.demand.indices {
                var d = c.demand[index]
                guard competency.map({ $0 == d.competencyID }) ?? true, locality.map({ $0 == d.localityID }) ?? true
                else { continue }
                d.hours *= 1 + growth
                d.minStaff = Int((Double(d.minStaff) * (1 + growth) - 1e-9).rounded(.up))
                d.maxStaff = d.maxStaff.map { max(d.minStaff, Int((Double($0) * (1 + growth) - 1e-9).rounded(.up))) }
                c.demand[index] = d
            }
        case .agencyCost(let cost): c.settings.agencyHourlyCost = cost
        case .agencyCap(let cap): c.settings.agencyMaxHours = cap
        case .sectorBudget(let sector, let budget):
            for index in c.sectors.indices where c.sectors[index].id == sector { c.sectors[index].budget = budget }
        case .addStaff(let role, let locality, let count):
            c.staff += newStaff(role: role, locality: locality, count: count)
        case .removeStaff(let role, let locality, let count):
            let matching = c.staff.filter { person in
                person.roleID == role && (locality.map { person.homeLocality == $0 } ?? true)
            }
            let removed = Set(matching.suffix(count).map(\.id))
            c.staff.removeAll { removed.contains($0.id) }
            c.pins.removeAll { removed.contains($0.staffID) }
            c.availability.removeAll { removed.contains($0.staffID) }
            c.shiftLimits = c.shiftLimits.filter { !removed.contains($0.key.from) }
            c.baseline = c.baseline?.filter { !removed.contains($0.staffID) }
        case .travelMinutes(let from, let to, let minutes):
            let before = c
            for pair in [Pair(from, to), Pair(to, from)] {
                c.travel[pair] = Travel(minutes: minutes, cost: c.travel[pair]?.cost ?? 0)
            }
            c.reviseLocalities(after: before)
        case .linkUnavailable(let from, let to):
            let before = c
            c.travel[Pair(from, to)] = nil
            c.travel[Pair(to, from)] = nil
            c.reviseLocalities(after: before)
        }
        return c
    }

    /// The localities a person at `home` may work in by the format's default: home, and every
    /// locality whose travel there and back are each within max_travel_minutes.
    public func defaultLocalities(home: String) -> [String] {
        localities.map(\.id).filter { other in
            guard other != home else { return true }
            guard let out = travel(from: home, to: other), let back = travel(from: other, to: home) else {
                return false
            }
            return out.minutes <= settings.maxTravelMinutes && back.minutes <= settings.maxTravelMinutes
        }
    }

    /// After a travel change: a person on the default localities gets the new default; a person with
    /// a list of their own keeps it, less the localities no longer reachable from home.
    private mutating func reviseLocalities(after before: Case) {
        for index in staff.indices {
            let person = staff[index]
            if person.localities == before.defaultLocalities(home: person.homeLocality) {
                staff[index].localities = defaultLocalities(home: person.homeLocality)
            } else {
                staff[index].localities = person.localities.filter {
                    $0 == person.homeLocality || travel(from: person.homeLocality, to: $0) != nil
                }
            }
        }
    }

    /// New staff of `role` at `locality`, with the mean contract of the role's staff (37.5 hours when
    /// the role has none), the role's competencies and pay, and the default localities.
    private func newStaff(role: String, locality: String, count: Int) -> [Staff] {
        let peers = staff.filter { $0.roleID == role }
        let definition = roles.first { $0.id == role }
        func mean(_ value: (Staff) -> Double, _ fallback: Double) -> Double {
            peers.isEmpty ? fallback : peers.map(value).reduce(0, +) / Double(peers.count)
        }
        let contract = mean(\.contractHours, 37.5)
        let employers = Dictionary(grouping: peers.map(\.employer), by: { $0 }).mapValues(\.count)
        let employer =
            definition?.generic == true
            ? Sector.joint : employers.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key ?? Sector.unassigned
        let taken = Set(staff.map(\.id))
        var added: [Staff] = []
        var number = 1
        while added.count < count {
            let id = "new_\(role)_\(locality)_\(number)"
            number += 1
            if taken.contains(id) { continue }
            added.append(
                Staff(
                    id: id, name: "New \(definition?.name ?? role) \(added.count + 1)", roleID: role,
                    competencies: definition?.competencies ?? [], employer: employer, homeLocality: locality,
                    localities: defaultLocalities(home: locality), contractHours: contract,
                    minHours: mean(\.minHours, 0), maxHours: mean(\.maxHours, settings.maxWeeklyHours),
                    hourlyCost: definition?.hourlyCost ?? mean(\.hourlyCost, 0),
                    overtimeMultiplier: contract > 0 ? settings.overtimeMultiplier : 1,
                    maxConsecutiveDays: settings.maxConsecutiveDays, minConsecutiveDays: 1, minConsecutiveDaysOff: 1,
                    maxWeekends: nil))
        }
        return added
    }
}
