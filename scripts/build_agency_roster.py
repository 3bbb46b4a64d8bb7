"""Build jurisdictions/data/agency_roster.csv.gz, the national roster of law-enforcement agencies.

Source: the FBI Crime Data Explorer agency list (18,459 agencies, ORI, name, type, state, county names,
coordinates; a work of the U.S. government, public domain), as kept in `../shared/data/agencies/`
(see its README). The derivation (readable names, kinds, county FIPS, units of state agencies) is
`jurisdictions.roster`; this script only runs it over the file and writes the compact table:

    .venv/bin/python scripts/build_agency_roster.py ../shared/data/agencies/fbi_cde_agencies.csv
"""

from __future__ import annotations

import argparse
import collections
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from jurisdictions.roster import ROSTER_FILE, roster_from_fbi, write_roster


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("source", type=Path, help="fbi_cde_agencies.csv")
    parser.add_argument("--output", type=Path, default=ROSTER_FILE)
    args = parser.parse_args()
    agencies = list(roster_from_fbi(args.source))
    write_roster(agencies, args.output)
    kinds = collections.Counter(a.kind for a in agencies)
    no_county = sum(1 for a in agencies if not a.counties)
    units = sum(1 for a in agencies if a.parent)
    print(f"{len(agencies)} agencies → {args.output} ({args.output.stat().st_size:,} bytes)")
    print(
        f"kinds: {dict(kinds.most_common())}; units of a state agency: {units}; without a county: {no_county}"
    )


if __name__ == "__main__":
    main()
