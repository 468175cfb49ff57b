import GLPKSolver
import LinearModel
import TestSupport
import Testing
import Workforce

@testable import Rostering

/// The rounded cover rows (``DemandCover``) keep every roster and raise the linear relaxation: by
/// hand where the last hours of demand need a whole agency shift or a whole person, and on small
/// random cases with hours and agency, where the compact model's optimum is the same with and
/// without them and column generation's master stays between the relaxation and that optimum.
@Suite struct RoundedCoverTests {
    /// `model` without the rows that `drop` picks.
    static func without(_ model: LinearModel, rows drop: (Row) -> Bool) -> LinearModel {
        LinearModel(
            name: model.name, columns: model.columns, objectiveCoefficients: model.objectiveCoefficients,
            objectiveConstant: model.objectiveConstant, sense: model.sense, rows: model.rows.filter { !drop($0) })
    }

    /// The compact model without its rounded cover rows.
    static func withoutRoundedCover(_ model: LinearModel) -> LinearModel {
        without(model) { $0.name.hasPrefix("cover_rounded") }
    }

    /// `model`'s optimum, with every column continuous when `relaxed`.
    static func optimum(_ model: LinearModel, relaxed: Bool = false) throws -> Double {
        let model = relaxed ? model.linearRelaxation : model
        let result = try GLPKSolver().solve(model)
        #expect(result.status == .optimal, "\(model.name): \(result.status)")
        return result.objective ?? .nan
    }

    /// Nobody can work; 2 hours of demand on an 8-hour shift. A whole agency shift (8 h at 30/h) costs
    /// 240 and 2 unmet hours 2,000: the roster buys the agency shift, and so does the relaxation,
    /// which without the rounded row bought a quarter of one for 60.
    @Test func theLastHoursBuyAWholeAgencyShift() throws {
        let files = CaseFiles.single(
            days: 1, staff: "staff_id,home_locality,competencies,max_hours\nann,home,care,0\n", demandHours: 2,
            extra: ["settings.csv": "key,value\nagency_hourly_cost,30\n"])
        let c = try CaseFiles.read(files)
        let model = Formulation.build(c).model
        #expect(model.rows.filter { $0.name.hasPrefix("cover_rounded") }.count == 1)
        #expect(abs(try Self.optimum(model, relaxed: true) - 240) < 1e-6)
        #expect(abs(try Self.optimum(Self.withoutRoundedCover(model), relaxed: true) - 60) < 1e-6)
        let run = try solve(c)
        #expect(run.status == .optimal)
        #expect(abs((run.evaluation?.objective ?? .nan) - 240) < 1e-6)
        #expect(run.roster?.agency.reduce(0) { $0 + $1.shifts } == 1)
    }

    /// A bank worker (10/h, 8 paid hours a shift) and 2 hours of demand, no agency: she works the whole
    /// shift (80) rather than leave 2 hours unmet (2,000), and the relaxation says so (a quarter of
    /// her shift, 20, without the rounded row). Demand of a whole shift gives no rounded row.
    @Test func theLastHoursBuyAWholeShift() throws {
        let c = try CaseFiles.read(CaseFiles.single(days: 1, demandHours: 2))
        let model = Formulation.build(c).model
        #expect(abs(try Self.optimum(model, relaxed: true) - 80) < 1e-6)
        #expect(abs(try Self.optimum(Self.withoutRoundedCover(model), relaxed: true) - 20) < 1e-6)
        let run = try solve(c)
        #expect(abs((run.evaluation?.objective ?? .nan) - 80) < 1e-6)
        #expect(run.roster?.assignments.count == 1)

        let whole = Formulation.build(try CaseFiles.read(CaseFiles.single(days: 1, demandHours: 8))).model
        #expect(!whole.rows.contains { $0.name.hasPrefix("cover_rounded") })
    }

    /// A generic worker (care and meds, 10/h, 8 paid hours) and 3 hours of each at one place: one shift
    /// covers both (80). Each key's rounded row counts her split care as it is, and leaves the
    /// relaxation at six eighths of her shift (60); the place's row (6 hours, all of them within one
    /// shift) counts the shift whole.
    @Test func aGenericWorkersSplitCountsWholeAtHerPlace() throws {
        let c = try CaseFiles.read(CaseFiles.genericWorker(hoursEach: 3))
        let model = Formulation.build(c).model
        let rounded = model.rows.map(\.name).filter { $0.hasPrefix("cover_rounded") }
        #expect(rounded.count == 3 && rounded.contains("cover_rounded[2025-03-03,E,home]"), "\(rounded)")
        #expect(abs(try Self.optimum(model, relaxed: true) - 80) < 1e-6)
        let keysAlone = Self.without(model) { $0.name == "cover_rounded[2025-03-03,E,home]" }
        #expect(abs(try Self.optimum(keysAlone, relaxed: true) - 60) < 1e-6)
        #expect(abs(try Self.optimum(Self.withoutRoundedCover(model), relaxed: true) - 60) < 1e-6)
        let run = try solve(c)
        #expect(abs((run.evaluation?.objective ?? .nan) - 80) < 1e-6)
    }

    /// Small random cases with demand hours and agency: the compact model has the same optimum with
    /// and without its rounded cover rows (they keep out no roster that matters), its relaxation is no
    /// lower with them and higher in some; column generation's master settles between the
    /// relaxation with them and the optimum, and its bound is no higher than the optimum.
    @Test func roundedCoverKeepsTheOptimumAndRaisesTheRelaxation() throws {
        var (tested, raised) = (0, 0)
        for seed in UInt64(1)...200 where tested < 25 {
            let c = try CaseFiles.read(
                RandomCase.files(seed: seed, hours: true, agency: true, staff: 2...3, days: 3...5))
            let model = Formulation.build(c).model
            guard model.rows.contains(where: { $0.name.hasPrefix("cover_rounded") }) else { continue }
            let without = Self.withoutRoundedCover(model)
            let solved = try GLPKSolver().solve(model)
            guard solved.status == .optimal, let optimum = solved.objective else { continue }
            tested += 1
            let other = try Self.optimum(without)
            #expect(abs(optimum - other) <= 1e-6 * max(1, abs(optimum)), "seed \(seed): \(optimum) and \(other)")
            let relaxation = try Self.optimum(model, relaxed: true)
            let weaker = try Self.optimum(without, relaxed: true)
            #expect(relaxation >= weaker - 1e-6, "seed \(seed): relaxation \(relaxation) below \(weaker)")
            if relaxation > weaker + 1e-6 { raised += 1 }

            let index = CaseIndex(Candidates(c))
            let people = FirstRoster(index)
            guard case .roster(let first) = people.build(deadline: nil) else { continue }
            let generation = try ColumnGeneration(
                index, rules: people.rules, first: first, solver: GLPKSolver(), threads: 1)
            try generation.settle(deadline: nil)
            let value = try #require(generation.value, "seed \(seed): no master value")
            let tolerance = 1e-6 * max(1, abs(optimum))
            #expect(
                value >= relaxation - tolerance && value <= optimum + tolerance,
                "seed \(seed): master \(value), relaxation \(relaxation), optimum \(optimum)")
            #expect(generation.bound <= optimum + tolerance, "seed \(seed): bound \(generation.bound)")
        }
        #expect(tested >= 20, "only \(tested) cases with a rounded cover row")
        #expect(raised >= 5, "the rounded rows raised only \(raised) of \(tested) relaxations")
    }
}
