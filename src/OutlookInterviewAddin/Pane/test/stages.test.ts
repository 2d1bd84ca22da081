import { test } from "node:test";
import assert from "node:assert/strict";
import { stageMovesFor, undoableMove } from "../src/stages";

const now = new Date("2026-12-02T12:00:00Z");

test("scheduling asks for the time unless a time still to come is planned", () => {
  assert.deepEqual(stageMovesFor({ allowedNextStages: ["scheduled", "noReply", "declined"], plannedStart: null }, now).map((m) => m.asks), ["time", "none", "none"]);
  assert.equal(stageMovesFor({ allowedNextStages: ["scheduled"], plannedStart: "2020-03-01T15:00:00Z" }, now)[0]!.asks, "time");
  assert.equal(stageMovesFor({ allowedNextStages: ["scheduled"], plannedStart: "2026-12-05T15:00:00Z" }, now)[0]!.asks, "none");
});

test("interviewed and thanked before the meeting's start ask for a confirmation", () => {
  assert.equal(stageMovesFor({ allowedNextStages: ["interviewed", "declined"], plannedStart: "2026-12-09T15:00:00Z" }, now)[0]!.asks, "confirmEarly");
  assert.equal(stageMovesFor({ allowedNextStages: ["interviewed"], plannedStart: "2026-12-01T15:00:00Z" }, now)[0]!.asks, "none");
  assert.equal(stageMovesFor({ allowedNextStages: ["thanked"], plannedStart: "2026-12-09T15:00:00Z" }, now)[0]!.asks, "confirmEarly");
  assert.deepEqual(stageMovesFor({ allowedNextStages: ["stayingInTouch"], plannedStart: null }, now), []);
});

test("undo is offered as the API says, until its instant, for the stage it names", () => {
  const undo = { stage: "contacted" as const, back: "prospect" as const, until: "2026-12-02T12:10:00Z" };
  assert.deepEqual(undoableMove({ stage: "contacted", undo }, now), { from: "prospect", to: "contacted", until: undo.until });
  assert.equal(undoableMove({ stage: "contacted", undo }, new Date("2026-12-02T12:10:01Z")), null);
  assert.equal(undoableMove({ stage: "scheduled", undo }, now), null);
  assert.equal(undoableMove({ stage: "contacted", undo: null }, now), null);
});

test("the next step follows the stage and the meeting's time", async () => {
  const { currentStep } = await import("../src/stages");
  const at = (stage: Parameters<typeof currentStep>[0]["stage"], plannedStart: string | null, takeaways = 0) =>
    currentStep({ stage, plannedStart, durationMinutes: 30, takeaways: Array.from({ length: takeaways }, (_, i) => ({ id: `${i}`, text: "t", action: null, isMostHelpful: false, createdAt: "" })) }, now);
  assert.equal(at("prospect", null), "ask");
  assert.equal(at("contacted", null), "schedule");
  assert.equal(at("scheduled", null), "schedule");
  assert.equal(at("scheduled", "2026-12-05T12:00:00Z"), "prepare");
  assert.equal(at("scheduled", "2026-12-02T12:30:00Z"), "meet");
  assert.equal(at("scheduled", "2026-12-01T12:00:00Z"), "record");
  assert.equal(at("interviewed", null, 1), "thank");
  assert.equal(at("thanked", null, 1), "connect");
  assert.equal(at("stayingInTouch", null, 1), "stay");
});

test("the LinkedIn note greets by first name, is signed and stays under 300 characters", async () => {
  const { linkedInNote } = await import("../src/stages");
  const note = linkedInNote("Priya Shah", null, "Sam Lee");
  assert.match(note, /^Hi Priya,/);
  assert.match(note, /Sam Lee$/);
  assert.ok(linkedInNote("P", "Dr. Okafor", "x".repeat(400)).length <= 300);
});
