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

test("only a recent move, not the first stage nor staying in touch, can be undone", () => {
  const recent = [{ stage: "prospect" as const, at: "2026-12-01T12:00:00Z" }, { stage: "contacted" as const, at: "2026-12-02T11:55:00Z" }];
  assert.deepEqual(undoableMove({ stage: "contacted", stageHistory: recent }, now), { from: "prospect", to: "contacted" });
  assert.equal(undoableMove({ stage: "contacted", stageHistory: [recent[0]!, { stage: "contacted", at: "2026-12-02T11:00:00Z" }] }, now), null);
  assert.equal(undoableMove({ stage: "prospect", stageHistory: [recent[0]!] }, now), null);
  assert.equal(undoableMove({ stage: "stayingInTouch", stageHistory: [...recent, { stage: "stayingInTouch", at: "2026-12-02T11:59:00Z" }] }, now), null);
});
