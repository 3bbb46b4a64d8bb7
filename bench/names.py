"""Word lists for generated data: agency names, request titles, people. Plausible, never real records."""

STATE_AGENCIES = [
    "{state} Highway Patrol",
    "{state} State Police",
    "{state} Department of Corrections",
    "{state} Department of Public Safety",
    "{state} Bureau of Investigation",
    "{state} Department of Motor Vehicles Police",
    "{state} Fish and Wildlife Enforcement",
    "{state} National Guard Counterdrug Program",
    "{state} Department of Juvenile Justice",
    "{state} Attorney General's Office",
]
CORRECTIONS = [
    "{county} Jail",
    "{county} Detention Center",
    "{county} Department of Corrections",
    "{county} Regional Jail",
    "{county} Adult Detention Facility",
]
OTHER = [
    "{place} University Police Department",
    "{county} Constable Precinct {n}",
    "{county} District Attorney's Office",
    "{place} Marshal's Office",
    "{place} Port Authority Police",
    "{place} Community College Police",
    "{place} Airport Police",
    "{place} Housing Authority Police",
]
MUNICIPAL = [
    "{place} Police Department",
    "{place} Police Department",
    "{place} Police Department",
    "City of {place} Police",
    "{place} Department of Public Safety",
    "Town of {place} Police Department",
]

REQUEST_TITLES = [
    "287(g) agreement, addenda and training records",
    "Communications with ICE about detainers, {year}",
    "ICE detainer requests received, {year}",
    "Release notifications sent to ICE, {year}",
    "Jail booking data shared with DHS",
    "Policy on ICE administrative warrants",
    "Task Force Model officer nominations and certifications",
    "Emails mentioning '287(g)', {year}",
    "Steering committee minutes for the 287(g) program",
    "Invoices and reimbursements from ICE, {year}",
    "Records of ICE access to the jail",
    "Use of license-plate reader data by federal agencies",
]
SOUGHT = (
    "All records, including emails, memoranda, agreements, policies and data, concerning {topic}, "
    "from January 1, {year} to the date of this request."
)
TOPICS = [
    "the agency's participation in the 287(g) program",
    "detainer requests and I-247 forms received from U.S. Immigration and Customs Enforcement",
    "notifications to ICE of the release dates of people in custody",
    "access by ICE officers to the jail and its booking records",
    "the sharing of booking, arrest or license-plate data with DHS",
]
FIRST_NAMES = [
    "Ana",
    "Luis",
    "Maria",
    "James",
    "Sofia",
    "David",
    "Grace",
    "Omar",
    "Elena",
    "Tom",
    "Rosa",
    "Kevin",
    "Lucia",
    "Marcus",
    "Priya",
    "Daniel",
    "Carmen",
    "Ahmed",
    "Julia",
    "Pedro",
]
LAST_NAMES = [
    "Garcia",
    "Smith",
    "Nguyen",
    "Johnson",
    "Lopez",
    "Brown",
    "Martinez",
    "Davis",
    "Hernandez",
    "Wilson",
    "Patel",
    "Rodriguez",
    "Kim",
    "Moore",
    "Torres",
    "Clark",
    "Rivera",
    "Lewis",
    "Flores",
    "Walker",
]
NOTES = [
    "Called the records office; left a voicemail.",
    "Records clerk says the request was routed to legal.",
    "Followed up by email.",
    "Agency asked us to narrow the date range; we declined.",
]
