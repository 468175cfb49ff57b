/// Labelling over a person's ``ScheduleGraph``: a label is a partial schedule up to a day, in one
/// of the graph's states, with its resources (paid hours, weekends worked, counts of limited
/// shifts). Of two labels in one state, one that costs no more and leaves every future open to the
/// other is kept alone (dominance). A label is dropped when it cannot reach the minimum hours or stay
/// under the maximum, or when its lower bound (its cost, its priced resources and the relaxation's
/// completion value) cannot beat the best schedule known. Exact when no label is dropped otherwise;
/// `beam` keeps only that many labels per day, those of the best ranks (bound and stray from an even
/// pace, ``Pace``), thinned as the day's labels are made.
struct ScheduleLabelling {
    let relaxation: ScheduleRelaxation
    let prices: ResourcePrices
    /// `toGo[level][state]` of the relaxation at `prices`.
    let toGo: [[Double]]

    private var rules: ScheduleRules { relaxation.rules }
    /// An odd multiplier that spreads the bits of a label's resources over its signature.
    fileprivate static let mixer: UInt64 = 0x9E37_79B9_7F4A_7C15

    /// The labels of one level, as parallel arrays.
    private struct Labels {
        var state: [Int32] = []
        var cost: [Double] = []
        var bound: [Double] = []
        var units: [Int64] = []
        var weekends: [Int32] = []
        var counts: [UInt16] = []
        /// The sum of the slot keys of `counts` (each slot's key times its count): with the state
        /// and resources, a label's signature in the narrowed search without reading its counts.
        var key: [UInt64] = []
        var parent: [Int32] = []
        var option: [Int16] = []
        var alive: [Bool] = []
        var aliveCount = 0
        /// In the narrowed search: the label before this one with the same signature (-1: none).
        var sameSignature: [Int32] = []
        /// In the narrowed search: the label's bound plus its stray from ``Pace`` (lower is better).
        var rank: [Double] = []

        /// No labels, the memory kept.
        mutating func removeAll() {
            state.removeAll(keepingCapacity: true)
            cost.removeAll(keepingCapacity: true)
            bound.removeAll(keepingCapacity: true)
            units.removeAll(keepingCapacity: true)
            weekends.removeAll(keepingCapacity: true)
            counts.removeAll(keepingCapacity: true)
            key.removeAll(keepingCapacity: true)
            parent.removeAll(keepingCapacity: true)
            option.removeAll(keepingCapacity: true)
            alive.removeAll(keepingCapacity: true)
            sameSignature.removeAll(keepingCapacity: true)
            rank.removeAll(keepingCapacity: true)
            aliveCount = 0
        }

        /// The live labels alone, in their order: a level keeps only what later levels and the
        /// schedules read back need (a long horizon's dropped labels would otherwise fill memory).
        func compacted(slots: Int) -> Labels {
            guard aliveCount < state.count else { return self }
            var kept = Labels()
            for index in state.indices where alive[index] {
                kept.state.append(state[index])
                kept.cost.append(cost[index])
                kept.bound.append(bound[index])
                kept.units.append(units[index])
                kept.weekends.append(weekends[index])
                kept.counts.append(contentsOf: counts[(index * slots)..<((index + 1) * slots)])
                kept.key.append(key[index])
                kept.parent.append(parent[index])
                kept.option.append(option[index])
                kept.alive.append(true)
            }
            kept.aliveCount = kept.state.count
            return kept
        }
    }

    /// The cheapest schedules under the relaxation's costs that beat `bound` (at most `keep`, the
    /// cheapest first); `complete` is false when labels were dropped by the beam, or the search gave
    /// up (nothing found) after `labelBudget` labels of the exact search or at the deadline. The
    /// narrowed search thins a day's labels to the beam whenever `thinAt` times the beam are alive:
    /// up to rounding, the labels kept are the same whatever `thinAt` is (``narrow(_:_:to:)``); it
    /// sets the work and the memory (quick passes of instances 23 and 24 took 0.93 and 0.90 of the
    /// time at 2 that they took at 4).
    func run(
        beam: Int?, labelBudget: Int, bound: Double, keep: Int = 1,
        deadline: ContinuousClock.Instant? = nil, thinAt: Int = 2
    ) -> (found: [PersonSchedule], complete: Bool) {
        let graph = rules.graph
        let costs = relaxation.costs
        let days = graph.days
        let slots = rules.slotLimits.count
        let unitsPerHour = ScheduleRules.unitsPerHour
        let overtimePerUnit = max(0, costs.overtimeRate) / unitsPerHour
        let constant = relaxation.constant(prices)
        let hourPrice = prices.aboveMaximum - prices.belowMinimum + prices.overtime
        var complete = true
        var made = 0
        var history: [Labels] = []
        var previous = Labels()
        previous.state = [0]
        previous.cost = [0]
        previous.bound = [toGo[0][0] + constant]
        previous.units = [0]
        previous.weekends = [0]
        previous.counts = Array(repeating: 0, count: slots)
        previous.key = [0]
        previous.parent = [-1]
        previous.option = [-1]
        previous.alive = [true]
        previous.aliveCount = 1
        if !graph.hasPath || previous.bound[0] >= bound - 1e-9 { return ([], true) }
        var counts = Array(repeating: UInt16(0), count: max(slots, 1))
        let pace = self.pace
        let slotKeys = (0..<slots).map(Self.slotKey)
        // Weekends left limit the hours still possible: known exactly when the minimum hours and the
        // weekend limit both bind (the graph then has their table).
        let mostByWeekends = graph.mostUnitsByWeekends

        // One day's labels, their memory kept from day to day (a long horizon's days are many).
        var current = Labels()
        // The narrowed search's latest label of each signature (earlier ones by `sameSignature`).
        var twins = SignatureTable(capacity: beam.map { $0 * 16 } ?? 0)
        // The narrowed search's labels of the day that may be alive, in their order.
        var live: [Int32] = []
        for level in 0..<days {
            current.removeAll()
            live.removeAll(keepingCapacity: true)
            // The narrowed search drops a label whose rank is `cutoff` or worse: `beam` earlier labels
            // of the day rank at least as well.
            var cutoff = Double.infinity
            let onPace = pace.level(level, rules)
            var lists = [[Int32]](repeating: [], count: beam == nil ? graph.states[level + 1].count : 0)
            twins.clear()
            let edgeTo = graph.edgeTo[level]
            let edgeOption = graph.edgeOption[level]
            let edgeWeekend = graph.edgeWeekend[level]
            let most = graph.mostUnitsToGo[level + 1]
            let fewest = graph.fewestUnitsToGo[level + 1]
            let completion = toGo[level + 1]
            let shiftCost = costs.shift[level]
            let unitsToday = rules.units[level]
            let slotToday = rules.slot[level]
            for from in previous.state.indices where previous.alive[from] {
                // A day of the exact search can grow large: its budget and the deadline are checked within it.
                if from & 1023 == 1023 {
                    if beam == nil && made + current.state.count > labelBudget { return ([], false) }
                    if SearchStop.reached(deadline) { return ([], false) }
                }
                let baseCost = previous.cost[from]
                let baseUnits = previous.units[from]
                let baseWeekends = previous.weekends[from]
                let baseKey = previous.key[from]
                // The label's counts, copied once: an edge that adds a limited shift adds one to its
                // slot, taken off again before the next edge.
                for s in 0..<slots { counts[s] = previous.counts[from * slots + s] }
                var added = -1
                // The counts' stray from the pace, for the narrowed search: an edge changes one count.
                let limited = beam == nil ? 0 : onPace.limited(counts)
                for edge in graph.edges(level: level, state: Int(previous.state[from])) {
                    if added >= 0 {
                        counts[added] -= 1
                        added = -1
                    }
                    let target = Int(edgeTo[edge])
                    let option = Int(edgeOption[edge])
                    var cost = baseCost
                    var units = baseUnits
                    var weekends = baseWeekends
                    var key = baseKey
                    var priced = 0.0
                    if option >= 0 {
                        cost += shiftCost[option]
                        let hours = unitsToday[option]
                        units += hours
                        priced += hourPrice * Double(hours) / unitsPerHour
                        let slot = slotToday[option]
                        if slot >= 0 {
                            if Int(counts[slot]) + 1 > rules.slotLimits[slot] { continue }
                            counts[slot] += 1
                            added = slot
                            key &+= slotKeys[slot]
                            priced += prices.slots[slot]
                        }
                        if edgeWeekend[edge] {
                            weekends += 1
                            if let limit = rules.maxWeekends, Int(weekends) > limit { continue }
                            priced += prices.weekends
                            cost += costs.weekend
                        }
                    } else {
                        cost += costs.dayOff[level]
                    }
                    if units + most[target] < rules.minUnits || units + fewest[target] > rules.maxUnits { continue }
                    if let mostByWeekends, let limit = rules.maxWeekends {
                        let reachable = mostByWeekends[level + 1][target * (limit + 1) + limit - Int(weekends)]
                        if reachable == Int64.min || units + reachable < rules.minUnits { continue }
                    }
                    // Bound: cost so far, resources priced so far and the cheapest priced completion.
                    let lower =
                        previous.bound[from] - toGo[level][Int(previous.state[from])] + (cost - baseCost) + priced
                        + completion[target]
                    if lower >= bound - 1e-9 { continue }
                    // The narrowed search only merges labels equal in state and resources (keeping the
                    // cheaper); the exact search drops every dominated label.
                    let list = beam == nil ? lists[target] : []
                    var insertAt = list.count
                    var dominated = false
                    var signature: UInt64 = 0
                    var rank = 0.0
                    if beam != nil {
                        // A multiplicative mix rather than `Hasher`: hashing every label of the narrowed search
                        // took a quarter of a long horizon's first roster, and labels of equal signature are
                        // compared in full (`same`), so a collision costs only a comparison. The counts enter
                        // by their key, kept from day to day, rather than one by one (a case can limit 30
                        // shifts or more).
                        var mix = UInt64(truncatingIfNeeded: target) &+ 1
                        mix = (mix ^ UInt64(bitPattern: units)) &* Self.mixer
                        mix = (mix ^ UInt64(truncatingIfNeeded: weekends)) &* Self.mixer
                        signature = (mix ^ key) &* Self.mixer
                        var twin = twins.latest(signature)
                        while twin >= 0
                            && !same(
                                current, Int(twin), target: target, units: units, weekends: weekends, counts: counts,
                                slots: slots)
                        {
                            twin = current.sameSignature[Int(twin)]
                        }
                        if twin >= 0 {
                            let other = Int(twin)
                            if current.cost[other] <= cost + 1e-9 { continue }
                            if current.alive[other] {
                                current.alive[other] = false
                                current.aliveCount -= 1
                            }
                        }
                        var stray = limited
                        if added >= 0 {
                            stray += onPace.ahead(added, counts[added]) - onPace.ahead(added, counts[added] - 1)
                        }
                        rank = lower + pace.weight * onPace.behind(units, weekends, limited: stray)
                        if rank >= cutoff {
                            complete = false
                            continue
                        }
                    } else {
                        for (position, index) in list.enumerated() {
                            let other = Int(index)
                            if current.cost[other] > cost + 1e-9 {
                                insertAt = position
                                break
                            }
                            if dominates(
                                current, other, cost: cost, units: units, weekends: weekends, counts: counts,
                                slots: slots, overtimePerUnit: overtimePerUnit, most: most[target])
                            {
                                dominated = true
                                break
                            }
                        }
                    }
                    if dominated { continue }
                    let index = Int32(current.cost.count)
                    current.state.append(Int32(target))
                    current.cost.append(cost)
                    current.bound.append(lower)
                    current.units.append(units)
                    current.weekends.append(weekends)
                    current.counts.append(contentsOf: counts[..<slots])
                    current.key.append(key)
                    current.parent.append(Int32(from))
                    current.option.append(Int16(option))
                    current.alive.append(true)
                    current.aliveCount += 1
                    if let beam {
                        current.sameSignature.append(twins.latest(signature))
                        twins.set(signature, index)
                        current.rank.append(rank)
                        live.append(index)
                        // Thinned as the day goes, so that most labels that cannot make the beam are
                        // never stored.
                        if current.aliveCount >= thinAt * beam {
                            cutoff = Self.narrow(&current, &live, to: beam)
                            complete = false
                        }
                        continue
                    }
                    var kept = Array(list[..<insertAt])
                    kept.append(index)
                    for other in list[insertAt...] {
                        if dominatedBy(
                            current, Int(index), Int(other), slots: slots, overtimePerUnit: overtimePerUnit,
                            most: most[target])
                        {
                            current.alive[Int(other)] = false
                            current.aliveCount -= 1
                        } else {
                            kept.append(other)
                        }
                    }
                    lists[target] = kept
                }
            }
            made += current.state.count
            if beam == nil && made > labelBudget { return ([], false) }
            if SearchStop.reached(deadline) { return ([], false) }
            if let beam, current.aliveCount > beam {
                complete = false
                _ = Self.narrow(&current, &live, to: beam)
            }
            history.append(previous)
            previous = current.compacted(slots: slots)
            if current.aliveCount == 0 { return ([], complete) }
        }
        history.append(previous)
        var ends: [(index: Int, total: Double)] = []
        for index in previous.state.indices where previous.alive[index] {
            let overtime = overtimePerUnit * max(0, Double(previous.units[index]) - costs.overtimeFrom * unitsPerHour)
            let total = previous.cost[index] + overtime
            if total < bound - 1e-9 { ends.append((index, total)) }
        }
        ends.sort { ($0.total, $0.index) < ($1.total, $1.index) }
        let found = ends.prefix(keep).map { end in
            var choice = [Int?](repeating: nil, count: days)
            var index = end.index
            for level in stride(from: days - 1, through: 0, by: -1) {
                let labels = history[level + 1]
                let option = Int(labels.option[index])
                choice[level] = option >= 0 ? option : nil
                index = Int(labels.parent[index])
            }
            return PersonSchedule(choice: choice, cost: end.total)
        }
        return (found, complete)
    }

    /// The latest label of each signature in one day of the narrowed search, by open addressing.
    /// Written here rather than taken from `Dictionary`: that hashed each signature (already a hash)
    /// again with SipHash, and its lookups were a sixth of a long horizon's first roster; a table
    /// kept across days is also cleared in constant time (by a new generation).
    private struct SignatureTable {
        private struct Entry {
            var signature: UInt64 = 0
            var label: Int32 = -1
            var generation: Int32 = 0
        }
        private var entries: [Entry]
        /// 64 less the bits of a slot: a slot is a signature's top bits, after one more mix.
        private var shift: UInt64
        private var generation: Int32 = 1
        private var count = 0

        init(capacity: Int) {
            var bits: UInt64 = 4
            while 1 << bits < 2 * capacity { bits += 1 }
            shift = 64 - bits
            entries = Array(repeating: Entry(), count: 1 << bits)
        }

        /// Forgets every signature.
        mutating func clear() {
            generation += 1
            count = 0
        }

        /// The slot of `signature`: where it is, or the empty slot where it would go.
        private func slot(_ signature: UInt64) -> Int {
            let mask = entries.count - 1
            var slot = Int(truncatingIfNeeded: (signature &* ScheduleLabelling.mixer) >> shift)
            while entries[slot].generation == generation && entries[slot].signature != signature {
                slot = (slot + 1) & mask
            }
            return slot
        }

        /// The latest label of `signature`, or -1.
        func latest(_ signature: UInt64) -> Int32 {
            let entry = entries[slot(signature)]
            return entry.generation == generation ? entry.label : -1
        }

        mutating func set(_ signature: UInt64, _ label: Int32) {
            if 2 * (count + 1) > entries.count { grow() }
            let slot = slot(signature)
            if entries[slot].generation != generation { count += 1 }
            entries[slot] = Entry(signature: signature, label: label, generation: generation)
        }

        /// Twice the slots, the current signatures kept.
        private mutating func grow() {
            var larger = SignatureTable(capacity: entries.count)
            for entry in entries where entry.generation == generation { larger.set(entry.signature, entry.label) }
            self = larger
        }
    }

    /// How far a label strays from an even pace through the horizon: paid hours away from the
    /// middle of the minimum and maximum spread over the days that can be worked so far (when both
    /// are set; beyond the one that is set otherwise), and limited shifts and weekends used ahead of
    /// their share. The narrowed search prefers labels on pace, so that it reaches the end of a long
    /// horizon with every limit kept.
    private struct Pace {
        var share: [Double]
        var low: Double?, high: Double?
        var weight: Double

        /// The pace at the end of day `level`: what `behind` compares a label with.
        func level(_ level: Int, _ rules: ScheduleRules) -> LevelPace {
            let share = self.share[level]
            return LevelPace(
                share: share, low: low, high: high,
                slots: rules.slotLimits.map { Double($0) * share },
                weekends: rules.maxWeekends.map { Double($0) * share })
        }
    }

    /// ``Pace`` at one day, its limits' shares worked out once for the day's labels.
    private struct LevelPace {
        var share: Double
        var low: Double?, high: Double?
        /// Each limited shift's limit times the share of the horizon done.
        var slots: [Double]
        var weekends: Double?

        /// How far `count` of limited shift `slot` is ahead of its share.
        @inline(__always)
        func ahead(_ slot: Int, _ count: UInt16) -> Double { 8 * max(0, Double(count) - slots[slot]) }

        /// What the limited shifts' `counts` add to ``behind(_:_:limited:)``.
        func limited(_ counts: [UInt16]) -> Double {
            var stray = 0.0
            for slot in slots.indices { stray += ahead(slot, counts[slot]) }
            return stray
        }

        /// A label's stray, `limited` being ``limited(_:)`` of its counts.
        @inline(__always)
        func behind(_ units: Int64, _ weekends: Int32, limited: Double) -> Double {
            let hours = Double(units) / ScheduleRules.unitsPerHour
            var stray = 0.0
            switch (low, high) {
            case (let low?, let high?): stray = abs(hours - (low + high) / 2 * share)
            case (let low?, nil): stray = max(0, low * share - hours)
            case (nil, let high?): stray = max(0, hours - high * share)
            case (nil, nil): break
            }
            stray += limited
            if let most = self.weekends { stray += 8 * max(0, Double(weekends) - most) }
            return stray
        }
    }

    private var pace: Pace {
        let open = rules.options.map { $0.isEmpty ? 0.0 : 1.0 }
        let total = max(1, open.reduce(0, +))
        var done = 0.0
        var share: [Double] = []
        for value in open {
            done += value
            share.append(done / total)
        }
        // The pace counts as much as what an hour's choice typically costs (1 when nothing costs).
        let costs = relaxation.costs.shift.flatMap { $0 }.map(abs)
        let typical = costs.isEmpty ? 0 : costs.reduce(0, +) / Double(costs.count)
        return Pace(
            share: share,
            low: rules.minUnits == .min ? nil : Double(rules.minUnits) / ScheduleRules.unitsPerHour,
            high: rules.maxUnits == .max ? nil : Double(rules.maxUnits) / ScheduleRules.unitsPerHour,
            weight: max(1, typical / 8))
    }

    /// Keeps the `beam` best ranks of the day's labels `live` (those not alive are dropped from it),
    /// ties to the earlier label, and returns the last rank kept. Up to rounding, the same labels are
    /// kept whether this runs once at the end of a day or also on the way: a label dropped on the way
    /// has `beam` better or earlier, and a label that later takes the place of one of them (the same
    /// resources, cheaper) ranks better than it. Rounding does show: twins of equal cost can rank
    /// apart by the order their terms were summed in, and instance 24's quick passes differed with the
    /// day thinned at 3 or 4 times the beam (not at 2). Ranks rounded to a ten-thousandth made every
    /// thinning agree, but broke such ties by the labels' order alone, and instance 23's passes ended
    /// higher at every pass (64,716 after 15, against 61,108): not kept. The last rank is found by
    /// selection, which is cheaper than ordering the labels or their ranks.
    private static func narrow(_ labels: inout Labels, _ live: inout [Int32], to beam: Int) -> Double {
        live.removeAll { !labels.alive[Int($0)] }
        var ranks = live.map { labels.rank[Int($0)] }
        let last = select(beam - 1, in: &ranks)
        var ties = beam - ranks.reduce(0) { $0 + ($1 < last ? 1 : 0) }
        var kept = 0
        for position in live.indices {
            let label = live[position]
            let rank = labels.rank[Int(label)]
            if rank < last || (rank == last && ties > 0) {
                if rank == last { ties -= 1 }
                live[kept] = label
                kept += 1
            } else {
                labels.alive[Int(label)] = false
                labels.aliveCount -= 1
            }
        }
        live.removeLast(live.count - kept)
        return last
    }

    /// A slot's key in a label's ``Labels/key``: the slot's number, mixed (SplitMix64's finaliser).
    fileprivate static func slotKey(_ slot: Int) -> UInt64 {
        var z = (UInt64(slot) &+ 1) &* mixer
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// The `k`th smallest of `values` (counting from 0), which it reorders: Hoare's selection, in
    /// linear time on average. Written here because the standard library has none (`sorted()` took a
    /// tenth of a long horizon's narrowed search); `k` must be an index of `values`.
    static func select(_ k: Int, in values: inout [Double]) -> Double {
        var low = 0
        var high = values.count - 1
        while low < high {
            let pivot = values[(low + high) / 2]
            var i = low
            var j = high
            while i <= j {
                while values[i] < pivot { i += 1 }
                while values[j] > pivot { j -= 1 }
                if i <= j {
                    values.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if k <= j {
                high = j
            } else if k >= i {
                low = i
            } else {
                break
            }
        }
        return values[k]
    }

    /// Whether label `other` is in the same state with the same resources (alive or not: one the beam
    /// dropped on the way still bars a twin that costs no less, as it would have alive).
    @inline(__always)
    private func same(
        _ labels: Labels, _ other: Int, target: Int, units: Int64, weekends: Int32, counts: [UInt16],
        slots: Int
    ) -> Bool {
        guard Int(labels.state[other]) == target, labels.units[other] == units, labels.weekends[other] == weekends
        else { return false }
        for s in 0..<slots where labels.counts[other * slots + s] != counts[s] { return false }
        return true
    }

    /// Whether existing label `other` dominates a new label with these values (same state).
    @inline(__always)
    private func dominates(
        _ labels: Labels, _ other: Int, cost: Double, units: Int64, weekends: Int32,
        counts: [UInt16], slots: Int, overtimePerUnit: Double, most: Int64
    ) -> Bool {
        let otherUnits = labels.units[other]
        let extra = otherUnits > units ? overtimePerUnit * Double(otherUnits - units) : 0
        guard labels.cost[other] + extra <= cost + 1e-9, labels.weekends[other] <= weekends else { return false }
        guard otherUnits >= units || otherUnits >= rules.minUnits else { return false }
        guard otherUnits <= units || otherUnits + most <= rules.maxUnits else { return false }
        for s in 0..<slots where labels.counts[other * slots + s] > counts[s] { return false }
        return true
    }

    /// Whether label `new` dominates label `other` (same state).
    @inline(__always)
    private func dominatedBy(
        _ labels: Labels, _ new: Int, _ other: Int, slots: Int, overtimePerUnit: Double,
        most: Int64
    ) -> Bool {
        let newUnits = labels.units[new]
        let otherUnits = labels.units[other]
        let extra = newUnits > otherUnits ? overtimePerUnit * Double(newUnits - otherUnits) : 0
        guard labels.cost[new] + extra <= labels.cost[other] + 1e-9, labels.weekends[new] <= labels.weekends[other]
        else { return false }
        guard newUnits >= otherUnits || newUnits >= rules.minUnits else { return false }
        guard newUnits <= otherUnits || newUnits + most <= rules.maxUnits else { return false }
        for s in 0..<slots where labels.counts[new * slots + s] > labels.counts[other * slots + s] { return false }
        return true
    }
}
