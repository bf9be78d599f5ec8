"""The site's one HTML toolkit (common.html) and what is built on it: section ids, glossary
links, the print view's rewriting, content health's reading. Hostile input included."""

import ast
from pathlib import Path

import pytest
from lxml import etree

from common.html import parse_document, parse_fragment, serialize_fragment, text_nodes, text_of
from common.site_requests import SiteReader, visitor_environ
from conditions.sections import add_section_ids
from conditions.views import printable
from editorial.page_text import LinkChecker, MainText, page_ids
from references.linking import Term, link_terms

ROOT = Path(__file__).resolve().parent.parent
TERMS = [
    Term("facial-nerve", ("facial nerve",)),
    Term("bells-palsy", ("Bell's palsy",)),
    Term("bold", ("<b>",)),
    Term("att", ("AT&T",)),
    Term("quoted", ('"quoted words"',)),
]


def linked(html):
    return link_terms(html, TERMS, "/glossary/")


# --- parsing and writing back ---------------------------------------------------------------


@pytest.mark.parametrize(
    "fragment",
    [
        "",
        "   ",
        "\n  <p>Leading white space is kept.</p>\n",
        "Text first, <em>then</em> markup.",
        "<p>a &amp; b &lt;c&gt; d&nbsp;e</p>",
        '<p title="&quot;x&quot; &amp; &lt;y&gt;">t</p>',
        "<p>A comment <!-- kept --> stays.</p>",
        '<picture><source srcset="a.webp" type="image/webp"><img src="a.png" alt=""></picture>',
        "<p>Long<wbr>word and a<br>break</p>",
        '<details open><summary>More</summary><p>x</p></details><script src="/s.js" defer></script>',
        '<div class="diary" data-diary data-msg="Saved"></div>',
        '<table><thead><tr><th scope="col">A</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
    ],
)
def test_a_fragment_round_trips_unchanged(fragment):
    assert serialize_fragment(parse_fragment(fragment)) == fragment


def test_entities_are_read_as_text_and_written_back_escaped():
    root = parse_fragment("<p>Bell&#x27;s &rsquo; &amp; &lt;b&gt;</p>")
    assert text_of(root) == "Bell's \u2019 & <b>"
    assert serialize_fragment(root) == "<p>Bell's \u2019 &amp; &lt;b&gt;</p>"


def test_a_script_keeps_its_text_and_is_not_page_text():
    root = parse_fragment('<script type="application/ld+json">{"a": "<b>"}</script><p>x</p>')
    assert serialize_fragment(root) == '<script type="application/ld+json">{"a": "<b>"}</script><p>x</p>'
    assert [node.text for node in text_nodes(root)] == ["x"]


def test_text_nodes_leave_out_skipped_elements_but_not_their_tails():
    root = parse_fragment("<p>one <a href='/'>two</a> three <b>four</b><!-- five --></p>")
    texts = [node.text for node in text_nodes(root, skip=lambda element: element.tag == "a")]
    assert texts == ["one ", " three ", "four"]


def test_a_text_node_is_replaced_by_text_and_elements_in_order():
    root = parse_fragment("<p>start <b>bold</b> end</p>")
    tail = text_nodes(root)[-1]
    tail.replace_with([" e", etree.Element("i"), "n", etree.Element("u"), "d"])
    assert serialize_fragment(root) == "<p>start <b>bold</b> e<i></i>n<u></u>d</p>"


def test_a_whole_page_is_read_with_its_void_elements_mended():
    root = parse_document("<html><body><picture><source srcset='a'><img src='a'></picture></body></html>")
    assert root.find(".//source").getnext().tag == "img"


# --- section ids and the "On this page" list ------------------------------------------------


def test_a_heading_that_has_an_id_keeps_it_and_others_never_repeat_an_id():
    html, sections = add_section_ids(
        '<h2 id="risks">Our risks</h2><h2>Risks</h2><h2>Risks</h2><p id="risks-3">x</p><h2>Risks</h2>'
    )
    assert [s["id"] for s in sections] == ["risks", "risks-2", "risks-4", "risks-5"]
    assert '<h2 id="risks">Our risks</h2>' in html
    assert '<p id="risks-3">x</p>' in html


def test_heading_text_with_markup_and_entities_makes_a_plain_id_and_title():
    html, sections = add_section_ids(
        '<H2 class="x">&lt;b&gt; &amp; "Bell&#x27;s" <em>palsy</em>'
        '<span class="visually-hidden"> (part 1)</span></H2><h2 id="">Empty id</h2>'
    )
    assert sections == [
        {"id": "b-bells-palsy-part-1", "title": '<b> & "Bell\'s" palsy (part 1)'},
        {"id": "empty-id", "title": "Empty id"},
    ]
    assert html.startswith('<h2 id="b-bells-palsy-part-1" class="x">&lt;b&gt; &amp; "Bell\'s" <em>palsy</em>')
    assert '<h2 id="empty-id">Empty id</h2>' in html


def test_html_without_headings_is_handed_back_as_it_was():
    html = "<p>No sections <b>here</b>.\n</p>"
    assert add_section_ids(html) == (html, [])


# --- glossary links -------------------------------------------------------------------------


def test_a_term_inside_nested_inline_tags_is_linked_where_it_stands():
    assert linked("<p><em><strong>The facial nerve</strong></em> works.</p>") == (
        '<p><em><strong>The <a class="glossary-link" href="/glossary/#facial-nerve">facial nerve</a>'
        "</strong></em> works.</p>"
    )


def test_a_term_split_by_a_tag_is_left_alone():
    html = "<p>The facial <em>nerve</em>.</p>"
    assert linked(html) == html


@pytest.mark.parametrize("apostrophe", ["'", "&#x27;", "&#39;", "&rsquo;", "\u2019"])
def test_a_term_matches_whatever_apostrophe_the_text_uses(apostrophe):
    html = linked(f"<p>After Bell{apostrophe}s palsy.</p>")
    assert html.count('href="/glossary/#bells-palsy"') == 1, html


def test_markup_in_a_term_matches_only_text_and_never_becomes_markup():
    html = linked("<p>Write &lt;b&gt; for bold; <b>bold</b> is not the term.</p>")
    assert html == (
        '<p>Write <a class="glossary-link" href="/glossary/#bold">&lt;b&gt;</a> for bold; '
        "<b>bold</b> is not the term.</p>"
    )


def test_ampersands_and_quotes_in_terms_and_text():
    html = linked('<p>AT&amp;T said "quoted words" twice: "quoted words".</p>')
    assert '<a class="glossary-link" href="/glossary/#att">AT&amp;T</a>' in html
    assert html.count("#quoted") == 1


def test_an_address_with_quotes_is_escaped_in_the_link():
    html = link_terms("<p>facial nerve</p>", TERMS, '/glo"ss&ary/')
    assert html == '<p><a class="glossary-link" href="/glo&quot;ss&amp;ary/#facial-nerve">facial nerve</a></p>'


@pytest.mark.parametrize(
    "container",
    [
        "<h3>{}</h3>",
        '<a href="/x">{}</a>',
        "<button>{}</button>",
        "<label>{}</label>",
        "<table><caption>{}</caption><tr><th>{}</th></tr></table>",
        "<details><summary>{}</summary></details>",
        "<dl><dt>{}</dt></dl>",
        "<p><sup>{}</sup></p>",
        "<p><code>{}</code></p>",
        "<nav>{}</nav>",
    ],
)
def test_terms_are_never_linked_inside_headings_links_and_labels(container):
    html = container.replace("{}", "the facial nerve")
    assert linked(html) == html


def test_the_text_after_a_skipped_element_is_linked():
    html = linked("<p><label>facial nerve</label> and the facial nerve.</p>")
    assert html == (
        '<p><label>facial nerve</label> and the <a class="glossary-link" '
        'href="/glossary/#facial-nerve">facial nerve</a>.</p>'
    )


def test_only_whole_words_are_linked():
    html = "<p>Facial nerves, the facial-nerve and prefacial nerve.</p>"
    assert linked(html) == html


# --- the print view -------------------------------------------------------------------------


def test_the_print_view_demotes_headings_and_makes_site_links_absolute():
    html = printable(
        '<h2 id="a">A</h2><h5>E</h5><h6>F</h6><p><a href="/x/#y">x</a> <a href="#y">y</a> '
        '<a href="//cdn.example.org/">z</a> <a href="https://example.org/">w</a></p>',
        "https://hfs.example.org",
    )
    assert html == (
        '<h3 id="a">A</h3><h6>E</h6><h6>F</h6><p><a href="https://hfs.example.org/x/#y">x</a> '
        '<a href="#y">y</a> <a href="//cdn.example.org/">z</a> <a href="https://example.org/">w</a></p>'
    )


# --- content health's reading ---------------------------------------------------------------


def test_main_text_skips_navigation_and_counts_images_without_alt():
    page = MainText()
    page.feed(
        "<html><body><header><a href='/out'>Out</a></header><main><h1>Title</h1>"
        "<nav><a href='/nav'>Nav</a></nav><p class='page-dates'>Updated</p>"
        "<p>Fish &amp; chips <a href='/in'>here</a></p><ul><li>One</li><li>Two</li></ul>"
        "<img src='a'><img src='b' alt=''><!-- hidden --><script>var x;</script></main></body></html>"
    )
    assert page.text == "Title. Fish & chips here. One. Two."
    assert page.links == ["/in"]
    assert page.images_without_alt == 1


def test_anchors_are_found_whatever_quotes_the_id_has():
    assert page_ids("<html><body><h2 id='single'>a</h2><p id=\"double\">b</p></body></html>") == {"single", "double"}


@pytest.mark.django_db
def test_the_site_is_read_as_a_visitor_gets_it_without_the_test_client():
    reader = SiteReader()
    status, html = reader.get("/hemifacial-spasm/treatment/")
    assert status == 200
    assert 'id="microvascular-decompression"' in html
    assert reader.get("/hemifacial-spasm/cure/")[0] == 404
    checker = LinkChecker(reader)
    assert not checker.is_broken("/hemifacial-spasm/treatment/#microvascular-decompression", "/")
    assert checker.is_broken("/hemifacial-spasm/treatment/#no-such-section", "/")


def test_a_visitor_request_comes_over_https_through_the_trusted_proxy(settings):
    settings.ALLOWED_HOSTS = [".example.org", "www.example.org"]
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    environ = visitor_environ("/es/espa%C3%B1ol/", headers={"HTTP_ACCEPT_ENCODING": "gzip"})
    assert environ["HTTP_HOST"] == "example.org"
    assert environ["wsgi.url_scheme"] == "https"
    assert environ["HTTP_X_FORWARDED_PROTO"] == "https"
    assert environ["PATH_INFO"].encode("iso-8859-1").decode() == "/es/español/"
    assert environ["HTTP_ACCEPT_ENCODING"] == "gzip"


# --- one way per job ------------------------------------------------------------------------


def _site_modules():
    skipped = {"tests", "tools", ".venv", "node_modules", "static", "data", "test-artifacts"}
    for path in sorted(ROOT.rglob("*.py")):
        parts = path.relative_to(ROOT).parts
        if not (set(parts[:-1]) & skipped or any(part.startswith(".") for part in parts)):
            yield path


def test_no_module_of_the_site_imports_django_test():
    """django.test is for tests: the site (apps, project package, deploy hooks) renders pages
    through Django's WSGI handler (common.site_requests). tools/ holds developer tools."""
    offenders = []
    for path in _site_modules():
        for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
            if any(name == "django.test" or name.startswith("django.test.") for name in names):
                offenders.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert list(_site_modules()), "no site modules found"
    assert offenders == []


def test_no_module_of_the_site_parses_html_with_html_parser():
    offenders = [
        str(path.relative_to(ROOT))
        for path in _site_modules()
        if any(
            isinstance(node, ast.ImportFrom) and node.module == "html.parser"
            for node in ast.walk(ast.parse(path.read_text()))
        )
    ]
    assert offenders == []


@pytest.mark.django_db
def test_reading_a_spanish_page_leaves_the_callers_language_active():
    """Content health reads Spanish pages; its flags stay in the editor's language."""
    from django.utils import translation

    from common.site_requests import SiteReader

    with translation.override("en"):
        SiteReader().get("/es/espasmo-hemifacial/")
        assert translation.get_language() == "en"
