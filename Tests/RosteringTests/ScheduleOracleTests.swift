import Rostering
import TestSupport
import Testing
import Workforce

/// The schedule oracle against brute force: on tiny horizons every schedule of one person is
/// enumerated and judged by the evaluator; with random costs the oracle must find the same
/// cheapest cost and the same verdict (a schedule exists or not), and its schedule must keep
/// every rule.
@Suite struct ScheduleOracleTests {
    /// A case and the schedule rules it exercises (each must both allow and forbid some schedule).
    struct Configuration: Sendable, CustomStringConvertible {
        var label: String
        var rules: Set<RuleID>
        var files: [String: String]
        var description: String { label }
    }

    static let onlyEarly = "staff_id,shift_id,max_count\nann,L,0\nann,N,0\n"

    static let configurations: [Configuration] = [
        Configuration(
            label: "rest across midnight", rules: [.rest, .oneShiftPerDate], files: CaseFiles.single(days: 5)),
        Configuration(
            label: "rest with travel", rules: [.rest, .locality],
            files: CaseFiles.single(
                days: 4, staff: "staff_id,home_locality,localities\nann,home,home;away\n",
                extra: [
                    "localities.csv": "locality_id\nhome\naway\nfar\n",
                    "travel.csv": "from_locality,to_locality,minutes\nhome,away,150\nhome,far,200\n",
                    "settings.csv": "key,value\nmin_rest_hours,8\n",
                ])),
        Configuration(
            label: "long rest reaches two days", rules: [.rest],
            files: CaseFiles.single(
                days: 5,
                extra: [
                    "settings.csv": "key,value\nmin_rest_hours,30\n"
                ])),
        Configuration(
            label: "max consecutive days", rules: [.maxConsecutiveDays],
            files: CaseFiles.single(
                days: 7, staff: "staff_id,home_locality,max_consecutive_days\nann,home,2\n",
                extra: ["staff_shift_limits.csv": onlyEarly])),
        Configuration(
            label: "min consecutive days", rules: [.minConsecutiveDays],
            files: CaseFiles.single(
                days: 7, staff: "staff_id,home_locality,min_consecutive_days\nann,home,3\n",
                extra: ["staff_shift_limits.csv": onlyEarly])),
        Configuration(
            label: "min days off", rules: [.minConsecutiveDaysOff],
            files: CaseFiles.single(
                days: 7, staff: "staff_id,home_locality,min_consecutive_days_off\nann,home,2\n",
                extra: ["staff_shift_limits.csv": onlyEarly])),
        Configuration(
            label: "weekends cut by the horizon", rules: [.maxWeekends],
            files: CaseFiles.single(
                days: 5, staff: "staff_id,home_locality,max_weekends\nann,home,1\n",
                extra: [
                    "settings.csv": "key,value\nhorizon_start,2025-03-08\nhorizon_end,2025-03-16\n",
                    "staff_shift_limits.csv": onlyEarly,
                    "demand.csv": "date,shift_id,locality_id,competency_id\n2025-03-08,E,home,care\n",
                ])),
        Configuration(
            label: "forbidden sequence and shift limit", rules: [.forbiddenSequence, .shiftLimit],
            files: CaseFiles.single(
                days: 5,
                extra: [
                    "forbidden_sequences.csv": "from_shift,to_shift\nL,L\nE,N\n",
                    "staff_shift_limits.csv": "staff_id,shift_id,max_count\nann,E,2\nann,N,1\n",
                    "settings.csv": "key,value\nmin_rest_hours,0\n",
                ])),
        Configuration(
            label: "minimum and maximum hours", rules: [.minHours, .maxHours],
            files: CaseFiles.single(
                days: 5, staff: "staff_id,home_locality,min_hours,max_hours\nann,home,30,40\n",
                extra: ["settings.csv": "key,value\nmin_rest_hours,0\n"])),
        Configuration(
            label: "pins and leave", rules: [.pinned, .unavailable],
            files: CaseFiles.single(
                days: 6,
                extra: [
                    "pinned.csv": "staff_id,date,shift_id,locality_id\nann,2025-03-04,L,\nann,2025-03-06,,\n",
                    "availability.csv":
                        "staff_id,date,shift_id,kind\nann,2025-03-05,N,unavailable\nann,2025-03-07,,unavailable\n",
                ])),
        Configuration(
            label: "everything at once",
            rules: [
                .minConsecutiveDays, .minConsecutiveDaysOff, .maxConsecutiveDays,
                .maxWeekends, .minHours, .maxHours, .shiftLimit,
            ],
            files: CaseFiles.single(
                days: 1,
                staff: """
                    staff_id,home_locality,min_hours,max_hours,max_consecutive_days,min_consecutive_days,\
                    min_consecutive_days_off,max_weekends
                    ann,home,20,30,3,2,2,1

                    """,
                extra: [
                    "staff_shift_limits.csv": "staff_id,shift_id,max_count\nann,N,0\nann,L,2\n",
                    "settings.csv": "key,value\nmin_rest_hours,0\nhorizon_start,2025-03-08\nhorizon_end,2025-03-16\n",
                    "demand.csv": "date,shift_id,locality_id,competency_id\n2025-03-08,E,home,care\n",
                ])),
        Configuration(
            label: "a person with no schedule", rules: [.minHours, .unavailable],
            files: CaseFiles.single(
                days: 4, staff: "staff_id,home_locality,min_hours\nann,home,48\n",
                extra: [
                    "availability.csv": "staff_id,date,shift_id,kind\nann,2025-03-03,,unavailable\n"
                ])),
    ]

    /// Every schedule of person 0, each with whether the evaluator finds it keeps every hard rule.
    static func allSchedules(_ c: Case, _ rules: ScheduleRules) -> [(choice: [Int?], valid: Bool)] {
        let candidates = Candidates(c)
        let evaluator = Evaluator(c)
        var schedules: [[Int?]] = [[]]
        for options in rules.options {
            schedules = schedules.flatMap { prefix in [prefix + [nil]] + options.indices.map { prefix + [$0] } }
        }
        return schedules.map { choice in
            let rows = choice.enumerated().compactMap { d, option in
                option.map { candidates.assignment(candidates.all[rules.options[d][$0]]) }
            }
            let violations = evaluator.evaluate(Roster(assignments: rows)).violations.filter { $0.rule.kind == .hard }
            return (choice, violations.isEmpty)
        }
    }

    static func randomCosts(_ rules: ScheduleRules, _ random: inout SeededGenerator) -> ScheduleCosts {
        ScheduleCosts(
            shift: rules.options.map { $0.map { _ in Double(Int.random(in: -20...20, using: &random)) } },
            dayOff: rules.options.map { _ in Double(Int.random(in: -5...5, using: &random)) },
            overtimeFrom: Double(Int.random(in: 0...30, using: &random)),
            overtimeRate: Bool.random(using: &random) ? 0 : Double(Int.random(in: 1...4, using: &random)))
    }

    @Test(arguments: configurations)
    func oracleAgreesWithBruteForce(configuration: Configuration) throws {
        let c = try CaseFiles.read(configuration.files)
        let rules = ScheduleRules(Candidates(c), person: 0)
        let oracle = ScheduleOracle(rules)
        let schedules = Self.allSchedules(c, rules)
        let valid = schedules.filter(\.valid)
        #expect(schedules.count >= 30, "too few schedules to be a test")
        var random = SeededGenerator(seed: 7)
        for _ in 0..<25 {
            let costs = Self.randomCosts(rules, &random)
            let result = oracle.cheapest(costs)
            guard let cheapest = valid.map({ oracle.cost(of: $0.choice, costs) }).min() else {
                guard case .infeasible = result else {
                    Issue.record("\(configuration): no schedule keeps the rules, but the oracle says \(result)")
                    return
                }
                continue
            }
            guard case .optimal(let found) = result else {
                Issue.record("\(configuration): expected the optimum \(cheapest), got \(result)")
                return
            }
            #expect(abs(found.cost - cheapest) < 1e-6, "\(configuration)")
            #expect(abs(oracle.cost(of: found.choice, costs) - found.cost) < 1e-6)
            #expect(
                valid.contains { $0.choice == found.choice }, "\(configuration): the oracle's schedule breaks a rule")
        }
    }

    /// With tiny limits, or a deadline already passed, the oracle stops early: whatever it returns
    /// still keeps every rule, and it never claims a proof it does not have.
    @Test(arguments: configurations)
    func narrowedSearchNeverBreaksARule(configuration: Configuration) throws {
        let c = try CaseFiles.read(configuration.files)
        let rules = ScheduleRules(Candidates(c), person: 0)
        let oracle = ScheduleOracle(rules, labelBudget: 1, beamWidth: 2, priceSteps: 3)
        let schedules = Self.allSchedules(c, rules)
        var random = SeededGenerator(seed: 11)
        for _ in 0..<10 {
            let costs = Self.randomCosts(rules, &random)
            let cheapest = schedules.filter(\.valid).map { oracle.cost(of: $0.choice, costs) }.min() ?? .infinity
            for result in [oracle.cheapest(costs), ScheduleOracle(rules).cheapest(costs, deadline: .now)] {
                #expect(
                    result.bound <= cheapest + 1e-6,
                    "\(configuration): the bound \(result.bound) is above the optimum \(cheapest)")
                switch result {
                case .optimal(let found), .feasible(let found, _):
                    #expect(schedules.contains { $0.choice == found.choice && $0.valid }, "\(configuration)")
                case .infeasible: #expect(!schedules.contains { $0.valid }, "\(configuration)")
                case .unknown: break
                }
            }
        }
    }

    /// Each rule the oracle keeps matters: dropping it admits a schedule the evaluator rejects.
    @Test(arguments: configurations)
    func eachExercisedRuleBindsHere(configuration: Configuration) throws {
        let c = try CaseFiles.read(configuration.files)
        let candidates = Candidates(c)
        let schedules = Self.allSchedules(c, ScheduleRules(candidates, person: 0))
        #expect(schedules.contains { !$0.valid }, "\(configuration): nothing is forbidden")
        for rule in configuration.rules where rule.enforcement == .rows && rule != .oneShiftPerDate && rule != .pinned {
            var kept = Set(RuleID.scheduleRules)
            kept.remove(rule)
            let loose = ScheduleRules(candidates, person: 0, rules: kept)
            var random = SeededGenerator(seed: 3)
            var admitsInvalid = false
            for _ in 0..<40 where !admitsInvalid {
                if let found = ScheduleOracle(loose).cheapest(Self.randomCosts(loose, &random)).schedule {
                    admitsInvalid = !schedules.contains { $0.choice == found.choice && $0.valid }
                }
            }
            #expect(admitsInvalid, "\(configuration): without \(rule) the oracle should find a schedule breaking it")
        }
    }

    /// Every schedule rule of the catalogue is exercised by some configuration above.
    @Test func everyScheduleRuleIsExercised() {
        let exercised = Set(Self.configurations.flatMap(\.rules))
        for rule in RuleID.scheduleRules { #expect(exercised.contains(rule), "no oracle test exercises \(rule)") }
    }
}
