#!/usr/bin/env python3
"""Adds people (and interviews at various stages) to a running host through its API.

usage: seed.py BASE_URL TOKEN FROM TO
Adds people number FROM to TO-1, so a second call tops the list up. One keep-alive connection.
"""
import http.client
import json
import sys
import urllib.parse
from datetime import datetime, timedelta, timezone

base, token, start, stop = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port)
headers = {"Authorization": f"Bearer {token}", "Content-Type": "application/json"}


def call(method, path, body=None, ok=(200, 201)):
    conn.request(method, path, body=None if body is None else json.dumps(body), headers=headers)
    response = conn.getresponse()
    text = response.read()
    if response.status not in ok:
        raise SystemExit(f"{method} {path} answered {response.status}: {text[:300]!r}")
    return json.loads(text) if text else None


organisations = ["Metrolinx", "TTC", "Shopify", "City of Toronto", "OCAD", "Hydro One", "CBC", "RBC", "Ubisoft", "Mila"]
now = datetime.now(timezone.utc)
for n in range(start, stop):
    person = call("POST", "/api/people", {
        "name": f"Person {n:04d}",
        "email": f"person{n:04d}@example.org",
        "organisation": organisations[n % len(organisations)],
        "role": "Planner",
        "city": "Toronto",
        "connection": ["cold", "friend", "alumni", "colleague"][n % 4],
        "notes": "Met at the career fair; works on transit planning and likes questions about the first year.",
    })
    kind = n % 6
    if kind == 0:
        continue  # on the list, no conversation yet
    planned = (now + timedelta(days=3 + n % 20)).isoformat() if kind == 4 else None
    interview = call("POST", "/api/interviews", {"personId": person["id"], "plannedStart": planned})
    # 1: prospect; 2: contacted; 3: no reply; 4: scheduled ahead; 5: interviewed, then thanked
    path = {1: [], 2: ["contacted"], 3: ["contacted", "noReply"], 4: ["contacted", "scheduled"],
            5: ["contacted", "scheduled", "interviewed", "thanked"]}[kind]
    for stage in path:
        call("POST", f"/api/interviews/{interview['id']}/stage", {"stage": stage})
