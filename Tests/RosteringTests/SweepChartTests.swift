import Foundation
import Testing

@testable import Rostering

@Suite struct SweepChartTests {
    @Test func axesRunInFourRoundSteps() {
        #expect(SweepChart.range([159_265, 173_244], zoom: true) == (155_000, 175_000))
        #expect(SweepChart.range([159_265, 173_244], zoom: false) == (0, 200_000))
        #expect(SweepChart.range([2, 9], zoom: true) == (0, 10))  // below half the largest: from 0
        #expect(SweepChart.range([], zoom: false) == (0, 1))
        #expect(SweepChart.niceCeiling(3_494.75) == 5_000 && SweepChart.niceCeiling(0.21) == 0.25)
    }

    @Test func everyPointIsDrawnAndAGapLeftWhereARunFailed() {
        let points = [
            SweepChart.Point(value: 0, totalCost: 100, unmetHours: 4, agencyHours: 0),
            SweepChart.Point(value: 0.5, totalCost: nil, unmetHours: nil, agencyHours: nil),
            SweepChart.Point(value: 1, totalCost: 90, unmetHours: 0, agencyHours: 2),
        ]
        let svg = SweepChart.svg(points, title: "A & B", axis: "share")
        #expect(svg.components(separatedBy: "<circle").count - 1 == 6)  // two points in each of three panels
        #expect(!svg.contains("<polyline"))  // the failed run in the middle breaks every line
        #expect(svg.contains("A &amp; B") && svg.contains(">50%</text>"))
    }
}
