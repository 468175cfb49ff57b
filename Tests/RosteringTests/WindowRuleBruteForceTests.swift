import GLPKSolver
import LinearModel
import Rostering
import TestSupport
import Testing
import Workforce

/// Window rules checked against brute force: on tiny horizons, every roster of one person is
/// enumerated, and the model must accept exactly the rosters the evaluator finds no hard
/// violation in (an off-by-one in a sliding window shows up as a disagreement).
@Suite struct WindowRuleBruteForceTests {
    static let configurations: [(String, [String: String])] = [
        ("rest across midnight", CaseFiles.single(days: 4)),
        (
            "rest with travel",
            CaseFiles.single(
                days: 3, staff: "staff_id,home_locality,localities\nann,home,home;away\n",
                extra: [
                    "localities.csv": "locality_id\nhome\naway\n",
                    "travel.csv": "from_locality,to_locality,minutes\nhome,away,150\n",
                    "settings.csv": "key,value\nmin_rest_hours,8\n",
                ])
        ),
        (
            "max consecutive days",
            CaseFiles.single(
                days: 6, staff: "staff_id,home_locality,max_consecutive_days\nann,home,2\n",
                extra: ["staff_shift_limits.csv": "staff_id,shift_id,max_count\nann,L,0\nann,N,0\n"])
        ),
        (
            "min consecutive days",
            CaseFiles.single(
                days: 6, staff: "staff_id,home_locality,min_consecutive_days\nann,home,3\n",
                extra: ["staff_shift_limits.csv": "staff_id,shift_id,max_count\nann,L,0\nann,N,0\n"])
        ),
        (
            "min days off",
            CaseFiles.single(
                days: 6, staff: "staff_id,home_locality,min_consecutive_days_off\nann,home,2\n",
                extra: ["staff_shift_limits.csv": "staff_id,shift_id,max_count\nann,L,0\nann,N,0\n"])
        ),
        (
            "weekends (horizon cuts a weekend)",
            CaseFiles.single(
                days: 5, staff: "staff_id,home_locality,max_weekends\nann,home,1\n",
                extra: [
                    "settings.csv": "key,value\nhorizon_start,2025-03-08\nhorizon_end,2025-03-16\n",
                    "staff_shift_limits.csv": "staff_id,shift_id,max_count\nann,L,0\nann,N,0\n",
                    "demand.csv": "date,shift_id,locality_id,competency_id\n2025-03-08,E,home,care\n",
                ])
        ),
        (
            "forbidden sequence and shift limit",
            CaseFiles.single(
                days: 4,
                extra: [
                    "forbidden_sequences.csv": "from_shift,to_shift\nL,L\n",
                    "staff_shift_limits.csv": "staff_id,shift_id,max_count\nann,E,2\n",
                    "settings.csv": "key,value\nmin_rest_hours,0\n",
                ])
        ),
        (
            "minimum and maximum hours",
            CaseFiles.single(
                days: 4, staff: "staff_id,home_locality,min_hours,max_hours\nann,home,20,40\n",
                extra: ["settings.csv": "key,value\nmin_rest_hours,0\n"])
        ),
    ]

    @Test(arguments: 0..<configurations.count)
    func modelAcceptsExactlyTheRostersTheEvaluatorAccepts(index: Int) throws {
        let (label, files) = Self.configurations[index]
        let c = try CaseFiles.read(files)
        let built = Formulation.build(c)
        let evaluator = Evaluator(c)
        let rosters = allRosters(built)
        #expect(rosters.count > 20, "\(label): too few rosters to be a test")
        var accepted = 0
        for roster in rosters {
            let violations = evaluator.evaluate(Roster(assignments: assignments(built, roster))).violations
            let accepts = try modelAccepts(built, roster)
            #expect(
                accepts == violations.isEmpty,
                "\(label): \(assignments(built, roster).map { "\($0.day) \($0.shiftID)@\($0.localityID)" }.sorted()) \(violations)"
            )
            if accepts { accepted += 1 }
        }
        #expect(accepted > 0 && accepted < rosters.count, "\(label): the rule must both allow and forbid")
    }
}
