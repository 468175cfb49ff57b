extension CaseFiles {
    /// A case built so that each short row has one person holding its competency, kept off it by one
    /// rule: leave, rest after a night, a locality not theirs, travel too long, the hours limit, another
    /// shift, or nothing (free); and one amber row whose holder is on it. Agency is capped at 10 hours.
    public static let shortfalls: [String: String] = [
        "localities.csv": "locality_id,name\nhub,Hub\nisle,Isle\nfar,Far\n",
        "travel.csv": "from_locality,to_locality,minutes\nhub,isle,30\nhub,far,120\n",
        "competencies.csv": "competency_id\nnursing\ncare\ntherapy\npodiatry\nphysio\n",
        "shifts.csv": "shift_id,start,end\nE,07:00,15:00\nN,22:00,07:00\n",
        "staff.csv": """
        staff_id,name,home_locality,localities,competencies,max_hours,hourly_cost
        lea,Lea on leave,hub,,nursing,,20
        nia,Nia after a night,hub,,care,,20
        ida,Ida of the isle,isle,isle,therapy,,20
        tom,Tom far away,far,,podiatry,,20
        ben,Ben at his hours,hub,,physio,10,20

        """,
        "demand.csv": """
        date,shift_id,locality_id,competency_id,hours,min_staff
        2025-03-03,E,isle,therapy,8,1
        2025-03-03,N,hub,physio,9,1
        2025-03-04,E,hub,nursing,8,1
        2025-03-04,E,hub,care,8,1
        2025-03-04,E,hub,therapy,8,1
        2025-03-04,E,hub,podiatry,8,1
        2025-03-04,E,hub,physio,8,1
        2025-03-05,E,hub,care,8,1
        2025-03-05,E,isle,therapy,8.5,1

        """,
        "availability.csv": "staff_id,date,kind\nlea,2025-03-04,unavailable\n",
        "settings.csv": "key,value\nagency_hourly_cost,40\nagency_max_hours,10\n",
    ]

    /// A hand-made roster of ``shortfalls`` (roster.csv, work_split.csv and coverage.csv's agency
    /// shifts): Nia's night before the short early, Ben's early on the night he is needed, Ida on the
    /// amber early, and one agency early on the isle.
    public static let shortfallRoster: [String: String] = [
        "roster.csv": """
        staff_id,date,shift_id,locality_id
        nia,2025-03-03,N,hub
        ben,2025-03-03,E,hub
        ida,2025-03-05,E,isle

        """,
        "work_split.csv": """
        staff_id,date,shift_id,locality_id,competency_id,hours
        ida,2025-03-05,E,isle,therapy,8

        """,
        "coverage.csv": "date,shift_id,locality_id,competency_id,agency_shifts\n2025-03-03,E,isle,therapy,1\n",
    ]
}
