"""English word lists for kg's rule components."""

INSTITUTION_HEADS = {
    "Ministry", "Secretariat", "Bank", "University", "Foundation", "Agency", "Institute", "Commission", "Council",
    "Corporation", "Fund", "Organization", "Organisation", "Association", "Chamber", "Confederation",
    "Federation", "Court", "Police", "Congress", "Senate", "Assembly", "Government", "Presidency", "Department",
    "Authority", "Office", "Embassy", "Parliament", "Party", "Union", "Committee", "Treasury",
    "School", "College", "Center", "Centre", "Program", "Programme", "Museum", "Service", "Alliance", "Network",
    "Society", "Academy", "Unit", "Group",
}
#: English names end with their head: "Inter-American Development Bank", "National Water Department".
INSTITUTION_TAILS = {
    "Bank", "University", "Foundation", "Agency", "Institute", "Commission", "Council", "Corporation", "Fund",
    "Organization", "Organisation", "Association", "Chamber", "Department", "Authority", "Office", "Ministry",
    "Secretariat", "Parliament", "Party", "Union", "Committee", "Service", "Alliance", "Network", "Society",
    "Academy", "Group", "Company", "Energy", "Holdings", "Inc.", "Ltd.", "Ltd", "Corp.", "Co.", "Trust",
    "Partners", "Capital", "Bureau", "Agencies", "Programme", "Program", "Center", "Centre", "College", "School",
}
DEMONYM_INSTITUTIONS: set[str] = set()
PLACE_GOVERNMENTS = {"Government", "Embassy", "Presidency"}

PARTICLES = {"of", "for", "the", "de", "da", "do", "dos", "del", "la", "van", "von", "d'"}
CONJUNCTIONS = {"and", "or"}
HONORIFICS = {"Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Prof.", "Sir", "Dame", "Lord"}

EVENT_NOUNS = {
    "agreement": "signing", "memorandum": "signing", "treaty": "signing",
    "seminar": "seminar", "seminars": "seminar", "workshop": "seminar", "workshops": "seminar", "course": "seminar",
    "training": "seminar", "symposium": "seminar", "webinar": "seminar", "lecture": "seminar",
    "meeting": "meeting", "meetings": "meeting", "session": "meeting", "talks": "meeting", "dialogue": "meeting",
    "roundtable": "meeting", "hearing": "meeting", "summit": "summit",
    "conference": "conference", "congress": "conference", "convention": "conference",
    "forum": "forum", "fair": "forum", "expo": "forum", "exhibition": "forum",
    "visit": "visit", "trip": "visit", "tour": "visit",  # a "mission" is a team more often than a visit
    "signing": "signing", "approval": "approval", "election": "election", "inauguration": "election",
    "ceremony": "ceremony", "celebration": "ceremony", "assembly": "assembly", "launch": "launch",
}
EVENT_VERBS = {"approved": "approval", "approves": "approval", "signed": "signing", "signs": "signing"}
EVENT_PREMODIFIERS = {"first", "second", "third", "fourth", "fifth", "sixth", "last", "new", "official", "annual",
                      "regional", "ministerial", "bilateral", "technical", "high-level", "opening", "closing",
                      "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
EVENT_ANAPHORA = {"event"}
PHRASE_STOPS = {"that", "which", "where", "when", "who", "whose", "was", "were", "is", "are", "will", "would",
                "had", "has", "have", "can", "should", "as", "but", "said", "says", "according", "also", "held",
                "took", "since", "yesterday", "today", "tomorrow", "during", "after", "before", "this", "on"}
#: Endings of finite verbs (past, future) that end a noun phrase ("a visita do ministro supondrá").
VERB_ENDINGS = ()
#: Verbs of saying that stand next to a person's name ("said Kofi Asante", "Kofi Asante noted").
SPEECH_VERBS = {"said", "says", "told", "added", "noted", "stressed", "explained", "stated", "remarked", "emphasized",
                "emphasised", "underlined", "highlighted", "observed", "commented", "recalled", "affirmed"}
#: Words that open a region's name ("Province of Rio Claro"); English puts most of them last.
PLACE_HEADS = {"Province", "Region", "District", "Department"}
#: Words that end a region's name ("Rio Claro Valley").
PLACE_TAILS = {"Valley", "Province", "Region", "District", "Parish", "County", "Island", "Islands"}
#: Common nouns followed by "of" and a place's name ("the city of Rio Claro").
PLACE_CUES = {"city", "cities", "town", "towns", "municipality", "district", "department", "province",
              "region", "parish", "parishes", "village", "community", "capital"}
PLACE_PREPOSITIONS = {"in"}
#: Occupations that introduce a person's name as a post does ("the economist Kofi Asante").
PERSON_NOUNS = {"economist", "expert", "specialist", "consultant", "researcher", "analyst", "professor", "scientist",
                "engineer", "lawyer", "journalist", "activist", "architect", "entrepreneur", "spokesperson",
                "spokesman", "spokeswoman"}
#: Words that attribute what follows to a person ("according to Kofi Asante").
SOURCE_WORDS = {"according"}
