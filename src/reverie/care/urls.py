"""Routes of the course of therapy, included from the clinic's URL list. Each view asks the policy through the
care services; the public ones (fit check, directory search, referral) hold no clinical data."""

from django.urls import path

from reverie.care.web import (
    course_views,
    formulation_views,
    goal_views,
    measure_views,
    notice_views,
    prep_views,
    public_views,
    safety_views,
    week_views,
)
from reverie.clinic.web import ids  # noqa: F401  (registers the bounded ``id`` converter)

app_name = "care"

urlpatterns = [
    path("caseload/notices/read/", notice_views.erasure_notice_read, name="erasure_notice_read"),
    path("courses/", course_views.course_list, name="courses"),
    path("courses/new/", course_views.course_new, name="course_new"),
    path("courses/<str:course_id>/", course_views.course_detail, name="course"),
    path("courses/<str:course_id>/end/", course_views.course_end, name="course_end"),
    path("courses/<str:course_id>/calendar.ics", course_views.course_calendar, name="calendar"),
    path("courses/<str:course_id>/record/", course_views.course_record, name="record"),
    path("courses/<str:course_id>/sessions/<id:slot>/", course_views.session_detail, name="session"),
    path(
        "courses/<str:course_id>/sessions/<id:slot>/cancel/",
        week_views.session_cancel_confirm,
        name="cancel",
    ),
    path("courses/<str:course_id>/sessions/<id:slot>/move/", week_views.session_move, name="move"),
    path("week/", week_views.week_page, name="week"),
    path("courses/<str:course_id>/prep/", prep_views.session_prep, name="prep"),
    path("courses/<str:course_id>/formulation/", formulation_views.formulation_page, name="formulation"),
    path("courses/<str:course_id>/formulation/share/", formulation_views.formulation_share, name="share"),
    path("courses/<str:course_id>/ipaf/agree/", formulation_views.ipaf_agree, name="ipaf_agree"),
    path("courses/<str:course_id>/letter/", formulation_views.letter_page, name="letter"),
    path("courses/<str:course_id>/measures/", measure_views.course_measures, name="course_measures"),
    path("courses/<str:course_id>/goals/", goal_views.course_goals, name="goals"),
    path("goals/<str:goal_id>/<str:action>/", goal_views.goal_action, name="goal_action"),
    path("measures/", measure_views.my_measures, name="measures"),
    path("measures/fill/<str:questionnaire_id>/", measure_views.measure_fill, name="measure_fill"),
    path("measures/<str:response_id>/", measure_views.measure_detail, name="measure"),
    path("measures/<str:response_id>/fhir.json", measure_views.measure_fhir, name="measure_fhir"),
    path("safety/plan/", safety_views.my_plan, name="my_plan"),
    path("clients/<id:client_id>/safety-plan/", safety_views.client_plan, name="client_plan"),
    path("alerts/", safety_views.alert_list, name="alerts"),
    path("alerts/<str:alert_id>/acknowledge/", safety_views.alert_acknowledge, name="alert_ack"),
    path(
        "clients/<id:client_id>/alerts/acknowledged/", safety_views.acknowledged_alerts, name="acknowledged"
    ),
    path("check-in/", safety_views.check_in, name="check_in"),
    path("fit/", public_views.fit_page, name="fit"),
    path("directory/", public_views.directory_search, name="directory"),
    path("directory/profile/", public_views.directory_profile, name="directory_profile"),
    path("directory/import/", public_views.directory_import, name="directory_import"),
    path("refer/", public_views.refer, name="refer"),
]
