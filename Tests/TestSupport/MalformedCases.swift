/// Case texts for tests and the fuzzer: a small valid case, and malformed variants of it, each with
/// the located error it must give.
public enum MalformedCases {
    /// A small valid case as file texts; tests change one file to make it malformed.
    public static let valid: [String: String] = [
        "localities.csv": "locality_id,name\nkirkwall,Kirkwall\nwestray,Westray\n",
        "travel.csv": "from_locality,to_locality,minutes,cost\nkirkwall,westray,120,20\n",
        "competencies.csv": "competency_id,sector_id\nnursing,nhs\ncare,council\n",
        "sectors.csv": "sector_id,budget\nnhs,1000\ncouncil,\n",
        "roles.csv": "role_id,competencies,hourly_cost,generic\nrn,nursing,25,false\n",
        "shifts.csv": "shift_id,start,end\nE,07:00,15:00\nN,21:00,07:00\n",
        "staff.csv":
            "staff_id,name,role_id,employer,home_locality,contract_hours\nann,Ann,rn,nhs,kirkwall,37.5\n"
            + "bob,Bob,,joint,westray,0\n",
        "demand.csv":
            "date,shift_id,locality_id,competency_id,hours,min_staff\n2025-03-03,E,kirkwall,nursing,7.5,1\n"
            + "2025-03-04,E,kirkwall,nursing,7.5,1\n",
    ]

    /// (file, new text, expected file:line, expected column, fragment of the message)
    public static let all: [(String, String, String, String?, String)] = [
        ("staff.csv", nil as String? ?? "", "staff.csv", nil, "empty"),
        (
            "staff.csv", "staff_id,home_locality\nann,kirkwall\nann,kirkwall\n", "staff.csv:3", "staff_id",
            "more than once"
        ),
        ("staff.csv", "staff_id,home_locality\nann,nowhere\n", "staff.csv:2", "home_locality", "not a known locality"),
        ("staff.csv", "staff_id,home_locality,role_id\nann,kirkwall,surgeon\n", "staff.csv:2", "role_id", "not a role"),
        (
            "staff.csv", "staff_id,home_locality,competencies\nann,kirkwall,flying\n", "staff.csv:2", "competencies",
            "not a known competency"
        ),
        (
            "staff.csv", "staff_id,home_locality,contract_hours\nann,kirkwall,abc\n", "staff.csv:2", "contract_hours",
            "not a number"
        ),
        (
            "staff.csv", "staff_id,home_locality,contract_hours\nann,kirkwall,-5\n", "staff.csv:2", "contract_hours",
            "below 0"
        ),
        ("staff.csv", "staff_id,home_locality\n=cmd,kirkwall\n", "staff.csv:2", "staff_id", "may not begin"),
        (
            "staff.csv", "staff_id,home_locality,localities\nann,kirkwall,kirkwall;sanday\n", "staff.csv:2",
            "localities", "not a known locality"
        ),
        (
            "staff.csv", "staff_id,home_locality,employer\nann,kirkwall,army\n", "staff.csv:2", "employer",
            "not a sector"
        ),
        (
            "staff.csv", "staff_id,home_locality,min_hours,max_hours\nann,kirkwall,40,30\n", "staff.csv:2", "min_hours",
            "above max_hours"
        ),
        (
            "staff.csv", "staff_id,home_locality,max_weekends\nann,kirkwall,1.5\n", "staff.csv:2", "max_weekends",
            "whole number"
        ),
        ("staff.csv", "staff_id,name\nann,Ann\n", "staff.csv:1", nil, "'home_locality' is missing"),
        ("staff.csv", "staff_id,home_locality\nann,kirkwall,extra\n", "staff.csv:2", nil, "has 3 fields"),
        ("staff.csv", "staff_id,home_locality\n\"ann,kirkwall\n", "staff.csv:2", "staff_id", "never closed"),
        ("shifts.csv", "shift_id,start,end\nE,25:00,15:00\n", "shifts.csv:2", "start", "not a time"),
        (
            "shifts.csv", "shift_id,start,end,paid_hours\nE,07:00,15:00,x\n", "shifts.csv:2", "paid_hours",
            "not a number"
        ),
        (
            "shifts.csv", "shift_id,start,end\nE,07:00,15:00\nE,08:00,16:00\n", "shifts.csv:3", "shift_id",
            "more than once"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-02-30,E,kirkwall,nursing\n", "demand.csv:2",
            "date", "not a date"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-03-03,X,kirkwall,nursing\n", "demand.csv:2",
            "shift_id", "not a known shift"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-03-03,E,moon,nursing\n", "demand.csv:2",
            "locality_id", "not a known locality"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-03-03,E,kirkwall,x\n", "demand.csv:2",
            "competency_id", "not a known competency"
        ),
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id,min_staff,max_staff\n2025-03-03,E,kirkwall,nursing,3,1\n",
            "demand.csv:2", "max_staff", "below min_staff"
        ),
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id\n2025-03-03,E,kirkwall,nursing\n2025-03-03,E,kirkwall,nursing\n",
            "demand.csv:3", "date", "a second row"
        ),
        (
            "travel.csv", "from_locality,to_locality,minutes\nkirkwall,kirkwall,5\n", "travel.csv:2", "to_locality",
            "to itself"
        ),
        (
            "travel.csv", "from_locality,to_locality,minutes\nkirkwall,westray,5\nkirkwall,westray,6\n", "travel.csv:3",
            "to_locality", "given twice"
        ),
        (
            "travel.csv", "from_locality,to_locality,minutes\nkirkwall,mars,5\n", "travel.csv:2", "to_locality",
            "not a known locality"
        ),
        (
            "roles.csv", "role_id,competencies,generic\nrn,nursing,maybe\n", "roles.csv:2", "generic",
            "not true or false"
        ),
        ("roles.csv", "role_id,competencies\nrn,\n", "roles.csv:2", "competencies", "empty"),
        (
            "competencies.csv", "competency_id,sector_id\nnursing,nasa\n", "competencies.csv:2", "sector_id",
            "not a sector"
        ),
        (
            "availability.csv", "staff_id,date,kind\nann,2025-03-03,sometimes\n", "availability.csv:2", "kind",
            "not one of"
        ),
        (
            "availability.csv", "staff_id,date,kind\nzed,2025-03-03,unavailable\n", "availability.csv:2", "staff_id",
            "not a known member"
        ),
        ("settings.csv", "key,value\nmin_rest_hours,lots\n", "settings.csv:2", "value", "not a number"),
        (
            "settings.csv", "key,value\nhorizon_start,2025-03-05\nhorizon_end,2025-03-01\n", "settings.csv:3", "value",
            "before it starts"
        ),
        ("settings.csv", "key,value\nhorizon_start,2025-03-04\n", "demand.csv:2", "date", "outside the horizon"),
        ("pinned.csv", "staff_id,date,shift_id\nann,2025-03-03,Z\n", "pinned.csv:2", "shift_id", "not a known shift"),
        (
            "baseline.csv", "staff_id,date,shift_id,locality_id\nghost,2025-03-03,E,kirkwall\n", "baseline.csv:2",
            "staff_id", "not a known member"
        ),
        (
            "staff_shift_limits.csv", "staff_id,shift_id,max_count\nann,E,two\n", "staff_shift_limits.csv:2",
            "max_count", "not a number"
        ),
        (
            "forbidden_sequences.csv", "from_shift,to_shift\nN,Q\n", "forbidden_sequences.csv:2", "to_shift",
            "not a known shift"
        ),
        // Numbers too large for the model (these crashed the first version) or written loosely.
        (
            "demand.csv", "date,shift_id,locality_id,competency_id,min_staff\n2025-03-03,E,kirkwall,nursing,1e300\n",
            "demand.csv:2", "min_staff", "not a number"
        ),
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id,max_staff\n2025-03-03,E,kirkwall,nursing,9223372036854775808\n",
            "demand.csv:2", "max_staff", "above the largest accepted, 100000"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id,hours\n2025-03-03,E,kirkwall,nursing,+5\n",
            "demand.csv:2", "hours", "not a number"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id,hours\n2025-03-03,E,kirkwall,nursing,1e-320\n",
            "demand.csv:2", "hours", "not a number"
        ),
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id,hours\n2025-03-03,E,kirkwall,nursing,0.00000000001\n",
            "demand.csv:2", "hours", "too small"
        ),
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id,hours\n2025-03-03,E,kirkwall,nursing,"
                + String(repeating: "9", count: 400) + "\n", "demand.csv:2", "hours", "above the largest accepted"
        ),
        (
            "staff.csv", "staff_id,home_locality,max_weekends\nann,kirkwall,18446744073709551616\n", "staff.csv:2",
            "max_weekends", "above the largest accepted"
        ),
        (
            "staff.csv", "staff_id,home_locality,max_consecutive_days\nann,kirkwall,1e300\n", "staff.csv:2",
            "max_consecutive_days", "not a number"
        ),
        (
            "staff.csv", "staff_id,home_locality,min_consecutive_days_off\nann,kirkwall,100001\n", "staff.csv:2",
            "min_consecutive_days_off", "above the largest accepted, 100000"
        ),
        (
            "staff.csv", "staff_id,home_locality,hourly_cost\nann,kirkwall,2000000\n", "staff.csv:2", "hourly_cost",
            "above the largest accepted, 1000000"
        ),
        (
            "staff_shift_limits.csv", "staff_id,shift_id,max_count\nann,E,9223372036854775807\n",
            "staff_shift_limits.csv:2", "max_count", "above the largest accepted"
        ),
        (
            "settings.csv", "key,value\nmax_consecutive_days,9223372036854775808\n", "settings.csv:2", "value",
            "above the largest accepted"
        ),
        ("settings.csv", "key,value\nagency_hourly_cost,1e308\n", "settings.csv:2", "value", "not a number"),
        (
            "settings.csv", "key,value\nunmet_hour_penalty,10000000000\n", "settings.csv:2", "value",
            "above the largest accepted, 1000000000"
        ),
        (
            "travel.csv", "from_locality,to_locality,minutes\nkirkwall,westray,99999999\n", "travel.csv:2", "minutes",
            "above the largest accepted, 10080"
        ),
        (
            "sectors.csv", "sector_id,budget\nnhs,-10000000000000\ncouncil,\n", "sectors.csv:2", "budget",
            "outside -1000000000000 to 1000000000000"
        ),
        (
            "settings.csv", "key,value\nhorizon_start,0001-01-01\nhorizon_end,9999-12-31\n", "settings.csv:3", "value",
            "at most 731"
        ),
        ("shifts.csv", "shift_id,start,end\nE,+7:30,15:00\n", "shifts.csv:2", "start", "not a time"),
        ("shifts.csv", "shift_id,start,end\nE,-0:30,15:00\n", "shifts.csv:2", "start", "not a time"),
        ("shifts.csv", "shift_id,start,end\nE,07:00,+1:+5\n", "shifts.csv:2", "end", "not a time"),
        // Ids are written exactly.
        ("staff.csv", "staff_id,home_locality\n\tann,kirkwall\n", "staff.csv:2", "staff_id", "space or tab"),
        ("staff.csv", "staff_id,home_locality\nann ,kirkwall\n", "staff.csv:2", "staff_id", "space or tab"),
        ("staff.csv", "staff_id,home_locality\nan\u{2028}n,kirkwall\n", "staff.csv:2", "staff_id", "line break"),
        (
            "staff.csv", "staff_id,home_locality\n\u{1B}[31mann,kirkwall\n", "staff.csv:2", "staff_id",
            "'\\u{1B}[31mann'"
        ),
        (
            "roles.csv", "role_id,competencies\nrn,nursing; care\n", "roles.csv:2", "competencies",
            "' care' begins or ends with a space"
        ),
        // CSV syntax errors are located to the column.
        ("staff.csv", "staff_id,home_locality\nann,kirk\"wall\n", "staff.csv:2", "home_locality", "a quote"),
        ("staff.csv", "staff_id,home_locality\nann,\"kirkwall\"x\n", "staff.csv:2", "home_locality", "after a closing"),
        ("staff.csv", "staff_id,home_locality,name\nann,kirkwall\n", "staff.csv:2", "name", "has 2 fields"),
        (
            "baseline.csv",
            "staff_id,date,shift_id,locality_id\nann,2025-03-03,E,kirkwall\nann,2025-03-03,N,kirkwall\n",
            "baseline.csv:3", "date", "a second shift on 2025-03-03"
        ),
        // A mistyped date that stretches the horizon is named by its line.
        (
            "demand.csv",
            "date,shift_id,locality_id,competency_id\n2025-03-03,E,kirkwall,nursing\n2205-03-10,E,kirkwall,nursing\n",
            "demand.csv:3", "date", "is 65751 days; at most 731"
        ),
        // Spreadsheet mistakes get advice on how to save the file.
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n26/03/2025,E,kirkwall,nursing\n", "demand.csv:2",
            "date", "'26/03/2025' is a date as a spreadsheet shows it; write it as YYYY-MM-DD (2025-03-26 if that is 26"
        ),
        (
            "shifts.csv", "shift_id,start,end\nE,07:00:00,15:00\n", "shifts.csv:2", "start",
            "has seconds; write it as HH:MM (07:00)"
        ),
        ("shifts.csv", "shift_id,start,end\nE,7:00 AM,15:00\n", "shifts.csv:2", "start", "is a 12-hour time"),
        (
            "staff.csv", "staff_id;home_locality\nann;kirkwall\n", "staff.csv:1", nil,
            "the columns are separated by ';' (semicolon), not commas"
        ),
        (
            "demand.csv", "date,shift_id,locality_id,competency_id\n2025-03-03,E,Kirkwall,nursing\n", "demand.csv:2",
            "locality_id", "'Kirkwall' is not a known locality of localities.csv; did you mean 'kirkwall'?"
        ),
        (
            "staff.csv", "staff_id,home_locality\nann,kirkwal\n", "staff.csv:2", "home_locality",
            "did you mean 'kirkwall'?"
        ),
    ]
}
