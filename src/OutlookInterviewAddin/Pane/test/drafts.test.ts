import { test, mock } from "node:test";
import assert from "node:assert/strict";
import {
  debounce, draftActionsFor, draftHash, draftProblemOf, findingExcerpt, inviteChoices, leftOutSentence, meetingEnded, openOutreachInterview, personWithAddress, resultLinkFor,
} from "../src/drafts";
import { formatEventTime, formatInZone, formatSize, type InterviewSummary, type PersonSummary, type Stage, type Takeaway } from "../src/model";

const now = new Date("2026-12-01T18:00:00Z");
const ids = { interviewId: "i1", personId: "p1", personName: "Priya Shah" };
const takeaway: Takeaway = { id: "t1", text: "Learn GIS early", action: null, isMostHelpful: true, createdAt: "2026-12-01T17:00:00Z" };

function facts(stage: Stage, plannedStart: string | null = null, takeaways: Takeaway[] = [], durationMinutes: number | null = 30) {
  return { stage, plannedStart, durationMinutes, takeaways };
}

const kinds = (stage: Stage, plannedStart: string | null = null, takeaways: Takeaway[] = []) =>
  draftActionsFor(facts(stage, plannedStart, takeaways), now).map((a) => a.kind);

test("before the conversation the outreach and the invite fit; after it, the thank-you", () => {
  assert.deepEqual(kinds("prospect", "2026-12-05T15:00:00Z"), ["outreach", "invite"]);
  assert.deepEqual(kinds("contacted", "2026-12-05T15:00:00Z"), ["outreach", "invite"]);
  assert.deepEqual(kinds("noReply"), ["outreach", "invite"]);
  assert.deepEqual(kinds("scheduled", "2026-12-05T15:00:00Z"), ["invite"]);
  assert.deepEqual(kinds("interviewed", null, [takeaway]), ["thankYou"]);
  assert.deepEqual(kinds("thanked", null, [takeaway]), ["thankYou"]);
  assert.deepEqual(kinds("stayingInTouch"), []);
  assert.deepEqual(kinds("declined"), []);
});

test("a scheduled conversation whose meeting has ended offers the thank-you too", () => {
  assert.deepEqual(kinds("scheduled", "2026-12-01T17:00:00Z", [takeaway]), ["invite", "thankYou"]);
  // 17:45 + 30 minutes ends at 18:15: not yet.
  assert.deepEqual(kinds("scheduled", "2026-12-01T17:45:00Z", [takeaway]), ["invite"]);
  assert.equal(meetingEnded({ plannedStart: "2026-12-01T17:00:00Z", durationMinutes: 90 }, now), false);
  assert.equal(meetingEnded({ plannedStart: null, durationMinutes: 30 }, now), false);
});

test("an invite for a time that has passed waits for a new time", () => {
  const [, invite] = draftActionsFor(facts("contacted", "2026-12-01T09:00:00Z"), now);
  assert.equal(invite!.enabled, false);
  assert.match(invite!.hint!, /has passed/);
});

test("a draft already sent points at the item that exists", () => {
  const sent = draftProblemOf({ status: 409, message: "Already sent.", problem: { existingItemId: "AAMk1", webLink: "https://outlook.example/x" } }, ids);
  assert.deepEqual(sent.existing, { itemId: "AAMk1", webLink: "https://outlook.example/x" });
  assert.equal(draftProblemOf({ status: 409, message: "x", problem: {} }, ids).existing, null);
});

test("the invite without a planned time and the thank-you without a takeaway are shown disabled, with what to do", () => {
  const [, invite] = draftActionsFor(facts("prospect"), now);
  assert.equal(invite!.enabled, false);
  assert.match(invite!.hint!, /Set a time in the plan/);
  const [thankYou] = draftActionsFor(facts("interviewed"), now);
  assert.equal(thankYou!.enabled, false);
  assert.match(thankYou!.hint!, /Record a takeaway/);
  const [enabled] = draftActionsFor(facts("interviewed", null, [takeaway]), now);
  assert.equal(enabled!.enabled, true);
  assert.equal(enabled!.hint, null);
});

test("the draft address carries the message to reply to only when there is one", () => {
  assert.equal(draftHash("i1", "outreach"), "#/interviews/i1/drafts/outreach");
  assert.equal(draftHash("i1", "thankYou", "AAMk/+x="), "#/interviews/i1/drafts/thankYou?replyTo=AAMk%2F%2Bx%3D");
});

test("a missing piece links to the page where it is filled in", () => {
  const problem = (missing: string) => draftProblemOf({ status: 409, message: "Add your name first.", problem: { missing } }, ids);
  assert.deepEqual(problem("profileName").link, { label: "Add your name to your profile", hash: "#/profile" });
  assert.deepEqual(problem("personEmail").link, { label: "Add Priya Shah's email", hash: "#/people/p1/edit" });
  assert.deepEqual(problem("plannedStart").link, { label: "Set a time in the plan", hash: "#/interviews/i1?focus=plan" });
  assert.deepEqual(problem("takeaways").link, { label: "Record a takeaway", hash: "#/interviews/i1?focus=takeaways" });
  assert.equal(problem("somethingElse").link, null);
  assert.equal(problem("profileName").message, "Add your name first.");
});

test("Outlook being busy says when to try again, and the button waits that long", () => {
  const busy = draftProblemOf({ status: 429, message: "Too many requests.", problem: { retryAfterSeconds: 12.2 } }, ids);
  assert.equal(busy.message, "Outlook is busy: try again in 13 seconds.");
  assert.equal(busy.retryAfterSeconds, 13);
  assert.equal(draftProblemOf({ status: 429, message: "", problem: null }, ids).retryAfterSeconds, 30);
  assert.equal(draftProblemOf({ status: 409, message: "x", problem: { retryAfterSeconds: 5 } }, ids).retryAfterSeconds, null);
});

test("Graph refusing access asks to grant it or to sign in again", () => {
  const consent = draftProblemOf({ status: 403, message: "The add-in cannot use your mailbox.", problem: { action: "consent" } }, ids);
  assert.equal(consent.action, "consent");
  assert.match(consent.message, /Grant the add-in access to your mailbox/);
  const signIn = draftProblemOf({ status: 401, message: "Your session with Outlook ended.", problem: { action: "signIn" } }, ids);
  assert.equal(signIn.action, "signIn");
  assert.match(signIn.message, /Sign in again/);
  // The server's own words are not repeated.
  assert.equal(draftProblemOf({ status: 403, message: "Grant the add-in access.", problem: { action: "consent" } }, ids).message, "Grant the add-in access.");
});

test("another press still working is told apart from other conflicts", () => {
  assert.equal(draftProblemOf({ status: 409, message: "Still working.", problem: { inProgress: true } }, ids).inProgress, true);
  assert.equal(draftProblemOf({ status: 409, message: "No.", problem: { missing: "profileName" } }, ids).inProgress, false);
});

test("a created item is opened by Outlook, shown in the local mailbox, or linked on the web", () => {
  const created = { itemId: "AAMk=1", webLink: "https://outlook.office365.com/owa/?ItemID=AAMk" };
  assert.deepEqual(resultLinkFor(created, { inOutlook: true, mode: "microsoft365" }), { type: "outlook" });
  assert.deepEqual(resultLinkFor(created, { inOutlook: true, mode: "local" }), { type: "outlook" });
  assert.deepEqual(resultLinkFor(created, { inOutlook: false, mode: "local" }), { type: "localMailbox", hash: "#/mailbox?item=AAMk%3D1" });
  assert.deepEqual(resultLinkFor(created, { inOutlook: false, mode: "microsoft365" }), { type: "web", url: created.webLink });
});

test("a web link that is not http(s) is never offered", () => {
  for (const webLink of ["javascript:alert(1)", "data:text/html,x", "  ", null]) {
    assert.deepEqual(resultLinkFor({ itemId: "x", webLink }, { inOutlook: false, mode: "microsoft365" }), { type: "none" });
  }
});

test("a finding quotes the words it points at, in the subject or the body", () => {
  const subject = "Job at Metrolinx?";
  const text = "Hi Priya,\nI am looking for a job   in planning and would love to chat.";
  assert.equal(findingExcerpt({ rule: "jobWords", part: "subject", start: 0, length: 3, message: "" }, subject, text), "Job");
  assert.equal(findingExcerpt({ rule: "jobWords", part: "body", start: 29, length: 8, message: "" }, subject, text), "job in");
  assert.equal(findingExcerpt({ rule: "tooLong", part: "body", start: 10, length: 500, message: "" }, subject, text, 20), "I am looking for a…");
  assert.equal(findingExcerpt({ rule: "x", part: "body", start: 999, length: 3, message: "" }, subject, text), "");
});

function person(id: string, email: string | null): PersonSummary {
  return { id, name: id, email, organisation: null, role: null, city: null, connection: "cold", isWarm: false, referredBy: null, latestStage: null };
}

function interview(id: string, personId: string, stage: Stage, plannedStart: string | null): InterviewSummary {
  return { id, person: { id: personId, name: personId, organisation: null, timeZone: null }, stage, stageEnteredAt: "2026-11-01T00:00:00Z", plannedStart };
}

test("the person for an open item is found by email whatever its case", () => {
  const people = [person("ana", "ana@contoso.example"), person("tom", null)];
  assert.equal(personWithAddress(people, " Ana@Contoso.EXAMPLE ")?.id, "ana");
  assert.equal(personWithAddress(people, "someone@else.example"), null);
  assert.equal(personWithAddress(people, null), null);
  assert.equal(personWithAddress([person("blank", "")], ""), null);
});

test("the outreach goes to the newest conversation still asking", () => {
  const rows = [interview("done", "a", "thanked", null), interview("open", "a", "noReply", null), interview("older", "a", "prospect", null)];
  assert.equal(openOutreachInterview(rows)?.id, "open");
  assert.equal(openOutreachInterview([interview("done", "a", "scheduled", null)]), null);
});

test("invite choices have a planned time, are not past scheduled, and put the meeting's attendees first", () => {
  const people = [person("ana", "ana@contoso.example"), person("tom", "tom@fabrikam.example")];
  const rows = [
    interview("late", "tom", "contacted", "2026-12-09T15:00:00Z"),
    interview("soon", "tom", "prospect", "2026-12-03T15:00:00Z"),
    interview("ana", "ana", "scheduled", "2026-12-10T15:00:00Z"),
    interview("unplanned", "tom", "prospect", null),
    interview("past", "ana", "interviewed", "2026-11-10T15:00:00Z"),
  ];
  assert.deepEqual(inviteChoices(rows, people, []).map((i) => i.id), ["soon", "late", "ana"]);
  assert.deepEqual(inviteChoices(rows, people, ["ANA@contoso.example"]).map((i) => i.id), ["ana", "soon", "late"]);
});

test("a debounced call runs once, with the last arguments, after the calls stop", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    const seen: string[] = [];
    const check = debounce((text: string) => seen.push(text), 600);
    check("J");
    mock.timers.tick(300);
    check("Jo");
    mock.timers.tick(300);
    check("Job");
    mock.timers.tick(599);
    assert.deepEqual(seen, []);
    mock.timers.tick(1);
    assert.deepEqual(seen, ["Job"]);
    mock.timers.tick(5000);
    assert.deepEqual(seen, ["Job"]);
  } finally {
    mock.timers.reset();
  }
});

test("a debounced call can be cancelled or run at once", () => {
  mock.timers.enable({ apis: ["setTimeout"] });
  try {
    let runs = 0;
    const check = debounce(() => (runs += 1), 600);
    check();
    check.cancel();
    mock.timers.tick(1000);
    assert.equal(runs, 0);
    check();
    check.flush();
    assert.equal(runs, 1);
    mock.timers.tick(1000);
    assert.equal(runs, 1);
    check.flush();
    assert.equal(runs, 1);
  } finally {
    mock.timers.reset();
  }
});

test("file sizes read at a glance", () => {
  assert.equal(formatSize(512), "512 bytes");
  assert.equal(formatSize(12_800), "13 KB");
  assert.equal(formatSize(3_500_000), "3.3 MB");
});

test("a meeting time is shown on the clock of each zone", () => {
  const start = "2026-12-01T15:00:00+00:00";
  assert.match(formatInZone(start, "America/Toronto", "en-CA"), /10:00/);
  assert.match(formatInZone(start, "Europe/Paris", "en-GB"), /16:00/);
  assert.equal(formatInZone(start, "Mars/Olympus_Mons"), "");
  assert.equal(formatInZone("not a time", "UTC"), "");
});

test("an event's wall-clock time without an offset is shown as it is, with its zone", () => {
  assert.equal(formatEventTime("2026-12-01T10:00:00.0000000", "America/Toronto"), "2026-12-01 10:00 (America/Toronto)");
  assert.match(formatEventTime("2026-12-01T15:00:00Z", "America/Toronto", "en-CA"), /10:00/);
});

test("an invite that leaves questions out says how many fit and how many stay in the list", () => {
  const six = ["a?", "b?", "c?", "d?", "e?", "f?"];
  assert.equal(leftOutSentence({ questionCount: 18, meetingMinutes: 30, leftOut: six }),
    "12 of 18 questions fit a 30-minute meeting; the other 6 stay in your list:");
  assert.equal(leftOutSentence({ questionCount: 2, meetingMinutes: 7, leftOut: ["b?"] }),
    "1 of 2 questions fits a 7-minute meeting; the other one stays in your list:");
});
