import Foundation
import TestSupport
import Testing
import Workforce

/// A case with two roles, two localities linked by travel, a sector with a budget and some demand.
private let files: [String: String] = [
    "localities.csv": "locality_id\nkirkwall\nhoy\n",
    "travel.csv": "from_locality,to_locality,minutes,cost\nkirkwall,hoy,60,10\n",
    "sectors.csv": "sector_id,budget\nnhs,1000\ncouncil,2000\n",
    "competencies.csv": "competency_id,sector_id\nnursing,nhs\ncare,council\n",
    "roles.csv":
        "role_id,competencies,hourly_cost,generic\ncarer,care,12,false\ngeneric,care;nursing,15,true\n"
        + "rn,nursing,25,false\n",
    "shifts.csv": "shift_id,start,end\nE,07:00,15:00\n",
    "staff.csv": """
    staff_id,role_id,competencies,employer,home_locality,localities,contract_hours
    c1,carer,,council,kirkwall,,37.5
    c2,carer,nursing,council,hoy,hoy,20
    c3,carer,,council,hoy,,0
    n1,rn,,nhs,kirkwall,,37.5

    """,
    "demand.csv": """
    date,shift_id,locality_id,competency_id,hours,min_staff,max_staff
    2025-03-03,E,kirkwall,care,8,1,2
    2025-03-03,E,hoy,care,8,1,
    2025-03-03,E,kirkwall,nursing,8,1,

    """,
    "pinned.csv": "staff_id,date,shift_id\nc3,2025-03-03,E\n",
]

private func read(_ files: [String: String]) throws -> Case { try CaseFiles.read(files) }

private func scenarios(_ text: String, _ c: Case) throws -> [Scenario] {
    let folder = try CaseFiles.folder(["scenarios.csv": text])
    return try ScenarioReader.read(file: folder.appendingPathComponent("scenarios.csv"), for: c)
}

private func errors(_ text: String, _ c: Case) throws -> [String] {
    let folder = try CaseFiles.folder(["scenarios.csv": text])
    do {
        _ = try ScenarioReader.read(file: folder.appendingPathComponent("scenarios.csv"), for: c)
        return []
    } catch {
        return error.errors.map(\.description)
    }
}

@Suite struct ScenarioReaderTests {
    @Test func everyLeverReads() throws {
        let c = try read(files)
        let read = try scenarios(
            """
            scenario_id,lever,role,to_role,locality,competency,sector,from_locality,to_locality,value,select
            a,convert,carer,generic,kirkwall;hoy,,,,,0.5,random:7
            a,role_cost,generic,,,,,,,16,
            b,demand_growth,,,hoy,care,,,,0.1,
            b,agency_cost,,,,,,,,40,
            b,agency_cap,,,,,,,,unlimited,
            c,sector_budget,,,,,nhs,,,,
            c,add_staff,rn,,hoy,,,,,2,
            c,remove_staff,carer,,,,,,,1,
            c,travel_minutes,,,,,,kirkwall,hoy,45,
            c,ferry_unavailable,,,,,,hoy,kirkwall,,

            """, c)
        #expect(read.map(\.id) == ["a", "b", "c"])
        #expect(
            read[0].levers == [
                .convert(
                    from: "carer", to: "generic", share: 0.5, localities: ["kirkwall", "hoy"],
                    selection: .random(seed: 7)),
                .roleCost(role: "generic", cost: 16),
            ])
        #expect(
            read[1].levers == [
                .demandGrowth(competency: "care", locality: "hoy", growth: 0.1), .agencyCost(40), .agencyCap(nil),
            ])
        #expect(
            read[2].levers == [
                .sectorBudget(sector: "nhs", budget: nil), .addStaff(role: "rn", locality: "hoy", count: 2),
                .removeStaff(role: "carer", locality: nil, count: 1),
                .travelMinutes(from: "kirkwall", to: "hoy", minutes: 45), .linkUnavailable(from: "hoy", to: "kirkwall"),
            ])
    }

    /// (row after the header, fragment of the one error it must give)
    static let malformed: [(String, String)] = [
        ("a,convert,nurse,generic,,,,,,0.3,", "scenarios.csv:2: column C (role): 'nurse' is not a known role"),
        ("a,convert,carer,carer,,,,,,0.3,", "column D (to_role): 'carer' is the role converted from"),
        ("a,convert,carer,generic,,,,,,1.3,", "column J (value): '1.3' is above the largest accepted, 1"),
        ("a,convert,carer,generic,,,,,,0.3,best", "column K (select): 'best' is not optimiser or random:<seed>"),
        ("a,convert,carer,generic,,,nhs,,,0.3,", "column G (sector): the convert lever does not use this column"),
        ("a,teleport,,,,,,,,1,", "column B (lever): 'teleport' is not a lever"),
        ("baseline,agency_cost,,,,,,,,1,", "column A (scenario_id): 'baseline' is the case as it is"),
        ("a/b,agency_cost,,,,,,,,1,", "column A (scenario_id): 'a/b' names the scenario's output folder"),
        ("a,demand_growth,,,moon,,,,,0.1,", "column E (locality): 'moon' is not a known locality"),
        ("a,demand_growth,,,,,,,,-2,", "column J (value): '-2' is below -1"),
        ("a,sector_budget,,,,,army,,,5,", "column G (sector): 'army' is not a known sector"),
        ("a,add_staff,rn,,,,,,,2,", "column E (locality): the cell is empty; an id is required"),
        ("a,add_staff,rn,,hoy,,,,,1.5,", "column J (value): '1.5' is not a whole number"),
        ("a,travel_minutes,,,,,,hoy,hoy,5,", "column I (to_locality): 'hoy' is the locality travelled from"),
        ("a,agency_cap,,,,,,,,lots,", "column J (value): 'lots' is not a number"),
    ]

    @Test(arguments: malformed.indices)
    func malformedLeverGivesItsLocatedError(index: Int) throws {
        let (row, fragment) = Self.malformed[index]
        let header = "scenario_id,lever,role,to_role,locality,competency,sector,from_locality,to_locality,value,select"
        let found = try errors(header + "\n" + row + "\n", try read(files))
        #expect(found.count == 1 && found[0].contains(fragment), "\(found)")
    }

    @Test func aLinkThatDoesNotExistCannotBeCut() throws {
        var noTravel = files
        noTravel["travel.csv"] = nil
        noTravel["staff.csv"] = "staff_id,role_id,home_locality\nc1,carer,kirkwall\n"
        noTravel["pinned.csv"] = nil
        let found = try errors(
            "scenario_id,lever,from_locality,to_locality\na,ferry_unavailable,hoy,kirkwall\n", try read(noTravel))
        #expect(found == ["scenarios.csv:2: column D (to_locality): travel.csv has no link between hoy and kirkwall"])
    }
}

/// Each lever changes exactly what it says and nothing else.
@Suite struct LeverEffectTests {
    let c: Case

    init() throws { c = try read(files) }

    /// `after` equals `c` once the fields the lever may change are put back.
    private func unchangedElsewhere(_ after: Case, restoring: (inout Case) -> Void) {
        var restored = after
        restoring(&restored)
        #expect(restored.staff == c.staff && restored.demand == c.demand && restored.roles == c.roles)
        #expect(restored.sectors == c.sectors && restored.settings == c.settings && restored.travel == c.travel)
        #expect(restored.pins == c.pins && restored.availability == c.availability)
    }

    @Test func convertChangesOnlyTheChosenPeople() {
        let after = c.applying(
            .convert(from: "carer", to: "generic", share: 1, localities: [], selection: .optimiser), converting: ["c2"])
        let c2 = after.staff[1]
        #expect(c2.roleID == "generic" && c2.competencies == ["care", "nursing"] && c2.hourlyCost == 15)
        #expect(c2.employer == Sector.joint && c2.localities == ["hoy"] && c2.contractHours == 20)
        unchangedElsewhere(after) { $0.staff[1] = c.staff[1] }
    }

    @Test func conversionCountsTheShareOfTheRoleAtTheLocalities() {
        #expect(c.conversionCandidates(from: "carer", localities: [], share: 0.5).count == 2)  // 1.5 rounds to 2
        #expect(c.conversionCandidates(from: "carer", localities: [], share: 0.3).count == 1)
        let atHoy = c.conversionCandidates(from: "carer", localities: ["hoy"], share: 1)
        #expect(atHoy.candidates.map(\.id) == ["c2", "c3"] && atHoy.count == 2)
    }

    @Test func roleCostPaysTheRoleAndItsStaff() {
        let after = c.applying(.roleCost(role: "carer", cost: 13))
        #expect(after.roles[0].hourlyCost == 13 && after.staff.prefix(3).allSatisfy { $0.hourlyCost == 13 })
        unchangedElsewhere(after) {
            $0.roles = c.roles
            $0.staff = c.staff
        }
    }

    @Test func demandGrowthScalesHoursAndHeadsWhereItSays() {
        let after = c.applying(.demandGrowth(competency: "care", locality: nil, growth: 0.5))
        #expect(after.demand.map(\.hours) == [12, 12, 8])
        #expect(after.demand.map(\.minStaff) == [2, 2, 1] && after.demand.map(\.maxStaff) == [3, nil, nil])
        let atHoy = c.applying(.demandGrowth(competency: nil, locality: "hoy", growth: -0.5))
        #expect(atHoy.demand.map(\.hours) == [8, 4, 8] && atHoy.demand.map(\.minStaff) == [1, 1, 1])
        unchangedElsewhere(after) { $0.demand = c.demand }
    }

    @Test func agencyAndBudgetLeversSetTheirFigure() {
        #expect(c.applying(.agencyCost(40)).settings.agencyHourlyCost == 40)
        #expect(c.applying(.agencyCap(12)).settings.agencyMaxHours == 12)
        let after = c.applying(.sectorBudget(sector: "council", budget: nil))
        #expect(after.sectors.map(\.budget) == [1000, nil])
        unchangedElsewhere(after) { $0.sectors = c.sectors }
    }

    @Test func addStaffAddsPeopleLikeTheRolesOthers() {
        let after = c.applying(.addStaff(role: "carer", locality: "hoy", count: 2))
        let added = after.staff.suffix(2)
        #expect(added.map(\.id) == ["new_carer_hoy_1", "new_carer_hoy_2"])
        #expect(added.allSatisfy { $0.contractHours == 57.5 / 3 && $0.employer == "council" && $0.hourlyCost == 12 })
        #expect(added.allSatisfy { $0.localities == ["kirkwall", "hoy"] && $0.competencies == ["care"] })
        unchangedElsewhere(after) { $0.staff.removeLast(2) }
    }

    @Test func removeStaffTakesTheLastOfTheRoleAndWhatNamesThem() {
        let after = c.applying(.removeStaff(role: "carer", locality: "hoy", count: 1))
        #expect(after.staff.map(\.id) == ["c1", "c2", "n1"] && after.pins.isEmpty)
        unchangedElsewhere(after) {
            $0.staff = c.staff
            $0.pins = c.pins
        }
    }

    @Test func travelLeversReviseWhereDefaultsReach() {
        let slower = c.applying(.travelMinutes(from: "hoy", to: "kirkwall", minutes: 100))
        #expect(slower.travel(from: "kirkwall", to: "hoy")?.minutes == 100)
        #expect(slower.travel(from: "kirkwall", to: "hoy")?.cost == 10)
        // c1 and n1 were on the default (both localities, 60 minutes apart); c2 chose hoy only.
        #expect(slower.staff.map(\.localities) == [["kirkwall"], ["hoy"], ["hoy"], ["kirkwall"]])
        let cut = c.applying(.linkUnavailable(from: "kirkwall", to: "hoy"))
        #expect(cut.travel.isEmpty && cut.staff.map(\.localities) == [["kirkwall"], ["hoy"], ["hoy"], ["kirkwall"]])
        unchangedElsewhere(cut) {
            $0.travel = c.travel
            $0.staff = c.staff
        }
    }
}
