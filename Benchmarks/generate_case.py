#!/usr/bin/env python3
"""generate_case.py - write a synthetic rostering case of many staff over four weeks.

Usage
    python3 Benchmarks/generate_case.py [--staff 1000] [--localities 40] OUT

Writes the CSV files of a case into the folder OUT (created if needed): E/L/N shifts from Monday 2025-03-03 for
28 days; LOCALITIES localities in clusters of four, each linked by travel to its cluster's first; three sectors
(nhs, council, voluntary) with five competencies; five roles, one of them generic workers employed jointly; STAFF
people with a seeded random role, home, contract (0, 22.5, 30 or 37.5 h a week) and, for a third, at most two
weekends; demand at every locality in proportion to its share of the staff (personal care on earlies and lates,
nursing on earlies and nights); agency at 40 an hour up to 2,000 hours, unmet hours at 200.

Seeded: the same arguments give byte-identical files. The Benchmarks package (RosterBuild) and harness.py
(--generated) both use it, so that the case timed there is the case the harness rosters.
Python 3 standard library only.
"""
import argparse
import datetime as dt
import sys
from pathlib import Path


class Seeded:
    """A 64-bit linear congruential generator (Knuth's MMIX constants): n -> a number in 0..<n."""

    def __init__(self, seed=0x5EED):
        self.state = seed

    def next(self, n):
        self.state = (self.state * 6364136223846793005 + 1442695040888963407) % (1 << 64)
        return (self.state >> 33) % n


def number(value):
    """A contract's hours as the case files give them: 0.0, 22.5, 30.0, 37.5."""
    return repr(float(value))


def generate(staff, localities, out):
    random = Seeded()
    out.mkdir(parents=True, exist_ok=True)

    def write(name, lines):
        (out / name).write_text("\n".join(lines) + "\n", encoding="utf-8")

    places = [f"loc{i}" for i in range(localities)]
    write("localities.csv", ["locality_id,group"] + [f"{place},cluster{i // 4}" for i, place in enumerate(places)])
    travel = ["from_locality,to_locality,minutes,cost"]
    for i, place in enumerate(places):
        if i % 4 != 0:
            travel.append(f"{places[i - i % 4]},{place},{20 + 15 * (i % 4)},{i % 4 * 3}")
    write("travel.csv", travel)
    write("sectors.csv", ["sector_id,budget", "nhs,", "council,", "voluntary,"])
    write("competencies.csv", ["competency_id,sector_id", "nursing,nhs", "medication,nhs", "personal_care,council",
                               "domestic,council", "befriending,voluntary"])
    write("roles.csv", ["role_id,competencies,hourly_cost,generic", "rn,nursing;medication,25,false",
                        "hca,personal_care;medication,14,false", "cw,personal_care;domestic,13,false",
                        "gw,personal_care;medication;domestic,15.5,true", "sw,befriending;domestic,12.5,false"])
    write("shifts.csv", ["shift_id,start,end,paid_hours", "E,07:00,15:00,7.5", "L,14:00,22:00,7.5",
                         "N,21:30,07:30,9.5"])
    roles = ["rn", "hca", "cw", "gw", "gw", "cw", "sw"]
    employers = {"rn": "nhs", "hca": "nhs", "cw": "council", "gw": "joint", "sw": "voluntary"}
    people = ["staff_id,role_id,employer,home_locality,contract_hours,max_weekends"]
    for p in range(staff):
        role = roles[random.next(len(roles))]
        home = places[random.next(localities)]
        hours = number([0, 22.5, 30, 37.5, 37.5][random.next(5)])
        weekends = "2" if random.next(3) == 0 else ""
        people.append(f"p{p},{role},{employers[role]},{home},{hours},{weekends}")
    write("staff.csv", people)
    demand = ["date,shift_id,locality_id,competency_id,hours,min_staff"]
    per_place = staff / localities
    for d in range(28):
        date = (dt.date(2025, 3, 3) + dt.timedelta(days=d)).isoformat()
        for place in places:
            demand.append(f"{date},E,{place},personal_care,{per_place * 2.2:.1f},{max(1, int(per_place / 5))}")
            demand.append(f"{date},E,{place},nursing,{per_place * 0.8:.1f},1")
            demand.append(f"{date},L,{place},personal_care,{per_place * 1.2:.1f},1")
            demand.append(f"{date},N,{place},nursing,{per_place * 0.5:.1f},0")
    write("demand.csv", demand)
    write("settings.csv", ["key,value", "agency_hourly_cost,40", "agency_max_hours,2000", "unmet_hour_penalty,200"])


def main(argv=None):
    parser = argparse.ArgumentParser(description="Write a synthetic four-week rostering case.")
    parser.add_argument("--staff", type=int, default=1000, help="people (default 1000)")
    parser.add_argument("--localities", type=int, default=40, help="localities, in clusters of four (default 40)")
    parser.add_argument("out", type=Path, help="the case folder to write")
    args = parser.parse_args(argv)
    if args.staff < 1:
        parser.error("--staff must be 1 or more")
    if args.localities < 1:
        parser.error("--localities must be 1 or more")
    generate(args.staff, args.localities, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
