import { test } from "node:test";
import assert from "node:assert/strict";
import { linesOf, suggestedPersonOf } from "../src/views/quickTakeaways";

test("takeaways are one a line, blank lines and edges dropped", () => {
  assert.deepEqual(linesOf("  First point \r\n\n Second point\n   \n"), ["First point", "Second point"]);
  assert.deepEqual(linesOf(undefined), []);
});

test("a suggested person is the name first, then an organisation and an email in any order", () => {
  assert.deepEqual(suggestedPersonOf("Priya Shah, Shopify, priya@shopify.example"), { name: "Priya Shah", organisation: "Shopify", email: "priya@shopify.example" });
  assert.deepEqual(suggestedPersonOf("Tom Reed; tom@reed.example; City of Toronto"), { name: "Tom Reed", organisation: "City of Toronto", email: "tom@reed.example" });
  assert.deepEqual(suggestedPersonOf("Lee Chan"), { name: "Lee Chan", organisation: null, email: null });
});
