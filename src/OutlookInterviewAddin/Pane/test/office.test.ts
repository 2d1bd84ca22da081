import { test } from "node:test";
import assert from "node:assert/strict";
import { surfaceOf } from "../src/office";

const asyncField = { getAsync: () => undefined };

test("a message with plain fields is being read", () => {
  assert.equal(surfaceOf({ itemType: "message", subject: "Hello", to: [], from: { emailAddress: "a@b.example" } }), "messageRead");
});

test("a message whose fields answer asynchronously is being composed", () => {
  assert.equal(surfaceOf({ itemType: "message", subject: asyncField, to: asyncField, body: { setAsync: () => undefined } }), "messageCompose");
});

test("an appointment with an asynchronous start is being organized", () => {
  assert.equal(surfaceOf({ itemType: "appointment", subject: asyncField, start: asyncField }), "appointmentOrganizer");
});

test("an appointment with a start date is being attended", () => {
  assert.equal(surfaceOf({ itemType: "appointment", subject: "Coffee chat", start: new Date() }), "appointmentAttendee");
});

test("no item means Outlook with nothing open", () => {
  assert.equal(surfaceOf(null), "outlookNoItem");
  assert.equal(surfaceOf({ itemType: "unknown" }), "outlookNoItem");
});
