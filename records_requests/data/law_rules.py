"""Hand-checked rules the research CSV gives only as prose: last day, extensions, silence, appeals, sources.

Read by `build_records_laws.py` (plain Python, no Django). Each rule carries its citation; `VERIFIED`
says against what text a rule was checked, so the product can say which rules rest on the statute and
which only on secondary summaries. Where a rule was not checked against primary text, the note says so.
"""

from __future__ import annotations

from typing import Any

# How a calendar-day deadline that lands on a closed day is treated.
STAYS = "stays"
NEXT_BUSINESS_DAY = "next_business_day"  # Saturday, Sunday or holiday → next business day
NEXT_DAY_NOT_SUNDAY_OR_HOLIDAY = "next_day_not_sunday_or_holiday"  # Saturday counts (AL)

# State-wide computation-of-time statutes that move a last day off a closed day. Only calendar-day
# clocks need them (a business-day count always ends on a business day).
LAST_DAY: dict[str, tuple[str, str, str]] = {
    "AL": (
        NEXT_DAY_NOT_SUNDAY_OR_HOLIDAY,
        "Ala. Code § 1-1-4",
        "A last day on a Sunday or legal holiday (§ 1-3-8) moves to the next working day; a Saturday "
        "does not move. Checked against the Legislature's code text (alisondb.legislature.state.al.us).",
    ),
    "CA": (
        NEXT_BUSINESS_DAY,
        "Cal. Code Civ. Proc. §§ 12, 12a; Gov. Code § 6700",
        "Applies to every statute (§ 12a(b)): a last day on a Saturday, Sunday or holiday moves to the "
        "next day that is not one. Checked against the text of § 12a.",
    ),
    "IN": (
        STAYS,
        "IC 5-14-3-9 (no computation rule of its own)",
        "The Access to Public Records Act says '7 days' and has no last-day rule; Indiana's roll-forward "
        "provisions are chapter-specific (e.g. IC 4-21.5-3-2) and none reaches IC 5-14-3. Not confirmed "
        "with the Public Access Counselor: a deadline on a weekend is shown as is.",
    ),
    "MD": (
        STAYS,
        "Md. Code, Gen. Prov. § 4-203 (no computation rule found)",
        "No general computation-of-time statute was found for the 30-day limits (Md. Rule 1-203 governs "
        "court deadlines only). Not verified: a day-30 on a weekend is shown as is.",
    ),
    "NM": (
        NEXT_BUSINESS_DAY,
        "NMSA 1978, § 12-2A-7(F)",
        "Uniform Statute and Rule Construction Act: a last day on a Saturday, Sunday or legal holiday "
        "moves to the next day that is not one. Checked against the text of § 12-2A-7.",
    ),
    "PA": (
        NEXT_BUSINESS_DAY,
        "1 Pa.C.S. § 1908",
        "A last day on a Saturday, Sunday or legal holiday is omitted from the count (it carries the "
        "1883 computation act's rule). Applies to the 30-day extension.",
    ),
    "UT": (
        NEXT_BUSINESS_DAY,
        "Utah Code § 68-3-7(2)",
        "A last day on a legal holiday, Saturday or Sunday moves to the next day that is not one.",
    ),
    "WY": (
        STAYS,
        "Wyo. Stat. § 16-4-202(c) (no computation rule verified)",
        "No general computation-of-time statute was verified for the 30-day clock. Not verified: a "
        "day-30 on a weekend is shown as is.",
    ),
}

# (days, unit, counted from "deadline" or "receipt", citation). Only extensions with a fixed length.
EXTENSIONS: dict[str, tuple[int, str, str, str]] = {
    "AK": (10, "business_days", "deadline", "2 AAC 96.325(d)"),
    "CA": (14, "calendar_days", "deadline", "Gov. Code § 7922.535(b)"),
    "CO": (7, "business_days", "deadline", "C.R.S. § 24-72-203(3)(b)"),
    "DC": (10, "business_days", "deadline", "D.C. Code § 2-532(d)"),
    "ID": (10, "business_days", "receipt", "Idaho Code § 74-103(2)"),
    "IL": (5, "business_days", "deadline", "5 ILCS 140/3(e)"),
    "MI": (10, "business_days", "deadline", "MCL 15.235(2)(d)"),
    "MS": (14, "business_days", "receipt", "Miss. Code Ann. § 25-61-5(1)"),
    "PA": (30, "calendar_days", "deadline", "65 P.S. § 67.902(b)(2)"),
    "RI": (20, "business_days", "deadline", "R.I. Gen. Laws § 38-2-3(e)"),
    "VA": (7, "business_days", "deadline", "Va. Code § 2.2-3704(B)(4)"),
    "VT": (10, "business_days", "deadline", "1 V.S.A. § 318(a)(5)"),
}

# Where the statute makes silence past the deadline a denial the requester may appeal: (citation, rule).
DEEMED_DENIAL: dict[str, tuple[str, str]] = {
    "AZ": (
        "A.R.S. § 39-121.01(E)",
        "A custodian who fails to respond promptly is deemed to have denied the request. The statute "
        "gives no date: if the follow-up date passes unanswered, treat the silence as a denial.",
    ),
    "CT": ("Conn. Gen. Stat. § 1-206(a)", "No answer within 4 business days is a denial for appeal."),
    "DC": ("D.C. Code § 2-532(e)", "No answer within the time limits is a denial that may be appealed."),
    "IL": ("5 ILCS 140/3(d)", "Failure to comply within the time limits is a denial."),
    "IN": (
        "IC 5-14-3-9(b)",
        "No answer within 7 days of receipt of a mailed or emailed request is a denial.",
    ),
    "MI": ("MCL 15.235(3)", "Failure to respond is a public body's final determination to deny."),
    "NJ": ("N.J.S.A. 47:1A-5(i)", "Failure to respond within 7 business days is a deemed denial."),
    "NY": (
        "N.Y. Pub. Off. Law § 89(4)(a); 21 NYCRR 1401.7(c)",
        "Failing to acknowledge within 5 business days, or to grant or deny by the date given, is a "
        "constructive denial that may be appealed.",
    ),
    "PA": ("65 P.S. § 67.901", "No response within 5 business days: the request is deemed denied."),
    "RI": ("R.I. Gen. Laws § 38-2-7(b)", "No response within the time allowed is deemed a denial."),
    "SD": ("SDCL § 1-27-37", "No response, or missing the estimate given, is a denial."),
    "UT": (
        "Utah Code § 63G-2-204(8)",
        "No response within the time limits is a denial that may be appealed.",
    ),
    "VA": ("Va. Code § 2.2-3704(E)", "No response within the time allowed is deemed a denial."),
}

# For laws with no fixed deadline: when to follow up, counted from receipt, and why that number.
FOLLOW_UP: dict[str, tuple[int, str, str]] = {
    "AZ": (
        10,
        "business_days",
        "No number in the statute; courts read 'promptly' as 'at once or without "
        "delay' (West Valley View v. Maricopa County Sheriff's Office, 2007). 10 business days is this "
        "site's suggestion, not the law.",
    ),
    "FL": (
        10,
        "business_days",
        "No number in the statute; only the time reasonably needed to retrieve "
        "and redact is allowed (Tribune Co. v. Cannella, 1984). 10 business days is this site's "
        "suggestion, not the law.",
    ),
    "IA": (
        10,
        "business_days",
        "Iowa Code § 22.8(4)(d): a good-faith delay 'ordinarily should not "
        "exceed 10 business days' (and never 20 calendar days).",
    ),
    "MN": (
        10,
        "business_days",
        "No number for public data (§ 13.03); 10 business days is this site's suggestion, not the law.",
    ),
    "MT": (
        5,
        "business_days",
        "Local agencies: 'timely' only. Executive agencies must acknowledge within "
        "5 business days (MCA 2-6-1006(3)); the same span is suggested for local agencies.",
    ),
    "NC": (
        10,
        "business_days",
        "'As promptly as possible' (§ 132-6(a)); 10 business days is this site's suggestion, not the law.",
    ),
    "ND": (
        10,
        "business_days",
        "'Reasonable time' (§ 44-04-18); the Attorney General requires reasons "
        "for any delay (N.D.A.G. 2021-O-09). 10 business days is this site's suggestion.",
    ),
    "OH": (
        10,
        "business_days",
        "'Reasonable period of time' (R.C. 149.43(B)(1)); 10 business days is "
        "this site's suggestion, not the law.",
    ),
    "OK": (
        10,
        "business_days",
        "'Prompt, reasonable access' (51 O.S. § 24A.5); 10 business days is this "
        "site's suggestion, not the law.",
    ),
    "WI": (
        10,
        "business_days",
        "Wisconsin DOJ's rule of thumb for simple requests: 10 business days "
        "(not binding on local agencies).",
    ),
}

ADMIN = "administrative"
REVIEW = "review"  # attorney general, ombudsman, commission
COURT = "court"
NONE_STATED = "None stated"

# (kind, who, by when, citation). From the research CSV's appeal columns; "None stated" is literal.
APPEALS: dict[str, list[tuple[str, str, str, str]]] = {
    "AK": [
        (
            ADMIN,
            "Head of the state agency",
            "60 days after the denial (not checked against the regulation)",
            "2 AAC 96.340",
        ),
        (COURT, "Superior court", NONE_STATED, "AS 40.25.124-.125"),
    ],
    "AL": [(COURT, "Circuit court (civil action)", NONE_STATED, "Ala. Code § 36-12-40")],
    "AR": [(COURT, "Circuit court", NONE_STATED, "Ark. Code Ann. § 25-19-107")],
    "AZ": [
        (REVIEW, "Arizona Ombudsman-Citizens' Aide (informal)", NONE_STATED, "A.R.S. § 41-1376.01"),
        (COURT, "Superior court (special action)", NONE_STATED, "A.R.S. § 39-121.02"),
    ],
    "CA": [(COURT, "Superior court (petition)", NONE_STATED, "Gov. Code § 7923.000 et seq.")],
    "CO": [
        (COURT, "District court, after written notice of intent to sue", NONE_STATED, "C.R.S. § 24-72-204(5)")
    ],
    "CT": [
        (
            REVIEW,
            "Freedom of Information Commission",
            "30 calendar days after the denial",
            "Conn. Gen. Stat. § 1-206(b)",
        ),
        (COURT, "Superior Court", NONE_STATED, "Conn. Gen. Stat. § 1-206(d)"),
    ],
    "DC": [
        (
            ADMIN,
            "The Mayor (Mayor's Office of Legal Counsel); decision within 10 business days",
            NONE_STATED,
            "D.C. Code § 2-537(a)",
        ),
        (COURT, "D.C. Superior Court", NONE_STATED, "D.C. Code § 2-537"),
    ],
    "DE": [
        (REVIEW, "Attorney General (Chief Deputy AG) petition", "Not verified", "29 Del. C. § 10005(e)"),
        (COURT, "Superior Court", NONE_STATED, "29 Del. C. § 10005"),
    ],
    "FL": [
        (
            REVIEW,
            "Attorney General's Open Government Mediation (voluntary)",
            NONE_STATED,
            "Fla. Stat. § 16.60",
        ),
        (COURT, "Circuit court, accelerated hearing", NONE_STATED, "Fla. Stat. § 119.11"),
    ],
    "GA": [
        (REVIEW, "Attorney General (informal mediation)", NONE_STATED, "O.C.G.A. § 50-18-73"),
        (COURT, "Superior court", NONE_STATED, "O.C.G.A. § 50-18-73"),
    ],
    "HI": [
        (
            REVIEW,
            "Office of Information Practices",
            "1 year after the denial or the missed deadline",
            "HAR § 2-73-12(a)(1)",
        ),
        (COURT, "Circuit court", NONE_STATED, "HRS § 92F-15"),
    ],
    "IA": [
        (
            REVIEW,
            "Iowa Public Information Board",
            "60 days after the violation (not verified)",
            "Iowa Code § 23.7",
        ),
        (COURT, "District court", NONE_STATED, "Iowa Code § 22.10"),
    ],
    "ID": [
        (COURT, "District court (petition)", "180 days from the denial (not verified)", "Idaho Code § 74-115")
    ],
    "IL": [
        (
            REVIEW,
            "Attorney General's Public Access Counselor",
            "60 days after the denial or the missed deadline",
            "5 ILCS 140/9.5(a)",
        ),
        (COURT, "Circuit court", NONE_STATED, "5 ILCS 140/11"),
    ],
    "IN": [
        (REVIEW, "Public Access Counselor (formal complaint)", "30 days after the denial", "IC 5-14-5-7"),
        (COURT, "Court action (no complaint required first)", NONE_STATED, "IC 5-14-3-9(e)"),
    ],
    "KS": [
        (REVIEW, "Attorney General or county/district attorney (complaint)", NONE_STATED, "K.S.A. 45-228"),
        (COURT, "District court", NONE_STATED, "K.S.A. 45-222"),
    ],
    "KY": [
        (REVIEW, "Attorney General (decision within 20 business days)", NONE_STATED, "KRS 61.880(2)"),
        (
            COURT,
            "Circuit court",
            "30 days after the Attorney General's decision",
            "KRS 61.880(5); KRS 61.882",
        ),
    ],
    "LA": [(COURT, "District court (mandamus)", NONE_STATED, "La. R.S. 44:35")],
    "MA": [
        (REVIEW, "Supervisor of Records (Secretary of the Commonwealth)", "90 days", "950 CMR 32.08(1)"),
        (COURT, "Superior Court", NONE_STATED, "G.L. c. 66, § 10A(c)"),
    ],
    "MD": [
        (
            REVIEW,
            "Public Access Ombudsman (mediation), then the State PIA Compliance Board",
            "Board: 30 days after the ombudsman's final determination",
            "Md. Code, Gen. Prov. §§ 4-1B-04, 4-1A-05",
        ),
        (COURT, "Circuit court", NONE_STATED, "Md. Code, Gen. Prov. § 4-362"),
    ],
    "ME": [
        (REVIEW, "Public Access Ombudsman (informal)", NONE_STATED, "1 M.R.S. § 200-I"),
        (COURT, "Superior Court", "30 calendar days after written notice of denial", "1 M.R.S. § 409(1)"),
    ],
    "MI": [
        (
            ADMIN,
            "Head of the public body (decision within 10 business days)",
            NONE_STATED,
            "MCL 15.240(1)(a)",
        ),
        (
            COURT,
            "Circuit court (Court of Claims for state bodies)",
            "180 days after the final denial",
            "MCL 15.240(1)(b)",
        ),
    ],
    "MN": [
        (REVIEW, "Commissioner of Administration (advisory opinion)", "Not verified", "Minn. Stat. § 13.072"),
        (COURT, "District court", NONE_STATED, "Minn. Stat. § 13.08"),
    ],
    "MO": [
        (COURT, "Circuit court (or Attorney General enforcement)", "1 year (not verified)", "RSMo § 610.027")
    ],
    "MS": [
        (REVIEW, "Mississippi Ethics Commission (complaint)", NONE_STATED, "Miss. Code Ann. § 25-61-13"),
        (COURT, "Chancery court", NONE_STATED, "Miss. Code Ann. § 25-61-13"),
    ],
    "MT": [(COURT, "District court", NONE_STATED, "MCA 2-6-1009")],
    "NC": [(COURT, "Superior court (civil action; mediation first)", NONE_STATED, "N.C.G.S. § 132-9")],
    "ND": [
        (
            REVIEW,
            "Attorney General (opinion request)",
            "30 days after the alleged violation",
            "N.D.C.C. § 44-04-21.1",
        ),
        (COURT, "District court", NONE_STATED, "N.D.C.C. § 44-04-21.2"),
    ],
    "NE": [
        (REVIEW, "Attorney General (petition)", NONE_STATED, "Neb. Rev. Stat. § 84-712.03"),
        (COURT, "District court", NONE_STATED, "Neb. Rev. Stat. § 84-712.03"),
    ],
    "NH": [
        (REVIEW, "Right-to-Know Ombudsman", NONE_STATED, "RSA 91-A:7-b"),
        (COURT, "Superior court (petition)", NONE_STATED, "RSA 91-A:7"),
    ],
    "NJ": [
        (
            REVIEW,
            "Government Records Council (complaint)",
            "60 calendar days after the denial or deemed denial",
            "N.J.S.A. 47:1A-6; N.J.A.C. 5:105",
        ),
        (COURT, "Superior Court", "45 days (court rule)", "N.J.S.A. 47:1A-6"),
    ],
    "NM": [(COURT, "District court (or Attorney General enforcement)", NONE_STATED, "NMSA § 14-2-12")],
    "NV": [(COURT, "District court (application)", NONE_STATED, "NRS 239.011")],
    "NY": [
        (
            ADMIN,
            "The agency's head or appeals officer (decision within 10 business days; copy to the "
            "Committee on Open Government)",
            "30 days after the denial or constructive denial",
            "N.Y. Pub. Off. Law § 89(4)(a)",
        ),
        (COURT, "Supreme Court (Article 78 proceeding)", "4 months after the appeal decision", "CPLR 217"),
    ],
    "OH": [
        (REVIEW, "Court of Claims (mediation, then special master; $25 fee)", NONE_STATED, "R.C. 2743.75"),
        (COURT, "Mandamus (instead of the Court of Claims route)", NONE_STATED, "R.C. 149.43(C)"),
    ],
    "OK": [(COURT, "District court (or ask the DA or AG to review)", NONE_STATED, "51 O.S. § 24A.17")],
    "OR": [
        (
            REVIEW,
            "District attorney (local agencies, incl. sheriffs and city police); Attorney General "
            "(state agencies)",
            NONE_STATED,
            "ORS 192.415; ORS 192.411",
        ),
        (COURT, "Circuit court", NONE_STATED, "ORS 192.431"),
    ],
    "PA": [
        (
            REVIEW,
            "Office of Open Records (the county District Attorney's appeals officer for local "
            "criminal investigative records)",
            "15 business days after the denial or deemed denial",
            "65 P.S. § 67.1101(a)",
        ),
        (
            COURT,
            "Court of Common Pleas / Commonwealth Court",
            "30 days after the OOR decision",
            "65 P.S. § 67.1302",
        ),
    ],
    "RI": [
        (
            ADMIN,
            "Chief administrative officer of the public body (decision within 10 business days)",
            "Not verified",
            "R.I. Gen. Laws § 38-2-8(a)",
        ),
        (REVIEW, "Attorney General (complaint)", NONE_STATED, "R.I. Gen. Laws § 38-2-8(b)"),
        (COURT, "Superior Court", NONE_STATED, "R.I. Gen. Laws § 38-2-8(b)"),
    ],
    "SC": [(COURT, "Circuit court", "Not verified", "S.C. Code § 30-4-100")],
    "SD": [
        (
            REVIEW,
            "Office of Hearing Examiners (written request for review)",
            "90 days of the denial (not verified)",
            "SDCL § 1-27-38",
        ),
        (COURT, "Circuit court", NONE_STATED, "SDCL § 1-27-37"),
    ],
    "TN": [
        (REVIEW, "Office of Open Records Counsel (informal)", NONE_STATED, "T.C.A. § 8-4-601"),
        (COURT, "Chancery court (petition)", NONE_STATED, "T.C.A. § 10-7-505"),
    ],
    "TX": [
        (
            REVIEW,
            "Attorney General (complaint for failure to respond)",
            NONE_STATED,
            "Tex. Gov't Code § 552.3215",
        ),
        (COURT, "District court (writ of mandamus)", NONE_STATED, "Tex. Gov't Code § 552.321"),
    ],
    "UT": [
        (
            ADMIN,
            "The entity's chief administrative officer (decision within 5 business days)",
            "30 days after the denial or deemed denial",
            "Utah Code § 63G-2-401",
        ),
        (
            REVIEW,
            "State Records Committee (or the local appeals board)",
            "30 days after the officer's decision",
            "Utah Code § 63G-2-402",
        ),
        (COURT, "District court", NONE_STATED, "Utah Code § 63G-2-404"),
    ],
    "VA": [
        (
            COURT,
            "General district or circuit court (mandamus or injunction)",
            NONE_STATED,
            "Va. Code § 2.2-3713",
        )
    ],
    "VT": [
        (ADMIN, "Head of the agency (decision within 5 business days)", NONE_STATED, "1 V.S.A. § 318(c)"),
        (COURT, "Superior Court", NONE_STATED, "1 V.S.A. § 319"),
    ],
    "WA": [
        (
            ADMIN,
            "The agency's internal review (complete 2 business days after the denial)",
            NONE_STATED,
            "RCW 42.56.520(3)",
        ),
        (
            COURT,
            "Superior court",
            "1 year after the last production or claim of exemption",
            "RCW 42.56.550(6)",
        ),
    ],
    "WI": [
        (
            REVIEW,
            "District attorney or Attorney General (written request to sue)",
            NONE_STATED,
            "Wis. Stat. § 19.37(1)(b)",
        ),
        (COURT, "Circuit court (mandamus)", NONE_STATED, "Wis. Stat. § 19.37(1)(a)"),
    ],
    "WV": [
        (
            COURT,
            "Circuit court of the county where the records are kept",
            NONE_STATED,
            "W. Va. Code § 29B-1-5",
        )
    ],
    "WY": [
        (REVIEW, "Public Records Ombudsman (mediation)", NONE_STATED, "Wyo. Stat. § 16-4-201"),
        (COURT, "District court", NONE_STATED, "Wyo. Stat. § 16-4-203"),
    ],
}

# Primary text (the legislature's or the agency's own site) added where the CSV's sources were
# secondary only. Address patterns of the official code sites; the pages were not re-read here.
STATUTE_URLS: dict[str, list[str]] = {
    "AL": ["http://alisondb.legislature.state.al.us/alison/codeofalabama/1975/1-1-4.htm"],
    "AZ": ["https://www.azleg.gov/ars/39/00121-01.htm"],
    "CA": ["https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=CCP&sectionNum=12a"],
    "FL": [
        "http://www.leg.state.fl.us/statutes/index.cfm?App_mode=Display_Statute&URL=0100-0199/0119/Sections/0119.07.html"
    ],
    "IL": ["https://www.ilga.gov/legislation/ilcs/ilcs3.asp?ActID=85&ChapterID=2"],
    "NC": ["https://www.ncleg.gov/EnactedLegislation/Statutes/HTML/BySection/Chapter_132/GS_132-6.html"],
    "ND": ["https://www.ndlegis.gov/cencode/t44c04.pdf"],
    "NY": ["https://www.nysenate.gov/legislation/laws/PBO/89"],
    "PA": [
        "https://www.legis.state.pa.us/cfdocs/legis/LI/uconsCheck.cfm?txtType=HTM&yr=2008&sessInd=0&smthLwInd=0&act=3"
    ],
    "OH": ["https://codes.ohio.gov/ohio-revised-code/section-149.43"],
    "TX": ["https://statutes.capitol.texas.gov/Docs/GV/htm/GV.552.htm"],
    "UT": ["https://le.utah.gov/xcode/Title63G/Chapter2/63G-2-S204.html"],
    "WI": ["https://docs.legis.wisconsin.gov/statutes/statutes/19/ii/35"],
}

# Hosts whose pages carry the law's own text or the responsible office's guidance.
PRIMARY_HOSTS = (
    "legislature",
    "legis",
    "leg.state",
    "leginfo",
    "revisor",
    "ilga.gov",
    "azleg.gov",
    "ncleg.gov",
    "nysenate.gov",
    "codes.ohio.gov",
    "capitol.texas.gov",
    "le.utah.gov",
    "code.dccouncil.us",
    "delcode.delaware.gov",
    "lawfilesext.leg.wa.gov",
    "law.cornell.edu",
    "govt.westlaw.com",
    "attorneygeneral",
    "ag.state",
    "ksag.org",
    "ago.nebraska.gov",
    "marylandattorneygeneral.gov",
    "myflsunshine.com",
    "doj.state.wi.us",
    "ipib.iowa.gov",
    "iowaattorneygeneral.gov",
    "ohiocourtofclaims.gov",
    "sec.state.ma.us",
    "ethics.ms.gov",
    "foiacouncil.dls.virginia.gov",
    "portal.ct.gov",
    "archives.utah.gov",
    "ags.hawaii.gov",
    "sos.vermont.gov",
    "boa.sd.gov",
    "sdlegislature.gov",
    "ksrevisor.org",
    "archive.legmt.gov",
    "nebraskalegislature.gov",
    "alisondb",
    "ndlegis.gov",
    "docs.legis.wisconsin.gov",
)
# Unofficial copies of the statute or regulation text itself (not summaries): they count as primary text.
TEXT_MIRRORS = (
    "casetext.com/statute",
    "casetext.com/regulation",
    ".public.law",
    "elaws.us",
    "law.justia.com/codes",
    "regulations.justia.com",
    "cloudfront.net/statute",
    "cloudfront.net/regulation",
    "codes.findlaw.com",
    "codelibrary.amlegal.com",
)
# Secondary summaries (AI-written law sites, aggregators, town pages) never raise confidence alone.
SECONDARY_HOSTS = ("instalawyer.io", "lexace.ai", "ezel.ai", "einpresswire.com")


def is_primary(url: str) -> bool:
    address = url.split("//", 1)[-1].lower()
    host = address.split("/", 1)[0]
    if any(marker in host for marker in SECONDARY_HOSTS):
        return False
    return any(marker in host for marker in PRIMARY_HOSTS) or any(m in address for m in TEXT_MIRRORS)


def rules_for(state: str) -> dict[str, Any]:
    """Every curated rule for one state, in the JSON's field names."""
    rule, citation, note = LAST_DAY.get(state, (STAYS, "", ""))
    extension = EXTENSIONS.get(state)
    denial = DEEMED_DENIAL.get(state)
    follow_up = FOLLOW_UP.get(state)
    return {
        "last_day_rule": rule,
        "last_day_citation": citation,
        "last_day_note": note,
        "extension_days": extension[0] if extension else None,
        "extension_unit": extension[1] if extension else "",
        "extension_from": extension[2] if extension else "",
        "extension_citation": extension[3] if extension else "",
        "deemed_denial_citation": denial[0] if denial else "",
        "deemed_denial_rule": denial[1] if denial else "",
        "follow_up_days": follow_up[0] if follow_up else None,
        "follow_up_unit": follow_up[1] if follow_up else "",
        "follow_up_rule": follow_up[2] if follow_up else "",
        "appeal_steps": [
            {"kind": kind, "who": who, "by_when": by_when, "citation": cite}
            for kind, who, by_when, cite in APPEALS[state]
        ],
    }
