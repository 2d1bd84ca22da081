import { test } from "node:test";
import assert from "node:assert/strict";
import { LocalSignIn, SignInUnavailableError } from "../src/signin";

function tokenResponse(token: string, expiresOn: Date): Response {
  return new Response(JSON.stringify({ accessToken: token, expiresOn: expiresOn.toISOString(), displayName: "Local user", email: "me@localhost" }), { status: 200 });
}

test("a valid local token is reused until shortly before it expires", async () => {
  let now = Date.parse("2026-01-01T10:00:00Z");
  let issued = 0;
  const signIn = new LocalSignIn(async () => tokenResponse(`t${++issued}`, new Date(now + 60 * 60_000)), () => now);

  assert.equal(await signIn.getToken(), "t1");
  now += 30 * 60_000;
  assert.equal(await signIn.getToken(), "t1");
  now += 29.5 * 60_000;
  assert.equal(await signIn.getToken(), "t2");
});

test("forcing a refresh asks the host again", async () => {
  let issued = 0;
  const signIn = new LocalSignIn(async () => tokenResponse(`t${++issued}`, new Date(Date.now() + 3_600_000)));
  await signIn.getToken();
  assert.equal(await signIn.getToken(true), "t2");
});

test("parallel requests share one token request", async () => {
  let issued = 0;
  const signIn = new LocalSignIn(async () => tokenResponse(`t${++issued}`, new Date(Date.now() + 3_600_000)));
  const tokens = await Promise.all([signIn.getToken(), signIn.getToken(), signIn.getToken()]);
  assert.deepEqual(tokens, ["t1", "t1", "t1"]);
});

test("a refusal from the host explains itself with the host's words", async () => {
  const signIn = new LocalSignIn(async () => new Response(JSON.stringify({ title: "Local sign-in is only available on this machine", detail: "Only loopback callers." }), { status: 403 }));
  await assert.rejects(signIn.getToken(), (error: Error) => error instanceof SignInUnavailableError && error.message === "Only loopback callers.");
});
