"""Cue words of relation extraction, per language (general vocabulary of press releases).

Each table holds lower-case, accent-free forms (compared after `kg.dates.fold`). Stems end
with "*": "financ*" matches financia, financiamento, financing.
"""
from __future__ import annotations

import re
from functools import lru_cache

CUES: dict[str, dict[str, list[str]]] = {
    "pt": {
        # posts and titles a person holds in an institution or government
        "post": ["presidente*", "vice-presidente*", "ministr*", "vice-ministr*", "secretari*", "subsecretari*",
                 "diretor*", "director*", "gerente*", "chefe", "coordenador*", "representante*", "porta-voz",
                 "prefeit*", "governador*", "embaixador*", "chanceler", "consul", "assessor*", "superintendente*",
                 "conselheir*", "deputad*", "senador*", "vereador*", "reitor*", "especialista*", "economista*",
                 "executiv*", "head", "ceo", "lider", "fundador*", "titular", "membro*", "funcionari*",
                 "analista*", "chefe de estado", "homolog*", "mandatari*", "procurador*", "juiz", "juiza"],
        "speech": ["palestra*", "discurs*", "apresentou", "inaugural", "exposi*", "falou", "abertura"],
        "organizer": ["organiz*", "coorganiz*", "co-organiz*", "promov*", "coorden*", "convoc*", "realiz*", "a cargo"],
        "host": ["anfitri*", "acolh*", "hosped*", "sediou", "sediad*", "sedia"],
        "sponsor": ["apoi*", "patrocin*", "financ*", "cooperacao d*"],
        "funding": ["financ*", "emprest*", "credito*", "aprovou", "aprovad*", "aprovacao", "aprova", "aprovam",
                    "aprovaram", "doacao", "doacoes", "doou", "doar", "recursos", "investiment*",
                    "desembols*", "linha de credito", "operac* de credito"],
        "partner": ["acordo*", "convenio*", "memorando*", "cooperac*", "parceri*", "alianca*", "colabora*",
                    "apoi*", "juntos", "conjunt*", "protocolo*", "assinaram", "firmaram", "uniram",
                    "coorganiz*", "co-organiz*", "executad*", "coexecut*", "junto com"],
        "elect": ["como", "cargo de", "posicao de", "eleit*", "nomead*", "empossad*", "assum*", "funcao de",
                  "a frente d*", "liderar*"],
        "both": ["ambos", "ambas", "todos", "todas"],
        "past": ["antecessor*", "sucedendo", "sucede*", "ex-*", "ex", "predecessor*", "anterior"],
    },
    "es": {
        "post": ["presidente*", "presidenta*", "vicepresidente*", "vicepresidenta*", "ministr*", "viceministr*",
                 "secretari*", "subsecretari*", "director*", "gerente*", "jefe*", "jefa*", "coordinador*",
                 "representante*", "portavoz", "vocero*", "alcalde*", "gobernador*", "embajador*", "canciller*",
                 "consul", "asesor*", "superintendente*", "consejer*", "diputad*", "senador*", "rector*",
                 "especialista*", "economista*", "ejecutiv*", "titular", "miembro*", "funcionari*",
                 "conservador*", "homolog*", "mandatari*", "fundador*", "cientista*", "investigador*",
                 "procurador*", "fiscal general", "intendent*", "alcaldesa*", "gerenta*", "jefa*"],
        "speech": ["conferencia magistral", "discurs*", "ponencia*", "expus*", "palabras", "inaugur*",
                   "intervencion*"],
        "organizer": ["organiz*", "coorganiz*", "co-organiz*", "promov*", "coordin*", "convoc*", "realiz*", "a cargo"],
        "host": ["anfitri*", "acog*", "hosped*"],
        "sponsor": ["apoy*", "patrocin*", "auspici*", "financ*"],
        "funding": ["financ*", "prestamo*", "credito*", "aprob*", "aprueba", "donacion*", "dono", "donar",
                    "recursos",
                    "inversion*", "desembols*", "linea de credito", "operacion* de credito"],
        "partner": ["acuerdo*", "convenio*", "memorando*", "memorandum", "cooperacion", "alianza*", "colabora*",
                    "apoy*", "juntos", "conjunt*", "protocolo*", "firmaron", "suscribieron", "unieron",
                    "coorganiz*", "co-organiz*", "ejecutad*", "junto con"],
        "elect": ["como", "cargo de", "puesto de", "electo", "elegid*", "nombrad*", "designad*", "asum*",
                  "al frente d*", "liderar*"],
        "both": ["ambos", "ambas", "todos", "todas"],
        "past": ["antecesor*", "sucediendo", "suced*", "ex-*", "ex", "predecesor*", "anterior"],
    },
    "en": {
        "post": ["president*", "vice-president*", "vice president*", "minister*", "vice-minister*", "secretary*",
                 "undersecretary*", "director*", "manager*", "chief*", "head", "coordinator*", "representative*",
                 "spokes*", "mayor*", "governor*", "ambassador*", "chancellor*", "consul", "adviser*", "advisor*",
                 "superintendent*", "councillor*", "deputy", "senator*", "rector*", "specialist*", "economist*",
                 "executive*", "chair*", "ceo", "member*", "official*", "founder*", "officer*", "leader*",
                 "counterpart*", "commissioner*", "envoy*", "attorney general", "dean", "professor*"],
        "speech": ["speech*", "remarks", "keynote", "present*", "address*", "spoke", "speak*", "lecture*"],
        "organizer": ["organi*", "coorgani*", "co-organi*", "promot*", "coordinat*", "convened", "convene*", "held by"],
        "host": ["host*", "welcom*"],
        "sponsor": ["support*", "sponsor*", "funded", "financ*"],
        "funding": ["financ*", "loan*", "credit", "credits", "approv*", "grant*", "donat*", "fund", "funds",
                    "funded", "funding", "invest*",
                    "disburs*", "line of credit", "resources"],
        "partner": ["agreement*", "memorand*", "cooperation", "partnership*", "alliance*", "collaborat*",
                    "together", "joint*", "protocol*", "signed", "renewed", "mou",
                    "co-organi*", "coorgani*", "implemented by", "executed by"],
        "elect": ["as", "post of", "position of", "elected", "appointed", "named", "took office", "at the helm"],
        "both": ["both", "all"],
        "past": ["predecessor*", "succeed*", "former", "ex-*", "previous*"],
    },
}


def _pattern(words: list[str]) -> re.Pattern[str]:
    alts = sorted(words, key=len, reverse=True)
    parts = [re.escape(w[:-1]) + r"[\w-]*" if w.endswith("*") else re.escape(w) for w in alts]
    return re.compile(r"(?<![\w-])(?:" + "|".join(parts) + r")(?![\w-])")


@lru_cache(maxsize=None)
def cue(lang: str, family: str) -> re.Pattern[str]:
    """Regex for one family of cues of `lang` (English for languages kg has no table for)."""
    table = CUES.get(lang, CUES["en"])
    return _pattern(table[family])


@lru_cache(maxsize=None)
def words(lang: str, family: str) -> frozenset[str]:
    return frozenset(CUES.get(lang, CUES["en"])[family])
