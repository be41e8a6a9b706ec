"""People: affiliatedWith (with the post as written) and nationality.

The post is read as a noun phrase around the name: before it ("o vice-ministro de Comércio
Exterior, Rui Mendes", "the OAS Secretary General, Ana Ruiz"), after it as an apposition
("Lucía Ochoa, ministra de Hacienda de Chile"), or after an election cue ("foi eleito ... para o
cargo de presidente do Banco X"). The institutions inside the phrase are the affiliation; a
country after de/of/por in it, a demonym, "(Argentina)" after the name, give the nationality.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .model import Entity, Mention
from .relations import ARTICLES, CONNECTORS, Context
from .relations_cues import cue
from .resolve import PARTICLES, tokens

#: Longest stretch, in words, a post phrase may run before or after a name.
MAX_PHRASE = 30


def extract(ctx: Context) -> None:
    people = [(m, e) for m, e in ctx.items if e.cls == "Person"]
    for m, e in people:
        start, end = ctx.tok_of(m.start), ctx.end_tok_of(m)
        _before(ctx, m, e, start)
        _after(ctx, m, e, end)
        _parenthesis(ctx, m, e, end)
        _demonym_near(ctx, m, e, start, end)
    _elected(ctx)
    _side_country(ctx)


#: "Pelo Paraguai, participaram …", "Por parte de Chile: …", "For Jamaica, …": the side a sentence lists.
_SIDE = re.compile(r"^\W*(?:pelo|pela|por parte d[eoa]s?|por|del lado de|for|on behalf of)\s+(?:(?:o|a|el|la|the)\s+)?$")


def _side_country(ctx: Context) -> None:
    for s in range(len(ctx.ex.sentences)):
        a, _ = ctx.sentence_span(s)
        countries = ctx.in_sentence(s, "Country")
        if not countries:
            continue
        mm, country = countries[0]
        nxt = ctx.end_tok_of(mm)
        if not _SIDE.match(ctx.low[a:mm.start]) or nxt >= len(ctx.toks) or ctx.toks[nxt].text not in (",", ":"):
            continue
        for pm, person in ctx.in_sentence(s, "Person"):
            if pm.start > mm.end:
                ctx.add("nationality", person, country, s)


# --- the noun phrase of a post --------------------------------------------------------------
def phrase_end(ctx: Context, i: int, stop: int | None = None) -> int:
    """End (exclusive token index) of the noun phrase that starts with the post word at `i`:
    the post, a few modifiers, then de/do/of/in + names, "(ACR)", ", Name" continuations."""
    toks, n = ctx.toks, min(len(ctx.toks), stop if stop is not None else len(ctx.toks), i + MAX_PHRASE)
    j, last, lower_run, seen_name = i + 1, i + 1, 0, False
    while j < n:
        t = toks[j]
        hit = ctx.mention_at(j)
        if hit and hit[1].cls == "Person" and not ((seen_name and toks[j - 1].text == "," or toks[j - 1].low in PREPS)
                                                   and _role_words_until_org(ctx, ctx.end_tok_of(hit[0]), n)):
            break
        if hit:
            j = last = ctx.end_tok_of(hit[0])
            seen_name = True
            continue
        if t.text == "(":
            close = next((k for k in range(j + 1, min(n, j + 8)) if toks[k].text == ")"), None)
            if close is None:
                break
            j = last = close + 1
            continue
        if t.low in PREPS or t.low in ARTICLES or t.low in PARTICLES:
            j += 1
            continue
        if t.low in _HERE and toks[j - 1].low in ARTICLES:   # "representante del PNUD en el país"
            j = last = j + 1
            continue
        if t.low in CONNECTORS and j + 1 < n and (toks[j + 1].cap or ctx.is_post(j + 1)):
            j += 1
            continue
        if t.text in ",":
            nxt = j + 1
            if nxt < n and toks[nxt].cap and not _person_at(ctx, nxt) and seen_name and _continues_name(ctx, nxt, n):
                j += 1
                continue
            break
        if t.cap or t.text in ("’", "'") or (t.low == "s" and toks[j - 1].text in ("’", "'")):
            j = last = j + 1
            seen_name = seen_name or t.cap
            continue
        if t.text == "-" and j + 1 < n and toks[j + 1].cap:
            j += 1
            continue
        if ctx.is_post(j) or ctx.demonym(j) or (not seen_name and t.text.isalpha() and lower_run < 2
                                                and not _word_is_verbish(ctx, j)):
            lower_run += 0 if ctx.is_post(j) else 1
            j = last = j + 1
            continue
        break
    return last


#: Prepositions that carry a post phrase on: "ministra de X", "director at Y", "representante junto a Z".
PREPS = frozenset({"de", "do", "da", "dos", "das", "del", "of", "for", "at", "in", "no", "na", "nos", "nas",
                   "en", "em", "within", "pelo", "pela", "por", "para", "to", "junto", "ante", "on"})


#: Nouns for the place a post is held in, already named: "no país", "en la región", "in the country".
_HERE = {"pais", "country", "region", "regiao", "estado", "state", "cidade", "ciudad", "city"}


def _role_words_until_org(ctx: Context, j: int, n: int) -> bool:
    """After a name-like mention inside a long role ("diretor de Infraestrutura, Transição Energética
    e Mudança Climática do BNDES"), capitalised words and connectors run on to "do <Institution>"."""
    toks = ctx.toks
    if j >= n or toks[j].low not in CONNECTORS | PREPS:
        return False
    k = j + 1 if toks[j].low in CONNECTORS else j
    while k < n and (toks[k].cap or toks[k].low in PARTICLES) and not ctx.mention_at(k):
        if toks[k].low in PREPS:
            break
        k += 1
    while k < n and (toks[k].low in PREPS or toks[k].low in ARTICLES):
        k += 1
    hit = ctx.mention_at(k) if k < n else None
    return bool(hit and hit[1].cls == "Institution")


def _word_is_verbish(ctx: Context, j: int) -> bool:
    low = ctx.toks[j].low
    return low in ("que", "who", "quien", "which", "is", "es", "e", "foi", "fue", "was", "sera", "will") or \
        low.endswith(("ou", "aram", "eram", "iram", "aron", "ieron", "ed", "ando", "endo", "indo"))


def _continues_name(ctx: Context, j: int, n: int) -> bool:
    """After a comma, capitalised words that go on with de/of or end the phrase continue a long name."""
    k = j
    while k < n and (ctx.toks[k].cap or ctx.toks[k].low in PARTICLES or ctx.toks[k].low in CONNECTORS):
        k += 1
    return k > j + 0 and (k >= n or ctx.toks[k].text in ",;.()" or ctx.toks[k].low in PREPS)


def _person_at(ctx: Context, j: int) -> bool:
    hit = ctx.mention_at(j)
    return bool(hit and hit[1].cls == "Person")


# --- the rules ----------------------------------------------------------------------------------
def _before(ctx: Context, m: Mention, person: Entity, start: int) -> None:
    """"o vice-ministro de X, Nome" / "the OAS Secretary General, Name" / "o presidente Nome"."""
    k = start
    # "…de la OEA, el argentino Nombre": the nationality word between the post and the name
    if k > 0 and _singular_demonym(ctx, k - 1):
        k -= 1
        k -= 1 if k > 0 and ctx.toks[k - 1].low in ARTICLES else 0
        k = k if k > 0 and ctx.toks[k - 1].text == "," else start
    target = k - 1 if k > 0 and ctx.toks[k - 1].text == "," else k
    lo = max(0, start - MAX_PHRASE)
    sent_start = ctx.tok_of(ctx.sentence_span(m.sentence)[0])
    lo = max(lo, sent_start)
    for k in range(start - 1, lo - 1, -1):
        if _person_at(ctx, k) or ctx.toks[k].text in ";:.":
            lo = k + 1
            break
    for i in range(lo, start):   # the leftmost post whose phrase reaches the name gives the whole post
        if not ctx.is_post(i):
            continue
        end = phrase_end(ctx, i, stop=start)
        if end + 1 < start and ctx.toks[end].text == "," and ctx.is_post(end + 1) and \
                phrase_end(ctx, end + 1, stop=start) in (target, start, k):
            end = phrase_end(ctx, end + 1, stop=start)   # "diretor da ABC, embaixador Nome": one person
        if end in (target, start, k):
            first = _extend_left(ctx, i, lo)
            _from_phrase(ctx, m, person, first, end, i)
            return


def _extend_left(ctx: Context, i: int, lo: int) -> int:
    """"the OAS Secretary General", "ECLAC’s Executive Secretary": names before the post belong to it."""
    k = i
    while k - 1 >= lo:
        t = ctx.toks[k - 1]
        if t.low in ARTICLES:
            break
        if t.cap or t.text in ("’", "'") or (t.low == "s" and k - 2 >= 0 and ctx.toks[k - 2].text in ("’", "'")):
            k -= 1
            continue
        break
    hit = next(((mm, ee) for mm, ee in ctx.between(ctx.toks[k].start, ctx.toks[i].start) if ee.cls == "Person"), None)
    return i if hit else k


def _after(ctx: Context, m: Mention, person: Entity, end: int) -> None:
    """"Nome, presidente do X" / "Name, the UNDP’s Deputy Director" / "X e Y, ambos da Z"."""
    toks = ctx.toks
    if end >= len(toks) or toks[end].text != ",":
        return
    i = end + 1
    while i < len(toks) and toks[i].low in ARTICLES:
        i += 1
    if i < len(toks) and ctx.word_in(i, "both"):
        _both(ctx, m, person, i + 1)
        return
    if i < len(toks) and toks[i].low in PREPS:
        if _introduces_next(ctx, i):
            return   # "…, Nome, del rector de la Udelar, Otro": the phrase is the next person's
        hit = ctx.mention_at(i + 1) or ctx.mention_at(i + 2)
        # ", del BID" says whose; ", en la Universidad X" says where
        if hit and hit[1].cls == "Institution" and toks[i].low in ("de", "do", "da", "dos", "das", "del", "of", "from"):
            ctx.add("affiliatedWith", person, hit[1], m.sentence)
            return
        # ", na posição de diretor titular pelo Brasil", ", en su calidad de ministro": the post follows
        k = i
        while k < min(i + 4, len(toks)) and not ctx.is_post(k) and toks[k].low.isalpha() and not toks[k].cap:
            k += 1
        if k < len(toks) and ctx.is_post(k):
            _from_phrase(ctx, m, person, k, phrase_end(ctx, k), k)
        return
    owner = False   # "the IDB’s country representative": words after a possessive modify the post
    for k in range(i, min(i + 8, len(toks))):
        if ctx.is_post(k):
            stop = phrase_end(ctx, k)
            if stop + 1 < len(toks) and toks[stop].text == "," and _person_at(ctx, stop + 1):
                return   # "Nome, a titular da Secretaria X, Outra": the post is the next name's
            _from_phrase(ctx, m, person, end + 1, stop, k)
            return
        if toks[k].low == "s" and k > i and toks[k - 1].text in ("’", "'"):
            owner = True
        elif not (toks[k].cap or toks[k].text in ("’", "'")) and \
                not (owner and toks[k].text.isalpha() and not _word_is_verbish(ctx, k)):
            break
    d = _singular_demonym(ctx, i) if i < len(toks) else None
    if d and (i + 1 >= len(toks) or toks[i + 1].text in ",;.)"):   # ", um colombiano," not ", o colombiano terá"
        _nationality(ctx, person, d, m.sentence)


def _introduces_next(ctx: Context, i: int) -> bool:
    toks = ctx.toks
    k = next((x for x in range(i + 1, min(i + 4, len(toks))) if ctx.is_post(x)), None)
    if k is None:
        return False
    end = phrase_end(ctx, k)
    return end + 1 < len(toks) and toks[end].text == "," and _person_at(ctx, end + 1)


def _both(ctx: Context, m: Mention, person: Entity, i: int) -> None:
    """"X e Y, ambos da Prefeitura de Z": every name of the list joins the institution."""
    toks = ctx.toks
    while i < len(toks) and toks[i].low in PREPS | ARTICLES:
        i += 1
    hit = ctx.mention_at(i)
    if not hit or hit[1].cls not in ("Institution", "Country"):
        return
    listed = [person]
    k = ctx.tok_of(m.start) - 1
    while k > 0 and toks[k].low in CONNECTORS | {","}:
        prev = next(iter(ctx.mentions_ending(k, "Person")), None)
        if not prev:
            break
        listed.append(prev[1])
        k = ctx.tok_of(prev[0].start) - 1
    for p in listed:
        if hit[1].cls == "Institution":
            ctx.add("affiliatedWith", p, hit[1], m.sentence)
        else:
            ctx.add("nationality", p, hit[1], m.sentence)


def _from_phrase(ctx: Context, m: Mention, person: Entity, first: int, end: int, post: int) -> None:
    """Affiliations and nationality stated by the post phrase toks[first:end]."""
    toks = ctx.toks
    a, b = toks[first].start, toks[end - 1].end
    role = ctx.text[a:b].strip(" ,")
    ctx.role_spans.append((a, b))
    inside = ctx.between(a, b)
    orgs = [e for mm, e in inside if e.cls == "Institution"]
    for org in orgs:
        ctx.add("affiliatedWith", person, org, m.sentence, role=role)
    if not orgs:
        org = _institution_for_post(ctx, post, end) or _referred_back(ctx, first, end) or \
            _headed_body(ctx, post) or _staff_of_subject(ctx, post, first, end)
        if org:
            ctx.add("affiliatedWith", person, org, m.sentence, role=role)
    for mm, e in inside:
        if e.cls == "Country":
            k, after = ctx.tok_of(mm.start), ctx.end_tok_of(mm)
            before = {toks[x].low for x in range(max(first, k - 2), k)}
            # "ministra de Hacienda de Chile", "Jamaica’s Minister", "ministro da Fazenda (Chile)"
            owner = after < len(toks) and toks[after].text in ("’", "'") and \
                (mm.text.endswith("s") or after + 1 < len(toks) and toks[after + 1].low == "s")
            bracket = k > 0 and toks[k - 1].text == "(" and after < len(toks) and toks[after].text == ")"
            if before & {"de", "do", "da", "del", "of", "por", "pelo", "pela"} or owner or bracket:
                ctx.add("nationality", person, e, m.sentence)
    for k in range(first, end):
        d = ctx.demonym(k)
        if d and not ctx.mention_at(k):
            _nationality(ctx, person, d, m.sentence)


#: Modifiers of posts that name no domain ("canciller nacional", "secretario general adjunto").
_GENERIC = {w[:5] for w in ("nacional", "national", "federal", "ejecutivo", "executivo",
                            "executive", "adjunto", "adjunta", "regional", "municipal", "estadual", "interino",
                            "interina", "titular", "alterno", "alterna", "capitalino", "capitalina")}


def _institution_for_post(ctx: Context, post: int, end: int) -> Entity | None:
    """"vice-ministro de Comércio Exterior" names the ministry of the article whose name holds those words."""
    domain = {w[:5] for w in tokens(" ".join(t.text for t in ctx.toks[post + 1:end]))
              if w not in PARTICLES and w not in ARTICLES and len(w) > 3}
    domain -= {w[:5] for w in _country_words(ctx)} | _GENERIC
    if not domain:
        return None
    cands = {}
    for e in ctx.ex.entities:
        if e.cls != "Institution":
            continue
        for alias in e.aliases:
            if domain <= {w[:5] for w in tokens(alias)}:
                cands[e.ref] = e
    if not cands:
        return None
    # several forms of one body ("Ministério da Indústria", "... do Peru"): the first named
    return min(cands.values(), key=lambda e: e.mentions[0].start)


#: Nouns that refer back to a body already named ("presidente del organismo", "secretário da pasta").
BACK_NOUNS = {"organismo", "orgao", "entidade", "entidad", "instituicao", "institucion", "institution",
              "organizacao", "organizacion", "organization", "organisation", "pasta", "cartera", "banco",
              "bank", "agencia", "agency", "corporacion", "corporacao", "fundo", "fondo", "fund", "ministerio",
              "ministry", "secretaria", "prefeitura", "alcaldia", "intendencia", "governo", "gobierno"}
#: Which bodies a back-reference may mean: a portfolio is a ministry or secretariat, a bank lends.
_BACK_KIND = {"pasta": ("minist", "secret"), "cartera": ("minist", "secret"), "ministerio": ("minist",),
              "ministry": ("minist",), "banco": ("banc", "bank"), "bank": ("banc", "bank")}


def _referred_back(ctx: Context, first: int, end: int) -> Entity | None:
    """"presidente ejecutivo del organismo", "secretário-executivo da pasta", "Chief of its Division":
    the body named last as a subject (first in its sentence) just before the phrase."""
    toks = ctx.toks
    noun = None
    for k in range(first + 1, end):
        t = toks[k]
        if t.low in ("its", "their", "sua", "seu", "su"):
            noun = "its"
        elif t.low in BACK_NOUNS and not t.cap and toks[k - 1].low in ARTICLES | {"do", "da", "del", "of"} \
                and not (k + 1 < end and (toks[k + 1].low in PREPS and k + 2 < end and toks[k + 2].cap)):
            noun = t.low   # not "do banco de X", which names the bank
        if noun:
            break
    if noun is None:
        return None
    at = toks[first].start
    s = ctx.sentence_of(at)
    kinds = _BACK_KIND.get(noun)

    def fits(e: Entity) -> bool:
        return e.cls == "Institution" and (not kinds or any(tokens(a)[:1] and tokens(a)[0].startswith(kinds)
                                                          for a in e.aliases | {e.label}))
    here = [(mm, e) for mm, e in ctx.in_sentence(s, "Institution") if mm.end <= at and fits(e)]
    if here:
        return here[0][1]
    for prev in range(s - 1, max(-1, s - 3), -1):
        named = [(mm, e) for mm, e in ctx.in_sentence(prev, "Institution") if fits(e) and not ctx.in_role(mm)]
        if named:
            return named[0][1]
    return None


#: A post that names the body it heads: "a intendenta" heads the Intendencia, "o prefeito" the Prefeitura.
_HEADS = {"intendent": ("intendencia",), "alcald": ("alcaldia",), "prefeit": ("prefeitura",),
          "reitor": ("universidade",), "rector": ("universidad",), "governador": ("governo",),
          "gobernador": ("gobierno", "gobernacion"), "mayor": ("city", "municipality"), "governor": ("government",)}


def _headed_body(ctx: Context, post: int) -> Entity | None:
    """The one body of the article a post heads ("la intendenta, Nome" in a story on the Intendencia)."""
    low = ctx.toks[post].low
    heads = next((v for k, v in _HEADS.items() if low.startswith(k)), None)
    if not heads or (post + 2 < len(ctx.toks) and ctx.toks[post + 1].low in PREPS and ctx.toks[post + 2].cap):
        return None   # "prefeito de Recife" names its place, not necessarily the body in the story
    bodies = [e for e in ctx.ex.entities if e.cls == "Institution" and (tokens(e.label)[:1] or [""])[0] in heads]
    return bodies[0] if len(bodies) == 1 else None


#: Staff posts of a body's own departments ("gerente de Operações", "Chief of the Division of …").
_STAFF = ("gerent", "diretor", "director", "chefe", "jefe", "jefa", "chief", "head", "coordenador",
          "coordinador", "coordinator", "manager", "especialista", "specialist", "assessor", "asesor", "advisor")


def _staff_of_subject(ctx: Context, post: int, first: int, end: int) -> Entity | None:
    """"O FONPLATA enviará uma missão chefiada pela gerente de Operações, Nome": a staff post with no
    body of its own belongs to the one body the sentence names before it."""
    if not ctx.toks[post].low.startswith(_STAFF):
        return None
    at = ctx.toks[first].start
    s = ctx.sentence_of(at)
    before = {e.ref: e for mm, e in ctx.in_sentence(s, "Institution") if mm.end <= at and not ctx.in_role(mm)}
    return next(iter(before.values())) if len(before) == 1 else None


def _country_words(ctx: Context) -> set[str]:
    return {w for e in ctx.ex.entities if e.cls == "Country" for a in e.aliases for w in tokens(a)}


def _parenthesis(ctx: Context, m: Mention, person: Entity, end: int) -> None:
    """"Nome (Argentina)", "Nome (BID)"; "A e B (Espanha)" gives both."""
    toks = ctx.toks
    if end + 2 >= len(toks) or toks[end].text != "(":
        return
    hit = ctx.mention_at(end + 1)
    if not hit or ctx.end_tok_of(hit[0]) >= len(toks) or toks[ctx.end_tok_of(hit[0])].text != ")":
        return
    listed = [person]
    k = ctx.tok_of(m.start) - 1
    if k > 0 and toks[k].low in CONNECTORS:
        prev = next(iter(ctx.mentions_ending(k, "Person")), None)
        if prev:
            listed.append(prev[1])
    for p in listed:
        if hit[1].cls == "Country":
            ctx.add("nationality", p, hit[1], m.sentence)
        elif hit[1].cls == "Institution":
            ctx.add("affiliatedWith", p, hit[1], m.sentence)


def _demonym_near(ctx: Context, m: Mention, person: Entity, start: int, end: int) -> None:
    """"o colombiano Nome", "senador boliviano Nome", "chanceler argentino, Nome", "Nome por México";
    "a delegação paraguaia, pelo embaixador Nome"."""
    toks = ctx.toks
    for k in range(max(0, start - 3), start):
        if _person_at(ctx, k) or toks[k].text in ";.":
            return
    if "\n" in ctx.text[toks[max(0, start - 3)].start:m.start]:
        return   # a headline's last words are not this name's
    for k in (start - 1, start - 2):
        if k >= 1 and (toks[k].text != "," or k == start - 1):
            d = _singular_demonym(ctx, k)
            if d and (toks[k - 1].low in ARTICLES or ctx.is_post(k - 1)) and \
                    all(toks[x].text == "," for x in range(k + 1, start)):
                _nationality(ctx, person, d, m.sentence)
                return
    if end + 1 < len(toks) and toks[end].low in ("por", "pelo", "pela"):
        hit = ctx.mention_at(end + 1)
        if hit and hit[1].cls == "Country":
            ctx.add("nationality", person, hit[1], m.sentence)
    _delegation(ctx, m, person, start)


def _singular_demonym(ctx: Context, k: int) -> str | None:
    """A demonym naming one person: "colombiano", "argentina", "Peruvian" (not "argentinas")."""
    d = ctx.demonym(k)
    low = ctx.toks[k].low
    return d if d and not (low.endswith("s") and ctx.lang != "en") else None


def _delegation(ctx: Context, m: Mention, person: Entity, start: int) -> None:
    """"A delegação brasileira foi presidida pelo embaixador Nome": the delegation's country."""
    toks = ctx.toks
    for k in range(start - 1, max(0, start - 12), -1):
        if _person_at(ctx, k) or toks[k].text in ";.":
            return
        if toks[k].low in ("delegacao", "delegacion", "delegation", "comitiva") and k + 1 < start:
            d = ctx.demonym(k + 1) or (ctx.demonym(k - 1) if k > 0 else None)
            if d:
                _nationality(ctx, person, d, m.sentence)
            return


# asked of every word of every article, whose vocabulary is small
@lru_cache(maxsize=1 << 14)
def _elect_word(lang: str, low: str) -> bool:
    return bool(cue(lang, "elect").search(low))


def _elected(ctx: Context) -> None:
    """"Nome foi eleito ... para o cargo de presidente do Banco X": the post comes after the name."""
    toks = ctx.toks
    for i, t in enumerate(toks):
        if not _elect_word(ctx.lang, t.low):
            continue
        post = next((k for k in range(i + 1, min(i + 5, len(toks))) if ctx.is_post(k)), None)
        if post is None:
            continue
        end = phrase_end(ctx, post)
        if end < len(toks) and (toks[end].text == "," or _person_at(ctx, end)) and \
                end + 1 < len(toks) and _person_at(ctx, end + 1 if toks[end].text == "," else end):
            continue   # the phrase introduces someone else's name
        prev = ctx.before(t.start, "Person")
        if not prev:
            continue
        mm, person = prev
        if mm.sentence != ctx.sentence_of(t.start):
            continue
        _from_phrase(ctx, mm, person, post, end, post)


def _nationality(ctx: Context, person: Entity, iso: str, sentence: int) -> None:
    country = next((e for e in ctx.ex.entities if e.cls == "Country" and e.key.upper() == iso.upper()), None)
    if country:
        ctx.add("nationality", person, country, sentence)
