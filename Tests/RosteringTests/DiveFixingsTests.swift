import Testing

@testable import Rostering

/// An assignments dive's fixings: the nearly whole shares; else each person's likeliest, one for every
/// `fraction` open assignments; and never fewer than the dive's pace needs (`atLeast`).
@Suite struct DiveFixingsTests {
    let off = ColumnGeneration.dayOff

    /// Two people over three days, choices an option (0, 1) or a day off; person 1's last day fixed.
    func shares(certain: Bool) -> [[[Int: Double]]] {
        [
            [[0: certain ? 0.97 : 0.9, off: 1 - (certain ? 0.97 : 0.9)], [0: 0.6, off: 0.4], [0: 0.3, off: 0.7]],
            [[0: 0.5, 1: 0.5], [1: 0.8, off: 0.2], [off: 1]],
        ]
    }
    let fixed = [[Int]](arrayLiteral: Array(repeating: ColumnGeneration.free, count: 3), [-2, -2, 0])

    func fixings(certain: Bool, fraction: Int, atLeast: Int) -> [[Int]] {
        ColumnGeneration.assignmentFixings(
            shares: shares(certain: certain), fixed: fixed, fraction: fraction, atLeast: atLeast
        ).map { [$0.person, $0.day, $0.choice] }
    }

    @Test func theNearlyWholeSharesAreFixedAlone() {
        #expect(fixings(certain: true, fraction: 10, atLeast: 0) == [[0, 0, 0]])
        #expect(fixings(certain: true, fraction: 1, atLeast: 1) == [[0, 0, 0]])
    }

    @Test func withoutThemEachPersonsLikeliestOnePerFractionOfTheOpenAssignments() {
        // Five open assignments: one for every ten is at least one; one for each is one per person.
        #expect(fixings(certain: false, fraction: 10, atLeast: 0) == [[0, 0, 0]])
        #expect(fixings(certain: false, fraction: 1, atLeast: 0) == [[0, 0, 0], [1, 1, 1]])
    }

    @Test func thePaceTakesTheLikeliestOpenAssignmentsSeveralOfAPersons() {
        #expect(fixings(certain: false, fraction: 10, atLeast: 3) == [[0, 0, 0], [1, 1, 1], [0, 2, off]])
        #expect(fixings(certain: true, fraction: 10, atLeast: 2) == [[0, 0, 0], [1, 1, 1]])
        // More than are open: every open one, never the fixed day; a tie goes to the first choice.
        #expect(
            fixings(certain: false, fraction: 10, atLeast: 9)
                == [[0, 0, 0], [1, 1, 1], [0, 2, off], [0, 1, 0], [1, 0, 0]])
    }
}
