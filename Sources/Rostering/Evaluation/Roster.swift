import LinearModel
import Workforce

/// Care time one worked shift gives to one competency (a row of work_split.csv).
public struct CareTime: Sendable, Equatable {
    public var assignment: Assignment
    public var competencyID: String
    public var hours: Double

    public init(assignment: Assignment, competencyID: String, hours: Double) {
        self.assignment = assignment
        self.competencyID = competencyID
        self.hours = hours
    }
}

/// Whole agency shifts bought for one demand key.
public struct AgencyBooking: Sendable, Equatable {
    public var day: Day
    public var shiftID: String
    public var localityID: String
    public var competencyID: String
    public var shifts: Int

    public init(day: Day, shiftID: String, localityID: String, competencyID: String, shifts: Int) {
        self.day = day
        self.shiftID = shiftID
        self.localityID = localityID
        self.competencyID = competencyID
        self.shifts = shifts
    }
}

/// A roster: who works which shift where, how their care time is split, and agency cover.
public struct Roster: Sendable, Equatable {
    public var assignments: [Assignment]
    public var care: [CareTime]
    public var agency: [AgencyBooking]

    public init(assignments: [Assignment] = [], care: [CareTime] = [], agency: [AgencyBooking] = []) {
        self.assignments = assignments
        self.care = care
        self.agency = agency
    }
}

extension RosterModel {
    /// Reads a roster from column values. Care hours are rounded to 1e-4 h (what the outputs
    /// hold), so every figure derived later agrees with the written files.
    public func roster(from values: [Double]) -> Roster {
        let c = roster
        var result = Roster()
        for (i, candidate) in candidates.all.enumerated() where values[shiftColumns[i].index] > 0.5 {
            result.assignments.append(assignment(candidate))
        }
        for (key, column) in careColumns.sorted(by: { $0.value < $1.value }) {
            let hours = (values[column.index] * 10_000).rounded() / 10_000
            guard hours > 0, values[shiftColumns[key.candidate].index] > 0.5 else { continue }
            result.care.append(
                CareTime(
                    assignment: assignment(candidates.all[key.candidate]),
                    competencyID: c.competencies[key.competency].id, hours: hours))
        }
        result.agency = index.agencyBookings(agencyColumns, values)
        return result
    }

    /// The roster row of a candidate.
    func assignment(_ candidate: Candidate) -> Assignment { candidates.assignment(candidate) }
}

extension Candidates {
    /// The roster row of a candidate.
    public func assignment(_ candidate: Candidate) -> Assignment {
        let c = self.case
        return Assignment(
            staffID: c.staff[candidate.person].id, day: c.days[candidate.day],
            shiftID: c.shifts[candidate.shift].id, localityID: c.localities[candidate.locality].id)
    }
}
