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
        let manager = FileManager.default
        if manager.fileExists(atPath: folder.appendingPathComponent("work_split.csv").path) {
            for (line, cells) in try CSVFile.rows(
                folder: folder, file: "work_split.csv",
                required: ["staff_id", "date", "shift_id", "locality_id", "competency_id", "hours"],
                optional: ["sector_id"])
            {
                guard let date = day(cells["date"], "work_split.csv", line) else { continue }
                guard let hours = Double(cells["hours"] ?? "") else {
                    issues.append(
                        CaseIssue(
                            file: "work_split.csv", line: line, column: "hours",
                            "'\(cells["hours"] ?? "")' is not a number"))
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
        if manager.fileExists(atPath: folder.appendingPathComponent("coverage.csv").path) {
            for (line, cells) in try CSVFile.rows(
                folder: folder, file: "coverage.csv",
                required: ["date", "shift_id", "locality_id", "competency_id", "agency_shifts"],
                optional: [
                    "demand_hours", "staff_hours", "agency_hours", "unmet_hours", "min_staff",
                    "staff_count", "status",
                ])
            {
                guard let date = day(cells["date"], "coverage.csv", line) else { continue }
                guard let shifts = Int(cells["agency_shifts"] ?? ""), shifts >= 0 else {
                    issues.append(
                        CaseIssue(
                            file: "coverage.csv", line: line, column: "agency_shifts",
                            "'\(cells["agency_shifts"] ?? "")' is not a whole number >= 0"))
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
