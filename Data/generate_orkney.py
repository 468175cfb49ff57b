#!/usr/bin/env python3
"""Writes the synthetic sample case Data/orkney/ (seeded, so re-running gives the same files).

Island health and social care over four weeks: an NHS board, a council's adult social care and
the voluntary sector share staff across mainland and ferry-linked isles. Every name and figure is
invented."""
import csv, os, random
from datetime import date, timedelta

rng = random.Random(20250303)
out = os.path.join(os.path.dirname(os.path.abspath(__file__)), "orkney")
os.makedirs(out, exist_ok=True)

def write(name, header, rows):
    with open(os.path.join(out, name), "w", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        w.writerows(rows)

localities = [
    ("kirkwall", "Kirkwall", "mainland"), ("stromness", "Stromness", "mainland"),
    ("dounby", "Dounby", "mainland"), ("st_margarets_hope", "St Margaret's Hope", "south_isles"),
    ("hoy", "Hoy (Lyness)", "south_isles"), ("shapinsay", "Shapinsay", "inner_isles"),
    ("westray", "Westray", "north_isles"), ("sanday", "Sanday", "north_isles"),
    ("stronsay", "Stronsay", "north_isles"), ("eday", "Eday", "north_isles"),
    ("north_ronaldsay", "North Ronaldsay", "north_isles"),
]
write("localities.csv", ["locality_id", "name", "group"], localities)
# One-way door-to-door minutes (ferry included) and fares/mileage. North Ronaldsay has no
# scheduled crossing that fits a shift: it is not listed, so it is not reachable.
travel = [
    ("kirkwall", "stromness", 30, 8.10), ("kirkwall", "dounby", 25, 6.75), ("stromness", "dounby", 20, 5.40),
    ("kirkwall", "st_margarets_hope", 30, 8.10), ("kirkwall", "shapinsay", 50, 9.60),
    ("stromness", "hoy", 55, 11.20), ("kirkwall", "hoy", 80, 14.90),
    ("kirkwall", "westray", 125, 24.60), ("kirkwall", "sanday", 115, 22.80), ("kirkwall", "stronsay", 110, 21.90),
    ("kirkwall", "eday", 105, 21.40), ("westray", "eday", 55, 9.80), ("sanday", "stronsay", 60, 9.80),
    ("eday", "stronsay", 40, 7.60),
]
write("travel.csv", ["from_locality", "to_locality", "minutes", "cost"], travel)
write("sectors.csv", ["sector_id", "name", "budget"], [
    ("nhs", "NHS Orkney", 70000), ("council", "Orkney Islands Council adult social care", 90000),
    ("voluntary", "Voluntary sector partnership", 6000)])
write("competencies.csv", ["competency_id", "name", "sector_id"], [
    ("nursing", "Registered nursing care", "nhs"), ("medication", "Medication administration", "nhs"),
    ("personal_care", "Personal care", "council"), ("domestic_support", "Domestic support", "council"),
    ("befriending", "Befriending and wellbeing", "voluntary")])
write("roles.csv", ["role_id", "name", "competencies", "hourly_cost", "generic"], [
    ("rn", "Registered nurse", "nursing;medication", 24.60, "false"),
    ("hca", "Healthcare assistant", "personal_care;medication", 14.30, "false"),
    ("care_worker", "Social care worker", "personal_care;domestic_support", 13.20, "false"),
    ("generic_worker", "Generic health and social care worker", "personal_care;medication;domestic_support", 15.70, "true"),
    ("support_worker", "Community support worker", "befriending;domestic_support", 12.40, "false")])
write("shifts.csv", ["shift_id", "start", "end", "paid_hours", "name"], [
    ("E", "07:00", "15:00", 7.5, "Early"), ("L", "14:00", "22:00", 7.5, "Late"), ("N", "21:30", "07:30", 9.5, "Night")])

first_names = ["Aileen", "Magnus", "Inga", "Sigurd", "Freya", "Thorfinn", "Kirsty", "Erlend", "Morag", "Ragna",
               "Callum", "Isla", "Rognvald", "Eilidh", "Harald", "Sheena", "Sweyn", "Ingrid", "Duncan", "Asta",
               "Fiona", "Olaf", "Catriona", "Torvald", "Moira", "Gunn", "Euan", "Helga", "Shona", "Arne"]
surnames = ["Flett", "Rendall", "Drever", "Linklater", "Tulloch", "Muir", "Sinclair", "Harcus", "Scott", "Groat",
            "Eunson", "Isbister", "Hourston", "Spence", "Stevenson", "Rosie", "Wylie", "Omand"]
# (home, role, employer, contract hours, how many)
plan = [
    ("kirkwall", "rn", "nhs", 37.5, 6), ("kirkwall", "rn", "nhs", 22.5, 2), ("kirkwall", "hca", "nhs", 37.5, 4),
    ("kirkwall", "care_worker", "council", 37.5, 5), ("kirkwall", "care_worker", "council", 20, 3),
    ("kirkwall", "generic_worker", "joint", 37.5, 3), ("kirkwall", "support_worker", "voluntary", 24, 2),
    ("kirkwall", "rn", "nhs", 0, 2), ("kirkwall", "care_worker", "council", 0, 2),
    ("stromness", "rn", "nhs", 37.5, 2), ("stromness", "care_worker", "council", 37.5, 3),
    ("stromness", "generic_worker", "joint", 30, 2), ("stromness", "hca", "nhs", 30, 1),
    ("dounby", "care_worker", "council", 30, 2), ("dounby", "generic_worker", "joint", 37.5, 1),
    ("st_margarets_hope", "care_worker", "council", 30, 2), ("st_margarets_hope", "rn", "nhs", 37.5, 1),
    ("st_margarets_hope", "generic_worker", "joint", 37.5, 1),
    ("hoy", "generic_worker", "joint", 37.5, 2), ("hoy", "support_worker", "voluntary", 16, 1),
    ("shapinsay", "generic_worker", "joint", 30, 1), ("shapinsay", "care_worker", "council", 20, 1),
    ("westray", "rn", "nhs", 37.5, 1), ("westray", "generic_worker", "joint", 37.5, 2),
    ("westray", "care_worker", "council", 20, 1),
    ("sanday", "generic_worker", "joint", 37.5, 2), ("sanday", "rn", "nhs", 30, 1),
    ("stronsay", "generic_worker", "joint", 30, 1), ("stronsay", "support_worker", "voluntary", 16, 1),
    ("eday", "generic_worker", "joint", 24, 1),
    ("north_ronaldsay", "generic_worker", "joint", 30, 2),
]
staff = []
n = 0
for home, role, employer, contract, count in plan:
    for _ in range(count):
        n += 1
        sid = f"s{n:03d}"
        name = f"{rng.choice(first_names)} {rng.choice(surnames)}"
        extra = ""
        if role == "generic_worker" and rng.random() < 0.3:
            extra = "befriending"
        max_hours = "" if contract else "30"
        min_hours = "" if contract == 0 else (str(round(contract * 0.6, 1)) if rng.random() < 0.5 else "")
        max_weekends = "2" if rng.random() < 0.4 else ""
        staff.append([sid, name, role, extra, employer, home, "", contract, min_hours, max_hours, "",
                      "", "", "2" if rng.random() < 0.3 else "", max_weekends])
# Most people work where they live; mainland staff also cover a neighbouring hub, and island
# staff stay on their island (as the crossing times make any other pattern impractical).
neighbours = {"kirkwall": "stromness", "stromness": "kirkwall", "dounby": "stromness",
              "st_margarets_hope": "kirkwall", "westray": "eday", "sanday": "stronsay", "stronsay": "sanday"}
for s in staff:
    home = s[5]
    s[6] = home + (";" + neighbours[home] if home in neighbours and rng.random() < 0.5 else "")
write("staff.csv", ["staff_id", "name", "role_id", "competencies", "employer", "home_locality", "localities",
                    "contract_hours", "min_hours", "max_hours", "hourly_cost", "overtime_multiplier",
                    "max_consecutive_days", "min_consecutive_days_off", "max_weekends"], staff)
print(len(staff), "staff")

start = date(2025, 3, 3)
days = [start + timedelta(days=i) for i in range(28)]
demand = []
# Per locality: (shift, competency, hours, min_staff) on weekdays; weekends a little lower.
need = {
    "kirkwall": [("E", "nursing", 15, 2), ("E", "medication", 7.5, 1), ("E", "personal_care", 30, 3),
                 ("E", "domestic_support", 7.5, 0), ("L", "nursing", 7.5, 1), ("L", "personal_care", 22.5, 2),
                 ("N", "nursing", 9.5, 1), ("N", "personal_care", 9.5, 1), ("E", "befriending", 4, 0)],
    "stromness": [("E", "nursing", 7.5, 1), ("E", "personal_care", 15, 2), ("L", "personal_care", 7.5, 1),
                  ("E", "medication", 3, 0)],
    "dounby": [("E", "personal_care", 7.5, 1), ("L", "personal_care", 6, 1)],
    "st_margarets_hope": [("E", "personal_care", 7.5, 1), ("E", "nursing", 4, 0), ("L", "personal_care", 5, 1)],
    "hoy": [("E", "personal_care", 7.5, 1), ("E", "befriending", 3, 0)],
    "shapinsay": [("E", "personal_care", 5, 1)],
    "westray": [("E", "personal_care", 7.5, 1), ("E", "nursing", 4, 0), ("L", "personal_care", 4, 1)],
    "sanday": [("E", "personal_care", 7.5, 1), ("E", "nursing", 3, 0)],
    "stronsay": [("E", "personal_care", 5, 1), ("E", "befriending", 3, 0)],
    "eday": [("E", "personal_care", 4, 1)],
    "north_ronaldsay": [("E", "personal_care", 6, 1), ("E", "medication", 2, 0)],
}
for d in days:
    weekend = d.weekday() >= 5
    for loc, rows in need.items():
        for shift, comp, hours, heads in rows:
            if weekend and comp in ("befriending", "domestic_support"):
                continue
            h = hours * (0.8 if weekend else 1.0)
            max_staff = heads + 2 if heads else ""
            demand.append([d.isoformat(), shift, loc, comp, round(h, 2), heads, max_staff, "", ""])
write("demand.csv", ["date", "shift_id", "locality_id", "competency_id", "hours", "min_staff", "max_staff",
                     "under_weight", "over_weight"], demand)

availability = []
for s in staff:
    sid = s[0]
    if rng.random() < 0.25:  # a week of annual leave
        first = rng.randrange(0, 22)
        for i in range(first, first + 7):
            availability.append([sid, days[i].isoformat(), "", "unavailable", ""])
    for _ in range(rng.randrange(0, 3)):
        d = rng.choice(days).isoformat()
        kind = rng.choice(["prefer_off", "prefer_off", "prefer_on"])
        shift = rng.choice(["", "E", "L"]) if kind == "prefer_on" else rng.choice(["", "N"])
        availability.append([sid, d, shift, kind, rng.choice(["", "20"])])
seen = set()
availability = [a for a in availability if not ((a[0], a[1]) in seen or seen.add((a[0], a[1])))]
write("availability.csv", ["staff_id", "date", "shift_id", "kind", "weight"], availability)
write("forbidden_sequences.csv", ["from_shift", "to_shift"], [("N", "E"), ("N", "L")])
write("staff_shift_limits.csv", ["staff_id", "shift_id", "max_count"],
      [[s[0], "N", 0] for s in staff if s[5] != "kirkwall" or (s[7] and float(s[7]) < 25)] + [[staff[0][0], "N", 4]])
write("pinned.csv", ["staff_id", "date", "shift_id", "locality_id"], [
    [staff[0][0], days[0].isoformat(), "E", "kirkwall"], [staff[1][0], days[2].isoformat(), "", ""]])
write("settings.csv", ["key", "value"], [
    ("horizon_start", days[0].isoformat()), ("horizon_end", days[-1].isoformat()), ("min_rest_hours", 11),
    ("max_consecutive_days", 6), ("max_weekly_hours", 48), ("max_travel_minutes", 90),
    ("overtime_multiplier", 1.5), ("agency_hourly_cost", 42), ("agency_max_hours", 400),
    ("unmet_hour_penalty", 200), ("under_weight", 300), ("over_weight", 20), ("preference_weight", 10),
    ("fairness_weight", 0), ("amber_threshold", 0.9)])
