"""Events: who organises, hosts, sponsors, takes part and speaks; where; and when.

An event's scope is the sentences that name it; the article's main event (the one named most,
then first) also owns the sentences that refer to it by a generic noun ("o evento", "la
reunión", "the conference") and the dateline ("Lima, 20 de abril de 2012 -"). People and
institutions of the scope take part (organizer / host / sponsor / speaker where a cue says so);
places after a locative preposition are its location. In a sentence that names two events, a
person, body or place goes with the nearer one; the dateline is the main event's place only
where its sentences name that place too, or where nothing else says where it was. Dates are read by `kg.dates`: the one
nearest a mention of the event, else a relative one ("hoy", "nesta quinta-feira") of the scope.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .dates import DateMention, fold
from .model import Entity, Mention
from .relations import Context, is_world_region
from .relations_cues import cue

EVENT_NOUNS = {
    "pt": r"evento|reuni[aã]o|reuni[oõ]es|encontro|semin[aá]rio|confer[eê]ncia|c[uú]pula|f[oó]rum|cerim[oô]nia|"
          r"assinatura|visita|sess[aã]o|oficina|workshop|congresso|palestra|elei[cç][aã]o|cerim[oô]nia",
    "es": r"evento|reuni[oó]n|encuentro|seminario|conferencia|cumbre|foro|ceremonia|firma|visita|gira|"
          r"sesi[oó]n|taller|congreso|jornada|elecci[oó]n",
    "en": r"event|meeting|conference|summit|forum|ceremony|signing|visit|tour|session|workshop|seminar|"
          r"congress|assembly|election",
}
#: An agreement's name stands for its signing.
AGREEMENTS = r"acordo|acuerdo|agreement|convenio|convenio|memorando|memorandum|tratado|treaty|protocolo|protocol"
_LOCATIVE = {"em", "no", "na", "nos", "nas", "en", "in", "at", "a", "al", "ao", "à", "de"}


def extract(ctx: Context) -> None:
    events = [e for e in ctx.ex.entities if e.cls == "Event"]
    if not events:
        return
    noun = re.compile(rf"\b(?:{EVENT_NOUNS.get(ctx.lang, EVENT_NOUNS['en'])}|{AGREEMENTS})\b")
    # the story's event: the first named as a gathering ("sesión", "summit"), else the first of all
    gatherings = [e for e in events if noun.search(fold(e.label))]
    main = min(gatherings or events, key=lambda e: e.mentions[0].start)
    near = _Nearest(ctx, events)
    # a sentence that names another event (and not this one) is about that one
    anaphora = {s for s in _anaphora_sentences(ctx) if not near.others(s, main)}
    anaphora |= {s for s in near.at if near.framed(ctx, s)}
    near.generic(ctx, main, anaphora)
    dateline = _dateline(ctx)
    for ev in events:
        scope = sorted({m.sentence for m in ev.mentions} | (anaphora if ev is main else set()))
        if ev is main:
            # a secondary event's sentence names people of the main story too often to trust
            _participants(ctx, ev, scope, near)
        _named_parties(ctx, ev)
        if ev is main and not _money_event(ctx, ev):
            # a loan approval is the board's act, not a gathering of everyone the story quotes
            _everyone(ctx, ev)
        _locations(ctx, ev, scope, {m.sentence for m in ev.mentions}, near)
        _title_places(ctx, ev)
        if ev is main and dateline is not None and (_dateline_attested(ctx, dateline, scope) or
                                                    not any(r.prop == "location" and r.subject == ev.ref
                                                            for r in ctx.relations)):
            # where the story says nothing of the venue, where it was filed is the best guess
            ctx.add("location", ev, dateline[1], dateline[0].sentence)
        _dates(ctx, ev, scope, lead=ev is main)


class _Nearest:
    """Which event a person, institution or place of a sentence belongs to: the event named
    nearest to it in its sentence (a sentence naming two events splits between them)."""

    def __init__(self, ctx: Context, events: list[Entity]):
        self.at: dict[int, list[tuple[int, int, Entity]]] = {}
        for ev in events:
            for m in ev.mentions:
                self.at.setdefault(m.sentence, []).append((m.start, m.end, ev))

    def others(self, s: int, ev: Entity) -> bool:
        """Whether sentence `s` names events other than `ev` and not `ev` itself."""
        named = {e.ref for _, _, e in self.at.get(s, [])}
        return bool(named) and ev.ref not in named

    def owner(self, s: int, m: Mention) -> Entity | None:
        """The event named nearest to `m` in its sentence (None where the sentence names none)."""
        named = self.at.get(s)
        if not named:
            return None
        def dist(x: tuple[int, int, Entity]) -> int:
            a, b, _ = x
            return 0 if a <= m.start < b else (m.start - b if m.start >= b else a - m.end + 20)
        return min(named, key=dist)[2]

    def belongs(self, s: int, m: Mention, ev: Entity) -> bool:
        owner = self.owner(s, m)
        return owner is None or owner is ev

    def generic(self, ctx: Context, main: Entity, sentences: set[int]) -> None:
        """"the event", "la reunión" outside any event's name stand for the main event."""
        noun = re.compile(rf"\b(?:{EVENT_NOUNS.get(ctx.lang, EVENT_NOUNS['en'])})\b")
        for s in sentences:
            a, _ = ctx.sentence_span(s)
            named = list(self.at.get(s, []))
            for hit in noun.finditer(ctx.sentence_low(s)):
                x, y = a + hit.start(), a + hit.end()
                if not any(p <= x < q for p, q, _ in named):
                    self.at.setdefault(s, []).append((x, y, main))

    def hosts(self, ctx: Context, s: int, m: Mention) -> set[str]:
        """Events a place of sentence `s` may be the venue of: the event named last before it
        ("o seminário, em Lima"), one it introduces ("em Tegucigalpa, onde participará na Reunião X"),
        and the events framed by one ("in the framework of the General Assembly in New York")."""
        named = self.at.get(s, [])
        before = [x for x in named if x[1] <= m.start]
        out = {max(before, key=lambda x: x[1])[2].ref} if before else set()
        after = sorted((a, e.ref) for a, _, e in named if 0 <= a - m.end <= 80)
        out |= {ref for a, ref in after if _LEADS.search(ctx.low[m.end:a])}
        if after and not before:   # "em Assunção, na Reunião do Conselho": the event it introduces
            out.add(after[0][1])
        for a, _, e in named:
            if e.ref in out and _FRAME.search(ctx.low[max(0, a - 30):a]):
                out.add("*")
        return out

    def framed(self, ctx: Context, s: int) -> bool:
        """A sentence that names events only as the frame of another ("in the framework of X")."""
        named = self.at.get(s, [])
        return bool(named) and all(_FRAME.search(ctx.low[max(0, a - 30):a]) for a, _, _ in named)


#: Words by which a place leads to the event held there ("em Lima, onde participará do Fórum").
_LEADS = re.compile(r"\b(?:onde|donde|where|para|for|to attend|to take part)\b")


#: Words that frame one event inside another ("no âmbito da Assembleia", "in the framework of").
_FRAME = re.compile(r"\b(?:ambito d\w*|marco d\w*|framework of|sidelines of|margem d\w*|margen d\w*|durante|during)\s*(?:the|la|el|o|a)?\s*(?:\w+\s+)?$")


def _anaphora_sentences(ctx: Context) -> set[int]:
    pat = re.compile(rf"\b(?:{EVENT_NOUNS.get(ctx.lang, EVENT_NOUNS['en'])})\b")
    return {s for s in range(len(ctx.ex.sentences)) if pat.search(ctx.sentence_low(s))}


def _participants(ctx: Context, ev: Entity, scope: list[int], near: "_Nearest") -> None:
    for s in scope:
        low = ctx.sentence_low(s)
        a, _ = ctx.sentence_span(s)
        for m, e in ctx.in_sentence(s, "Person", "Institution"):
            if _past(ctx, m) or (e.cls == "Institution" and _background(ctx, e)) or not near.belongs(s, m, ev):
                continue
            if e.cls == "Person":
                prop = "speaker" if ctx.has("speech", low) else "participant"
            else:
                prop = _institution_role(ctx, low, m.start - a, m.end - a)
                if prop == "participant" and _instrument(e):
                    continue
            ctx.add(prop, ev, e, s)


def _everyone(ctx: Context, ev: Entity) -> None:
    """The people of a story about one event are, by and large, at it (tried: leaving out those
    named only beside another event cost more at the main event than it saved)."""
    for e in ctx.ex.entities:
        if e.cls not in ("Person", "Institution") or (e.cls == "Institution" and (
                not _salient(e) or _background(ctx, e) or _instrument(e))):
            continue
        m = next((m for m in e.mentions if not _past(ctx, m)), None)
        if m is not None:
            ctx.add("participant", ev, e, m.sentence)


#: Heads of names of programmes, projects and funds: what a meeting discusses, not who attends it.
_INSTRUMENTS = {"programa", "program", "programme", "projeto", "proyecto", "project", "plano", "plan", "fundo",
                "fondo", "fund", "facility", "iniciativa", "initiative", "estrategia", "strategy"}


def _instrument(e: Entity) -> bool:
    """A programme or a pool of money the text names; a fund that is a financial body with its own
    staff ("Fundo Monetário Internacional", "Fondo Financiero para …") is an actor."""
    words = fold(e.label).split()
    return bool(words) and words[0] in _INSTRUMENTS and not any(w.startswith(("monet", "financ")) for w in words)


def _background(ctx: Context, e: Entity) -> bool:
    """An institution named only as someone's employer ("cientista político de la Universidad X"), as
    the body another belongs to ("CEPAL de Naciones Unidas") or inside another event's name is not
    itself at the event."""
    return all(ctx.in_role(m) or _owner_of_other(ctx, m) or ctx.inside_event(m) for m in e.mentions)


def _owner_of_other(ctx: Context, m: Mention) -> bool:
    k = ctx.tok_of(m.start)
    if k < 2 or ctx.toks[k - 1].low not in ("de", "do", "da", "del", "of", "dos", "das"):
        return False
    j = k - 1
    if ctx.toks[j - 1].text == ")":   # "Comisión Económica (CEPAL) de Naciones Unidas"
        opening = next((x for x in range(j - 2, max(0, j - 8), -1) if ctx.toks[x].text == "("), None)
        if opening is not None and (ctx.mentions_ending(j - 1, "Institution") or ctx.mentions_ending(opening, "Institution")):
            return True
    return bool(ctx.mentions_ending(j, "Institution"))


def _named_parties(ctx: Context, ev: Entity) -> None:
    """"la firma del acuerdo entre X e Y", "UNDP’s Ministerial Forum", "General Assembly of the United
    Nations": the institutions an event's own name holds, or whose possessive precedes it, take part."""
    for em in ev.mentions:
        for m, e in ctx.between(em.start, em.end, "Institution"):
            ctx.add("participant", ev, e, em.sentence)
        k = ctx.tok_of(em.start)
        if k >= 3 and ctx.toks[k - 1].low == "s" and ctx.toks[k - 2].text in ("’", "'"):
            for m, e in ctx.mentions_ending(k - 2, "Institution"):
                ctx.add("organizer", ev, e, em.sentence)


def _salient(e: Entity) -> bool:
    """An institution the story is about: named in its headline or lead, or named again and again."""
    return min(m.sentence for m in e.mentions) <= 1 or len({m.sentence for m in e.mentions}) >= 3


def _past(ctx: Context, m: Mention) -> bool:
    """"seu antecessor, X", "ex-presidente X": someone the text names as past is not at the event."""
    k = ctx.tok_of(m.start)
    window = " ".join(t.low for t in ctx.toks[max(0, k - 4):k])
    return bool(cue(ctx.lang, "past").search(window))


def _institution_role(ctx: Context, low: str, at: int, end: int) -> str:
    """The cue nearest the institution says its part: "organizada por X", "hosted by X", "auspiciado por X"
    before it, or its own verb right after it ("X organizó", "X e Y promovem", "X hosts")."""
    best = (61, "participant")
    for prop in ("organizer", "host", "sponsor"):
        for hit in cue(ctx.lang, prop).finditer(low):
            if 0 <= at - hit.end() < best[0]:
                best = (at - hit.end(), prop)
            elif 0 <= hit.start() - end <= 12 and hit.start() - end < best[0]:
                best = (hit.start() - end, prop)
    return best[1]


def _locations(ctx: Context, ev: Entity, scope: list[int], own: set[int], near: "_Nearest") -> None:
    noun = re.compile(rf"\b(?:{EVENT_NOUNS.get(ctx.lang, EVENT_NOUNS['en'])})\b")
    for s in scope:
        a, _ = ctx.sentence_span(s)
        nouns = [a + x.end() for x in noun.finditer(ctx.sentence_low(s))]
        nouns += [m.end for m in ev.mentions if m.sentence == s]
        for m, e in ctx.in_sentence(s, "Place", "Country"):
            if is_world_region(e) or (e.cls == "Country" and _money_event(ctx, ev)):
                continue   # "aprobó US$ 400 millones ... en Argentina": the borrower, not the venue
            hosts = near.hosts(ctx, s, m)
            if ev.ref not in hosts and "*" not in hosts and s in near.at:
                continue   # the place of another event the sentence names
            if _scope_of_agreement(ctx, ev, s, m):
                continue   # "acordo prevê projetos em Pernambuco": what it covers, not where it was signed
            if not any(0 <= m.start - n <= 80 for n in nouns) and not _venue_cue(ctx, s, m.start) and \
                    not any(0 <= x.start - m.end <= 60 for x in ev.mentions if x.sentence == s):
                continue   # a place far from the event's noun is one the sentence merely mentions
            k = ctx.tok_of(m.start)
            prev = ctx.toks[k - 1].low if k > 0 else ""
            prev2 = ctx.toks[k - 2].low if k > 1 else ""
            if prev in _LOCATIVE - {"de", "a"} or (prev == "," and _located_before(ctx, k - 1)) or \
                    (prev2 in ("in", "en", "em") and prev in ("the", "la", "el", "o", "a")):
                if _role_place(ctx, k):
                    continue
                ctx.add("location", ev, e, s)


_VENUE = {
    "pt": re.compile(r"\b(?:realizad[oa]s?|realiza-se|ocorre\w*|acontece\w*|sediad[oa]|sera realizad[oa])\b"),
    "es": re.compile(r"\b(?:realizad[oa]s?|celebrad[oa]s?|se celebra\w*|tendra lugar|tuvo lugar|se llevara a cabo|"
                     r"llevad[oa] a cabo|se realiza\w*)\b"),
    "en": re.compile(r"\b(?:held|take place|takes place|took place|will be hosted|hosted)\b"),
}


def _money_event(ctx: Context, ev: Entity) -> bool:
    return _money_name(ctx.lang, ev.label)


# asked again and again of each event of an article, for every place and mention
@lru_cache(maxsize=1 << 12)
def _money_name(lang: str, name: str) -> bool:
    return bool(cue(lang, "funding").search(fold(name)))


def _venue_cue(ctx: Context, s: int, at: int) -> bool:
    """"will take place ... in Santiago", "se llevará a cabo en X": a verb of holding before the place."""
    a, _ = ctx.sentence_span(s)
    pat = _VENUE.get(ctx.lang, _VENUE["en"])
    return any(0 <= at - (a + x.end()) <= 120 for x in pat.finditer(ctx.sentence_low(s)))


def _title_places(ctx: Context, ev: Entity) -> None:
    """"visita de X a Perú", "gira por Costa Rica, Panamá y Honduras", "reunião em Buenos Aires":
    the places the event's own name leads to, whether or not they are mentions of their own."""
    places = [e for e in ctx.ex.entities if e.cls in ("Place", "Country") and not is_world_region(e)]
    lead_in = re.compile(r"(?:\b(?:a|à|ao|por|em|en|in|to|na|no|at|para)|,|\b(?:e|y|and))\s+$")
    for em in ev.mentions:
        window_end = em.end
        tail = re.match(r"[^,;.:()\n]{0,45}", ctx.text[em.end:em.end + 45])
        window_end += tail.end() if tail else 0
        window = ctx.text[em.start:window_end]
        found = []
        for e in places:
            for alias in e.aliases:
                if alias not in window:
                    continue   # a regex scan costs more than this test, and finds nothing then
                for hit in _whole_word(alias).finditer(window):
                    found.append((hit.start(), hit.end(), e))
        found.sort(key=lambda x: x[0])
        # "a loan to Colombia", "empréstimo para o Peru": who gets it, not where it happens
        money_event = _money_event(ctx, ev) or cue(ctx.lang, "funding").search(fold(em.text))
        chained_to = -1
        for a, b, e in found:
            if _AGREEMENT.match(fold(em.text)) and not _SIGNED.search(fold(window[:a])):
                continue   # "acordo prevê projetos em Pernambuco": what it covers
            before = window[max(0, a - 6):a]
            preps = r"em|en|in|na|no|at" if money_event else r"a|à|ao|por|em|en|in|to|na|no|at|para"
            direct = re.search(rf"\b(?:{preps})\s+$", before)
            if direct or (chained_to >= 0 and lead_in.search(window[chained_to:a]) and a - chained_to <= 4):
                ctx.add("location", ev, e, em.sentence)
                chained_to = b


# every place name is looked for in every event mention's window
@lru_cache(maxsize=1 << 12)
def _whole_word(alias: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(alias)}(?!\w)")


def _dateline_attested(ctx: Context, dateline: tuple[Mention, Entity], scope: list[int]) -> bool:
    """A dateline says where the story was filed; it is the event's place only where the event's
    sentences name that place too (or the dateline opens the sentence that names the event)."""
    m0, place = dateline
    return any(m is not m0 and m.sentence in scope for m in place.mentions) or m0.sentence in scope and \
        bool(re.search(r"\b(?:nesta|nessa|esta|this|en esta|la|a)\s+(?:capital|cidade|ciudad|city)\b",
                       ctx.sentence_low(m0.sentence)))


_AGREEMENT = re.compile(rf"^(?:{AGREEMENTS})\b")
_SIGNED = re.compile(r"\b(?:assinad\w*|firmad\w*|signed|celebrad\w*|subscrit\w*|suscrit\w*)\b")


def _scope_of_agreement(ctx: Context, ev: Entity, s: int, m: Mention) -> bool:
    """A place after an agreement's name, with no word of signing between, is what it covers."""
    prior = [x for x in ev.mentions if x.sentence == s and x.start <= m.start]
    if not prior:
        return False
    last = max(prior, key=lambda x: x.start)
    return bool(_AGREEMENT.match(fold(last.text))) and not _SIGNED.search(ctx.low[last.start:m.start])


def _located_before(ctx: Context, comma: int) -> bool:
    """"in Santiago, Chile": the second name of a place chain after a locative."""
    k = comma - 1
    while k > 0 and ctx.toks[k].cap:
        k -= 1
    return ctx.toks[k].low in ("in", "en", "em", "no", "na", "at") and bool(ctx.mention_at(k + 1))


def _role_place(ctx: Context, k: int) -> bool:
    """"diretora da CAF no Peru", "representante do BID no Brasil": a post's place, not the event's."""
    return any(ctx.is_post(i) for i in range(max(0, k - 6), k) if ctx.toks[i].low not in ("de", "do", "da"))


def _dateline(ctx: Context) -> tuple[Mention, Entity] | None:
    """"(Lima, 20 de abril de 2012)", "Lima, 27 jun.-", "New York.", "Washington:": the place of the story."""
    head = ctx.ex.sentences[:4]
    for m, e in ctx.items:
        if e.cls not in ("Place", "Country") or m.start > (head[-1][1] if head else 0) or m.start > 400:
            continue
        before = ctx.text[max(0, m.start - 2):m.start]
        after = ctx.text[m.end:m.end + 25]
        line_start = m.start == 0 or "\n" in before or before.endswith("(")
        if line_start and re.match(r"\s*(?:[,.:]\s*(?:\d|[A-Z]\.|D\.F\.|$|\w+\s*\d)|[.:]\s|\s*[-–—]\s)", after):
            return m, e
    return None


def _dates(ctx: Context, ev: Entity, scope: list[int], lead: bool = False) -> None:
    """The date nearest the event's full name; then one in its other sentences; then a relative one;
    for the main event, last, the first date of the lead (news says when in its first lines)."""
    named = [m for m in ev.mentions if m.text == ev.label] or ev.mentions
    primary = {m.sentence for m in named}
    own = {m.sentence for m in ev.mentions}
    named_in: dict[int, list[int]] = {}
    all_in: dict[int, list[int]] = {}
    for m in named:
        named_in.setdefault(m.sentence, []).append(m.start)
    for m in ev.mentions:
        all_in.setdefault(m.sentence, []).append(m.start)
    best: tuple[int, DateMention] | None = None
    lead_sents = set(range(min(3, len(ctx.ex.sentences)))) if lead else set()
    for s in sorted(set(scope) | lead_sents):
        a, b = ctx.sentence_span(s)
        for d in ctx.dates_in(s):
            if s not in scope:
                if _dateline_date(ctx, a + d.start, a + d.end):
                    continue
                rank = 20_000 + s
            elif s in primary:
                rank = min(abs(a + d.start - x) for x in named_in[s])
                rank += 800 if _dateline_date(ctx, a + d.start, a + d.end) else 0
            elif s in own:
                if _dateline_date(ctx, a + d.start, a + d.end):
                    continue
                rank = 1_000 + min(abs(a + d.start - x) for x in all_in[s])
            elif d.relative:
                rank = 10_000 + s
            else:
                continue   # an explicit date far from the event's name may be any date
            rank += 500 if d.relative else 0
            rank -= 50 if d.until else 0
            if best is None or rank < best[0]:
                best = (rank, d)
    if best:
        ev.attrs["start"] = best[1].begin
        if best[1].until:
            ev.attrs["end"] = best[1].until


def _dateline_date(ctx: Context, start: int, end: int) -> bool:
    """A date alone on its line, or opening it ("Lima, 3 de mayo de 2021.- ..."), is the story's date."""
    line_start = ctx.text.rfind("\n", 0, start) + 1
    line_end = ctx.text.find("\n", end)
    line = ctx.text[line_start:line_end if line_end >= 0 else len(ctx.text)]
    if len(line.strip()) <= (end - start) + 25:
        return True
    return start - line_start <= 40 and bool(re.match(r"\s*(?:\)|\.?\s*[-–—]|:|\.)", ctx.text[end:end + 4]))
