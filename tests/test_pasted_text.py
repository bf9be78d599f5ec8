"""Text pasted from Word keeps its shape: headings stay headings (h1 becomes h2, h5 and h6
become h4) and Word's bullets and numbers become real lists, when a text plugin is saved."""

import pytest
from cms.api import add_plugin

from common.html import parse_fragment

from .conftest import published_content

pytestmark = pytest.mark.django_db

# Word for Windows (Microsoft 365) puts this on the clipboard for a bulleted list with one
# second-level item under a bold line (the part between its StartFragment/EndFragment comments).
WORD_BULLETS = """<!--StartFragment--><p class=MsoNormal><b>Before your visit<o:p></o:p></b></p>

<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l0 level1 lfo1'>
<![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Film a spasm on your phone<o:p></o:p></p>

<p class=MsoListParagraphCxSpMiddle style='margin-left:1.0in;mso-add-space:
auto;text-indent:-.25in;mso-list:l0 level2 lfo1'>
<![if !supportLists]><span style='font-family:"Courier New";mso-fareast-font-family:"Courier New"'><span
style='mso-list:Ignore'>o<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Hold the phone still<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l0 level1 lfo1'>
<![if !supportLists]><span style='font-family:Symbol;mso-fareast-font-family:Symbol;mso-bidi-font-family:
Symbol'><span style='mso-list:Ignore'>·<span
style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Write down your questions<o:p></o:p></p>
<!--EndFragment-->"""

# A numbered list from Word.
WORD_NUMBERS = """<p class=MsoListParagraphCxSpFirst style='text-indent:-.25in;mso-list:l1 level1 lfo2'>
<![if !supportLists]><span style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>1.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Call the care coordinator<o:p></o:p></p>

<p class=MsoListParagraphCxSpLast style='text-indent:-.25in;mso-list:l1 level1 lfo2'>
<![if !supportLists]><span style='mso-bidi-font-family:Calibri;mso-bidi-theme-font:minor-latin'><span
style='mso-list:Ignore'>2.<span style='font:7.0pt "Times New Roman"'>&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;
</span></span></span><![endif]>Ask for a callback<o:p></o:p></p>"""

# The same bullets as the text editor keeps them after a paste: Word's markers and padding
# (non-breaking spaces) are left at the start of plain paragraphs.
EDITOR_BULLETS = (
    "<p>·\xa0\xa0\xa0\xa0\xa0\xa0\xa0\xa0 Film a spasm on your phone</p>"
    "<p>o\xa0\xa0\xa0 Hold the phone still</p>"
    "<p>·&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Write down your questions</p>"
)


def saved(body):
    """What is stored when an editor saves a text plugin with this body."""
    placeholder = published_content("hfs-your-appointment").get_placeholders().get(slot="content")
    plugin = add_plugin(placeholder, "TextPlugin", "en", body=body)
    plugin.refresh_from_db()
    return plugin.body


def items(body, path):
    """The words of each element at path, leaving out lists nested in it."""
    own_words = "text() | *[not(self::ul or self::ol)]//text()"
    return [" ".join("".join(item.xpath(own_words)).split()) for item in parse_fragment(body).findall(path)]


def test_word_bullets_become_a_list():
    assert items(saved(WORD_BULLETS), "ul/li") == [
        "Film a spasm on your phone",
        "Write down your questions",
    ]


def test_a_second_level_word_bullet_is_nested():
    assert items(saved(WORD_BULLETS), "ul/li/ul/li") == ["Hold the phone still"]


def test_word_bullets_leave_no_marker_behind():
    assert "·" not in saved(WORD_BULLETS)


def test_the_line_before_a_word_list_stays_a_paragraph():
    assert items(saved(WORD_BULLETS), "p") == ["Before your visit"]


def test_word_numbers_become_a_numbered_list():
    assert items(saved(WORD_NUMBERS), "ol/li") == ["Call the care coordinator", "Ask for a callback"]


def test_bullets_the_editor_kept_as_paragraphs_become_a_list():
    assert items(saved(EDITOR_BULLETS), "ul/li") == [
        "Film a spasm on your phone",
        "Write down your questions",
    ]


def test_a_pasted_h1_becomes_a_section_heading():
    assert items(saved("<h1>Your first visit</h1><p>Bring a friend.</p>"), "h2") == ["Your first visit"]


@pytest.mark.parametrize("tag", ["h5", "h6"])
def test_pasted_small_headings_become_the_smallest_heading_the_site_uses(tag):
    assert items(saved(f"<{tag}>Parking</{tag}><p>Use lot B.</p>"), "h4") == ["Parking"]


@pytest.mark.parametrize(
    "sentence",
    [
        "1. Call 911 if your face droops suddenly.",  # an ordinary space after the number
        "o sea, los espasmos vuelven.",  # Spanish "o" (or) starts a sentence
        "·",  # a marker and nothing else
    ],
)
def test_ordinary_paragraphs_stay_paragraphs(sentence):
    assert items(saved(f"<p>{sentence}</p>"), "p") == [sentence]


def test_script_in_a_pasted_list_item_is_removed():
    body = saved("<p>·\xa0\xa0<script>alert(1)</script>Item<img src=x onerror=alert(2)></p>")
    assert "<script" not in body
    assert "onerror" not in body


def test_a_hostile_link_in_a_pasted_list_item_is_removed():
    body = saved('<p>·\xa0\xa0<a href="javascript:alert(1)">Item</a></p>')
    assert "javascript:" not in body


def test_a_hostile_heading_keeps_only_its_words():
    assert saved('<h1 onclick="alert(1)" style="color:red">Title</h1>') == "<h2>Title</h2>"


def test_an_absurd_word_list_level_is_saved_as_a_list():
    body = f"<p style='mso-list:l0 level{'9' * 400} lfo1'><span style='mso-list:Ignore'>·</span>Deep</p>"
    assert items(saved(body), "ul/li") == ["Deep"]


def test_a_long_run_of_bullets_at_random_levels_saves_every_item():
    levels = [1, 3, 2, 1, 2, 2, 3, 1] * 250
    body = "".join(
        f"<p style='mso-list:l0 level{level} lfo1'><span style='mso-list:Ignore'>·</span>Item {number}</p>"
        for number, level in enumerate(levels)
    )
    assert len(parse_fragment(saved(body)).findall(".//li")) == len(levels)
