from __future__ import annotations

import re
from typing import Any

import pytest
from django.test import Client

from reverie.care.models import Course, DirectoryProfile, MeasureResponse
from reverie.care.services import measures, notes, safety
from web_client import signed_in as _as

pytestmark = pytest.mark.django_db
MISSING = "00000000-0000-0000-0000-000000000000"


def _without_tokens(html: bytes) -> bytes:
    return re.sub(rb'name="csrfmiddlewaretoken" value="[^"]+"', b"", html)


def test_web_therapist_sets_up_a_dit_course_and_both_see_where_it_stands(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    from reverie.clinic.services.local_time import set_time_zone

    set_time_zone(client, "Europe/London")  # each person sees times in their own zone
    set_time_zone(therapist, "Europe/London")
    form = {
        "client": client.username,
        "programme": "dit",
        "start": "2030-03-04T10:00",
        "timezone": "Europe/London",
        "weekly": "1",
        "measure_schedule": "every_session",
    }
    response = _as(therapist).post("/courses/new/", form)
    assert response.status_code == 302
    course = Course.objects.get()
    for who, purpose in (
        (client, b"agree the pattern in your relationships"),
        (therapist, b"agree the IPAF"),
    ):
        page = _as(who).get(f"/courses/{course.id}/")
        assert b"Session 1 of 16 \xc2\xb7 initial phase" in page.content
        assert purpose in page.content  # the client reads plain words, the therapist the clinical term
        assert b"Mon 1 Apr 2030 10:00" in page.content  # shown in the person's time zone (summer time)
    ics = _as(client).get(f"/courses/{course.id}/calendar.ics")
    assert ics["Content-Type"].startswith("text/calendar") and b"RRULE:FREQ=WEEKLY;COUNT=16" in ics.content


def test_web_bad_course_input_gets_a_readable_400_and_nothing_stored(paired: tuple[Any, Any]) -> None:
    client, therapist = paired
    form = {
        "client": client.username,
        "programme": "dit",
        "start": "2030-03-04T10:00",
        "rrule": "FREQ=WEEKLY;COUNT=zz",
    }
    response = _as(therapist).post("/courses/new/", form)
    assert response.status_code == 400 and b"COUNT part" in response.content
    assert _as(client).post("/courses/new/", {**form, "rrule": ""}).status_code == 403
    assert not Course.objects.exists()


def test_web_other_peoples_courses_answer_404_like_missing_ones(
    dit: tuple[Any, Any, Any], make_user: Any
) -> None:
    _, _, course = dit
    other = _as(make_user(role="therapist"))
    for path in ("/courses/{}/", "/courses/{}/measures/", "/courses/{}/goals/", "/courses/{}/formulation/"):
        theirs, missing = other.get(path.format(course.id)), other.get(path.format(MISSING))
        assert theirs.status_code == missing.status_code == 404
        assert _without_tokens(theirs.content) == _without_tokens(missing.content)


def test_web_client_never_sees_process_notes_or_the_unshared_formulation(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    notes.add_therapist_note(therapist, course.id, "process", "canary-process-note", slot=1)
    web = _as(client)
    session_page = web.get(f"/courses/{course.id}/sessions/1/")  # "This page is for your therapist"
    assert session_page.status_code == 403 and b"canary" not in session_page.content
    assert web.get(f"/courses/{course.id}/formulation/").status_code == 404
    record = web.post(
        f"/courses/{course.id}/record/", {"include_process_notes": "1", "reason": "please show me"}
    )
    assert record.status_code == 403 and b"canary" not in record.content
    plain = web.post(f"/courses/{course.id}/record/", {})
    assert plain.status_code == 200 and b"canary" not in plain.content
    therapist_page = _as(therapist).get(f"/courses/{course.id}/sessions/1/")
    assert b"canary-process-note" in therapist_page.content


def test_web_measure_twice_is_409_and_out_of_range_is_400(dit: tuple[Any, Any, Any]) -> None:
    client, _, _ = dit
    web = _as(client)
    answers = {f"item{n}": "1" for n in range(1, 8)} | {"session": "16"}  # the course is over: named
    assert web.get("/measures/fill/gad7/").status_code == 200
    first = web.post("/measures/fill/gad7/", answers)
    assert first.status_code == 200 and b"answers were saved for the session on" in first.content
    again = web.post("/measures/fill/gad7/", answers)
    assert again.status_code == 409 and b"already submitted" in again.content
    bad = web.post("/measures/fill/phq9/", {**{f"item{n}": "0" for n in range(1, 10)}, "item4": "7"})
    assert bad.status_code == 400 and b"item 4" in bad.content
    assert MeasureResponse.objects.count() == 1


def test_web_item_nine_shows_the_safety_plan_and_lines_at_once(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, _ = dit
    safety.save_plan(client, {"coping_steps": ["walk the dog"], "crisis_country": "GB"})
    answers = {**{f"item{n}": "0" for n in range(1, 9)}, "item9": "2", "session": "16"}
    page = _as(client).post("/measures/fill/phq9/", answers)
    assert page.status_code == 200
    assert b"walk the dog" in page.content and b"Samaritans" in page.content
    alerts_page = _as(therapist).get("/alerts/")
    assert b"PHQ-9 item 9 above 0" in alerts_page.content and b"walk the dog" not in alerts_page.content


def test_web_history_chart_and_fhir_download(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, course = dit
    done = measures.submit(client, "phq9", [1] * 8 + [0], session_number=1)
    for who in (client, therapist):
        page = _as(who).get(f"/courses/{course.id}/measures/")
        assert page.status_code == 200 and b"<svg" in page.content
    assert b"Not on track when" in _as(therapist).get(f"/courses/{course.id}/measures/").content
    assert b"Not on track when" not in _as(client).get(f"/courses/{course.id}/measures/").content
    fhir = _as(client).get(f"/measures/{done.response.id}/fhir.json")
    assert fhir.status_code == 200 and fhir.json()["resourceType"] == "QuestionnaireResponse"
    assert b"Little interest" in _as(therapist).get(f"/measures/{done.response.id}/").content


def test_web_goal_rating_outside_the_scale_is_400(dit: tuple[Any, Any, Any]) -> None:
    from reverie.care.services import goals

    client, _, course = dit
    goal = goals.propose(client, course.id, template="mindful_choices")
    web = _as(client)
    assert web.post(f"/goals/{goal.id}/rate/", {"rating": "11"}).status_code == 400
    assert web.post(f"/goals/{goal.id}/rate/", {"rating": "7"}).status_code == 302
    assert b"7/10" in web.get(f"/courses/{course.id}/goals/").content


def test_web_safety_page_shows_the_clients_plan_above_the_lines(dit: tuple[Any, Any, Any]) -> None:
    client, therapist, _ = dit
    response = _as(client).post(
        "/safety/plan/",
        {"reasons_for_living": "my sister\nthe sea", "trusted_contacts": "Ana: +44 7700 900123"},
    )
    assert response.status_code == 200 and b"Saved" in response.content
    page = _as(client).get("/safety/").content
    assert page.index(b"the sea") < page.index(b"Samaritans")
    assert b"the sea" not in Client().get("/safety/").content
    edit = _as(therapist).post(f"/clients/{client.pk}/safety-plan/", {"coping_steps": "breathe"})
    assert edit.status_code == 200
    assert safety.get_plan(client) is not None and safety.get_plan(client).coping_steps == ("breathe",)  # type: ignore[union-attr]


def test_web_safety_plan_bad_country_in_plain_words_keeps_the_plan(make_user: Any) -> None:
    """Walk x5: 'G1' as the crisis lines' country was refused as 'must be a two-letter upper-case code' although
    the form upper-cases what is typed ('gb' is fine); the message now says what to type, and the plan stays."""
    web = _as(make_user())
    bad = web.post("/safety/plan/", {"reasons_for_living": "the sea", "crisis_country": "G1"})
    text = bad.content.decode()
    assert bad.status_code == 400 and "The country for crisis lines: two letters, such as GB or US." in text
    assert "upper-case" not in text and "the sea</textarea>" in text
    assert (
        "Saved"
        in web.post(
            "/safety/plan/", {"reasons_for_living": "the sea", "crisis_country": "gb"}
        ).content.decode()
    )


def test_web_public_fit_check_links_to_the_directory(db: Any) -> None:
    form = {
        f"seed_{k}": "yes"
        for k in (
            "understand_self",
            "repeating_patterns",
            "relationships_hard",
            "feeling_emotions",
            "unhelpful_decisions",
        )
    }
    form.update(
        {
            "structure": "structured",
            **{
                f"pref_{k}": "0"
                for k in ("d1", "d2", "d3", "e1", "e2", "e3", "p1", "p2", "p3", "c1", "c2", "c3")
            },
        }
    )
    page = Client().post("/fit/", form)
    assert page.status_code == 200 and b"not a diagnosis" in page.content
    assert b"/directory/?modality=psychodynamic" in page.content and b"format=dit" in page.content
    assert Client().post("/fit/", {**form, "pref_d1": "5"}).status_code == 400
    assert Client().get("/directory/?modality=psychodynamic&max_fee=abc").status_code == 400


def test_web_referral_link_opens_the_fit_check_with_filters(db: Any) -> None:
    made = Client().get("/refer/", {"make": "1", "from": "gp", "language": "de", "location": "Berlin"})
    link = re.search(rb'href="(http://testserver/fit/\?ref=[^"]+)"', made.content)
    assert link is not None
    page = Client().get(link.group(1).decode().removeprefix("http://testserver"))
    assert b"Your doctor" in page.content and b"language=de" in page.content
    assert b"Your doctor" not in Client().get("/fit/?ref=forged").content


@pytest.mark.parametrize(
    ("field", "message"),
    [
        (
            {"from": "zzz"},
            "Say who sends the link: a doctor (GP), a friend or family member, or a therapist.",
        ),
        ({"language": "e"}, "Language: two letters, such as en for English."),
        ({"country": "G"}, "Country: two letters, such as GB for the United Kingdom."),
        ({"mode": "teleport"}, "Sessions are in person, online, or either."),
        ({"max_fee": "eighty"}, "The highest fee must be a number."),
        # review r2: values were cut to 60 characters before the check, so 1 followed by 60 zeros became another
        # valid fee, and a long town was shortened without a word
        ({"max_fee": "1" + "0" * 60}, "at most 60 characters"),
        ({"location": "B" * 61}, "at most 60 characters"),
    ],
)
def test_web_referral_with_a_bad_filter_is_refused_in_plain_words(
    db: Any, field: dict[str, str], message: str
) -> None:
    """Walk x5: a referral link was made from any filter (language 'e', mode 'teleport') and only the directory,
    opened later by the person referred, found it wrong; who sends it was refused as 'gp, family or therapist'.
    The one making the link now gets the directory's plain message and no link; what they typed stays."""
    made = Client().get(
        "/refer/", {"make": "1", "from": "gp", "location": "Berlin", "mode": "online", **field}
    )
    text = made.content.decode()
    assert made.status_code == 400 and message in text and "?ref=" not in text
    assert f'value="{field.get("location", "Berlin")}"' in text  # what they typed stays, even too long
    assert "mode" in field or '<option value="online" selected>' in text


def test_web_directory_import_is_the_operators_not_a_therapists(paired: tuple[Any, Any]) -> None:
    """Issue 11 item 5: importing overwrites listings, so no signed-in person imports on the web (the CLI does)."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    client, therapist = paired
    header = "id,name,modalities,formats,languages,in_person,online,location,country,fee_min,fee_max,currency,availability\n"
    good = "a1,Dr A,psychodynamic;DIT,dit,en,yes,no,Leeds,GB,60,90,GBP,open\n"
    assert b"reverie directory import" in _as(therapist).get("/directory/import/").content
    ok = SimpleUploadedFile("list.csv", (header + good).encode(), content_type="text/csv")
    response = _as(therapist).post("/directory/import/", {"file": ok})
    assert response.status_code == 403 and b"operator" in response.content
    assert not DirectoryProfile.objects.exists()
    assert _as(client).get("/directory/import/").status_code == 403


def test_web_every_care_page_needs_a_login_except_the_public_ones(db: Any) -> None:
    from django.urls import get_resolver

    public = {"fit/", "directory/", "refer/"}
    anonymous = Client()
    for pattern in get_resolver("reverie.care.urls").url_patterns:
        route = str(pattern.pattern)
        path = "/" + re.sub(r"<(?:int|id):\w+>", "1", re.sub(r"<str:\w+>", MISSING, route))
        response = anonymous.get(path)
        if route in public:
            assert response.status_code == 200, route
        else:
            assert response.status_code in (302, 405), route
            assert response.status_code == 405 or response.url.startswith("/login/"), route


def test_web_every_page_renders_for_both_sides(dit: tuple[Any, Any, Any]) -> None:
    from reverie.care.services import course as courses
    from reverie.care.services import formulation, goals

    client, therapist, course = dit
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "small", "ccrt_w": "6", "past": "father"}
    )
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "small", "ccrt_w": "5", "past": "father"}
    )
    formulation.share(therapist, course.id, True)
    formulation.save_formulation(
        therapist, course.id, {"ipaf_self": "small", "ccrt_w": "6", "past": "father"}
    )  # saved while shared: the client sees it (version 1, a draft before sharing, stays the therapist's)
    goals.propose(therapist, course.id, template="voicing_needs")
    done = measures.submit(client, "gad7", [1] * 7, session_number=1)
    notes.write_progress_note(therapist, course.id, 1, "progress")
    therapist_pages = ["/courses/", "/courses/new/", "/alerts/", "/directory/profile/", "/directory/import/",
                       f"/courses/{course.id}/formulation/", f"/courses/{course.id}/letter/",
                       f"/courses/{course.id}/record/", f"/courses/{course.id}/sessions/1/",
                       f"/clients/{client.pk}/safety-plan/", f"/measures/{done.response.id}/"]  # fmt: skip
    client_pages = ["/courses/", "/measures/", "/measures/fill/phq9/", "/safety/plan/", "/check-in/",
                    f"/courses/{course.id}/formulation/", f"/courses/{course.id}/letter/",
                    f"/courses/{course.id}/goals/", f"/courses/{course.id}/record/", "/safety/"]  # fmt: skip
    for who, pages in ((therapist, therapist_pages), (client, client_pages)):
        web = _as(who)
        for path in pages:
            assert web.get(path).status_code == 200, path
    page = _as(client).get(f"/courses/{course.id}/formulation/").content.decode()
    assert (
        "be loved and understood" in page and "be close and accepting" in page
    )  # the version shared and the one saved since, CCRT labels
    assert courses.read_letter(client, course.id) is None


def test_standalone_back_links_on_course_pages_are_tap_targets(dit: tuple[Any, Any, Any]) -> None:
    """qa33 point 17: "Back to the course" stood alone as a 19-px link; it is a 44-px tap target (``a.tap``) like
    the crisis links. Inline links in a table row ("notes · move · cancel") stay text."""
    client, therapist, course = dit
    back = re.compile(r'<a class="tap" href="/courses/[0-9a-f-]{36}/">Back to the course</a>')
    for who, path in (
        (therapist, f"/courses/{course.id}/formulation/"),
        (therapist, f"/courses/{course.id}/letter/"),
        (client, f"/courses/{course.id}/goals/"),
        (client, f"/courses/{course.id}/measures/"),
    ):
        page = _as(who).get(path).content.decode()
        assert back.search(page), path
    table = _as(therapist).get(f"/courses/{course.id}/").content.decode()
    assert '<a class="tap" href' not in table.split("<table")[1].split("</table>")[0]
