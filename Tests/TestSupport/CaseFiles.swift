import Foundation
import Workforce

/// Builds small cases for tests from CSV texts, in a fresh temporary folder (``Scratch``).
public enum CaseFiles {
    /// Writes `files` (name -> text) into a new temporary folder and returns it.
    public static func folder(_ files: [String: String]) throws -> URL {
        let folder = try Scratch.folder("case")
        for (name, text) in files {
            try text.write(to: folder.appendingPathComponent(name), atomically: true, encoding: .utf8)
        }
        return folder
    }

    /// Reads the case made of `files`.
    public static func read(_ files: [String: String]) throws -> Case {
        try CaseReader.read(folder: folder(files)).case
    }

    /// One locality, one competency, shifts E/L/N, one person `ann` at home, and `days` days of
    /// demand from 2025-03-03 (a Monday); `extra` replaces or adds files.
    public static func single(
        days: Int = 5,
        staff: String = "staff_id,home_locality,competencies,contract_hours,hourly_cost\nann,home,care,0,10\n",
        demandHours: Double = 0, extra: [String: String] = [:]
    ) -> [String: String] {
        var demand = "date,shift_id,locality_id,competency_id,hours\n"
        for d in 0..<days {
            demand += "\(Day(iso: "2025-03-03")!.adding(days: d).iso),E,home,care,\(demandHours)\n"
        }
        var files = [
            "localities.csv": "locality_id\nhome\n",
            "competencies.csv": "competency_id\ncare\n",
            "shifts.csv": "shift_id,start,end\nE,07:00,15:00\nL,14:00,22:00\nN,22:00,07:00\n",
            "staff.csv": staff,
            "demand.csv": demand,
        ]
        for (name, text) in extra { files[name] = text }
        return files
    }

    /// One day (2025-03-03) and a generic worker `gen` at home (care, funded by the council, and meds,
    /// by the NHS; employer `joint`; 10/h, no contracted hours), with `hoursEach` hours of each
    /// competency demanded on the early shift (8 paid hours).
    public static func genericWorker(hoursEach hours: Double) -> [String: String] {
        var files = single(days: 1)
        files["competencies.csv"] = "competency_id,sector_id\ncare,council\nmeds,nhs\n"
        files["staff.csv"] = "staff_id,home_locality,competencies,employer,hourly_cost\ngen,home,care;meds,joint,10\n"
        files["demand.csv"] =
            "date,shift_id,locality_id,competency_id,hours\n2025-03-03,E,home,care,\(hours)\n"
            + "2025-03-03,E,home,meds,\(hours)\n"
        return files
    }

    /// Two carers (one at home, one on the isle) and a nurse at home; the isle needs nursing that only a
    /// converted carer there can give. Flexibility must help, and only in the right place.
    public static let flexibility: [String: String] = [
        "localities.csv": "locality_id\nhome\nisle\n",
        "competencies.csv": "competency_id,sector_id\ncare,council\nnursing,nhs\n",
        "sectors.csv": "sector_id\ncouncil\nnhs\n",
        "roles.csv": "role_id,competencies,hourly_cost,generic\ncarer,care,12,false\nnurse,nursing,25,false\n"
            + "generic,care;nursing,15,true\n",
        "shifts.csv": "shift_id,start,end\nE,07:00,15:00\n",
        "staff.csv":
            "staff_id,role_id,employer,home_locality\ncarer_home,carer,council,home\ncarer_isle,carer,council,isle\n"
            + "nurse_home,nurse,nhs,home\n",
        "demand.csv": """
        date,shift_id,locality_id,competency_id,hours
        2025-03-03,E,home,care,8
        2025-03-03,E,home,nursing,8
        2025-03-03,E,isle,nursing,8
        2025-03-04,E,home,care,8
        2025-03-04,E,home,nursing,8
        2025-03-04,E,isle,nursing,8

        """,
    ]
}
