"""A form sent by the page's own script (``static/reverie/send_kept.js``) learns where the server sends it next.

A form that carries a person's words (``data-keeps-words``: the write and edit pages, "Save it now", "Save again") is
sent by a small script where scripts run, so that a failed connection leaves the page, and the words in it, as they
were (review r135 fault 1: the browser's own error page replaced the write page, and Back lost the words). The script
cannot read a redirect's address (``fetch`` either follows it, which would show the next page's one-time messages to
the script and not the person, or hides it). So a request that says it was sent by that script
(:data:`HEADER`) gets its redirect as an empty 204 naming the address (:data:`GO`), and the script goes there as the
browser would have. Anything else (a page, an error page) is answered as it is. Without the script, forms post as
they always did.
"""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

HEADER = "X-Reverie-Sent-By"  # what the script sends: "script"
GO = "X-Reverie-Go"  # where the redirect went


class SentByScriptMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.headers.get(HEADER) != "script" or request.method != "POST":
            return response
        if response.status_code in (301, 302, 303, 307, 308) and response.has_header("Location"):
            answer = HttpResponse(status=204)
            answer[GO] = response["Location"]
            for name in ("Cache-Control", "Content-Security-Policy", "Permissions-Policy"):
                if response.has_header(name):
                    answer[name] = response[name]
            answer.cookies = response.cookies  # a sign-in's session cookie, a message's cookie
            return answer
        return response
