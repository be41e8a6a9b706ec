"""Spanish word lists for kg's rule components."""

INSTITUTION_HEADS = {
    "Ministerio", "Secretaría", "Subsecretaría", "Banco", "Universidad", "Fundación", "Agencia", "Instituto",
    "Comisión", "Consejo", "Corporación", "Fondo", "Organización", "Asociación", "Cámara", "Confederación",
    "Federación", "Tribunal", "Policía", "Congreso", "Senado", "Asamblea", "Alcaldía", "Municipalidad",
    "Intendencia", "Gobernación", "Gobierno", "Presidencia", "Departamento", "Superintendencia", "Autoridad",
    "Empresa", "Compañía", "Grupo", "Escuela", "Facultad", "Centro", "Programa", "Directorio", "Dirección",
    "Embajada", "Procuraduría", "Defensoría", "Contraloría", "Servicio", "Parlamento", "Partido", "Sindicato",
    "Cooperativa", "Alianza", "Comité", "Junta", "Gabinete", "Tesoro", "Hospital", "Museo", "Observatorio",
    "Coordinación", "Casa", "Ejército", "Armada", "Fuerza", "Fuerzas", "Cancillería", "Vicepresidencia", "Red",
    "Sociedad", "Academia", "Oficina", "Unidad", "Bolsa", "Petróleos", "Pontificia", "Registro", "Complejo",
}
from .en import INSTITUTION_TAILS  # noqa: E402,F401
DEMONYM_INSTITUTIONS = {"cancillería", "congreso", "senado", "ejército"}
PLACE_GOVERNMENTS = {"Gobierno", "Alcaldía", "Municipalidad", "Intendencia", "Gobernación", "Embajada", "Presidencia",
                     "Cancillería"}

PARTICLES = {"de", "del", "la", "las", "los", "da", "do", "dos", "di", "van", "von", "d'", "al", "para", "contra", "sobre"}
CONJUNCTIONS = {"y", "e", "o", "u"}
HONORIFICS = {"Sr.", "Sra.", "Dr.", "Dra.", "Don", "Doña", "señor", "señora", "doctor", "doctora", "Lic.", "Ing."}

EVENT_NOUNS = {
    "acuerdo": "signing", "convenio": "signing", "memorando": "signing", "tratado": "signing",
    "seminario": "seminar", "seminarios": "seminar", "taller": "seminar", "talleres": "seminar", "curso": "seminar",
    "capacitación": "seminar", "simposio": "seminar", "conversatorio": "seminar", "charla": "seminar",
    "reunión": "meeting", "reuniones": "meeting", "encuentro": "meeting", "encuentros": "meeting", "sesión": "meeting",
    "audiencia": "meeting", "mesa": "meeting", "diálogo": "meeting", "debate": "meeting",
    "cumbre": "summit",
    "conferencia": "conference", "congreso": "conference", "convención": "conference",
    "foro": "forum", "feria": "forum", "exposición": "forum",
    "visita": "visit", "viaje": "visit", "gira": "visit", "periplo": "visit",
    "firma": "signing", "suscripción": "signing",
    "aprobación": "approval",
    "elección": "election", "investidura": "election", "posesión": "election",
    "ceremonia": "ceremony", "acto": "ceremony", "celebración": "ceremony",
    "asamblea": "assembly",
    "lanzamiento": "launch", "inauguración": "launch",
}
EVENT_VERBS = {"aprobó": "approval", "aprobaron": "approval", "aprueba": "approval", "firmaron": "signing",
               "firmó": "signing", "suscribieron": "signing", "suscribió": "signing",
               "firmará": "signing", "firmarán": "signing", "suscribirá": "signing", "aprobará": "approval"}
EVENT_PREMODIFIERS = {"primera", "primer", "primero", "segunda", "segundo", "tercera", "tercer", "última", "último",
                      "nueva", "nuevo", "gran", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
EVENT_ANAPHORA = {"evento", "encuentro", "actividad"}
PHRASE_STOPS = {"que", "donde", "cuando", "cual", "cuales", "cuyo", "cuya", "fue", "fueron", "es", "son", "será",
                "serán", "tuvo", "tiene", "tendrá", "va", "debe", "está", "están", "como", "pero", "pues", "afirmó",
                "dijo", "destacó", "según", "además", "realizado", "realizada", "realizó", "se", "desde", "este", "esta",
                "ayer", "hoy", "mañana", "durante", "tras", "antes", "después"}
#: Endings of finite verbs (past, future) that end a noun phrase ("a visita do ministro supondrá").
VERB_ENDINGS = ("ó", "aron", "ieron", "rá", "rán", "aba", "aban")
#: Verbs of saying that stand next to a person's name ("dijo Kofi Asante", "Kofi Asante afirmó").
SPEECH_VERBS = {"dijo", "afirmó", "declaró", "destacó", "explicó", "señaló", "indicó", "agregó", "añadió", "sostuvo",
                "subrayó", "resaltó", "enfatizó", "aseguró", "comentó", "manifestó", "expresó", "recordó", "precisó"}
#: Words that open a region's name ("Valle del Río Claro", "Distrito Central").
PLACE_HEADS = {"Valle", "Región", "Distrito", "Zona", "Isla", "Cuenca", "Sierra", "Provincia", "Departamento",
               "Municipio", "Cantón", "Parroquia", "Comuna"}
#: Common nouns followed by "de" and a place's name ("en el municipio de Lagoa Azul").
PLACE_CUES = {"municipio", "municipios", "ciudad", "ciudades", "distrito", "departamento", "provincia",
              "región", "localidad", "comunidad", "parroquia", "cantón", "comuna", "corregimiento", "aldea", "barrio",
              "capital", "villa", "pueblo"}
PLACE_PREPOSITIONS = {"en"}
#: Words that end a region's name (English "Rio Claro Valley"; none here).
PLACE_TAILS: set[str] = set()
#: Occupations that introduce a person's name as a post does ("el economista Kofi Asante").
PERSON_NOUNS = {"economista", "experto", "experta", "especialista", "consultor", "consultora", "investigador",
                "investigadora", "analista", "profesor", "profesora", "científico", "científica", "ingeniero",
                "ingeniera", "abogado", "abogada", "periodista", "activista", "arquitecto", "arquitecta",
                "empresario", "empresaria", "vocero", "vocera", "portavoz"}
#: Words that attribute what follows to a person ("según Kofi Asante").
SOURCE_WORDS = {"según"}
