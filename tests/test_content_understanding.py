"""The "understanding" pages as a patient reads them, in English and Spanish: the stroke warning,
what hemifacial spasm is, its causes, symptoms, diagnosis and look-alikes, the glossary's two kinds
of myokymia, and the "Questions people ask" page."""

import html as html_lib
import re

import pytest

from references.linking import Term, link_terms
from references.models import GlossaryTerm

from .conftest import SEEDED_PAGES, SPANISH_PAGES

pytestmark = pytest.mark.django_db

# Pages that show the shared stroke warning, in each language.
STROKE_PAGES = {
    "en": ["/", "/hemifacial-spasm/", "/hemifacial-spasm/symptoms/"],
    "es": ["/es/", "/es/espasmo-hemifacial/", "/es/espasmo-hemifacial/sintomas/"],
}
UNDERSTANDING = {
    "en": [
        "/hemifacial-spasm/",
        "/hemifacial-spasm/causes/",
        "/hemifacial-spasm/symptoms/",
        "/hemifacial-spasm/diagnosis/",
        "/hemifacial-spasm/questions/",
    ],
    "es": [
        "/es/espasmo-hemifacial/",
        "/es/espasmo-hemifacial/causas/",
        "/es/espasmo-hemifacial/sintomas/",
        "/es/espasmo-hemifacial/diagnostico/",
        "/es/espasmo-hemifacial/preguntas/",
    ],
}
QUESTIONS = {"en": "/hemifacial-spasm/questions/", "es": "/es/espasmo-hemifacial/preguntas/"}
CHOOSING = {"en": "/hemifacial-spasm/choosing-a-treatment/", "es": "/es/espasmo-hemifacial/elegir-un-tratamiento/"}
GLOSSARY = {"en": "/glossary/", "es": "/es/glosario/"}

# What the stroke warning must say. Each entry: what it checks, and words (regular expressions)
# of which at least one must be in the callout's text.
STROKE_MUST_SAY = {
    "en": {
        "face droop or uneven smile": [r"face droops", r"smile is uneven"],
        "drooping, not twitching": [r"drooping, not twitching"],
        "a drooping face is enough alone": [r"a face that droops is enough on its own"],
        "arm or leg weak or numb": [r"an arm or a leg is weak or numb"],
        "speech": [r"slurred"],
        "understanding": [r"cannot understand others"],
        "sight": [r"suddenly have trouble seeing"],
        "balance": [r"suddenly lose your balance"],
        "headache": [r"sudden, very bad headache"],
        "one sign is enough": [r"any one of these signs", r"one sign alone is enough"],
        "call 911 at once": [r"call 911 \(or your local emergency number\) at once"],
        "note the time": [r"note the time the signs started"],
        "call even if it goes away": [r"call even if the signs go away"],
        "do not drive": [r"do not drive yourself"],
        "BE FAST": [r"\bbe fast\b", r"\bfast\b"],
    },
    "es": {
        "RÁPIDO": [r"rápido"],
        "R: rostro caído": [r"<strong>r</strong>ostro caído"],
        "A: alteración del equilibrio": [r"<strong>a</strong>lteración del equilibrio"],
        "P: pérdida de fuerza en el brazo o la pierna": [r"<strong>p</strong>érdida de fuerza en el brazo o la pierna"],
        "I: impedimento visual repentino": [r"<strong>i</strong>mpedimento visual repentino"],
        "D: dificultad para hablar": [r"<strong>d</strong>ificultad para hablar"],
        # the American Stroke Association's letter keeps "Obtén ayuda"; the advice is in "usted"
        "O: obtén ayuda": [r"<strong>o</strong>btén ayuda: llame al 911 enseguida"],
        "derrame cerebral": [r"derrame cerebral"],
        "uneven smile": [r"sonrisa se ve dispareja"],
        "drooping, not twitching": [r"es una caída, no un espasmo"],
        "a drooping face is enough alone": [r"eso solo ya basta"],
        "arm or leg weak or numb": [r"un brazo o una pierna está débil o dormido"],
        "sight": [r"le cuesta ver"],
        "balance": [r"pierde el equilibrio"],
        "understanding": [r"no entiende lo que le dicen"],
        "headache": [r"dolor de cabeza muy fuerte que empieza de repente"],
        "one sign is enough": [r"basta con una sola señal"],
        "call 911 at once": [r"llame al 911 \(o al número de emergencias del lugar donde esté\) enseguida"],
        "note the time": [r"fíjese en la hora en que empezaron las señales"],
        "call even if it goes away": [r"llame aunque las señales se le quiten"],
        "do not drive": [r"no maneje usted mismo"],
    },
}
# Words that make calling 911 wait for a second sign: never in an emergency callout.
CONDITIONAL = [
    r"if it comes with",
    r"comes with any of these",
    r"together with",
    r"as well as one of",
    r"si además",
    r"junto con alguna",
    r"y además",
]


def main(page_html):
    return page_html.split("<main", 1)[1].split("</main>", 1)[0]


def content(page_html):
    """The page's own content: what comes after the guide's navigation and before the page dates."""
    body = main(page_html).split('<div class="page-dates">', 1)[0]
    return body.split("</nav>")[-1]


def text(fragment):
    """The words a reader sees: inline tags (links, bold) vanish, other tags separate words."""
    words = re.sub(r"</?(?:a|strong|em|b|i|span|abbr)\b[^>]*>", "", fragment)
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", words)).split())


def emergency_callouts(page_html):
    return re.findall(r'<div class="callout callout--emergency">.*?</div>\s*</div>', page_html, re.DOTALL)


def get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


# --- the stroke warning -----------------------------------------------------------------------


@pytest.mark.parametrize("language,url", [(lang, url) for lang, urls in STROKE_PAGES.items() for url in urls])
def test_the_stroke_warning_says_one_sudden_sign_is_enough_and_lists_every_sign(client, language, url):
    callouts = emergency_callouts(get(client, url))
    assert len(callouts) == 1, "one stroke warning a page, the shared one"
    callout = callouts[0]
    title = text(re.search(r'<h2[^>]*class="callout__title"[^>]*>(.*?)</h2>', callout, re.DOTALL).group(1))
    if language == "en":
        assert title == "Emergency: Call 911 if you notice any one of these signs of a stroke"
    else:
        assert title == "Emergencia: Llame al 911 si nota aunque sea una de estas señales de derrame cerebral"
    # markup kept for the RÁPIDO letters; tags from glossary links removed so phrases stay whole
    words = " ".join(re.sub(r"</?(?!strong\b)[a-z][^>]*>", " ", callout).lower().split())
    for what, patterns in STROKE_MUST_SAY[language].items():
        assert any(re.search(p, words) for p in patterns), f"{url}: the stroke warning does not say {what}"
    for pattern in CONDITIONAL:
        assert not re.search(pattern, words), f"{url}: the stroke warning waits for a second sign ({pattern})"
    if language == "es":
        # one form of address: "usted" (only the RÁPIDO letter keeps the acronym's "Obtén ayuda")
        assert not re.search(r"\bllama al\b|\bhágalo\b", words), f"{url}: tú and usted mixed"


@pytest.mark.parametrize("url", [*SEEDED_PAGES, *(spanish for spanish, _title in SPANISH_PAGES.values())])
def test_no_emergency_callout_on_any_page_waits_for_a_second_sign(client, url):
    for callout in emergency_callouts(get(client, url)):
        words = text(callout).lower()
        for pattern in CONDITIONAL:
            assert not re.search(pattern, words), f"{url}: {pattern!r} in an emergency callout"
        assert "911" in words


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_understanding_pages_have_no_emergency_callout_of_their_own(client, language):
    """Only the shared stroke warning: the look-alikes box no longer has its own conditional copy."""
    for url in UNDERSTANDING[language]:
        callouts = emergency_callouts(get(client, url))
        expected = 1 if url in STROKE_PAGES[language] else 0
        assert len(callouts) == expected, url


# --- what it is, causes, symptoms, diagnosis ------------------------------------------------


def test_the_overview_says_usually_not_dangerous_and_cites_its_figures(client):
    english = text(content(get(client, "/hemifacial-spasm/")))
    assert "usually not dangerous" in english
    assert "It is not dangerous" not in english
    assert "is not dangerous" not in english.replace("usually not", "")
    assert "About 1 person in 10,000" in english
    assert "about age 44" in english
    spanish = text(content(get(client, "/es/espasmo-hemifacial/")))
    assert "Por lo general, el espasmo hemifacial no es peligroso" in spanish
    assert "1 de cada 10,000" in spanish
    assert "44 años" in spanish
    for page in (get(client, "/hemifacial-spasm/"), get(client, "/es/espasmo-hemifacial/")):
        assert 'href="#source-lu-2014"' in page
        assert 'id="source-lu-2014"' in page


@pytest.mark.parametrize(
    "url,signs",
    [
        (
            url,
            [
                "before you were 40",
                "you have pain or numbness in your face",
                "losing hearing",
                "weak, even between spasms",
                "see double",
            ],
        )
        for url in ("/hemifacial-spasm/", "/hemifacial-spasm/symptoms/")
    ]
    + [
        (
            url,
            [
                "antes de los 40 años",
                "tiene dolor en la cara, o siente dormida una parte de la cara",
                "perdiendo la audición",
                "aun entre un espasmo y otro",
                "ve doble",
            ],
        )
        for url in ("/es/espasmo-hemifacial/", "/es/espasmo-hemifacial/sintomas/")
    ],
)
def test_the_signs_that_point_to_another_cause_say_see_a_doctor_sooner(client, url, signs):
    words = text(content(get(client, url)))
    assert "See a doctor sooner if" in words or "Vaya al médico más pronto si" in words
    for sign in signs:
        assert sign in words, sign


def test_the_causes_page_gives_other_causes_families_and_stress_with_their_source(client):
    english = text(content(get(client, "/hemifacial-spasm/causes/")))
    assert "about 19 in 100 people" in english
    assert "about 1 in 5" in english
    assert "about 2 in 100 people had a kind that runs in families" in english
    for cause in ("Bell's palsy", "tumor", "aneurysm", "multiple sclerosis"):
        assert cause in english, cause
    assert 'Stress and "nerves" do not cause hemifacial spasm' in english
    spanish = text(content(get(client, "/es/espasmo-hemifacial/causas/")))
    assert "19 de cada 100 personas" in spanish
    assert "1 de cada 5" in spanish
    assert "2 de cada 100 personas tenían un tipo que viene de familia" in spanish
    for cause in ("parálisis de Bell", "tumor", "aneurisma", "esclerosis múltiple"):
        assert cause in spanish, cause
    assert "no causan el espasmo hemifacial" in spanish
    for url in ("/hemifacial-spasm/causes/", "/es/espasmo-hemifacial/causas/"):
        page = get(client, url)
        assert page.count('href="#source-yaltho-2011"') == 2
        assert 'id="source-yaltho-2011"' in page


def test_the_diagnosis_page_says_what_scans_can_and_cannot_show(client):
    english = text(content(get(client, "/hemifacial-spasm/diagnosis/")))
    assert "does not prove the cause on its own" in english
    assert "MR angiogram (MRA)" in english
    assert "often with no dye" in english
    assert "A catheter angiogram is rarely needed" in english
    assert "into an artery" in english
    assert "small risks of its own" in english
    assert "Electromyography, or EMG" in english
    assert "MR angiogram (MRA)" in english
    assert "vein so the vessels show up" not in english  # the old, wrong account of an angiogram
    spanish = text(content(get(client, "/es/espasmo-hemifacial/diagnostico/")))
    assert "no prueba que esa sea la causa" in spanish
    assert "angiografía por resonancia magnética" in spanish
    assert "muchas veces sin tinte" in spanish
    assert "Rara vez hace falta una angiografía con catéter" in spanish
    assert "dentro de una arteria" in spanish
    assert "riesgos pequeños" in spanish
    assert "electromiografía, o EMG" in spanish
    assert "angiografía por resonancia magnética (en inglés, MRA)" in spanish  # the same abbreviation as in English


LOOK_ALIKES = {
    "en": [
        "Stroke",
        "Bell's palsy",
        "Eyelid twitch (eyelid myokymia)",
        "Facial myokymia",
        "Blepharospasm",
        "Tics",
        "Seizures",
        "Functional movement problems",
    ],
    "es": [
        "Derrame cerebral",
        "Parálisis de Bell",
        "Temblor del párpado (mioquimia palpebral)",
        "Mioquimia facial",
        "Blefaroespasmo",
        "Tics",
        "Convulsiones",
        "Problemas funcionales del movimiento",
    ],
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_could_it_be_something_else_lists_every_look_alike(client, language):
    url = UNDERSTANDING[language][2]
    page = content(get(client, url))
    heading = "Could it be something else?" if language == "en" else "¿Puede ser otra cosa?"
    section = page.split(f">{heading}</h2>", 1)[1].split("</ul>", 1)[0]
    names = [text(name) for name in re.findall(r"<li><strong>(.*?)</strong>", section, re.DOTALL)]
    assert names == LOOK_ALIKES[language]
    items = {text(name): text(item) for name, item in re.findall(r"<li><strong>(.*?)</strong>(.*?)</li>", section)}
    if language == "en":
        assert "harmless" in items["Eyelid twitch (eyelid myokymia)"]
        assert "not the harmless eyelid twitch" in items["Facial myokymia"]
        assert "See a doctor soon" in items["Facial myokymia"]
        assert "call 911 at once" in items["Stroke"]
        assert "These spasms cannot be held back." in items["Tics"]
        assert "The nerves are not damaged." in items["Functional movement problems"]
        assert "come from a problem with how the brain sends its signals" not in items["Functional movement problems"]
    else:
        assert "No hace daño" in items["Temblor del párpado (mioquimia palpebral)"]
        assert "No es el temblor del párpado" in items["Mioquimia facial"]
        assert "Vaya al médico pronto" in items["Mioquimia facial"]
        assert "llame al 911 enseguida" in items["Derrame cerebral"]
        assert "Estos espasmos no se pueden detener así." in items["Tics"]
        assert "Los nervios no están dañados." in items["Problemas funcionales del movimiento"]


# The one way Bell's palsy is explained, wherever it comes up: what it is, that a sudden droop
# means calling 911 at once (only a doctor can tell it from a stroke), that other new weakness of
# the face means a doctor the same day, and then the linked movements (synkinesis).
BELLS_PALSY = {
    "en": [
        "sudden weakness or drooping of one side of the face. It comes on over a day or two. It does not twitch.",
        "Only a doctor can tell it apart from a stroke. So if your face droops suddenly, call 911 at once. "
        "For any other new weakness of your face, see a doctor the same day.",
        "Later, the face can start to make linked movements, called synkinesis",
        "For example, your eye closes when your mouth moves. "
        "This looks like hemifacial spasm, but it is a different problem. Botox can help it too.",
    ],
    "es": [
        "una debilidad o caída de un lado de la cara que pasa de repente. Aparece en uno o dos días. "
        "No causa espasmos.",
        "Solo un médico puede saber si es eso o un derrame cerebral. Por eso, si la cara se le cae de repente, "
        "llame al 911 enseguida. Si nota otra debilidad nueva en la cara, vaya al médico ese mismo día.",
        "Más adelante, la cara puede empezar a hacer movimientos asociados, que se llaman sincinesia.",
        "Por ejemplo, el ojo se cierra cuando mueve la boca. "
        "Se parece al espasmo hemifacial, pero es otro problema. El bótox también puede ayudar.",
    ],
}
BELLS_PALSY_NAME = {"en": "bell's palsy", "es": "parálisis de bell"}
BELLS_PALSY_SLUG = {"en": "bells-palsy", "es": "paralisis-de-bell"}
# what every mention of Bell's palsy must say about a sudden droop
SUDDEN_DROOP = {
    "en": "if your face droops suddenly, call 911 at once",
    "es": "si la cara se le cae de repente, llame al 911 enseguida",
}


def pages_in(language):
    return list(SEEDED_PAGES) if language == "en" else [spanish for spanish, _title in SPANISH_PAGES.values()]


def glossary_entries(page_html):
    """{slug: (term, definition)} as the glossary page shows them."""
    found = re.findall(r'<dt id="([a-z0-9-]+)">(.*?)</dt>\s*<dd>(.*?)</dd>', page_html, re.DOTALL)
    return {slug: (text(term), text(definition)) for slug, term, definition in found}


@pytest.mark.parametrize("language", ["en", "es"])
def test_bells_palsy_is_explained_the_same_way_on_every_page(client, language):
    for url in UNDERSTANDING[language][1:4]:  # causes, symptoms, diagnosis
        words = text(content(get(client, url)))
        for sentence in BELLS_PALSY[language]:
            assert sentence in words, (url, sentence)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_page_that_mentions_bells_palsy_says_to_call_911_for_a_sudden_droop(client, language):
    mentioning = []
    for url in pages_in(language):
        words = text(content(get(client, url)))
        if BELLS_PALSY_NAME[language] not in words.lower():
            continue
        mentioning.append(url)
        assert SUDDEN_DROOP[language] in words, f"{url} mentions Bell's palsy without the 911 advice"
        for sentence in BELLS_PALSY[language]:
            assert sentence.lower() in words.lower(), (url, sentence)
    # at least causes, symptoms, diagnosis and the glossary
    assert {*UNDERSTANDING[language][1:4], GLOSSARY[language]} <= set(mentioning), mentioning


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_glossary_entry_that_mentions_bells_palsy_says_to_call_911_for_a_sudden_droop(client, language):
    entries = glossary_entries(get(client, GLOSSARY[language]))
    slug = BELLS_PALSY_SLUG[language]
    _term, definition = entries[slug]
    for sentence in BELLS_PALSY[language]:
        assert sentence.lower() in definition.lower(), sentence
    mentioning = {other for other, (_t, words) in entries.items() if BELLS_PALSY_NAME[language] in words.lower()}
    assert mentioning, "synkinesis follows Bell's palsy: its entry names it"
    for other in {slug, *mentioning}:
        assert SUDDEN_DROOP[language] in entries[other][1], f"glossary {other}: no 911 for a sudden droop"
    # the linked movements are a different problem that Botox can help, in both entries
    synkinesis = "synkinesis" if language == "en" else "sincinesia"
    expected = "a different problem. Botox can help it too." if language == "en" else "otro problema. El bótox también"
    assert expected in entries[synkinesis][1]
    assert expected in definition


@pytest.mark.parametrize("url", [*UNDERSTANDING["en"], *UNDERSTANDING["es"], "/glossary/", "/es/glosario/"])
def test_the_pages_use_us_words_and_name_no_file_outside_the_site(client, url):
    words = text(main(get(client, url)))
    assert not re.search(r"\bfits?\b", words), "US English says seizure"
    assert "(ataques)" not in words
    assert "hfs-facts" not in words
    assert ".md" not in words
    # plain wording: no "spasms of hemifacial spasm", no unexplained "surgical series"
    assert "spasms of hemifacial spasm" not in words.lower()
    assert "espasmos del espasmo" not in words.lower()
    assert "series" not in words.lower()
    assert "serie " not in words.lower()


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_glossary_definitions_use_short_sentences(client, language):
    for slug, (_term, definition) in glossary_entries(get(client, GLOSSARY[language])).items():
        for sentence in re.split(r"(?<=[.!?])\s+", definition):
            assert len(sentence.split()) <= 25, (slug, sentence)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_glossary_says_the_same_facts_in_both_languages(client, language):
    entries = glossary_entries(get(client, GLOSSARY[language]))
    same = {
        "en": {
            "cerebrospinal-fluid": "If clear fluid drips from your wound or your nose, "
            "call your care team the same day.",
            "botulinum-toxin": "It is the most common first treatment for hemifacial spasm.",
            "tic": "A quick, repeated movement",
            "spasm": "In hemifacial spasm, the muscles on one side of the face spasm.",
            "stroke": "One sign is enough.",
        },
        "es": {
            "liquido-cefalorraquideo": "Si le sale líquido claro de la herida o de la nariz, "
            "llame a su equipo de atención el mismo día.",
            "toxina-botulinica": "Es el tratamiento inicial más común del espasmo hemifacial.",
            "tic": "Un movimiento rápido y repetido",
            "espasmo": "En el espasmo hemifacial, los músculos de un lado de la cara tienen espasmos.",
            "derrame-cerebral": "Basta con una sola señal.",
        },
    }[language]
    for slug, words in same.items():
        assert words in entries[slug][1], slug


# --- the glossary: two kinds of myokymia ------------------------------------------------------


MYOKYMIA = {
    # language: (eyelid slug, facial slug, what the eyelid one says, what the facial one says)
    "en": ("myokymia", "facial-myokymia", "It is harmless", "see a doctor soon"),
    "es": ("mioquimia", "mioquimia-facial", "No hace daño", "vaya al médico pronto"),
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_glossary_keeps_the_eyelid_twitch_and_facial_myokymia_apart(client, language):
    eyelid, facial, harmless, see_a_doctor = MYOKYMIA[language]
    page = get(client, GLOSSARY[language])
    entries = dict(re.findall(r'<dt id="([a-z0-9-]+)">.*?</dt>\s*<dd>(.*?)</dd>', page, re.DOTALL))
    assert eyelid in entries
    assert facial in entries
    assert harmless in entries[eyelid]
    assert see_a_doctor not in entries[eyelid].lower()
    assert see_a_doctor in entries[facial]
    assert harmless not in entries[facial]
    # no phrase of one is a phrase of the other, and the eyelid term never takes plain "myokymia"
    terms = {term.slug: set(term.match_list()) for term in GlossaryTerm.objects.filter(language=language)}
    assert not terms[eyelid] & terms[facial]
    assert not {"myokymia", "mioquimia"} & terms[eyelid]
    every_phrase = [phrase for phrases in terms.values() for phrase in phrases]
    assert len(every_phrase) == len(set(every_phrase)), "a phrase belongs to two glossary terms"


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_symptoms_page_links_each_myokymia_to_its_own_definition(client, language):
    eyelid, facial, _harmless, _see = MYOKYMIA[language]
    page = content(get(client, UNDERSTANDING[language][2]))
    glossary = GLOSSARY[language]
    facial_words = "Facial myokymia" if language == "en" else "Mioquimia facial"
    eyelid_words = "Eyelid twitch" if language == "en" else "Temblor del párpado"
    assert f'<a class="glossary-link" href="{glossary}#{facial}">{facial_words}</a>' in page
    assert f'<a class="glossary-link" href="{glossary}#{eyelid}">{eyelid_words}</a>' in page
    linked_text = {
        text(words).lower(): slug
        for slug, words in re.findall(rf'<a class="glossary-link" href="{glossary}#([a-z0-9-]+)">(.*?)</a>', page)
    }
    assert all(slug != eyelid for words, slug in linked_text.items() if "facial" in words)


def test_linking_prefers_the_longest_phrase_so_facial_myokymia_is_never_the_eyelid_term():
    terms = [
        Term("myokymia", ("eyelid myokymia", "eyelid twitch", "myokymia")),
        Term("facial-myokymia", ("facial myokymia",)),
        Term("facial-nerve", ("facial nerve",)),
    ]
    html = link_terms("<p>Facial myokymia is not an eyelid twitch. Facial myokymia again.</p>", terms, "/glossary/")
    assert html == (
        '<p><a class="glossary-link" href="/glossary/#facial-myokymia">Facial myokymia</a> is not an '
        '<a class="glossary-link" href="/glossary/#myokymia">eyelid twitch</a>. Facial myokymia again.</p>'
    )
    # the "myokymia" inside "facial myokymia" is never given to the eyelid term; a bare one is
    assert link_terms("<p>Facial myokymia, then myokymia.</p>", terms, "/g/").count("#myokymia") == 1


# --- the questions page ---------------------------------------------------------------------


def questions_and_answers(page_html):
    """[(question, answer html)] from the page's own <h2>s, up to its Sources."""
    body = content(page_html).split('<div class="sources">', 1)[0]
    parts = re.split(r"<h2[^>]*>(.*?)</h2>", body, flags=re.DOTALL)
    return [(text(parts[i]), parts[i + 1]) for i in range(1, len(parts) - 1, 2)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_questions_page_is_part_of_the_guide(client, language):
    url = QUESTIONS[language]
    page = get(client, url)
    contents = re.search(r'<nav class="contents-list".*?</nav>', page, re.DOTALL).group(0)
    assert 'aria-current="page"' in contents
    assert ("Questions people ask" if language == "en" else "Preguntas frecuentes") in contents
    other = get(client, UNDERSTANDING[language][1])
    assert f'href="{url}"' in re.search(r'<nav class="contents-list".*?</nav>', other, re.DOTALL).group(0)
    assert re.search(r'href="[^"]+" rel="prev"', page)
    guide = "/hemifacial-spasm/print/" if language == "en" else "/es/espasmo-hemifacial/print/"
    printed = get(client, guide)
    assert ("Questions people ask" if language == "en" else "Preguntas frecuentes") in printed


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_question_is_a_heading_with_a_short_answer_and_a_link_to_more(client, language):
    page = get(client, QUESTIONS[language])
    pairs = questions_and_answers(page)
    assert len(pairs) == 11, [q for q, _ in pairs]
    for question, answer in pairs:
        assert question.endswith("?"), question
        if language == "es":
            assert question.startswith("¿"), question
        assert answer.lstrip().startswith("<p>"), question
        links = [href for href in re.findall(r'<a href="([^"]+)"', answer) if not href.startswith("#")]
        assert links, f"no link to more in the answer to {question!r}"
        last_paragraph = re.findall(r"<p>(.*?)</p>", answer, re.DOTALL)[-1]
        assert re.search(r'<a href="/[^"#]*[^"]*">[^<]+</a>\.?$', last_paragraph.strip()), question
        for href in links:
            assert href.startswith("/es/") == (language == "es"), href
            path, _, fragment = href.partition("#")
            target = get(client, path)
            if fragment:
                assert f'id="{fragment}"' in target, href
    # the Spanish page asks the same questions, in the same order (one answer each)
    other = "es" if language == "en" else "en"
    assert len(questions_and_answers(get(client, QUESTIONS[other]))) == len(pairs)


SURGERY_FIGURES = {
    "en": [
        "about 2 to 3 in 100",
        "2.3 in 100",
        "2.7 in 100",
        "2.4 in 100",
        "about 3 in 100",
        "9.5 in 100",
        "0.9 in 100",
    ],
    "es": [
        "unas 2 a 3 de cada 100",
        "2.3 de cada 100",
        "2.7 de cada 100",
        "2.4 de cada 100",
        "unas 3 de cada 100",
        "9.5 de cada 100",
        "0.9 de cada 100",
    ],
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_surgery_answer_gives_the_same_figures_as_the_choosing_page_with_sources(client, language):
    page = get(client, QUESTIONS[language])
    answer = dict(questions_and_answers(page))[
        "Will surgery leave me deaf or with a weak face?"
        if language == "en"
        else "¿La cirugía me puede quitar la audición o dejarme la cara débil?"
    ]
    words = text(answer)
    choosing = text(content(get(client, CHOOSING[language])))
    for figure in SURGERY_FIGURES[language]:
        assert figure in words, figure
        assert figure in choosing, f"{figure} is not on the choosing page"
    assert ("Permanent" if language == "en" else "Permanente") in words
    assert ("for a while" if language == "en" else "por un tiempo") in words
    # every figure cites a source listed at the end of the page
    for key in re.findall(r'href="#source-([a-z0-9-]+)"', page):
        assert f'<li id="source-{key}">' in page, key
    for key in ("miller-2012", "baldauf-2019", "tambasco-2021", "newcastle-botox", "yaltho-2011"):
        assert f'<li id="source-{key}">' in page, key
    assert ("one hospital's group of patients" if language == "en" else "el grupo de pacientes de un hospital") in words


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_botox_answer_cites_the_leaflet_for_3_months_and_the_review_for_years(client, language):
    answer = dict(questions_and_answers(get(client, QUESTIONS[language])))[
        "Will Botox stop working?" if language == "en" else "¿El bótox va a dejar de funcionar?"
    ]
    if language == "en":
        assert re.search(r"over years of shots \(<a href=\"#source-tambasco-2021\">Tambasco 2021</a>\)", answer)
        assert re.search(r"about 3 months[^(]*\(<a href=\"#source-newcastle-botox\">", answer)
    else:
        assert re.search(r"durante años de inyecciones \(<a href=\"#source-tambasco-2021\">", answer)
        assert re.search(r"unos 3 meses[^(]*\(<a href=\"#source-newcastle-botox\">", answer)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_about_page_description_does_not_suggest_a_review_happened(client, language):
    url = "/about-our-information/" if language == "en" else "/es/sobre-nuestra-informacion/"
    description = re.search(r'<meta name="description" content="([^"]*)"', get(client, url)).group(1)
    description = html_lib.unescape(description)
    if language == "en":
        assert "how a clinical review works" in description
        assert "clinicians check it" not in description
    else:
        assert "cómo se revisa una página" in description
        assert "la revisan los médicos" not in description


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_insurance_answer_names_no_price_or_insurer_and_points_to_the_coordinator(client, language):
    pairs = dict(questions_and_answers(get(client, QUESTIONS[language])))
    question = "Will my insurance pay for treatment?" if language == "en" else "¿Mi seguro va a pagar el tratamiento?"
    answer = text(pairs[question])
    assert ("care coordinator" if language == "en" else "coordinador de atención") in answer
    assert "$" not in answer
    assert not re.search(r"\d", answer)
    for insurer in ("Medicare", "Medicaid", "Aetna", "Cigna", "Humana", "Kaiser", "Blue Cross", "UnitedHealth"):
        assert insurer not in answer
