import TestSupport
import Testing
import Workforce

@testable import Rostering

/// The Lagrangian relaxation of one person's schedule, against brute force on tiny horizons.
struct ScheduleRelaxationTests {
    /// Overtime pay is counted in the relaxation by a price its ascent moves (``ScheduleRelaxation``):
    /// where overtime starts half way to the most hours a schedule works, and every shift is worth
    /// working but for overtime, the relaxation's bound stays at most the brute-force optimum and is
    /// above the bound of the relaxation that leaves overtime out (as it did where overtime was not
    /// linear over every schedule).
    @Test(arguments: ScheduleOracleTests.configurations)
    func overtimePricedInTheRelaxationRaisesItsBound(configuration: ScheduleOracleTests.Configuration) throws {
        let c = try CaseFiles.read(configuration.files)
        let rules = ScheduleRules(Candidates(c), person: 0)
        let valid = ScheduleOracleTests.allSchedules(c, rules).filter(\.valid)
        func hours(_ choice: [Int?]) -> Double {
            choice.enumerated().reduce(0) { total, day in
                total + (day.element.map { Double(rules.units[day.offset][$0]) / ScheduleRules.unitsPerHour } ?? 0)
            }
        }
        // A configuration whose person has no schedule, or works none, has nothing to bound.
        guard let most = valid.map({ hours($0.choice) }).max(), most > 0 else { return }
        let shift = rules.options.map { $0.map { _ in -10.0 } }
        let dayOff = rules.options.map { _ in 0.0 }
        let costs = ScheduleCosts(shift: shift, dayOff: dayOff, overtimeFrom: most / 2, overtimeRate: 100)
        let oracle = ScheduleOracle(rules)
        let cheapest = try #require(valid.map { oracle.cost(of: $0.choice, costs) }.min())
        func bound(_ costs: ScheduleCosts, moving: Bool) -> Double {
            let relaxation = ScheduleRelaxation(rules, costs)
            return relaxation.ascend(
                from: relaxation.startingPrices, iterations: 40, target: nil, movingOvertime: moving
            )
            .solution.bound
        }
        let priced = bound(costs, moving: true)
        let fixed = bound(costs, moving: false)
        let leftOut = bound(ScheduleCosts(shift: shift, dayOff: dayOff), moving: true)
        #expect(priced <= cheapest + 1e-6, "\(configuration): the bound \(priced) is above the optimum \(cheapest)")
        #expect(priced > leftOut + 1, "\(configuration): \(priced) against \(leftOut) with overtime left out")
        // Where some schedule is not in overtime, the price starts at 0, and fixed there it leaves overtime out.
        if ScheduleRelaxation(rules, costs).overtimeMayMove {
            #expect(abs(fixed - leftOut) < 1e-9, "\(configuration)")
        }
    }

    /// The oracle's bound with ``ScheduleOracle/boundsOvertime`` is at least the one without and at most
    /// the brute-force optimum, and its search is the same (the same schedules, the same alternatives),
    /// with random costs and overtime pay, on every configuration; somewhere it is higher.
    @Test func boundingOvertimeRaisesTheOraclesBoundAndLeavesItsSearch() throws {
        var raised = 0
        for configuration in ScheduleOracleTests.configurations {
            let c = try CaseFiles.read(configuration.files)
            let rules = ScheduleRules(Candidates(c), person: 0)
            let valid = ScheduleOracleTests.allSchedules(c, rules).filter(\.valid)
            var random = SeededGenerator(seed: 23)
            let plain = ScheduleOracle(rules, labelBudget: 1, beamWidth: 2, priceSteps: 3)
            var bounding = plain
            bounding.boundsOvertime = true
            for _ in 0..<25 {
                let costs = ScheduleOracleTests.randomCosts(rules, &random)
                let cheapest = valid.map { plain.cost(of: $0.choice, costs) }.min() ?? .infinity
                let without = plain.cheapest(costs, incumbent: nil, effort: .quick, alternatives: 2)
                let with = bounding.cheapest(costs, incumbent: nil, effort: .quick, alternatives: 2)
                #expect(with.result.schedule == without.result.schedule, "\(configuration)")
                #expect(with.alternatives == without.alternatives, "\(configuration)")
                #expect(with.result.bound >= without.result.bound - 1e-9, "\(configuration)")
                #expect(with.result.bound <= cheapest + 1e-6, "\(configuration): \(with.result.bound) > \(cheapest)")
                if with.result.bound > without.result.bound + 1e-6 { raised += 1 }
            }
        }
        #expect(raised > 0, "the moving overtime price never raised a bound")
    }
}
