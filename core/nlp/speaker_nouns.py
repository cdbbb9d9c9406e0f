"""Nouns around speakers: titles stripped from names, nouns that can head a speaker phrase,
people, documents and representatives that speak for a body, recipients of "told".

Data, like the rest of `lexicon`, which re-exports every name here.
"""

from __future__ import annotations

#: Titles and roles stripped from a name ("Serbian President Aleksandar Vucic" → Aleksandar Vucic).
TITLE_WORDS = frozenset({
    "president", "vice", "vice-president", "prime", "minister", "premier", "chancellor",
    "secretary", "secretary-general", "undersecretary", "under-secretary", "general", "major",
    "lieutenant", "lt.", "colonel", "col.", "gen.", "maj.", "brig.", "brigadier", "admiral",
    "adm.", "commander", "chief", "spokesman", "spokeswoman", "spokesperson", "ambassador",
    "envoy", "representative", "deputy", "acting", "former", "ex", "senator", "sen.", "rep.",
    "congressman", "congresswoman", "governor", "gov.", "mayor", "king", "queen", "prince",
    "princess", "pope", "patriarch", "bishop", "archbishop", "cardinal", "sheikh", "emir",
    "president-elect", "speaker", "chairman", "chairwoman", "chair", "chairperson", "director",
    "director-general", "head", "leader", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.",
    "prof", "prof.", "professor", "sir", "dame", "lord", "lady", "judge", "prosecutor",
    "attorney", "commissioner", "high", "official", "officer", "analyst", "expert",
    "researcher", "lawmaker", "mp", "mep", "member", "adviser", "advisor", "aide", "diplomat",
    "negotiator", "coordinator", "inspector", "captain", "capt.", "sergeant", "sgt.", "marshal",
    "rapporteur", "ceo", "founder", "co-founder", "executive", "counterpart", "colleague",
    "foreign", "defense", "defence", "interior", "finance", "justice", "state", "affairs",
    "policy", "mediator", "observer", "activist", "campaigner", "lawyer", "economist",
    "journalist", "editor", "correspondent", "reporter", "resident", "witness",
    "survivor", "victim", "owner", "priest", "imam", "rabbi", "ombudsman",
    "ombudsperson", "president's", "presidential", "special", "top", "senior",
    "chief-of-staff", "staff", "army", "first", "crown", "dep.", "pres.", "pm",
    "rev.", "reverend", "father", "sister", "brother", "mother", "st.", "saint",
    # British style writes military ranks without full stops: "Maj Gen Angelo Ristuccia".
    "maj", "gen", "lt", "col", "brig", "adm", "capt", "sgt", "cpl", "cdr", "lt-col", "lt-gen",
    "vice-premier", "vice-chairman", "vice-chair", "vice-chancellor", "vice-minister",
    "vice-mayor", "vice-governor", "deputy-premier", "co-chair", "co-chairman",
})

#: Nouns that can head a speaker phrase written in lowercase ("the ministry said",
#: "local Serb authorities said", "the report says").
SPEAKER_NOUNS = frozenset({
    # institutions
    "ministry", "government", "council", "commission", "office", "agency", "force", "forces",
    "alliance", "union", "party", "parliament", "assembly", "army", "military", "police",
    "court", "tribunal", "committee", "department", "bank", "fund", "organisation",
    "organization", "association", "federation", "institute", "foundation", "group", "mission",
    "embassy", "presidency", "cabinet", "administration", "secretariat", "service", "command",
    "coalition", "movement", "bloc", "authorities", "authority", "municipality", "prosecution",
    "prosecutors", "opposition", "leadership", "team", "company", "firm", "operator", "board",
    "peacekeepers", "troops", "delegation", "contingent", "unit", "campaign",
    "countries", "nations", "governments", "groups", "organisations", "organizations",
    "agencies", "parties", "companies", "firms", "ministries", "unions", "charity", "charities",
    "families", "hospital", "hospitals", "outlets", "newspapers", "networks", "campaigns",
    "institutions", "network", "society", "societies", "crescent", "cross",
    "forecasters", "economists", "strategists", "historians", "scholars", "researchers",
    "scientists", "pollsters", "insiders", "operatives", "advocates", "attorneys",
    "investigators", "consultants", "donors", "delegates", "superdelegates", "candidates",
    "rivals", "conservatives", "liberals", "progressives", "moderates", "evangelicals",
    "executives", "staffers", "commentators", "pundits", "authors", "writers", "producers",
    "bloggers", "users", "fans", "parents", "agents", "senators", "congressmen", "governors",
    "justices", "strategist", "economist", "historian", "scholar", "researcher", "scientist",
    "pollster", "operative", "advocate", "attorney", "investigator", "consultant", "donor",
    "delegate", "candidate", "rival", "executive", "staffer", "commentator", "pundit",
    "author", "writer", "producer", "blogger", "parent", "agent", "congressman", "professor",
    "professors", "teachers", "nurses", "engineers", "drivers", "farmers", "owners",
    # people in roles, singular and plural
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official", "officials",
    "minister", "ministers", "president", "premier", "leader", "leaders", "chief", "head",
    "commander", "commanders", "envoy", "envoys", "ambassador", "diplomat", "diplomats",
    "representative", "representatives", "mediator", "mediators", "negotiator", "negotiators",
    "mayor", "mayors", "lawmaker", "lawmakers", "legislator", "legislators", "senator",
    "prosecutor", "lawyer", "lawyers", "analyst", "analysts", "expert", "experts", "observer",
    "observers", "witness", "witnesses", "resident", "residents", "source", "sources",
    "protester", "protesters", "protestors", "demonstrators", "activist", "activists",
    "organisers", "organizers", "soldier", "soldiers", "officer", "officers", "member",
    "members", "citizens", "people", "locals", "villagers", "survivors", "victims", "family",
    "relatives", "doctors", "doctor", "medics", "staff", "adviser", "advisers", "advisor",
    "aide", "aides", "governor", "chairman", "chairwoman", "director", "secretary", "judge",
    "monitors", "inspectors", "veterans", "students", "workers", "allies", "partners",
    "broker", "deputy", "counterpart", "colleague", "colleagues", "critics",
    "supporters", "opponents", "journalists", "reporters", "correspondent", "editor", "priest",
    "bishop", "patriarch", "church", "clergy", "owner", "employees", "man", "woman",
    "men", "women", "person", "shopkeeper", "teacher", "driver", "student", "worker",
    "pensioner", "mother", "father", "son", "daughter", "wife", "husband", "neighbour",
    "neighbor", "neighbours", "neighbors", "friend", "friends", "youth", "child", "children",
    "boy", "girl", "nurse", "engineer", "electrician", "manager", "guard", "volunteer",
    "volunteers", "refugee", "refugees", "migrant", "voter", "voters", "citizen", "local",
    "passer-by", "eyewitness", "eyewitnesses", "participant", "participants",
    # documents and outlets
    "statement", "statements", "report", "reports", "publication", "newspaper", "daily",
    "weekly", "outlet", "broadcaster", "channel", "website", "portal", "media", "press",
    "communique", "communiqué", "release", "announcement", "declaration", "letter", "document",
    "message", "post", "tweet", "resolution", "study", "survey", "poll", "paper", "magazine",
    "article", "note", "notice", "memo", "text", "bulletin", "decree", "ruling", "verdict",
    "indictment", "filing", "complaint", "petition", "appeal", "transcript", "readout",
    "draft", "proposal", "plan", "news", "station", "television", "radio", "tv", "blog",
})

#: Singular people: "the mayor said … she said" and "one woman from Zvecan" are persons.
PERSON_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "official", "minister", "president", "premier",
    "leader", "chief", "head", "commander", "envoy", "ambassador", "diplomat", "representative",
    "mediator", "negotiator", "mayor", "lawmaker", "legislator", "senator", "prosecutor",
    "lawyer", "analyst", "expert", "observer", "witness", "resident", "source", "protester",
    "activist", "soldier", "officer", "member", "adviser", "advisor", "aide", "governor",
    "chairman", "chairwoman", "director", "secretary", "judge", "doctor", "deputy",
    "counterpart", "colleague", "correspondent", "editor", "priest", "bishop", "patriarch",
    "owner", "man", "woman", "person", "shopkeeper", "teacher", "driver", "student", "worker",
    "pensioner", "mother", "father", "son", "daughter", "wife", "husband", "neighbour",
    "neighbor", "friend", "youth", "child", "boy", "girl", "nurse", "engineer", "electrician",
    "manager", "guard", "volunteer", "refugee", "migrant", "voter", "citizen", "local",
    "passer-by", "eyewitness", "participant", "farmer", "veteran", "strategist", "economist",
    "historian", "scholar", "researcher", "scientist", "pollster", "operative", "advocate",
    "attorney", "investigator", "consultant", "donor", "delegate", "candidate", "executive",
    "staffer", "commentator", "pundit", "author", "writer", "producer", "blogger", "parent",
    "agent", "congressman", "professor",
})
#: Plural people: "they said" after "officials said" is those officials.
PEOPLE_NOUNS = frozenset({
    "officials", "ministers", "leaders", "commanders", "envoys", "diplomats", "representatives",
    "mediators", "negotiators", "mayors", "lawmakers", "legislators", "prosecutors", "lawyers",
    "analysts", "experts", "observers", "witnesses", "residents", "sources", "protesters",
    "protestors", "demonstrators", "activists", "organisers", "organizers", "soldiers",
    "officers", "members", "citizens", "people", "locals", "villagers", "survivors", "victims",
    "relatives", "doctors", "medics", "advisers", "aides", "monitors", "inspectors", "veterans",
    "forecasters", "economists", "strategists", "historians", "scholars", "researchers",
    "scientists", "pollsters", "insiders", "operatives", "advocates", "attorneys", "donors",
    "delegates", "superdelegates", "candidates", "rivals", "conservatives", "liberals",
    "executives", "staffers", "commentators", "pundits", "parents", "senators", "professors",
    "students", "workers", "farmers", "critics", "supporters", "opponents", "journalists",
    "reporters", "spokespeople", "colleagues", "employees", "owners", "peacekeepers", "troops",
    "authorities", "allies", "partners", "police", "men", "women", "children", "neighbours",
    "countries", "nations", "governments", "groups", "families", "organisations", "organizations",
    "neighbors", "friends", "volunteers", "refugees", "voters", "eyewitnesses", "participants",
})

#: Documents that speak for whoever issued them: "the statement said" after "NATO condemned…"
#: is NATO. (A report or a newspaper is a source in its own right and keeps its own name.)
ISSUED_NOUNS = frozenset({
    "statement", "statements", "communique", "communiqué", "release", "announcement",
    "declaration", "letter", "message", "post", "tweet", "note", "readout", "memo", "notice",
    "bulletin", "text", "document",
})

#: Sources whose origin follows "from"/"by": "a statement from NATO", "data by the ministry".
SOURCED_NOUNS = frozenset({
    "data", "figures", "report", "reports", "information", "study", "survey", "poll",
    "estimate", "estimates", "statistics", "count", "tally", "assessment", "analysis",
})

#: People who speak for an organisation: "a NATO spokesman said" → NATO.
REPRESENTATIVE_NOUNS = frozenset({
    "spokesman", "spokeswoman", "spokesperson", "spokespeople", "representative",
    "representatives", "press office", "press service", "office", "source", "sources",
})

#: Parts of an organisation that speak for it: "the agency's mission in Libya" is the agency.
UNIT_NOUNS = frozenset({"mission", "office", "branch", "delegation", "team", "bureau", "secretariat", "headquarters", "press office", "spokesperson", "spokesman", "spokeswoman"})

#: Role nouns that take "of"/"for" + organisation: "the commander of the NATO mission".
ROLE_OF_NOUNS = frozenset({
    "head", "chief", "commander", "leader", "spokesman", "spokeswoman", "spokesperson",
    "president", "director", "secretary", "member", "members", "minister", "chairman",
    "chairwoman", "representative", "representatives", "ambassador", "envoy", "official",
    "officials", "statement", "report", "ministry", "office", "government", "mayor",
    "governor", "team", "group", "source", "sources", "deputy", "adviser", "advisor", "aide",
})

#: What "according to" is followed by when it does not report a source ("according to the plan").
ACCORDING_TO_RULES = frozenset({
    "plan", "plans", "law", "laws", "agreement", "agreements", "schedule", "constitution",
    "rules", "rule", "mandate", "deal", "procedure", "procedures", "tradition", "legend",
    "protocol", "timetable", "treaty", "regulations", "standards", "principle", "principles",
    "script", "custom", "need", "needs", "size", "age", "type", "order", "estimates",
    "tally", "count", "toll",
})

#: Recipients of "told": "told reporters", "told a news conference", "told N1 television".
RECIPIENT_NOUNS = frozenset({
    "reporters", "journalists", "media", "press", "lawmakers", "legislators", "parliament",
    "conference", "briefing", "television", "tv", "radio", "broadcaster", "newspaper", "daily",
    "agency", "audience", "crowd", "supporters", "students", "gathering", "rally", "meeting",
    "session", "assembly", "forum", "summit", "interview", "channel", "station", "outlet",
    "portal", "website", "podcast", "citizens", "people", "nation", "public", "members",
    "diplomats", "ambassadors", "envoys", "leaders", "counterpart", "counterparts", "officials",
    "delegates", "delegation", "committee", "council", "senators", "congress", "cabinet",
    "colleagues", "partners", "allies", "correspondent", "viewers", "listeners", "readers",
})
