"""Crisis lines: public, so they can be reached without signing in."""

from __future__ import annotations

from django.http import HttpRequest
from ninja import Router

from reverie.api.schemas import CountryLinesOut, CrisisLine, LinkOut
from reverie.care.services.safety import lines_for_person

router = Router(tags=["safety"])


@router.get("/safety/crisis-lines", auth=None, response=list[CountryLinesOut], url_name="crisis_lines")
def crisis_lines_list(request: HttpRequest) -> list[CountryLinesOut]:
    """Crisis lines by country (the shipped list, or the operator's own file), each with tel:/sms: links, in a fixed
    order: this address needs no sign-in and knows no person (a client's check-in lists their own country first)."""
    return [
        CountryLinesOut(
            country=c.country,
            lines=[
                CrisisLine(
                    name=line.name,
                    instruction=line.instruction,
                    links=[LinkOut(label=label, href=href) for label, href in line.links],
                )
                for line in c.lines
            ],
        )
        for c in lines_for_person(None).countries
    ]
