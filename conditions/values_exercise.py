"""The decision aid's "What matters to you" questions.

Each answer says, without judging, which choices match it and what to ask the doctor. No answer
holds a figure: the figures live in the treatment options' key figures, where editors keep them
up to date. The answers never leave the patient's browser (static/js/decision-aid.js).
"""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _


@dataclass(frozen=True)
class Answer:
    value: str
    label: str
    matches: str  # which choices match this answer, in words
    ask: str  # a question to take to the appointment


@dataclass(frozen=True)
class Question:
    name: str
    legend: str
    answers: tuple[Answer, ...]


QUESTIONS = (
    Question(
        "impact",
        _("How much do the spasms get in the way of your life now (reading, driving, work, time with people)?"),
        (
            Answer(
                "a-lot",
                _("A lot"),
                _("The shots and the operation both help most people. Tell your doctor how much it bothers you."),
                _("Which treatment could help me soonest?"),
            ),
            Answer(
                "some",
                _("Some"),
                _("Any of the choices may suit you. You can start with one and change later."),
                _("Which treatments suit me?"),
            ),
            Answer(
                "hardly",
                _("Hardly at all"),
                _("Waiting for now is a choice. The spasms often slowly get worse, and you can start treatment later."),
                _("What signs should make me come back sooner?"),
            ),
        ),
    ),
    Question(
        "lasting",
        _("How much does it matter to you to treat the cause, so the spasms may stop for good?"),
        (
            Answer(
                "a-lot",
                _("It matters a lot"),
                _(
                    "Only the operation (MVD) treats the cause. It can stop the spasms for good, but not for everyone, "
                    "and it has risks. Shots and pills work only while you keep getting shots or taking pills."
                ),
                _("How likely is the operation to stop my spasms for good?"),
            ),
            Answer(
                "some",
                _("It matters a little"),
                _("Shots are the most common first treatment. You can think about the operation later."),
                _("If I start with shots, when should we talk about the operation?"),
            ),
            Answer(
                "not-much",
                _("It does not matter much to me"),
                _("Shots, pills or waiting may suit you. None of them is an operation."),
                _("Which treatment without an operation suits me best?"),
            ),
        ),
    ),
    Question(
        "operation",
        _(
            "How do you feel about an operation inside the skull? You would be fully asleep, and you usually stay "
            "a few nights in the hospital."
        ),
        (
            Answer(
                "accept",
                _("I could have it"),
                _("The operation (MVD) is a choice to talk about with a surgeon."),
                _("Am I healthy enough for the operation? What are the risks for me, in numbers?"),
            ),
            Answer(
                "unsure",
                _("I am not sure"),
                _("It is fine not to be sure. You do not have to decide now."),
                _("What would the operation and the weeks after it be like for me?"),
            ),
            Answer(
                "avoid",
                _("I want to avoid it"),
                _("Shots, pills or waiting may suit you. None of them is an operation."),
                _("How well do the shots work for people like me?"),
            ),
        ),
    ),
    Question(
        "injections",
        _("How do you feel about shots around the eye and cheek about every 3 months, maybe for years?"),
        (
            Answer(
                "fine",
                _("That is fine with me"),
                _("Shots match this answer. Each time, the visit takes only a few minutes."),
                _("Who gives the shots here, and how often would I need them?"),
            ),
            Answer(
                "unsure",
                _("I am not sure"),
                _(
                    "You can try the shots and stop if they do not suit you. Each dose wears off after a few months, "
                    "and the common side effects wear off within weeks."
                ),
                _("What side effects might I have from the shots?"),
            ),
            Answer(
                "avoid",
                _("I would rather not"),
                _("The operation, pills or waiting may suit you. None of them uses shots."),
                _("What are my choices if I do not want shots?"),
            ),
        ),
    ),
    Question(
        "hearing",
        _(
            "The operation can cause hearing loss for good in the ear on that side. The pictures show how often. "
            "How do you feel about that risk?"
        ),
        (
            Answer(
                "accept",
                _("I could accept this risk"),
                _("The operation may match this answer. The figures show how many people lose hearing for good."),
                _("How often do your surgeons' patients lose hearing after the operation?"),
            ),
            Answer(
                "unsure",
                _("I am not sure"),
                _("Look at the figures for hearing loss, and talk it over with your doctor."),
                _("Will my hearing be tested during and after the operation?"),
            ),
            Answer(
                "avoid",
                _("I want to avoid any risk to my hearing"),
                _(
                    "Hearing loss is a risk of the operation. Shots, pills or waiting may suit you. "
                    "None of them is an operation."
                ),
                _("Which choices without an operation suit me?"),
            ),
        ),
    ),
)

# Questions for every patient, whatever they answer.
ALWAYS_ASK = (
    _("How well do the treatments work for people like me?"),
    _("How many of these treatments or operations does your team do each year?"),
)
