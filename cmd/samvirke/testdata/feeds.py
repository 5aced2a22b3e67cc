"""Reads an Atom feed (feedparser) or an iCalendar file (icalendar) and prints what the
tests compare as JSON. Usage: feeds.py atom FILE | feeds.py ics FILE"""
import json
import sys

kind, path = sys.argv[1], sys.argv[2]
if kind == "atom":
    import feedparser
    d = feedparser.parse(path)
    print(json.dumps({
        "bozo": bool(d.bozo), "bozo_exception": str(d.get("bozo_exception", "")),
        "version": d.version, "language": d.feed.get("language", ""),
        "title": d.feed.get("title", ""),
        "entries": [{"id": e.id, "title": e.title, "link": e.link, "summary": e.summary,
                     "updated": e.updated, "author": e.get("author", "")} for e in d.entries],
    }, ensure_ascii=False))
else:
    import icalendar
    with open(path, "rb") as f:
        cal = icalendar.Calendar.from_ical(f.read())
    events = []
    for ev in cal.walk("VEVENT"):
        start, end = ev.decoded("DTSTART"), ev.decoded("DTEND")
        events.append({
            "uid": str(ev["UID"]), "summary": str(ev["SUMMARY"]),
            "description": str(ev["DESCRIPTION"]), "url": str(ev["URL"]),
            "start": start.isoformat(), "end": end.isoformat(),
            "all_day": not hasattr(start, "hour"),
            "ical": ev.to_ical().decode(),
        })
    print(json.dumps({"name": str(cal.get("X-WR-CALNAME", "")), "events": events}, ensure_ascii=False))
