import Foundation
import Workforce

/// Turns a Curtois & Qu instance into a case folder, so the benchmark can be rostered and scored like any case.
///
/// Every nurse works on one ward (`ward`) and holds one competency (`nursing`); shifts start at 00:00 and are paid
/// their length; cover lines become demand rows (`min_staff` = `max_staff` = the requirement, with the line's
/// weights); days off become `unavailable` days, shift requests become `prefer_on` / `prefer_off` rows;
/// `MaxShifts` become shift limits and `CannotFollow` forbidden sequences; the total-minutes limits become weekly
/// averages whose totals over the horizon are the instance's. There are no costs, so a roster's objective is its
/// penalties, which are exactly the instance's objective.
public enum CurtoisImport {
    /// The date of day 0 unless another is given: Monday 1 January 2024.
    public static let defaultStart = Day(iso: "2024-01-01")!

    /// The one locality of an imported case.
    public static let locality = "ward"
    /// The one competency of an imported case, held by every nurse.
    public static let competency = "nursing"

    /// Case files an import never writes; an earlier case's copies are removed so the folder holds one case.
    public static let otherCaseFiles = ["roles.csv", "sectors.csv", "travel.csv", "pinned.csv", "baseline.csv"]

    /// Day 0 of an instance must be a Monday: its weekends are days 5 and 6 of each week.
    public struct StartNotMonday: Error, Sendable, CustomStringConvertible {
        public var start: Day

        public init(start: Day) { self.start = start }

        public var description: String {
            let names = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
            return "the first day \(start.iso) is a \(names[start.weekday - 1]); Curtois instances start on a Monday "
                + "(their weekends are days 5 and 6 of each week), e.g. \(defaultStart.iso)"
        }
    }

    /// The case's tables (file name, rows with the header first), day 0 being `start`.
    /// - Throws: ``StartNotMonday`` when `start` is not a Monday.
    public static func tables(
        _ instance: CurtoisInstance, start: Day = defaultStart
    )
        throws(StartNotMonday) -> [(file: String, rows: [[String]])]
    {
        guard start.weekday == 1 else { throw StartNotMonday(start: start) }
        func date(_ day: Int) -> String { start.adding(days: day).iso }
        let days = instance.horizon
        let allShifts = instance.shifts.map(\.id)

        var shifts = [["shift_id", "start", "end", "paid_hours"]]
        for shift in instance.shifts {
            let end = shift.minutes % 1440
            shifts.append([
                shift.id, "00:00", String(format: "%02d:%02d", end / 60, end % 60),
                decimal(Double(shift.minutes) / 60),
            ])
        }

        var staff = [
            [
                "staff_id", "home_locality", "competencies", "contract_hours", "min_hours", "max_hours",
                "max_consecutive_days", "min_consecutive_days", "min_consecutive_days_off", "max_weekends",
            ]
        ]
        var limits = [["staff_id", "shift_id", "max_count"]]
        for person in instance.staff {
            // A nurse who may work no run of days at all may work no shift: the case format's runs are at least 1.
            let never = person.maxConsecutiveShifts == 0
            staff.append([
                person.id, locality, competency, "0",
                weeklyHours(person.minTotalMinutes, over: Double(days)),
                weeklyHours(person.maxTotalMinutes, over: Double(max(days, 7)), atMost: 168),
                String(max(person.maxConsecutiveShifts, 1)),
                String(never ? 1 : max(person.minConsecutiveShifts, 1)),
                String(max(person.minConsecutiveDaysOff, 1)),
                String(person.maxWeekends),
            ])
            let given = never ? allShifts.map { CurtoisInstance.ShiftLimit(shift: $0, limit: 0) } : person.maxShifts
            for limit in given { limits.append([person.id, limit.shift, String(limit.limit)]) }
        }

        var availability = [["staff_id", "date", "shift_id", "kind", "weight"]]
        for entry in instance.daysOff {
            for day in entry.days { availability.append([entry.employee, date(day), "", "unavailable", ""]) }
        }
        for (kind, requests) in [("prefer_on", instance.onRequests), ("prefer_off", instance.offRequests)] {
            for request in requests {
                availability.append([request.employee, date(request.day), request.shift, kind, String(request.weight)])
            }
        }

        var demand = [
            [
                "date", "shift_id", "locality_id", "competency_id", "hours", "min_staff", "max_staff",
                "under_weight", "over_weight",
            ]
        ]
        for line in instance.cover {
            demand.append([
                date(line.day), line.shift, locality, competency, "0", String(line.requirement),
                String(line.requirement), String(line.underWeight), String(line.overWeight),
            ])
        }

        var sequences = [["from_shift", "to_shift"]]
        for shift in instance.shifts {
            for next in shift.cannotFollow { sequences.append([shift.id, next]) }
        }

        let settings = [
            ["key", "value"], ["horizon_start", start.iso], ["horizon_end", date(days - 1)],
            ["min_rest_hours", "0"], ["agency_hourly_cost", "0"],
        ]
        return [
            ("localities.csv", [["locality_id", "name"], [locality, "Ward"]]),
            ("competencies.csv", [["competency_id", "name"], [competency, "Nursing"]]),
            ("shifts.csv", shifts),
            ("staff.csv", staff),
            ("staff_shift_limits.csv", limits),
            ("availability.csv", availability),
            ("demand.csv", demand),
            ("forbidden_sequences.csv", sequences),
            ("settings.csv", settings),
        ]
    }

    /// Writes the case into `folder` (created if missing), all files together: nothing changes there if
    /// writing fails. Case files of an earlier case there that an import does not write are removed.
    /// - Throws: ``StartNotMonday``, or the file system's error.
    public static func write(_ instance: CurtoisInstance, start: Day = defaultStart, to folder: URL) throws {
        try CSVFolder.write(tables(instance, start: start), to: folder, removing: otherCaseFiles)
    }

    /// A weekly average of hours whose total over `days` days (`average × days / 7`) is `minutes` / 60 within
    /// 1e-10 h: the shortest such decimal (at most 15 places), capped at `atMost`.
    static func weeklyHours(_ minutes: Int, over days: Double, atMost cap: Double? = nil) -> String {
        let total = Double(minutes) / 60
        guard days > 0 else { return "0" }
        let average = total * 7 / days
        if let cap, average >= cap { return decimal(cap) }
        for places in 0...15 {
            let text = fixed(average, places: places)
            if let value = Double(text), abs(value * days / 7 - total) <= 1e-10 { return text }
        }
        return fixed(average, places: 15)
    }

    /// The shortest plain decimal within 1e-12 of `value` (`7.5`, `8`, `8.333333333333`).
    static func decimal(_ value: Double) -> String {
        for places in 0...15 {
            let text = fixed(value, places: places)
            if let parsed = Double(text), abs(parsed - value) <= 1e-12 { return text }
        }
        return fixed(value, places: 15)
    }

    /// `value` with `places` decimals, trailing zeros (and a bare point) trimmed.
    static func fixed(_ value: Double, places: Int) -> String {
        var text = String(format: "%.\(places)f", value + 0.0)
        if text.contains(".") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text == "-0" ? "0" : text
    }
}
