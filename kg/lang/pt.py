"""Portuguese word lists for kg's rule components."""

#: Words that open an institution's name ("Ministério da Pesca", "Banco do Brasil").
INSTITUTION_HEADS = {
    "Ministério", "Secretaria", "Subsecretaria", "Secretaria-Geral", "Banco", "Universidade", "Fundação", "Agência",
    "Instituto", "Comissão", "Conselho", "Corporação", "Fundo", "Organização", "Associação", "Câmara",
    "Confederação", "Federação", "Tribunal", "Polícia", "Congresso", "Senado", "Assembleia", "Prefeitura",
    "Governo", "Presidência", "Departamento", "Superintendência", "Autoridade", "Empresa", "Companhia",
    "Grupo", "Escola", "Faculdade", "Centro", "Programa", "Diretório", "Diretoria", "Embaixada", "Procuradoria",
    "Defensoria", "Controladoria", "Serviço", "Parlamento", "Partido", "Sindicato", "Cooperativa", "Aliança",
    "Comitê", "Junta", "Gabinete", "Tesouro", "Receita", "Caixa", "Hospital", "Museu", "Observatório",
    "Coordenação", "Coordenadoria", "Casa", "Guarda", "Exército", "Marinha", "Força", "Forças", "Chancelaria",
    "Vice-Presidência", "Rede", "Sociedade", "Academia", "Escritório", "Unidade", "Bolsa", "Petróleos", "Complexo",
}
#: Words that close an institution's name: English ones, since articles name foreign companies and banks as they are.
from .en import INSTITUTION_TAILS  # noqa: E402,F401
#: Institutions written in lower case and named by a demonym ("o governo brasileiro", "a chancelaria argentina").
DEMONYM_INSTITUTIONS = {"chancelaria", "congresso", "senado", "exército", "itamaraty"}
#: Heads whose name is a government of a country or place: "Governo do Chile", "Prefeitura de Vila Serena".
PLACE_GOVERNMENTS = {"Governo", "Prefeitura", "Embaixada", "Presidência", "Chancelaria"}

#: Words that join the parts of a name.
PARTICLES = {"de", "da", "do", "das", "dos", "d'", "di", "del", "van", "von", "la", "à", "às", "ao", "aos", "para", "contra", "sobre"}
CONJUNCTIONS = {"e", "ou"}
#: Courtesy titles that announce a person's name.
HONORIFICS = {"Sr.", "Sra.", "Dr.", "Dra.", "Dom", "Dona", "senhor", "senhora", "doutor", "doutora", "Prof.", "Profa."}

#: Event nouns, by the kind of event (events of one kind in one article are one event unless titled apart).
EVENT_NOUNS = {
    "acordo": "signing", "convênio": "signing", "memorando": "signing", "tratado": "signing",
    "seminário": "seminar", "seminários": "seminar", "workshop": "seminar", "oficina": "seminar", "curso": "seminar",
    "palestra": "seminar", "capacitação": "seminar", "treinamento": "seminar", "simpósio": "seminar",
    "reunião": "meeting", "reuniões": "meeting", "encontro": "meeting", "encontros": "meeting", "sessão": "meeting",
    "conversas": "meeting", "audiência": "meeting", "mesa-redonda": "meeting", "diálogo": "meeting",
    "cúpula": "summit", "cimeira": "summit",
    "conferência": "conference", "congresso": "conference", "convenção": "conference",
    "fórum": "forum", "feira": "forum", "exposição": "forum",
    "visita": "visit", "viagem": "visit", "giro": "visit", "turnê": "visit",
    "assinatura": "signing", "firma": "signing",
    "aprovação": "approval",
    "eleição": "election", "posse": "election",
    "cerimônia": "ceremony", "solenidade": "ceremony", "celebração": "ceremony",
    "assembleia": "assembly",
    "lançamento": "launch", "inauguração": "launch",
}
#: Verbs that report an event by themselves ("o banco aprovou empréstimos de US$ 100 milhões").
EVENT_VERBS = {"aprovou": "approval", "aprovaram": "approval", "aprova": "approval", "assinaram": "signing",
               "assinou": "signing", "firmaram": "signing", "firmou": "signing",
               "assinará": "signing", "assinarão": "signing", "firmará": "signing", "aprovará": "approval"}
#: Words that may precede an event noun and belong to its name ("primeira visita").
EVENT_PREMODIFIERS = {"primeira", "primeiro", "segunda", "segundo", "terceira", "terceiro", "última", "último",
                      "nova", "novo", "grande", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"}
#: Nouns that refer back to the article's event ("o evento").
EVENT_ANAPHORA = {"evento", "encontro", "atividade"}
#: Words that end a descriptive event phrase (a clause starts).
PHRASE_STOPS = {"que", "onde", "quando", "qual", "quais", "cujo", "cuja", "foi", "foram", "é", "são", "será", "serão",
                "teve", "tem", "terá", "vai", "deve", "está", "estão", "como", "mas", "porém", "pois", "afirmou",
                "disse", "destacou", "segundo", "além", "realizado", "realizada", "realizou", "desde", "nesta", "neste",
                "nessa", "nesse", "ontem", "hoje", "amanhã", "durante", "após", "antes", "depois"}
#: Endings of finite verbs (past, future) that end a noun phrase ("a visita do ministro supondrá").
VERB_ENDINGS = ("ou", "iu", "aram", "eram", "iram", "rá", "rão", "ava", "avam")
#: Verbs of saying that stand next to a person's name ("disse Kofi Asante", "Kofi Asante afirmou").
SPEECH_VERBS = {"disse", "afirmou", "declarou", "destacou", "explicou", "ressaltou", "acrescentou", "comentou",
                "observou", "salientou", "sublinhou", "enfatizou", "assegurou", "garantiu", "avaliou", "lembrou"}
#: Words that open a region's name ("Vale do Rio Claro", "Região Metropolitana de Lagoa Azul").
PLACE_HEADS = {"Vale", "Região", "Distrito", "Baixada", "Zona", "Ilha", "Bacia", "Chapada", "Serra", "Sertão",
               "Microrregião", "Mesorregião", "Departamento", "Província", "Município"}
#: Common nouns followed by "de" and a place's name ("no município de Lagoa Azul").
PLACE_CUES = {"município", "municípios", "cidade", "cidades", "distrito", "departamento", "província",
              "região", "localidade", "povoado", "comunidade", "aldeia", "bairro", "capital", "vila"}
#: Words after "em" that say a place follows ("em Lagoa Azul, Estado X").
PLACE_PREPOSITIONS = {"em", "no", "na"}
#: Words that end a region's name (English "Rio Claro Valley"; none here).
PLACE_TAILS: set[str] = set()
#: Occupations that introduce a person's name as a post does ("o economista Kofi Asante").
PERSON_NOUNS = {"economista", "especialista", "consultor", "consultora", "pesquisador", "pesquisadora", "analista",
                "professor", "professora", "cientista", "engenheiro", "engenheira", "advogado", "advogada",
                "jornalista", "ativista", "arquiteto", "arquiteta", "empresário", "empresária", "porta-voz"}
#: Words that attribute what follows to a person ("segundo Kofi Asante").
SOURCE_WORDS = {"segundo", "conforme"}
