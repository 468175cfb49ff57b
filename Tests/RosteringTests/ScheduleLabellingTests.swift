import TestSupport
import Testing
import Workforce

@testable import Rostering

/// The narrowed search: its selection of the last rank it keeps, and its thinning of a day's labels.
struct ScheduleLabellingTests {
    /// Selection finds what sorting would put at each place, with many ties and in any order.
    @Test func selectionAgreesWithSorting() {
        var random = SeededGenerator(seed: 5)
        for size in [1, 2, 3, 10, 101, 1000] {
            for spread in [1, 3, size] {
                let values = (0..<size).map { _ in Double(Int.random(in: 0..<spread, using: &random)) / 4 }
                let sorted = values.sorted()
                for k in Set([0, size / 2, size - 1, Int.random(in: 0..<size, using: &random)]) {
                    var scratch = values
                    #expect(
                        ScheduleLabelling.select(k, in: &scratch) == sorted[k],
                        "size \(size), spread \(spread), place \(k)")
                    #expect(scratch.sorted() == sorted, "selection only reorders")
                }
            }
        }
    }

    /// The narrowed search keeps the same labels whether a day is thinned to the beam only at its end
    /// or also on the way, at twice the beam: the schedules it finds are the same (on these small
    /// cases no ranks of equal worth come apart by rounding).
    @Test(arguments: ScheduleOracleTests.configurations)
    func thinningOnTheWayKeepsTheSameLabels(configuration: ScheduleOracleTests.Configuration) throws {
        let c = try CaseFiles.read(configuration.files)
        let rules = ScheduleRules(Candidates(c), person: 0)
        var random = SeededGenerator(seed: 17)
        var thinned = 0
        var found = false
        for _ in 0..<20 {
            let costs = ScheduleOracleTests.randomCosts(rules, &random)
            let relaxation = ScheduleRelaxation(rules, costs)
            let ascent = relaxation.ascend(
                from: ResourcePrices(slots: rules.slotLimits.count), iterations: 3, target: nil)
            let labelling = ScheduleLabelling(
                relaxation: relaxation, prices: ascent.prices, toGo: ascent.solution.toGo)
            for beam in 1...3 {
                let atEnd = labelling.run(beam: beam, labelBudget: .max, bound: .infinity, keep: 5, thinAt: 1 << 30)
                let onTheWay = labelling.run(beam: beam, labelBudget: .max, bound: .infinity, keep: 5, thinAt: 2)
                #expect(
                    atEnd.found.map(\.choice) == onTheWay.found.map(\.choice) && atEnd.complete == onTheWay.complete,
                    "\(configuration), beam \(beam)")
                if !atEnd.complete { thinned += 1 }
                found = found || !atEnd.found.isEmpty
            }
        }
        #expect(
            thinned > 0 || !found,
            "\(configuration): the beam never dropped a label of a schedule, so nothing was thinned")
    }
}
