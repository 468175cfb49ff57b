import Rostering
import TestSupport
import Testing
import Workforce

/// Rules applied by never creating a column: availability, allowed localities, shift limits of 0.
@Suite struct CandidateRuleTests {
    private func shifts(_ files: [String: String]) throws -> [String] {
        let c = try CaseFiles.read(files)
        return Candidates(c).all.map {
            "\(c.days[$0.day].iso) \(c.shifts[$0.shift].id)@\(c.localities[$0.locality].id)"
        }
    }

    @Test func unavailableDayAndShiftHaveNoCandidates() throws {
        var files = CaseFiles.single(days: 2)
        files["availability.csv"] =
            "staff_id,date,shift_id,kind\nann,2025-03-03,,unavailable\nann,2025-03-04,N,unavailable\n"
            + "ann,2025-03-04,E,prefer_off\n"
        #expect(try shifts(files) == ["2025-03-04 E@home", "2025-03-04 L@home"])
    }

    @Test func onlyAllowedLocalitiesAreCandidates() throws {
        var files = CaseFiles.single(days: 1, staff: "staff_id,home_locality,competencies\nann,home,care\n")
        files["localities.csv"] = "locality_id\nhome\nnear\nfar\nisland\n"
        files["travel.csv"] = "from_locality,to_locality,minutes\nhome,near,30\nhome,far,95\nfar,island,10\n"
        files["staff_shift_limits.csv"] = "staff_id,shift_id,max_count\nann,L,0\nann,N,0\n"
        // Default: home plus every locality within max_travel_minutes (90) each way.
        #expect(try shifts(files) == ["2025-03-03 E@home", "2025-03-03 E@near"])
        files["staff.csv"] = "staff_id,home_locality,competencies,localities\nann,home,care,far\n"
        #expect(try shifts(files) == ["2025-03-03 E@far"])
    }

    @Test func pinnedDayOffAndPinnedShiftNarrowCandidates() throws {
        var files = CaseFiles.single(days: 2)
        files["pinned.csv"] = "staff_id,date,shift_id,locality_id\nann,2025-03-03,,\nann,2025-03-04,L,\n"
        #expect(try shifts(files) == ["2025-03-04 L@home"])
    }
}
