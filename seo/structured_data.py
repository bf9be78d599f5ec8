"""schema.org structured data (JSON-LD), built from the published content, never typed by hand.

Guide pages: a MedicalWebPage (and an FAQPage when the page is questions and answers) about
the guide's MedicalCondition (from its ConditionFacts and its treatment plugins), with the
page's review when one is recorded, and a BreadcrumbList.
The care team page: a MedicalOrganization with the coordinators as contact points.
"""

from cms.models import Page, PageContent

from common.addresses import absolute_url
from common.guide_tree import GUIDE_TEMPLATE, guide_pages, guide_root
from conditions.dates import page_dates_for
from conditions.models import ConditionFacts
from conditions.treatments import treatment_options_in
from coordinators.contacts import coordinators_for

from .questions import questions_and_answers

DAY_NAMES = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _condition(root, language):
    contents = [content for _page, content in guide_pages(root, language)]
    facts = ConditionFacts.objects.filter(extended_object__in=contents[:1]).first()
    if facts is None:
        return None
    treatments = treatment_options_in(contents)
    condition = {
        "@type": "MedicalCondition",
        "name": facts.condition_name,
        "relevantSpecialty": {"@type": "MedicalSpecialty", "name": facts.specialty},
    }
    root_url = root.get_absolute_url(language)
    if root_url:  # a guide whose first page is not published yet has no address
        condition["url"] = absolute_url(root_url)
    if facts.alternate_name_list():
        condition["alternateName"] = facts.alternate_name_list()
    if facts.sign_list():
        condition["signOrSymptom"] = [{"@type": "MedicalSignOrSymptom", "name": s} for s in facts.sign_list()]
    if facts.cause_list():
        condition["cause"] = [{"@type": "MedicalCause", "name": c} for c in facts.cause_list()]
    if treatments:
        condition["possibleTreatment"] = [{"@type": "MedicalTherapy", "name": t.name} for t in treatments]
    return condition


def _breadcrumbs(page, language):
    home = Page.objects.filter(is_home=True).first()
    lineage = [*([home] if home and home.pk != page.pk else []), *page.get_ancestor_pages(), page]
    contents = {c.page_id: c for c in PageContent.objects.filter(page__in=lineage, language=language)}
    items = [
        (contents[p.pk].menu_title or contents[p.pk].title, p.get_absolute_url(language))
        for p in lineage
        if p.pk in contents
    ]
    items = [(name, url) for name, url in items if url]  # pages never published have no address
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": n, "name": name, "item": absolute_url(url)}
            for n, (name, url) in enumerate(items, start=1)
        ],
    }


def _organization(language):
    points = []
    for person in coordinators_for():
        point = {
            "@type": "ContactPoint",
            "contactType": "care coordinator",
            "name": person.name,
            "telephone": person.phone,
            "email": person.email,
        }
        if person.languages:
            point["availableLanguage"] = [name.strip() for name in person.languages.split(",") if name.strip()]
        hours = list(person.opening_hours.all())
        if hours:
            point["hoursAvailable"] = [
                {
                    "@type": "OpeningHoursSpecification",
                    "dayOfWeek": DAY_NAMES[h.weekday],
                    "opens": h.opens.strftime("%H:%M"),
                    "closes": h.closes.strftime("%H:%M"),
                }
                for h in hours
            ]
        points.append(point)
    return {
        "@type": "MedicalOrganization",
        "name": "Neuroscience Institute care team",
        "url": absolute_url("/"),
        "medicalSpecialty": "Neurologic",
        "contactPoint": points,
    }


def structured_data(page, content, language):
    """The JSON-LD graph for a published page, or None.

    A page that was never published (straight after the CMS's Create wizard, say) has no
    address yet (`get_absolute_url()` is None): there is nothing to describe to search
    engines, and its edit and preview views must still render for the editor."""
    if page is None or content is None or not getattr(content, "pk", None):
        return None
    path = page.get_absolute_url(language)
    if not path:
        return None
    url = absolute_url(path)
    web_page = {
        "@type": "MedicalWebPage",
        "name": content.title,
        "url": url,
        "inLanguage": language,
        "description": content.meta_description or "",
    }
    dates = page_dates_for(content)
    if dates and dates.updated:
        web_page["dateModified"] = dates.updated.date().isoformat()
    if dates and dates.review and dates.review.reviewed_on:
        web_page["lastReviewed"] = dates.review.reviewed_on.isoformat()
        reviewer = {"@type": "Person", "name": dates.review.reviewed_by}
        if dates.review.reviewer_credentials:
            reviewer["jobTitle"] = dates.review.reviewer_credentials
        web_page["reviewedBy"] = reviewer
    faq = questions_and_answers(content)
    if faq:
        web_page["@type"] = ["MedicalWebPage", "FAQPage"]
        web_page["mainEntity"] = [
            {"@type": "Question", "name": q, "acceptedAnswer": {"@type": "Answer", "text": a}} for q, a in faq
        ]
    graph = [web_page, _breadcrumbs(page, language)]
    root = guide_root(page, language) if content.template == GUIDE_TEMPLATE else None
    if root is not None:
        condition = _condition(root, language)
        if condition:
            web_page["about"] = condition
            web_page["audience"] = {"@type": "Patient"}
    if page.reverse_id == "care-team":
        graph.append(_organization(language))
    return {"@context": "https://schema.org", "@graph": graph}
