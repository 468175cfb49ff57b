import Foundation
import Workforce

/// Reads a roster written by the tool or by hand: roster.csv, and work_split.csv and coverage.csv's
/// agency_shifts when present.
public enum RosterFile {
    /// - Throws: ``CaseError`` naming file, line and column of anything malformed.
    public static func read(folder: URL, case c: Case) throws(CaseError) -> Roster {
        var issues: [CaseIssue] = []
        var roster = Roster()
        func day(_ text: String?, _ file: String, _ line: Int) -> Day? {
            guard let text, let day = Day(iso: text) else {
                issues.append(
                    CaseIssue(file: file, line: line, column: "date", "'\(text ?? "")' is not a date YYYY-MM-DD"))
                return nil
            }
            return day
        }
        for (line, cells) in try CSVFile.rows(
            folder: folder, file: "roster.csv", required: ["staff_id", "date", "shift_id", "locality_id"],
            optional: ["start", "end", "paid_hours", "travel_minutes"])
        {
            guard let date = day(cells["date"], "roster.csv", line) else { continue }
            roster.assignments.append(
                Assignment(
                    staffID: cells["staff_id"] ?? "", day: date, shiftID: cells["shift_id"] ?? "",
                    localityID: cells["locality_id"] ?? ""))
        }
        let files = CaseSource.folder(folder)
        if files.has("work_split.csv") {
            for (line, cells) in try CSVFile.rows(
                folder: folder, file: "work_split.csv",
                required: ["staff_id", "date", "shift_id", "locality_id", "competency_id", "hours"],
                optional: ["sector_id"])
            {
                guard let date = day(cells["date"], "work_split.csv", line) else { continue }
                guard let hours = PlainNumber.parse(cells["hours"] ?? ""), (0...Limits.shiftHours).contains(hours)
                else {
                    issues.append(
                        CaseIssue(
                            file: "work_split.csv", line: line, column: "hours",
                            "'\(cells["hours"] ?? "")' is not a number of hours from 0 to "
                                + "\(Int(Limits.shiftHours)) (plain digits with '.' for decimals)"))
                    continue
                }
                roster.care.append(
                    CareTime(
                        assignment: Assignment(
                            staffID: cells["staff_id"] ?? "", day: date,
                            shiftID: cells["shift_id"] ?? "", localityID: cells["locality_id"] ?? ""),
                        competencyID: cells["competency_id"] ?? "", hours: hours))
            }
        }
        if files.has("coverage.csv") {
            for (line, cells) in try CSVFile.rows(
                folder: folder, file: "coverage.csv",
                required: ["date", "shift_id", "locality_id", "competency_id", "agency_shifts"],
                optional: [
                    "demand_hours", "staff_hours", "agency_hours", "unmet_hours", "min_staff",
                    "staff_count", "status",
                ])
            {
                guard let date = day(cells["date"], "coverage.csv", line) else { continue }
                guard let shifts = PlainNumber.parse(cells["agency_shifts"] ?? "").flatMap({ Int(exactly: $0) }),
                    (0...Limits.count).contains(shifts)
                else {
                    issues.append(
                        CaseIssue(
                            file: "coverage.csv", line: line, column: "agency_shifts",
                            "'\(cells["agency_shifts"] ?? "")' is not a whole number from 0 to \(Limits.count)"))
                    continue
                }
                if shifts > 0 {
                    roster.agency.append(
                        AgencyBooking(
                            day: date, shiftID: cells["shift_id"] ?? "", localityID: cells["locality_id"] ?? "",
                            competencyID: cells["competency_id"] ?? "", shifts: shifts))
                }
            }
        }
        if !issues.isEmpty { throw CaseError(issues: issues) }
        return roster
    }
}
