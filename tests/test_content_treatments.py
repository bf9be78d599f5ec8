"""What the treatment pages tell patients, in English and Spanish: the warnings for each
treatment, the after-surgery lists, separate permanent and temporary risk figures, and that
every number in a treatment's short figures comes from the notes of a source it cites."""

import html as html_lib
import re

import pytest

from conditions.treatments import treatment_options

from .conftest import page_by_id

pytestmark = pytest.mark.django_db

TREATMENT = {"en": "/hemifacial-spasm/treatment/", "es": "/es/espasmo-hemifacial/tratamiento/"}
CHOOSING = {"en": "/hemifacial-spasm/choosing-a-treatment/", "es": "/es/espasmo-hemifacial/elegir-un-tratamiento/"}
AFTER_SURGERY = {"en": "/hemifacial-spasm/after-surgery/", "es": "/es/espasmo-hemifacial/despues-de-la-cirugia/"}
MY_PAGES = {
    "en": [
        TREATMENT["en"],
        CHOOSING["en"],
        AFTER_SURGERY["en"],
        "/hemifacial-spasm/living-with/",
        "/hemifacial-spasm/your-appointment/",
    ],
    "es": [
        TREATMENT["es"],
        CHOOSING["es"],
        AFTER_SURGERY["es"],
        "/es/espasmo-hemifacial/vivir-con-espasmo-hemifacial/",
        "/es/espasmo-hemifacial/su-cita/",
    ],
}
FIGURE_FIELDS = ("involves", "works_in", "lasts", "success", "main_risks", "recovery_time")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")


def main(page_html):
    return page_html.split("<main", 1)[1].split("</main>", 1)[0]


def text(fragment):
    return " ".join(html_lib.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def page_text(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return text(main(response.content.decode()))


def block(client, url, pattern):
    """The text of the first part of the page's <main> that `pattern` matches."""
    found = re.search(pattern, main(client.get(url).content.decode()), re.DOTALL)
    assert found, (url, pattern)
    return text(found.group(0))


def section(client, url, anchor):
    """The text of one treatment option's section on the treatment page."""
    return block(client, url, rf'<section class="treatment" aria-labelledby="{anchor}">.*?</section>')


def numbers(value):
    """The number tokens of a text, written one way: "5,685" and "5.685" are 5685 (thousands),
    "9,5" and "9.5" are 9.5 (a decimal)."""
    found = set()
    for token in NUMBER.findall(value):
        if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", token):
            found.add(token.replace(",", "").replace(".", ""))
        else:
            found.add(token.replace(",", "."))
    return found


# --- after surgery ---------------------------------------------------------------------------

SAME_DAY = {
    "en": [
        "clear fluid drips from your wound or your nose",
        "a salty taste at the back of your throat",
        "you have a fever",
        "your wound is red, swollen or leaking",
        "a headache that keeps getting worse",
        "a stiff neck",
        "it hurts to look at light",
        "vomit) again and again",
        "your face gets weak, and this is new",
        "It can start days after the operation, even when you are home.",
        "your hearing gets worse",
        "you feel dizzy in a new way",
        "trouble with your balance",
        "trouble swallowing",
        "your voice is hoarse",
    ],
    "es": [
        "le sale un líquido claro de la herida o de la nariz",
        "un sabor salado en el fondo de la garganta",
        "tiene fiebre",
        "la herida está roja o hinchada, o le sale líquido",
        "un dolor de cabeza que empeora cada vez más",
        "el cuello rígido",
        "le duele mirar la luz",
        "vomita una y otra vez",
        "siente la cara débil, y esto es nuevo",
        "Puede empezar días después de la operación, aun cuando ya está en casa.",
        "oye peor que antes",
        "un mareo nuevo",
        "problemas con el equilibrio",
        "problemas para tragar",
        "la voz ronca",
    ],
}
EMERGENCY = {
    "en": [
        "a very bad headache that starts suddenly",
        "confusion",
        "you are hard to wake up",
        "a seizure",
        "trouble breathing",
        "any one sign of a stroke",
        "your face droops",
        "an arm or leg gets weak or numb",
        "trouble speaking",
        "sudden trouble seeing",
        "sudden loss of balance",
        "One sign is enough.",
        "Call even if it goes away.",
        "Do not drive yourself.",
        "If you cannot call, ask someone to call for you.",
    ],
    "es": [
        "un dolor de cabeza muy fuerte que empieza de repente",
        "confusión",
        "le cuesta mucho despertarse",
        "una convulsión",
        "problemas para respirar",
        "una sola señal de un derrame cerebral",
        "un lado de la cara se cae",
        "un brazo o una pierna se pone débil o se adormece",
        "le cuesta hablar",
        "de repente ve mal",
        "de repente pierde el equilibrio",
        "Una sola señal es suficiente.",
        "Llame aunque la señal se pase.",
        "No maneje usted mismo.",
        "Si usted no puede llamar, pídale a otra persona que llame por usted.",
    ],
}
CONDITIONAL = {"en": ("if it comes with", "with any of these", "as well as"), "es": ("si además", "junto con")}


@pytest.mark.parametrize("language", ["en", "es"])
def test_after_surgery_lists_every_same_day_reason_to_call_the_care_team(client, language):
    same_day = block(client, AFTER_SURGERY[language], r'<div class="callout callout--warning call-care-team">.*?</ul>')
    for item in SAME_DAY[language]:
        assert item in same_day, item


@pytest.mark.parametrize("language", ["en", "es"])
def test_after_surgery_911_list_is_complete_and_one_sign_is_enough(client, language):
    emergency = block(client, AFTER_SURGERY[language], r'<div class="callout callout--emergency">.*?</div>\s*</div>')
    assert "911" in emergency
    for item in EMERGENCY[language]:
        assert item in emergency, item
    for conditional in CONDITIONAL[language]:
        assert conditional not in emergency.lower(), conditional


def test_the_pages_say_seizure_never_fit(client):
    for url in MY_PAGES["en"]:
        assert not re.search(r"\bfits?\b", page_text(client, url), re.IGNORECASE), url
    assert "seizure" in page_text(client, AFTER_SURGERY["en"])
    for url in MY_PAGES["es"]:
        assert "(ataques)" not in page_text(client, url), url
    assert "convulsión" in page_text(client, AFTER_SURGERY["es"])


# --- warnings for each treatment ---------------------------------------------------------------

BOTOX_WARNINGS = {
    "en": [
        "neurologist",
        "eye doctor",
        "can spread past the muscles",
        "trouble swallowing, speaking or breathing",
        "hours to weeks after the shots",
        "call 911 at once. It is an emergency.",
        "pregnant or breastfeeding",
        "myasthenia gravis or another disease of the nerves and muscles",
        "Do not drive while your sight is affected.",
        "keeps working about as well, even after years",
    ],
    "es": [
        "neurólogo",
        "médico de los ojos",
        "se puede extender más allá de los músculos",
        "problemas para tragar, hablar o respirar",
        "horas o semanas después de las inyecciones",
        "llame al 911 de inmediato. Es una emergencia.",
        "embarazada o da pecho",
        "miastenia grave u otra enfermedad de los nervios y los músculos",
        "No maneje mientras vea mal.",
        "sigue funcionando casi igual de bien, aun después de años",
    ],
}
BOTOX_ANCHOR = {"en": "botulinum-toxin", "es": "toxina-botulinica"}
MEDICINE_WARNINGS = {
    "en": [
        "The proof that they work is weak, because the studies of them are small.",
        "sleepy or dizzy",
        "A serious skin reaction.",
        "a rash, blisters or sores in your mouth, get medical help at once",
        "Blood problems.",
        "blood tests",
        "If your family comes from Asia",
        "HLA-B*1502",
        "Do not stop any of these medicines all at once. Ask your doctor first.",
    ],
    "es": [
        "Hay pocas pruebas de que funcionen, porque los estudios son pequeños.",
        "sueño o mareo",
        "Una reacción grave de la piel.",
        "un sarpullido, ampollas o llagas en la boca, busque ayuda médica de inmediato",
        "Problemas de la sangre.",
        "análisis de sangre",
        "Si su familia viene de Asia",
        "HLA-B*1502",
        "No deje de tomar ninguna de estas medicinas de golpe. Pregúntele primero a su médico.",
    ],
}
MEDICINE_ANCHOR = {"en": "medicines", "es": "medicamentos"}


@pytest.mark.parametrize("language", ["en", "es"])
def test_botulinum_toxin_warns_of_the_spread_of_the_toxin_pregnancy_and_myasthenia(client, language):
    shown = section(client, TREATMENT[language], BOTOX_ANCHOR[language])
    for warning in BOTOX_WARNINGS[language]:
        assert warning in shown, warning
    # the comparison repeats the rare emergency in its short risks, and the page says to call 911
    table = block(client, CHOOSING[language], r'<table class="comparison__table".*?</table>')
    short = {
        "en": "trouble swallowing, speaking or breathing. This is an emergency: call 911 at once",
        "es": "hablar o respirar. Es una emergencia: llame al 911 de inmediato",
    }
    assert short[language] in table
    choosing = page_text(client, CHOOSING[language])
    assert ("call 911 at once" if language == "en" else "llame al 911 de inmediato") in choosing


@pytest.mark.parametrize("language", ["en", "es"])
def test_carbamazepine_warns_of_skin_and_blood_problems_and_the_hla_test(client, language):
    shown = section(client, TREATMENT[language], MEDICINE_ANCHOR[language])
    assert "carbamazepin" in shown
    for warning in MEDICINE_WARNINGS[language]:
        assert warning in shown, warning


# --- surgery: separate permanent and temporary figures --------------------------------------

MVD_FIGURES = {
    "en": [
        "Permanent hearing loss on that side: about 2 to 3 in 100 people",
        "Hearing that changes for a while and then gets better: about 3 in 100 people",
        "Face weakness for a while: 9.5 in 100 people",
        "Permanent face weakness: about 1 in 100 people (0.9 in 100",
        "about 1 in 100 people (1.4 in 100",
        "Spasm-free a few years after surgery: about 91 in 100 people",
        "22 studies of 5,685 people",
        'An "excellent or good" result: about 95 in 100 people',
        "a second operation works less often than the first",
    ],
    "es": [
        "Pérdida permanente de la audición de ese lado: unas 2 a 3 de cada 100 personas",
        "La audición cambia por un tiempo y luego mejora: unas 3 de cada 100 personas",
        "Debilidad de la cara por un tiempo: 9.5 de cada 100 personas",
        "Debilidad permanente de la cara: más o menos 1 de cada 100 personas (0.9 de cada 100",
        "más o menos 1 de cada 100 personas (1.4 de cada 100",
        "Sin espasmos unos años después de la cirugía: unas 91 de cada 100 personas",
        "22 estudios con 5,685 personas",
        'Un resultado "excelente o bueno": unas 95 de cada 100 personas',
        "una segunda operación funciona menos veces que la primera",
    ],
}
MVD_SHORT_RISKS = {
    # the key figures in words, then the short text
    "en": [
        "About 2 to 5 in 100 people lose some or all of the hearing on that side for good (2.3 in 100 in a review "
        "of 22 studies; about 5 in 100 at one hospital: 2.7 in 100 lost all hearing and 2.4 in 100 lost some).",
        "About 10 in 100 people have weakness of the face for a while (9.5 in 100;",
        "About 1 in 100 people have weakness of the face for good (0.9 in 100).",
        "Hearing loss for a while: about 3 in 100.",
    ],
    "es": [
        "Unas 2 a 5 de cada 100 personas pierden parte o toda la audición de ese lado para siempre (2.3 de cada 100 "
        "en una revisión de 22 estudios; unas 5 de cada 100 en un hospital: 2.7 de cada 100 perdieron toda la "
        "audición y 2.4 de cada 100 perdieron parte).",
        "Alrededor de 10 de cada 100 personas tienen debilidad de la cara por un tiempo (9.5 de cada 100;",
        "Alrededor de 1 de cada 100 personas tiene debilidad de la cara para siempre (0.9 de cada 100).",
        "Pérdida de audición por un tiempo: unas 3 de cada 100.",
    ],
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_surgery_shows_permanent_and_temporary_hearing_and_face_figures_separately(client, language):
    shown = page_text(client, CHOOSING[language])
    for figure in MVD_FIGURES[language]:
        assert figure in shown, figure
    table = block(client, CHOOSING[language], r'<table class="comparison__table".*?</table>')
    treatment = page_text(client, TREATMENT[language])
    for figure in MVD_SHORT_RISKS[language]:
        assert figure in table, figure
        assert figure in treatment, figure
    # surgery is described plainly, never as a small operation
    for url in (TREATMENT[language], CHOOSING[language]):
        page = page_text(client, url).lower()
        assert ("inside the skull" if language == "en" else "dentro del cráneo") in page
        assert "minimally invasive" not in page
        assert "mínimamente invasiva" not in page


STROKE_AND_DEATH = {
    # language: (stroke, death, the old merged figure)
    "en": ("Stroke: fewer than 1 in 1,000", "Death: fewer than 1 in 1,000", "stroke or death"),
    "es": ("Derrame cerebral: menos de 1 de cada 1,000", "Muerte: menos de 1 de cada 1,000", "derrame cerebral o"),
}


def reader_text(client, url, pattern=r".*"):
    """The words a reader sees in the part of <main> that `pattern` matches: inline tags (glossary
    links, bold) vanish without a gap, so "<a>Stroke</a>: fewer" reads "Stroke: fewer"."""
    found = re.search(pattern, main(client.get(url).content.decode()), re.DOTALL)
    assert found, (url, pattern)
    return text(re.sub(r"</?(?:a|strong|em|b|i|span|abbr)\b[^>]*>", "", found.group(0)))


@pytest.mark.parametrize("language", ["en", "es"])
def test_stroke_and_death_are_separate_figures(client, language):
    stroke, death, merged = STROKE_AND_DEATH[language]
    anchor = "microvascular-decompression" if language == "en" else "descompresion-microvascular"
    shown = {
        "comparison table": reader_text(client, CHOOSING[language], r'<table class="comparison__table".*?</table>'),
        "surgery at a glance": reader_text(
            client, TREATMENT[language], rf'<section class="treatment" aria-labelledby="{anchor}">.*?</section>'
        ),
        "choosing page": reader_text(client, CHOOSING[language]),
    }
    for where, words in shown.items():
        assert stroke in words, where
        assert death in words, where
        assert merged not in words.lower(), where
    # the risks list names them apart too
    assert merged not in reader_text(client, TREATMENT[language]).lower()


MVD_WORDING = {
    "en": {
        TREATMENT["en"]: [
            "The numbers on this page come from studies and a hospital leaflet.",
            "About 78 to 91 in 100 people are free of spasms a year or more after the operation",
            "about 78 in 100 at one hospital",
            "Most people stay in the hospital for a few nights. Your care team will tell you how long.",
        ],
        CHOOSING["en"]: [
            "come from studies of people with hemifacial spasm and from a hospital leaflet",
            "The studies and the hospital leaflet behind the numbers",
            "about 78 in 100 people, in one hospital's group of patients",
            "In one hospital's group of patients, 2.7 in 100",
            "about 5 in 100 in all",
            "still had an excellent result, in one hospital's study",
            'An "excellent or good" result means the study rated the result as excellent or good.',
        ],
        AFTER_SURGERY["en"]: [
            "This is usually within 1 to 2 months. Your care team will tell you when it is right for you.",
        ],
    },
    "es": {
        TREATMENT["es"]: [
            "Las cifras de esta página vienen de estudios y de un folleto de un hospital.",
            "Unas 78 a 91 de cada 100 personas no tienen espasmos un año o más después de la operación",
            "unas 78 de cada 100 en un hospital",
            "La mayoría de las personas se quedan unas noches en el hospital. "
            "Su equipo de atención le dirá cuánto tiempo.",
        ],
        CHOOSING["es"]: [
            "vienen de estudios de personas con espasmo hemifacial y de un folleto de un hospital",
            "Los estudios y el folleto de hospital de donde vienen las cifras",
            "unas 78 de cada 100 personas, en el grupo de pacientes de un hospital",
            "En el grupo de pacientes de un hospital, 2.7 de cada 100",
            "unas 5 de cada 100 en total",
            "seguían con un resultado excelente, en el estudio de un hospital",
            'Un resultado "excelente o bueno" quiere decir que el estudio calificó el resultado '
            "como excelente o bueno.",
        ],
        AFTER_SURGERY["es"]: [
            "Por lo general, esto pasa en 1 a 2 meses. Su equipo de atención le dirá cuándo es el momento para usted.",
        ],
    },
}
NOT_ANY_MORE = {
    # unsourced or unexplained wording that the pages no longer use
    "en": ["You stay in the hospital for a few nights", "series", "one large study", "gone or much better"],
    "es": ["Usted se queda unas noches", "serie ", "un estudio grande", "mejoraron mucho"],
}


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_surgery_figures_say_plainly_where_they_come_from(client, language):
    for url, phrases in MVD_WORDING[language].items():
        shown = page_text(client, url)
        for phrase in phrases:
            assert phrase in shown, (url, phrase)
        for old in NOT_ANY_MORE[language]:
            assert old not in shown, (url, old)


# --- every short figure comes from a source it cites ----------------------------------------


def test_numbers_are_matched_as_whole_tokens():
    notes = "Spasm-free: 91 in 100 (91.1 in 100) of 5,685 people. Face weakness: 9.5 in 100."
    assert numbers("about 91 in 100") <= numbers(notes)
    assert numbers("5.685 personas y 9,5 de cada 100") <= numbers(notes)
    # a number that only appears inside another one is not sourced
    assert not numbers("1 to 4 nights") <= numbers(notes)
    assert "9" not in numbers(notes)
    assert "5" not in numbers(notes)
    assert "1" not in numbers(notes)


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_number_in_the_short_figures_is_in_the_notes_of_a_source_the_option_cites(language):
    options = treatment_options(page_by_id("hfs-treatment"), language)
    assert len(options) == 4
    with_figures = 0
    for option in options:
        sources = list(option.sources.all())
        sourced = set().union(*(numbers(source.notes) for source in sources))
        figures = {field: getattr(option, field) for field in FIGURE_FIELDS}
        used = set().union(*(numbers(value) for value in figures.values()))
        if used:
            with_figures += 1
            assert sources, f"{option.name} shows figures but cites no source"
        for field, value in figures.items():
            missing = numbers(value) - sourced - {"911"}  # the emergency number is not a figure
            assert not missing, f"{option.name}, {field}: {sorted(missing)} not in the notes of {sources}"
    assert with_figures >= 2  # injections and surgery show numbers


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_number_in_a_key_figure_is_in_the_notes_of_a_source_it_cites(language):
    figures = [
        figure
        for option in treatment_options(page_by_id("hfs-treatment"), language)
        for figure in option.key_figures.all()
    ]
    assert len(figures) >= 3
    for figure in figures:
        sources = list(figure.sources.all())
        assert sources, f"{figure} cites no source"
        sourced = set().union(*(numbers(source.notes) for source in sources))
        missing = numbers(figure.caption()) - sourced - {"100"}
        assert not missing, f"{figure.caption()}: {sorted(missing)} not in the notes of {sources}"
