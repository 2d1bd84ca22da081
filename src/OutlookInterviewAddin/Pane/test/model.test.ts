import { test } from "node:test";
import assert from "node:assert/strict";
import { fieldNamesFor } from "../src/forms";
import { canRecordTouch, formatDate, mergeTyped, nextPagePath, type Person, fromLocalInputValue, isProfileEmpty, stageChoices, moveItem, orNull, questionLines, splitList, toLocalInputValue } from "../src/model";

test("an error key for a nested question falls back from the most specific field to the list", () => {
  assert.deepEqual(fieldNamesFor("parts[1].questions[0]"), ["parts[1].questions[0]", "parts[1].questions", "parts[1]", "parts"]);
});

test("an error key in PascalCase finds the camelCase field", () => {
  assert.deepEqual(fieldNamesFor("FieldsOfInterest[2]"), ["fieldsOfInterest[2]", "fieldsOfInterest"]);
  assert.deepEqual(fieldNamesFor("email"), ["email"]);
});

test("a list typed one per line or with commas becomes trimmed items", () => {
  assert.deepEqual(splitList(" Civic tech\nTransit planning, Data \n\n"), ["Civic tech", "Transit planning", "Data"]);
});

test("blank text is stored as null", () => {
  assert.equal(orNull("   "), null);
  assert.equal(orNull(" Toronto "), "Toronto");
  assert.equal(orNull(undefined), null);
});

test("a datetime-local value round-trips through an ISO instant", () => {
  const iso = fromLocalInputValue("2026-12-01T10:30");
  assert.ok(iso);
  assert.equal(toLocalInputValue(iso), "2026-12-01T10:30");
  assert.equal(fromLocalInputValue(""), null);
  assert.equal(toLocalInputValue(null), "");
});

test("a profile with only a school is still empty of what the user wants", () => {
  const empty = { fullName: null, interests: null, fieldsOfInterest: [], positionsOfInterest: [], inTenYears: null, inTwentyYears: null, school: "Waterloo", program: null, city: null, timeZone: null, signature: null };
  assert.equal(isProfileEmpty(empty), true);
  assert.equal(isProfileEmpty({ ...empty, fieldsOfInterest: ["Civic tech"] }), false);
});

test("moving a part up or down swaps it with its neighbour and leaves the input as it was", () => {
  const parts = ["Career history", "About the job", "Advice"];
  assert.deepEqual(moveItem(parts, 2, -1), ["Career history", "Advice", "About the job"]);
  assert.deepEqual(moveItem(parts, 0, 1), ["About the job", "Career history", "Advice"]);
  assert.deepEqual(parts, ["Career history", "About the job", "Advice"]);
});

test("a part at either end does not move past it", () => {
  assert.deepEqual(moveItem(["a", "b"], 0, -1), ["a", "b"]);
  assert.deepEqual(moveItem(["a", "b"], 1, 1), ["a", "b"]);
});

test("questions typed one per line drop blank lines and keep commas inside a question", () => {
  assert.deepEqual(questionLines(" What do you do, day to day? \n\n  How did you start?\n"), ["What do you do, day to day?", "How did you start?"]);
});

test("staying in touch is never offered as a plain stage change; the other moves are", () => {
  assert.deepEqual(stageChoices(["stayingInTouch"]), []);
  assert.deepEqual(stageChoices(["scheduled", "noReply", "declined"]), ["scheduled", "noReply", "declined"]);
});

test("updates can be recorded after the thank-you, not before it nor once declined", () => {
  assert.equal(canRecordTouch("thanked"), true);
  assert.equal(canRecordTouch("stayingInTouch"), true);
  assert.equal(canRecordTouch("interviewed"), false);
  assert.equal(canRecordTouch("declined"), false);
});

test("an update's date shows its year, and a missing or bad date shows nothing", () => {
  assert.match(formatDate("2027-04-02T13:00:00+00:00", { now: () => new Date("2026-06-01T00:00:00Z") }), /2027/);
  assert.equal(formatDate(null), "");
  assert.equal(formatDate("not a date"), "");
});

const ana: Person = {
  id: "p1", name: "Ana Lopez", greetAs: null, email: "ana@x.org", organisation: "TTC", role: null, city: null, connection: "colleague", isWarm: true,
  referredBy: { id: "r1", name: "Sam" }, latestStage: "contacted", field: null, timeZone: null, linkedInUrl: null, connectionDetail: null,
  notes: "Met at the career fair.", referralChain: [], referrals: [], interviews: [],
};

test("merging typed details fills the existing person's empty fields, keeps theirs and adds the notes below", () => {
  const { input, changes } = mergeTyped(ana, { name: "Ana L.", email: "ANA@x.org ", organisation: "Metrolinx", role: "Planner", connection: "friend", notes: "Prefers mornings." });
  assert.equal(input.name, "Ana L.");
  assert.equal(input.email, "ana@x.org");
  assert.equal(input.organisation, "TTC");
  assert.equal(input.role, "Planner");
  assert.equal(input.connection, "friend");
  assert.equal(input.referredById, "r1");
  assert.equal(input.notes, "Met at the career fair.\n\nPrefers mornings.");
  assert.deepEqual(changes, ["Name: Ana Lopez becomes Ana L.", "Role: Planner", "How you know them: Colleague becomes Friend", "Your new notes are added below the existing ones"]);
});

test("merging fills how to greet them only when the existing person has no greeting", () => {
  const filled = mergeTyped(ana, { name: "Ana Lopez", greetAs: "Dr. Lopez" });
  assert.equal(filled.input.greetAs, "Dr. Lopez");
  assert.deepEqual(filled.changes, ["Greet as: Dr. Lopez"]);
  const kept = mergeTyped({ ...ana, greetAs: "Ana" }, { name: "Ana Lopez", greetAs: "Dr. Lopez" });
  assert.equal(kept.input.greetAs, "Ana");
  assert.deepEqual(kept.changes, []);
});

test("a connection left at the form's default does not replace the one the person has", () => {
  const { input, changes } = mergeTyped(ana, { name: "Ana Lopez", connection: "cold" });
  assert.equal(input.connection, "colleague");
  assert.equal(input.notes, "Met at the career fair.");
  assert.deepEqual(changes, []);
});

test("the next page's path carries the cursor, and the last page has none", () => {
  assert.equal(nextPagePath("/api/people?search=a b", { items: [], nextCursor: "x/y" }), "/api/people?search=a b&cursor=x%2Fy");
  assert.equal(nextPagePath("/api/next-actions", { items: [], nextCursor: "abc" }), "/api/next-actions?cursor=abc");
  assert.equal(nextPagePath("/api/people", { items: [], nextCursor: null }), null);
});
