import GLPKSolver
import LinearModel
import Rostering
import TestSupport
import Testing
import Workforce

/// Each soft rule and cost alone on a hand-built case: the optimum is known by hand, and the
/// evaluator's objective equals the solver's.
@Suite struct SoftRuleTests {
    private func optimum(_ files: [String: String]) throws -> (CaseRun, Evaluation) {
        let c = try CaseFiles.read(files)
        let run = try solve(c)
        #expect(run.status == .optimal)
        let evaluation = try #require(run.evaluation)
        #expect(evaluation.violations.isEmpty)
        let built = Formulation.build(c)
        let direct = try GLPKSolver().solve(built.model)
        #expect(
            abs((direct.objective ?? .nan) - evaluation.objective) <= 1e-6 * max(1, abs(evaluation.objective)),
            "solver and evaluator disagree")
        return (run, evaluation)
    }

    @Test func unmetHoursCostThePenalty() throws {
        let files = CaseFiles.single(
            days: 2, staff: "staff_id,home_locality,competencies,max_hours\nann,home,care,0\n", demandHours: 7.5)
        let (_, e) = try optimum(files)
        #expect(e.unmetHours == 15)
        #expect(e.penalties.unmetHours == 15 * 1000)
    }

    @Test func workingIsCheaperThanUnmetHours() throws {
        let (run, e) = try optimum(CaseFiles.single(days: 2, demandHours: 7.5))
        #expect(run.roster?.assignments.count == 2)
        #expect(e.unmetHours == 0)
        #expect(abs(e.pay - 2 * 8 * 10) < 1e-9)  // bank staff: 8 paid hours a shift at 10/h, multiplier 1
    }

    @Test func headsShortOfMinStaffCostUnderWeight() throws {
        var files = CaseFiles.single(days: 1, staff: "staff_id,home_locality,hourly_cost\nann,home,10\nbob,home,10\n")
        files["demand.csv"] =
            "date,shift_id,locality_id,competency_id,min_staff,under_weight\n2025-03-03,E,home,care,3,500\n"
        files["staff.csv"] = "staff_id,home_locality,competencies,hourly_cost\nann,home,care,10\nbob,home,care,10\n"
        let (_, e) = try optimum(files)
        #expect(e.penalties.underStaff == 500)  // two people on, one head short
    }

    @Test func headsAboveMaxStaffCostOverWeight() throws {
        var files = CaseFiles.single(days: 1)
        files["staff.csv"] =
            "staff_id,home_locality,competencies,hourly_cost,min_hours,max_hours\nann,home,care,10,56,60\n"
            + "bob,home,care,10,56,60\n"
        files["demand.csv"] =
            "date,shift_id,locality_id,competency_id,max_staff,over_weight\n2025-03-03,E,home,care,1,70\n"
        files["settings.csv"] = "key,value\nhorizon_start,2025-03-03\nhorizon_end,2025-03-03\n"
        files["staff_shift_limits.csv"] = "staff_id,shift_id,max_count\nann,L,0\nann,N,0\nbob,L,0\nbob,N,0\n"
        let (_, e) = try optimum(files)
        #expect(e.penalties.overStaff == 70)  // both must work E (minimum hours), one above max_staff
    }

    @Test func agencyCoversWhenCheaperAndRespectsTheCap() throws {
        var files = CaseFiles.single(
            days: 3, staff: "staff_id,home_locality,competencies,max_hours\nann,home,care,0\n", demandHours: 8)
        files["settings.csv"] = "key,value\nagency_hourly_cost,30\nagency_max_hours,16\n"
        let (run, e) = try optimum(files)
        #expect(e.agencyHours == 16)
        #expect(run.roster?.agency.reduce(0) { $0 + $1.shifts } == 2)
        #expect(e.agencyCost == 16 * 30)
        #expect(e.unmetHours == 8)
    }

    @Test func careTimeSplitsAcrossAGenericWorkersCompetencies() throws {
        let (run, e) = try optimum(CaseFiles.genericWorker(hoursEach: 4))
        #expect(e.unmetHours == 0)
        #expect(run.roster?.care.count == 2)
        let shares = try #require(e.people.first?.sectorHours)
        #expect(shares.count == 2 && shares.allSatisfy { abs($0.hours - 4) < 1e-9 })
    }

    @Test func preferencesCostTheirWeight() throws {
        var files = CaseFiles.single(days: 2, demandHours: 8)
        files["availability.csv"] =
            "staff_id,date,kind,weight\nann,2025-03-03,prefer_off,9000\nann,2025-03-04,prefer_on,7\n"
        let (run, e) = try optimum(files)
        // Breaking prefer_off costs more than unmet hours.
        #expect(run.roster?.assignments.map(\.day.iso) == ["2025-03-04"])
        #expect(e.penalties.preference == 0)
        #expect(e.unmetHours == 8)
    }

    @Test func changesAgainstBaselineCostChangeWeight() throws {
        var files = CaseFiles.single(days: 2)
        files["baseline.csv"] = "staff_id,date,shift_id,locality_id\nann,2025-03-03,L,home\n"
        files["availability.csv"] = "staff_id,date,shift_id,kind\nann,2025-03-03,L,unavailable\n"
        let (run, e) = try optimum(files)
        #expect(run.roster?.assignments.isEmpty == true)
        #expect(e.penalties.change == 50)  // the baseline's L is now impossible: one change
    }

    @Test func overtimeIsPaidAtTheMultiplier() throws {
        var files = CaseFiles.single(
            days: 7,
            staff: "staff_id,home_locality,competencies,contract_hours,hourly_cost,min_hours\nann,home,care,8,10,16\n")
        files["staff_shift_limits.csv"] = "staff_id,shift_id,max_count\nann,L,0\nann,N,0\n"
        let (_, e) = try optimum(files)
        // 8 contracted hours paid (80), 8 more hours at 1.5 x 10 (120).
        #expect(abs(e.pay - 200) < 1e-9)
    }

    @Test func fairnessPricesTheSpreadOfWeekendLoad() throws {
        var files = CaseFiles.single(
            days: 7,
            staff: "staff_id,home_locality,contract_hours,competencies\nann,home,37.5,care\nbob,home,37.5,care\n")
        files["demand.csv"] =
            "date,shift_id,locality_id,competency_id,min_staff\n2025-03-08,E,home,care,1\n2025-03-09,E,home,care,1\n"
        files["settings.csv"] = "key,value\nhorizon_start,2025-03-03\nhorizon_end,2025-03-09\nfairness_weight,100\n"
        let (_, e) = try optimum(files)
        #expect(e.penalties.fairness == 0)  // one works Saturday, the other Sunday
        #expect(e.penalties.underStaff == 0)
    }
}

@Suite struct CaseSolverTests {
    @Test func pinThatBreaksAHardRuleIsAnInputError() throws {
        var files = CaseFiles.single(days: 2)
        files["availability.csv"] = "staff_id,date,kind\nann,2025-03-03,unavailable\n"
        files["pinned.csv"] = "staff_id,date,shift_id,locality_id\nann,2025-03-03,E,home\n"
        let c = try CaseFiles.read(files)
        #expect { try solve(c) } throws: { error in
            let text = "\(error)"
            return text.contains("pinned.csv:2") && text.contains("unavailable")
        }
    }

    @Test func pinsBreakingRestTogetherAreNamed() throws {
        var files = CaseFiles.single(days: 2)
        files["pinned.csv"] = "staff_id,date,shift_id,locality_id\nann,2025-03-03,N,home\nann,2025-03-04,E,home\n"
        #expect { try solve(try CaseFiles.read(files)) } throws: {
            "\($0)".contains("pinned.csv:3") && "\($0)".contains("rest")
        }
    }

    @Test func pinsAreKept() throws {
        var files = CaseFiles.single(days: 3)
        files["pinned.csv"] = "staff_id,date,shift_id,locality_id\nann,2025-03-04,L,\n"
        let run = try solve(try CaseFiles.read(files))
        #expect(run.roster?.assignments.map { "\($0.day) \($0.shiftID)" } == ["2025-03-04 L"])
    }

    @Test func infeasibleCaseIsExplainedWithPersonAndRules() throws {
        var files = CaseFiles.single(days: 7, staff: "staff_id,home_locality,min_hours\nann,home,40\n")
        files["availability.csv"] = (3..<9).map { "ann,2025-03-0\($0),,unavailable" }.joined(separator: "\n")
            .replacingOccurrences(of: "ann,", with: "\nann,").replacingOccurrences(of: "\n\n", with: "\n")
        files["availability.csv"] = "staff_id,date,shift_id,kind" + files["availability.csv"]! + "\n"
        let run = try solve(try CaseFiles.read(files))
        #expect(run.status == .infeasible)
        #expect(run.roster == nil)
        let text = run.explanations.joined(separator: "\n")
        #expect(text.contains("ann"))
        #expect(text.contains("hours"))
        #expect(text.contains("2025-03-03"))
    }
}
