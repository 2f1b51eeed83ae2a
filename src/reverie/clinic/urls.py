"""Every route, in one list. Each view asks the policy; tests check every route is covered."""

from django.urls import include, path

from reverie.api.api import api
from reverie.clinic.web import (
    account_views,
    demo_views,
    dream_views,
    ids,  # noqa: F401  (registers the bounded ``id`` converter)
    insight_views,
    local_time,
    views,
)
from reverie.clinic.web.observation_views import fit as entry_fit

urlpatterns = [
    path("", views.home, name="home"),
    path("setup/", views.setup, name="setup"),
    path("signup/", views.signup, name="signup"),
    path("demo/", demo_views.demo, name="demo"),
    path("login/", views.login_view, name="login"),
    path("logout/", views.logout_view, name="logout"),
    path("login/code/", views.login_code, name="login_code"),
    path("account/2fa/", account_views.totp_setup, name="totp_setup"),
    path("account/password/", account_views.password_change, name="password_change"),
    path("account/audit/", views.audit_trail, name="audit"),
    path("account/erase/", views.erase, name="erase"),
    path("account/erased/", views.erased, name="erased"),
    path("account/settings/", local_time.account_settings, name="account_settings"),
    path("write/", views.write, name="write"),
    path("journal/", views.journal_list, name="journal"),
    path("journal/<str:entry_id>/", views.entry, name="entry"),
    path("journal/<str:entry_id>/edit/", views.edit, name="edit"),
    path("journal/<str:entry_id>/again/", views.save_again, name="save_again"),
    path("journal/<str:entry_id>/history/", views.history, name="history"),
    path("journal/<str:entry_id>/history/<int:number>/back/", views.revert_version, name="revert_version"),
    path("journal/<str:entry_id>/fit/", entry_fit, name="entry_fit"),
    path("journal/<str:entry_id>/share/", views.share, name="share"),
    path("journal/<str:entry_id>/trash/", views.trash, name="trash"),
    path("trash/", views.trash_list, name="trash_list"),
    path("trash/empty/", views.empty_trash, name="empty_trash"),
    path("trash/<str:entry_id>/restore/", views.restore, name="restore"),
    path("trash/<str:entry_id>/purge/", views.purge, name="purge"),
    path("attachments/<str:attachment_id>/", views.attachment, name="attachment"),
    path("attachments/<str:attachment_id>/remove/", views.attachment_remove, name="attachment_remove"),
    path("export/", views.export, name="export"),
    path("import/", views.import_page, name="import_journal"),
    path("pair/", views.pair, name="pair"),
    path("safety/", views.safety, name="safety"),
    path("insights/", insight_views.my_insights, name="insights"),
    path("dreams/", dream_views.dream_series, name="dreams"),
    path("insights/report.pdf", insight_views.insights_pdf, name="insights_pdf"),
    path("clients/<id:client_id>/insights/", insight_views.client_insights, name="client_insights"),
    path("api/", api.urls),
    path("", include("reverie.care.urls")),
]

handler400 = "reverie.clinic.web.middleware.bad_request"
handler403 = "reverie.clinic.web.middleware.forbidden"
handler404 = "reverie.clinic.web.middleware.page_not_found"
handler500 = "reverie.clinic.web.middleware.server_error"
