import { test } from "node:test";
import assert from "node:assert/strict";
import { href, matchRoute } from "../src/router";

const routes = [
  { pattern: "/", view: "home" },
  { pattern: "/people", view: "people" },
  { pattern: "/people/new", view: "new-person" },
  { pattern: "/people/:id", view: "person" },
];

test("an empty hash is the home route", () => {
  assert.equal(matchRoute(routes, "")?.view, "home");
  assert.equal(matchRoute(routes, "#/")?.view, "home");
});

test("a literal segment wins over a parameter declared after it", () => {
  assert.equal(matchRoute(routes, "#/people/new")?.view, "new-person");
});

test("parameters and query values are decoded", () => {
  const match = matchRoute(routes, "#/people/a%20b?name=Ana%20Lima");
  assert.equal(match?.view, "person");
  assert.equal(match?.params["id"], "a b");
  assert.equal(match?.query.get("name"), "Ana Lima");
});

test("an unknown path matches nothing", () => {
  assert.equal(matchRoute(routes, "#/nowhere/at/all"), null);
});

test("href encodes query values and leaves out empty ones", () => {
  assert.equal(href("/people/new", { name: "Ana & Bo", email: null }), "#/people/new?name=Ana+%26+Bo");
});
