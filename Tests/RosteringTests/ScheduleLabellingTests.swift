import Testing
import Workforce

@testable import Rostering

/// The narrowed search's selection of the last rank it keeps.
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
}
