import { test } from "node:test";
import assert from "node:assert/strict";
import { formatDate, formatDateTime, fromLocalInputValue, isPast, toLocalInputValue, zoneHint, zonesDiffer, type TimeSettings } from "../src/time";

// A fixed clock and zones, so the tests read the same on any machine and in any year.
const toronto: Partial<TimeSettings> = { zone: "America/Toronto", browserZone: "America/Toronto", locale: "en-US", now: () => new Date("2026-12-02T12:00:00Z") };
const torontoInParis: Partial<TimeSettings> = { ...toronto, browserZone: "Europe/Paris" };

test("a time this year has no year and, in one zone, no zone name", () => {
  const text = formatDateTime("2026-12-01T20:00:00Z", toronto);
  assert.equal(text, "Tue, Dec 1, 3:00 PM");
});

test("a date in another year shows its year, before and after the current one", () => {
  assert.match(formatDateTime("2020-03-01T15:00:00Z", toronto), /2020/);
  assert.match(formatDateTime("2027-01-04T15:00:00Z", toronto), /2027/);
  assert.equal(formatDate("2020-03-01T15:00:00Z", toronto), "Mar 1, 2020");
  assert.equal(formatDate("2026-03-01T15:00:00Z", toronto), "Mar 1");
});

test("the year is the user's zone's: New Year's Eve in Toronto is still the old year", () => {
  // 02:00 UTC on 1 January 2027 is 21:00 on 31 December 2026 in Toronto: this year there.
  assert.doesNotMatch(formatDateTime("2027-01-01T02:00:00Z", toronto), /2027|2026/);
  assert.match(formatDateTime("2027-01-01T02:00:00Z", { ...toronto, zone: "Europe/Paris", browserZone: "Europe/Paris" }), /2027/);
});

test("when the browser's zone differs from the profile's, every time names its zone, on the profile's clock", () => {
  assert.ok(zonesDiffer(torontoInParis));
  assert.ok(!zonesDiffer(toronto));
  assert.equal(formatDateTime("2026-12-01T20:00:00Z", torontoInParis), "Tue, Dec 1, 3:00 PM EST");
  assert.match(zoneHint(torontoInParis), /America\/Toronto/);
  assert.equal(zoneHint(toronto), "In your time zone.");
});

test("the same instant reads the same wherever it is shown", () => {
  const a = formatDateTime("2026-12-01T20:00:00Z", torontoInParis);
  const b = formatDateTime("2026-12-01T21:00:00+01:00", torontoInParis);
  assert.equal(a, b);
});

test("the zone name follows daylight saving: EDT in summer, EST in winter", () => {
  assert.match(formatDateTime("2026-07-01T19:00:00Z", torontoInParis), /3:00 PM EDT/);
  assert.match(formatDateTime("2026-11-01T20:00:00Z", torontoInParis), /3:00 PM EST/);
});

test("a datetime-local value is read on the profile's clock, whatever the browser's zone", () => {
  assert.equal(fromLocalInputValue("2026-12-01T15:00", torontoInParis), "2026-12-01T20:00:00.000Z");
  assert.equal(toLocalInputValue("2026-12-01T20:00:00Z", torontoInParis), "2026-12-01T15:00");
  assert.equal(fromLocalInputValue("", toronto), null);
  assert.equal(fromLocalInputValue("tomorrow", toronto), null);
  assert.equal(toLocalInputValue(null, toronto), "");
});

test("across the spring DST change the wall time keeps its meaning", () => {
  // 8 March 2026: Toronto moves from EST (-5) to EDT (-4) at 02:00.
  assert.equal(fromLocalInputValue("2026-03-08T01:30", toronto), "2026-03-08T06:30:00.000Z");
  assert.equal(fromLocalInputValue("2026-03-08T03:30", toronto), "2026-03-08T07:30:00.000Z");
  // 02:30 does not exist that night: it moves forward by the gap, to 03:30 EDT.
  assert.equal(fromLocalInputValue("2026-03-08T02:30", toronto), "2026-03-08T07:30:00.000Z");
  assert.equal(toLocalInputValue("2026-03-08T07:30:00.000Z", toronto), "2026-03-08T03:30");
});

test("across the autumn DST change a repeated wall time is the first of the two", () => {
  // 1 November 2026: 01:30 happens twice in Toronto (EDT, then EST).
  assert.equal(fromLocalInputValue("2026-11-01T01:30", toronto), "2026-11-01T05:30:00.000Z");
  assert.equal(fromLocalInputValue("2026-11-01T09:00", toronto), "2026-11-01T14:00:00.000Z");
  assert.equal(toLocalInputValue("2026-11-01T06:30:00.000Z", toronto), "2026-11-01T01:30");
});

test("a week across the DST change is shown on each day's own offset", () => {
  // The same 10:00 meeting a week apart, either side of the spring change.
  assert.match(formatDateTime(fromLocalInputValue("2026-03-05T10:00", toronto)!, torontoInParis), /10:00 AM EST/);
  assert.match(formatDateTime(fromLocalInputValue("2026-03-12T10:00", toronto)!, torontoInParis), /10:00 AM EDT/);
});

test("past is before now", () => {
  assert.ok(isPast("2020-03-01T15:00:00Z", toronto));
  assert.ok(!isPast("2027-03-01T15:00:00Z", toronto));
  assert.ok(!isPast(null, toronto));
});
