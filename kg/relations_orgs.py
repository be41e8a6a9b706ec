"""Institutions: basedIn (country or place), funds (with amount and currency), partnerOf.

- basedIn: a country or place named inside the institution's name or right after it
  ("Ministerio de Hacienda de Chile", "Prefeitura de X", "cancillería mexicana"), a seat cue
  ("com sede em Lima", "headquarters in Quito, Ecuador"), the side of a bilateral meeting
  ("Pelo lado paraguaio, participaram ...").
- funds: a sentence with a financing cue (empréstimo, préstamo, loan, financia...): the lender is
  the institution before the cue (or the last lender of the article), the borrowers the countries,
  places and institutions after it; the nearest amount "US$ 750 milhões" goes with it.
- partnerOf: in a sentence with an agreement or cooperation cue, the institutions the text joins:
  a list that signs together (every pair), "X em parceria com Y e Z", "X firmó con Y", "executada
  pela X e pelo Y", "con este último"; not every body the sentence happens to name.
"""
from __future__ import annotations

import re
from typing import NamedTuple

from .dates import fold
from .model import Entity
from .relations import Context, country_names, is_world_region
from .resolve import tokens

_MONEY = re.compile(
    r"(?P<cur>US\$|USD|U\$S?|R\$|BRL|EUR|€|\$|£)\s?(?P<num>\d[\d.,]*)\s*"
    r"(?P<scale>mil\s+milh(?:ões|ão)|mil\s+millones|milh(?:ões|ão)|millones|millón|mill(?:ion)?s?|"
    r"bilh(?:ões|ão)|billones|billions?|bn|mn|m\b|mil\b)?", re.I)
_SCALES = {"milhões": 6, "milhão": 6, "millones": 6, "millón": 6, "million": 6, "millions": 6, "mill": 6,
           "mn": 6, "m": 6, "bilhões": 9, "bilhão": 9, "billion": 9, "billions": 9, "bn": 9,
           "mil milhões": 9, "mil millones": 9, "billones": 12, "mil": 3}
_CURRENCY = {"us$": "USD", "usd": "USD", "u$": "USD", "u$s": "USD", "$": "USD", "r$": "BRL", "brl": "BRL",
             "eur": "EUR", "€": "EUR", "£": "GBP"}
_MEMBERS = re.compile(r"\b(?:membros?|miembros?|members?|member states|acionistas?|accionistas?|shareholders?|"
                      r"constituid[ao]s?|integrad[ao]s?|compost[ao]s?|formad[ao]s?|paises-membros|"
                      r"pa[ií]ses miembros)\b")
#: Words that make an institution a lender when a sentence does not say who lends.
LENDER_WORDS = {"banco", "bank", "fondo", "fundo", "fund", "corporacion", "corporacao", "corporation"}


def extract(ctx: Context) -> None:
    _based_in(ctx)
    _funds(ctx)
    _partners(ctx)
    _served_country(ctx)


GOVERNMENT_WORDS = {"ministerio", "ministry", "secretaria", "secretariat", "governo", "gobierno", "government",
                    "prefeitura", "alcaldia", "presidencia", "presidency", "chancelaria", "cancilleria",
                    "embaixada", "embajada", "embassy", "congresso", "congreso", "congress", "senado", "senate"}


def _served_country(ctx: Context) -> None:
    """A minister of a ministry based in Peru serves Peru: nationality, as the guidelines read it."""
    based = {}
    for r in ctx.relations:
        if r.prop == "basedIn" and r.object.startswith("Country:"):
            based.setdefault(r.subject, r.object)
    for r in list(ctx.relations):
        if r.prop != "affiliatedWith" or r.object not in based:
            continue
        org = ctx.ex.entity(r.object)
        if org and set(tokens(org.label)) & GOVERNMENT_WORDS:
            person, country = ctx.ex.entity(r.subject), ctx.ex.entity(based[r.object])
            if person and country:
                ctx.add("nationality", person, country, r.sentence)


# --- basedIn ---------------------------------------------------------------------------------------
def _based_in(ctx: Context) -> None:
    places = [e for e in ctx.ex.entities if e.cls in ("Country", "Place") and not is_world_region(e)]
    names = country_names(ctx.lang)
    place_words = [(place, [tokens(a) for a in place.aliases]) for place in places]
    for org in (e for e in ctx.ex.entities if e.cls == "Institution"):
        sent = org.mentions[0].sentence
        for label in sorted(org.aliases):
            toks = tokens(label)
            for place, forms in place_words:
                if any(_contains(toks, f) for f in forms):
                    ctx.add("basedIn", org, place, sent)
            for k, w in enumerate(toks):
                iso = ctx.demonyms.get(w) if k > 0 else None
                iso = iso or (names.get(w) if k > 1 and toks[k - 1] in ("de", "do", "da", "del", "of") else None)
                if iso:
                    _to_country(ctx, org, iso, sent)
        for m in org.mentions:
            end = ctx.end_tok_of(m)
            if end + 1 < len(ctx.toks) and ctx.toks[end].low in ("de", "do", "da", "del", "of"):
                hit = ctx.mention_at(end + 1) or ctx.mention_at(end + 2)
                if hit and hit[1].cls in ("Country", "Place") and ctx.end_tok_of(hit[0]) - end <= 6 \
                        and not is_world_region(hit[1]):
                    ctx.add("basedIn", org, hit[1], m.sentence)
            if end < len(ctx.toks):
                iso = ctx.demonym(end)
                if iso and not ctx.mention_at(end):
                    _to_country(ctx, org, iso, m.sentence)
    _seats(ctx)
    _sides(ctx)


def _contains(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    n = len(part)
    if n == 0 or part[0] not in whole:
        return False   # the usual case, answered without slicing
    return any(whole[i:i + n] == part for i in range(1, len(whole) - n + 1))


def _to_country(ctx: Context, org: Entity, iso: str, sentence: int) -> None:
    country = next((e for e in ctx.ex.entities if e.cls == "Country" and e.key.upper() == iso.upper()), None)
    if country:
        ctx.add("basedIn", org, country, sentence)


def _seats(ctx: Context) -> None:
    """"com sede em Santa Cruz, na Bolívia, o FONPLATA", "ECLAC’s headquarters in Santiago, Chile"."""
    for s in range(len(ctx.ex.sentences)):
        low = ctx.sentence_low(s)
        a, _ = ctx.sentence_span(s)
        for hit in _SEAT[ctx.lang if ctx.lang in _SEAT else "en"].finditer(low):
            at = a + hit.end()
            places = [(m, e) for m, e in ctx.in_sentence(s, "Place", "Country") if 0 <= m.start - at <= 40]
            if not places:
                continue
            orgs = ctx.in_sentence(s, "Institution")
            if not orgs:
                continue
            m0, org = min(orgs, key=lambda x: min(abs(x[0].start - at), abs(x[0].end - (a + hit.start()))))
            first = places[0][0]
            chain = [p for p in places if p[0].start - first.start <= 30]
            for _, place in chain:
                ctx.add("basedIn", org, place, s)


#: Seat words ("oficina" is an office in Spanish but a workshop in Portuguese).
_SEAT = {
    "pt": re.compile(r"\b(?:com sede|sede|sediad[oa]|escritorio|representacao)\b"),
    "es": re.compile(r"\b(?:con sede|sede|oficina|representacion)\b"),
    "en": re.compile(r"\b(?:headquarter(?:s|ed)|based|seat|office)\b"),
}


def _sides(ctx: Context) -> None:
    """"Pelo lado paraguaio, participaram ... da Polícia Nacional, do Instituto X": one side's bodies."""
    for s in range(len(ctx.ex.sentences)):
        low = ctx.sentence_low(s)
        m = re.search(r"\b(?:lado|parte|side|delegac\w+)\s+(\w+)", low)
        if not m or m.start() > 40:
            continue
        iso = ctx.demonyms.get(m.group(1))
        if not iso:
            continue
        for _, org in ctx.in_sentence(s, "Institution"):
            _to_country(ctx, org, iso, s)


# --- funds -------------------------------------------------------------------------------------------
def money(text: str) -> list[tuple[int, float, str]]:
    """(offset, amount, ISO currency) of every sum of money in `text`."""
    out = []
    for m in _MONEY.finditer(text):
        num = m.group("num").rstrip(".,")
        scale = _SCALES.get(re.sub(r"\s+", " ", (m.group("scale") or "").lower()), 0)
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", num):
            value = float(re.sub(r"[.,]", "", num))
        else:
            value = float(num.replace(",", ".")) if num.count(",") <= 1 and num.count(".") <= 1 else None
        if value is None:
            continue
        if not m.group("scale") and value < 1000:
            continue  # "$ 5" alone is no financing figure
        out.append((m.start(), value * 10 ** scale, _CURRENCY.get(m.group("cur").lower(), m.group("cur"))))
    return out


def _funds(ctx: Context) -> None:
    from .relations_cues import cue
    funding = cue(ctx.lang, "funding")   # "aprobó un préstamo para Uruguay" names its borrower
    last_lender: Entity | None = None
    for s in range(len(ctx.ex.sentences)):
        low = ctx.sentence_low(s)
        a, b = ctx.sentence_span(s)
        cues = [m for m in _cue_iter(ctx, "funding", low)]
        orgs = ctx.in_sentence(s, "Institution")
        if not cues:
            continue
        # the cue that follows the lender ("X aprovou um empréstimo"), not one in a headline before it
        cue_at = next((a + c.start() for c in cues if any(m.start < a + c.start() for m, _ in orgs)),
                      a + cues[0].start())
        lender = _lender(ctx, orgs, cue_at) or last_lender
        if lender is None:
            continue
        last_lender = lender
        sums = money(ctx.text[a:b])
        members = [a + x.start() for x in _MEMBERS.finditer(low)]
        for m, e in ctx.in_sentence(s):
            if e is lender or e.cls not in ("Country", "Place", "Institution"):
                continue
            if not any(0 < m.start - (a + c.start()) <= 160 for c in cues) or m.start < cue_at:
                continue
            if e.cls in ("Country", "Place") and any(0 < m.start - x <= 60 for x in members):
                continue   # "constituída por 19 países", "sus países miembros": members, not borrowers
            if ctx.inside_event(m, unless=funding) or not _recipient_prep(ctx, m, e.cls != "Institution"):
                continue
            if e.cls in ("Country", "Place") and (_is_located_lender(ctx, lender, e) or is_world_region(e)
                                                   or (e.cls == "Place" and _is_venue(ctx, e))):
                continue
            amount = min(sums, key=lambda x: abs(a + x[0] - m.start), default=None)
            attrs = {"amount": amount[1], "currency": amount[2]} if amount else {}
            ctx.add("funds", lender, e, s, **attrs)
            _approval_parties(ctx, s, lender, e, funding)


def _approval_parties(ctx: Context, s: int, lender: Entity, borrower: Entity, funding) -> None:
    """"o FONPLATA aprovou o financiamento à Prefeitura X": the approval event of the sentence has
    the lender as sponsor and an institution that borrows as participant."""
    for em, ev in ctx.in_sentence(s, "Event"):
        if funding.search(fold(em.text)):
            ctx.add("sponsor", ev, lender, s)
            if borrower.cls == "Institution":
                ctx.add("participant", ev, borrower, s)


def _cue_iter(ctx: Context, family: str, low: str):
    from .relations_cues import cue
    return cue(ctx.lang, family).finditer(low)


def _lender(ctx: Context, orgs, cue_at: int) -> Entity | None:
    def lends(e: Entity) -> bool:
        return bool(set(tokens(e.label)) & LENDER_WORDS) or e.key in ("caf", "idb", "worldbank", "fonplata", "imf")
    before = [(m, e) for m, e in orgs if m.start < cue_at]
    for m, e in reversed(before):
        if lends(e):
            return e
    after = [(m, e) for m, e in orgs if m.start >= cue_at and lends(e)]
    if after:
        m, e = after[0]
        k = ctx.tok_of(m.start)
        if k > 0 and ctx.toks[k - 1].low in ("from", "del", "do", "da", "de", "by", "pelo", "pela", "por"):
            return e
    return before[0][1] if before else None


_TO = {"a", "ao", "para", "to", "for", "al", "la", "as", "aos", "o"}
_IN = {"em", "en", "in", "na", "no", "nos", "nas"}


def _recipient_prep(ctx: Context, m, places: bool) -> bool:
    """"empréstimo à Prefeitura X", "loan to Colombia", "iniciativas na Argentina, Colômbia e Uruguai"."""
    k = ctx.tok_of(m.start)
    allowed = _TO | _IN if places else _TO
    while True:
        prev = {ctx.toks[x].low for x in range(max(0, k - 2), k)}
        if prev & allowed:
            return True
        # a list: go back over ", X" / "e X" to the name the preposition introduces
        if k >= 2 and ctx.toks[k - 1].low in {",", "e", "y", "and"}:
            back = ctx.mentions_ending(k - 1, "Country") + ctx.mentions_ending(k - 1, "Place")
            if back:
                k = ctx.tok_of(back[0][0].start)
                continue
        return False


def _is_venue(ctx: Context, place: Entity) -> bool:
    """Where a meeting took place or the story was filed is not who gets the money."""
    return any(r.prop == "location" and r.object == place.ref for r in ctx.relations)


def _is_located_lender(ctx: Context, lender: Entity, place: Entity) -> bool:
    return ctx.has_relation("basedIn", lender, place)


# --- partnerOf ---------------------------------------------------------------------------------------
#: Words that join one body to another as its partner: "X em parceria com Y", "X, junto con Y".
_WITH = re.compile(r"^\s*(?:,\s*)?(?:em parceria com|em conjunto com|em cooperacao com|em colaboracao com|junto (?:com|con|a)|"
                   r"en (?:alianza|asociacion|colaboracion|cooperacion|conjunto) con|conjuntamente con|"
                   r"in (?:partnership|collaboration|cooperation|association) with|together with|jointly with|"
                   r"e|y|and|com|con|with|&|e com|y con|and with)\s+(?:(?:o|a|os|as|el|la|los|las|the)\s+)?$")
#: The word that refers back to the body last named ("com este último", "with the latter").
_LATTER = re.compile(r"\b(?:este ultimo|esta ultima|este ultimo organismo|o ultimo|a ultima|the latter|el ultimo|"
                     r"la ultima)\b")
#: The verbs of a list of bodies that act together ("X, Y e Z assinaram um convênio").
_TOGETHER = re.compile(r"\b(?:assinaram|firmaram|celebraram|subscreveram|firmaron|suscribieron|celebraron|signed|"
                       r"agreed|renewed|renovaram|renovaron|uniram|unieron|joined forces|coorganiz\w*|co-organiz\w*|"
                       r"organizaram|organizaron|promoveram|promovieron|executam|ejecutan|realizaram|realizaron)\b")


def _partners(ctx: Context) -> None:
    from .relations_cues import cue
    pat = cue(ctx.lang, "partner")
    for s in range(len(ctx.ex.sentences)):
        low = ctx.sentence_low(s)
        if not pat.search(low):
            continue
        orgs = []
        for m, e in ctx.in_sentence(s, "Institution"):
            if ctx.inside_event(m, unless=pat):
                continue   # "the General Assembly of the United Nations" is where, not who
            orgs.append((m, e))   # every mention: "…do Mercosul; … acordo Mercosul e Fonplata" joins the second
        pairs = _latter(ctx, s, orgs, low)
        if len({e.ref for _, e in orgs}) >= 2:   # bodies cooperate where the text joins them, not by sharing a sentence
            orgs = _collapse(ctx, orgs)
            pairs += _joined_pairs(ctx, orgs) + _across_cue(ctx, s, orgs, pat)
        for (m1, e1), (m2, e2) in pairs:
            if _part_of(ctx, e1, e2) or _part_of(ctx, e2, e1) or _same_body(e1, e2):
                continue
            ctx.add("partnerOf", e1, e2, s)


class _Span(NamedTuple):
    start: int
    end: int


def _collapse(ctx: Context, orgs: list) -> list:
    """One item per body as listed: a name nested in a longer one goes, "Nome (SIGLA)" and
    "CAF –banco de desarrollo de …–" are one item, so that the words between items are the joints."""
    out: list = []
    for m, e in orgs:
        if out and m.start < out[-1][0].end:
            continue   # nested in (or overlapping) the previous name
        if out:
            gap = ctx.text[out[-1][0].end:m.start]
            if re.fullmatch(r"\s*[(–—]\s*", gap) or (e is out[-1][1] and len(gap.strip()) <= 1):
                close = ctx.text[m.end:m.end + 3]
                end = m.end + (close.index(")") + 1 if ")" in close else 0) if "(" in gap else m.end
                if "–" in gap or "—" in gap:   # an apposition runs to its closing dash
                    dash = re.search(r"[–—]", ctx.text[m.end:m.end + 80])
                    end = m.end + dash.end() if dash else m.end
                out[-1] = (_Span(out[-1][0].start, end), out[-1][1])
                continue
        out.append((_Span(m.start, m.end), e))
    return out


def _joined_pairs(ctx: Context, orgs: list) -> list:
    """Pairs of a sentence's bodies the text joins: runs "X, Y y Z" that sign together give every
    pair; "X em parceria com Y e Z" joins X to each of Y and Z."""
    runs = [[orgs[0]]]
    for prev, cur in zip(orgs, orgs[1:]):
        gap = _gap(ctx, prev, cur)
        if _WITH.match(gap) or re.fullmatch(r"\s*,\s*(?:(?:o|a|el|la|the)\s+)?", gap) or _by_list(gap):
            runs[-1].append(cur)
        else:
            runs.append([cur])
    pairs = []
    for run in runs:
        if len(run) < 2:
            continue
        end = run[-1][0].end
        after = ctx.low[end:end + 40]
        if _TOGETHER.search(after[:30]) or "entre" in ctx.low[max(0, run[0][0].start - 12):run[0][0].start] \
                or "between" in ctx.low[max(0, run[0][0].start - 12):run[0][0].start]:
            pairs += [(x, y) for i, x in enumerate(run) for y in run[i + 1:]]
            continue
        # "X em parceria com Y e Z": the bodies after the partnership words each join the first
        split = next((i for i in range(1, len(run)) if _WITH.match(_gap(ctx, run[i - 1], run[i]))
                      and len(_gap(ctx, run[i - 1], run[i]).split()) > 2), None)
        if split is not None:
            pairs += [(x, y) for x in run[:split] for y in run[split:]]
        else:
            pairs += list(zip(run, run[1:]))
    return pairs


#: A reporting verb between a body and a cue starts another clause ("…no Congresso, disse ela, a parceria com o BID").
_SAYS = re.compile(r"\b(?:disse|dijo|said|says|afirm\w*|declar\w*|explic\w*|destac\w*|stated|added|acrescentou|agreg\w*)\b")


def _across_cue(ctx: Context, s: int, orgs: list, pat: re.Pattern[str]) -> list:
    """"X firmó un convenio con Y (y Z)", "X assinou com Y um memorando": the body before the cue
    in its clause, and the bodies the cue leads to."""
    a, _ = ctx.sentence_span(s)
    pairs = []
    for hit in pat.finditer(ctx.sentence_low(s)):
        lo, hi = a + hit.start(), a + hit.end()
        before = [x for x in orgs if x[0].end <= lo and lo - x[0].end <= 80
                  and not re.search(r"[;:“”\"]", ctx.low[x[0].end:lo]) and not _SAYS.search(ctx.low[x[0].end:lo])]
        after = [x for x in orgs if x[0].start >= hi and x[0].start - hi <= 45
                 and not re.search(r"[,;:“”\"]", ctx.low[hi:x[0].start])]
        if not before and hit.group().startswith(("coorg", "co-org", "coexec", "co-exec")):
            # "coorganizado con el BID por la CEPAL": both bodies follow the cue
            near = [x for x in orgs if 0 <= x[0].start - hi <= 60]
            pairs += [(near[0], near[1])] if len(near) > 1 else []
        if not before or not after:
            continue
        x, y = before[-1], after[0]
        listed = [y] + [z for z in orgs if z[0].start > y[0].start and _listed_after(ctx, y, z, orgs)]
        pairs += [(x, z) for z in listed]
    return pairs


def _listed_after(ctx: Context, y, z, orgs: list) -> bool:
    """Whether `z` continues the list that starts at `y` ("com Y, Z e W")."""
    chain = [o for o in orgs if y[0].start <= o[0].start <= z[0].start]
    return all(_WITH.match(_gap(ctx, p, q)) or _by_list(_gap(ctx, p, q))
               or re.fullmatch(r"\s*,\s*(?:(?:o|a|el|la|the)\s+)?", _gap(ctx, p, q))
               for p, q in zip(chain, chain[1:]))


def _gap(ctx: Context, x, y) -> str:
    """The words between two listed bodies, less a short "(SIGLA)" and an apposition's closing dash."""
    return re.sub(r"^\s*[)–—]+|\([^()]{1,15}\)", "", ctx.low[x[0].end:y[0].start])


def _by_list(gap: str) -> bool:
    """"executado pela X e pelo Y", "organized by X and by Y": one list of agents."""
    return bool(re.fullmatch(r"\s*(?:,|e|y|and)\s+(?:pel[oa]s?|por|by)\s+(?:(?:el|la|los|las|the)\s+)?", gap))


def _latter(ctx: Context, s: int, orgs: list, low: str) -> list:
    """"X firmó un memorando con este último": the body named last before the words is X's partner."""
    hit = _LATTER.search(low)
    if not hit or not orgs:
        return []
    a, _ = ctx.sentence_span(s)
    at = a + hit.start()
    before = [x for x in orgs if x[0].start < at]
    if not before:
        return []   # "Con este último firmará…": the subject is elided, and "este último" may be a person
    prior = ctx.before(before[0][0].start, "Institution")
    person = ctx.before(before[0][0].start, "Person")
    if prior is None or ctx.sentence_of(prior[0].start) < s - 2 or (person and person[0].start > prior[0].end):
        return []
    first = before[0]
    return [(first, prior)] if prior[1] is not first[1] else []


def _same_body(a: Entity, b: Entity) -> bool:
    """"Ministério X" and "Ministério X do Peru": one body named twice, not two partners."""
    x, y = sorted((" ".join(tokens(a.label)), " ".join(tokens(b.label))), key=len)
    return y.startswith(x + " ")


_OF = {"de", "do", "da", "dos", "das", "del", "of", "(", ")"}
_ARTS = {"la", "el", "los", "las", "the", "o", "a", "os", "as"}


def _part_of(ctx: Context, inner: Entity, outer: Entity) -> bool:
    """"Secretaria X do MPO": a body named as part of another is not its partner."""
    for m in inner.mentions:
        end = ctx.end_tok_of(m)
        for k in range(end, min(end + 8, len(ctx.toks))):
            hit = ctx.mention_at(k)
            if hit:   # "Secretaria X do MPO", "Unidade (UGP) do Ministério": nothing but "of" between
                gap = {t.low for t in ctx.toks[end:k]}
                return hit[1] is outer and ctx.toks[k - 1].low in _OF | {"(", ")"} and gap <= _OF | _ARTS | {"(", ")"}
    return False
