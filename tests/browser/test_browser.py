"""An analyst's and a viewer's session in a real browser, over the demo corpus (see conftest.py)."""

from __future__ import annotations

import re
from collections import Counter

import pytest
from browser_script import shots
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ROWS = "table.incidents tbody tr"


def incident_ids(page: Page) -> list[int]:
    return [int(text) for text in page.locator(f"{ROWS} td:first-child a").all_inner_texts()]


def submit(page: Page, button: str) -> None:
    """Click a form's button; the page it leads to must answer 200."""
    with page.expect_navigation() as navigation:
        page.click(button)
    answer = navigation.value
    assert answer is not None and answer.status == 200, (
        f"{answer.request.method if answer else ''} {page.url} answered "
        f"{answer.status if answer else None}: {answer.text()[:400] if answer else ''}"
    )


def test_login_sends_back_to_the_page_asked_for(page: Page, server: str) -> None:
    page.goto(server + "/map")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fmap$"))

    page.fill("input[name=username]", shots.ANALYST)
    page.fill("input[name=password]", "not the password")
    submit(page, "form.login button[type=submit]")
    expect(page.locator("p.flash.error")).to_contain_text("Wrong user name or password")
    expect(page.locator("header .user")).to_have_count(0)

    page.fill("input[name=username]", shots.ANALYST)
    page.fill("input[name=password]", shots.PASSWORD)
    submit(page, "form.login button[type=submit]")
    expect(page).to_have_url(server + "/map")
    expect(page.locator("header .user")).to_contain_text(f"{shots.ANALYST} (analyst)")


def test_a_country_filter_narrows_the_table(analyst_page: Page, server: str) -> None:
    page = analyst_page
    page.goto(server + "/incidents")
    everything = incident_ids(page)
    assert len(everything) > 2
    countries = [
        cell.split(", ") for cell in page.locator(f"{ROWS} td:nth-child(5)").all_inner_texts()
    ]
    # the country of the most incidents that is not the country of them all
    tally = Counter(c for cell in countries for c in cell if c)
    country = next(c for c, n in tally.most_common() if n < len(everything))

    page.fill("form.filters input[name=country]", country.lower())
    submit(page, "form.filters button[type=submit]")

    expect(page).to_have_url(re.compile(rf"country={country.lower()}"))
    narrowed = incident_ids(page)
    assert len(narrowed) == tally[country] < len(everything)
    for cell in page.locator(f"{ROWS} td:nth-child(5)").all_inner_texts():
        assert country in cell.split(", ")
    expect(page.locator("p.summary")).to_contain_text(f"{len(narrowed)} incidents")


def test_a_text_search_finds_the_incident_of_its_sources(analyst_page: Page, server: str) -> None:
    page = analyst_page
    page.goto(server + "/incidents")
    everything = incident_ids(page)
    # a row whose place is named in its title: that name is in its source
    wanted, word = None, None
    for row in page.locator(ROWS).all():
        place = row.locator("td:nth-child(4)").inner_text().split()[0]
        title = row.locator("td:nth-child(3)").inner_text()
        if len(place) > 3 and place.lower() in title.lower():
            wanted, word = int(row.locator("td:first-child").inner_text()), place
            break
    assert wanted is not None, "no incident of the demo names its place in its title"

    page.fill("form.filters input[name=q]", word)
    submit(page, "form.filters button[type=submit]")

    found = incident_ids(page)
    assert wanted in found
    assert len(found) < len(everything)
    expect(page.locator("form.filters input[name=q]")).to_have_value(word)


def test_an_incident_shows_its_evidence_highlighted_in_its_sources(
    analyst_page: Page, server: str
) -> None:
    page = analyst_page
    page.goto(server + "/incidents")
    page.click(f"{ROWS}:first-child td:nth-child(3) a")
    expect(page).to_have_url(re.compile(r"/incidents/\d+$"))
    expect(page.locator("h1")).to_contain_text("Incident")

    documents = page.locator("article.document")
    assert documents.count() > 0
    marks = 0
    for article in documents.all():
        source = page.request.get(
            server + "/api/documents/" + article.get_attribute("data-document")
        )
        assert source.ok, source.status
        text = source.json()["text"]
        for mark in article.locator(".text mark.evidence").all():
            evidence = mark.text_content()
            assert evidence and evidence.strip()
            assert evidence in text
            marks += 1
        # the source text is shown as text: no markup of its own, only our highlights
        assert article.locator(".text *:not(mark.evidence)").count() == 0
    assert marks > 0
    expect(page.locator("tr.fact").first).to_be_visible()

    # the incident's own network
    assert shots.wait_for_drawing(page, "#network") == "1"
    assert page.evaluate("window.gwCy.nodes().length") > 0


def test_an_analyst_edits_a_fact_and_finds_it_in_the_audit_log(
    analyst_page: Page, server: str
) -> None:
    page = analyst_page
    page.goto(server + "/incidents?sort=id")
    incident = incident_ids(page)[0]
    page.goto(f"{server}/incidents/{incident}")

    page.select_option("form.review-edit select[name=field]", "counts.arrested")
    page.fill("form.review-edit input[name=value]", "37")
    submit(page, "form.review-edit button[type=submit]")

    expect(page.locator("p.flash")).to_contain_text("counts.arrested set to 37")
    fact = page.locator('tr.fact[data-field="counts.arrested"]')
    expect(fact.locator("td.chosen")).to_contain_text("37")
    expect(fact.locator("td.rule")).to_have_text("analyst")
    history = page.locator("#history table.audit tbody tr", has_text="counts.arrested")
    expect(history).to_have_count(1)
    expect(history).to_contain_text(shots.ANALYST)

    # confirm another fact of the incident
    date = page.locator('tr.fact[data-field="date"]')
    with page.expect_navigation():
        date.locator("button[value=confirmed]").click()
    expect(date.locator(".badge.review")).to_have_text("confirmed")

    page.click("header nav a[href='/audit']")
    rows = page.locator("table.audit tbody tr", has_text=f"incident:{incident}")
    edit = rows.filter(has_text="counts.arrested")
    expect(edit).to_have_count(1)
    expect(edit.locator("td").nth(1)).to_have_text(shots.ANALYST)
    expect(edit.locator("td").nth(6)).to_have_text("37")
    expect(rows.filter(has_text="confirmed")).to_have_count(1)
    # filtered by target, and back to the incident from its link
    page.fill("input[name=target]", f"incident:{incident}")
    submit(page, "form.filters button[type=submit]")
    expect(page.locator("table.audit tbody tr")).to_have_count(2)
    page.click(f"table.audit a[href='/incidents/{incident}'] >> nth=0")
    expect(page).to_have_url(f"{server}/incidents/{incident}")

    # the incidents list shows the analyst's value
    page.goto(server + "/incidents?sort=id")
    row = page.locator(ROWS).first
    expect(row.locator("td:first-child")).to_have_text(str(incident))
    expect(row.locator("td:nth-child(9)")).to_have_text("37")


def test_a_viewer_reads_but_is_offered_no_review(viewer_page: Page, server: str) -> None:
    page = viewer_page
    expect(page.locator("header .user")).to_contain_text(f"{shots.VIEWER} (viewer)")
    expect(page.locator("header nav a[href='/upload']")).to_have_count(0)
    expect(page.locator("header nav a[href='/audit']")).to_have_count(0)

    page.click(f"{ROWS}:first-child td:first-child a")
    expect(page).to_have_url(re.compile(r"/incidents/\d+$"))
    expect(page.locator("tr.fact").first).to_be_visible()
    expect(page.locator("article.document mark.evidence").first).to_be_visible()
    assert page.locator("#review").count() == 0
    assert page.locator("form[method=post]:not([action='/logout'])").count() == 0
    assert page.locator("button[name=verdict]").count() == 0
    assert page.locator("input[name=documents]").count() == 0

    for path in ("/audit", "/upload"):
        answer = page.goto(server + path)
        assert answer is not None and answer.status == 403, path


def test_the_map_draws_the_incidents_and_opens_one(analyst_page: Page, server: str) -> None:
    page = analyst_page
    page.goto(server + "/map")
    assert shots.wait_for_drawing(page, "#map") == "1"
    drawn = int(page.get_attribute("#map", "data-gw-markers") or 0)
    assert drawn > 0
    assert page.locator("#map .gw-marker").count() == drawn

    page.locator("#map .gw-marker").first.click()
    expect(page).to_have_url(re.compile(r"/incidents/\d+$"))

    page.goto(server + "/map?country=FR")
    assert shots.wait_for_drawing(page, "#map") == "1"
    assert 0 < int(page.get_attribute("#map", "data-gw-markers") or 0) < drawn


def test_the_network_view_draws_the_actors(analyst_page: Page, server: str) -> None:
    page = analyst_page
    page.click("header nav a[href='/network']")
    assert shots.wait_for_drawing(page, "#network") == "1"
    nodes = page.evaluate("window.gwCy.nodes().length")
    assert nodes > 0
    assert page.get_attribute("#network", "data-gw-nodes") == str(nodes)
    assert page.evaluate("window.gwCy.edges().length") > 0
    assert page.locator("#network canvas").count() > 0


def test_the_timeline_draws_bars(analyst_page: Page, server: str) -> None:
    page = analyst_page
    page.click("header nav a[href='/timeline']")
    assert shots.wait_for_drawing(page, "#timeline") == "1"
    assert int(page.get_attribute("#timeline", "data-gw-months") or 0) > 0
    assert page.locator("#timeline .gw-bar").count() > 0
    assert page.locator("table.timeline-table tbody tr").count() > 0


def test_logout_ends_the_session(analyst_page: Page, server: str) -> None:
    page = analyst_page
    submit(page, "header form[action='/logout'] button")
    expect(page).to_have_url(server + "/login")
    expect(page.locator("header .user")).to_have_count(0)
    page.goto(server + "/incidents")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fincidents$"))
