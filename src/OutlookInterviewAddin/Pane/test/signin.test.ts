import { test } from "node:test";
import assert from "node:assert/strict";
import { LocalSignIn, SignInUnavailableError, loadSignInConfig, signedInUser } from "../src/signin";

function tokenResponse(token: string, expiresOn: Date): Response {
  return new Response(JSON.stringify({ accessToken: token, expiresOn: expiresOn.toISOString(), displayName: "Local user", email: "me@localhost", tenantId: "t-1", objectId: "o-1", mode: "local" }), { status: 200 });
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

function pageWith(json: string | null): Pick<Document, "getElementById"> {
  return { getElementById: (id: string) => (id === "pane-config" && json !== null ? ({ textContent: json } as HTMLElement) : null) };
}

test("the settings the page carries are used without asking the host", async () => {
  let asked = 0;
  const config = await loadSignInConfig(async () => { asked++; return new Response("{}"); },
    pageWith(JSON.stringify({ mode: "microsoft365", clientId: "c", authority: "a", scopes: ["s"], dialogUrl: "d" })));
  assert.equal(config.mode, "microsoft365");
  assert.equal(config.clientId, "c");
  assert.equal(asked, 0);
});

test("a page without settings (or with unreadable ones) asks GET /auth/config", async () => {
  for (const page of [pageWith(null), pageWith("not json"), pageWith(JSON.stringify({ mode: "other" }))]) {
    const urls: string[] = [];
    const config = await loadSignInConfig(async (input) => {
      urls.push(String(input));
      return new Response(JSON.stringify({ mode: "local", clientId: null, authority: null, scopes: [] }), { status: 200 });
    }, page);
    assert.equal(config.mode, "local");
    assert.deepEqual(urls, ["/auth/config"]);
  }
});

test("the local token answer names the user, so the pane need not ask GET /api/me", async () => {
  const urls: string[] = [];
  const signIn = new LocalSignIn(async (input) => {
    urls.push(String(input));
    return tokenResponse("t1", new Date(Date.now() + 3_600_000));
  });
  const me = await signedInUser(signIn);
  assert.deepEqual(me, { tenantId: "t-1", objectId: "o-1", displayName: "Local user", email: "me@localhost", mode: "local" });
  assert.equal(await signIn.getToken(), "t1");
  assert.deepEqual(urls, ["/auth/local/token"]);
});
