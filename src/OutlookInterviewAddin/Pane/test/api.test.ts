import { test } from "node:test";
import assert from "node:assert/strict";
import { ApiClient, ApiError, describeProblem, fieldErrorsOf } from "../src/api";
import type { SignInProvider } from "../src/signin";

class CountingSignIn implements SignInProvider {
  readonly mode = "local" as const;
  refreshes = 0;
  getToken(forceRefresh = false): Promise<string> {
    if (forceRefresh) this.refreshes += 1;
    return Promise.resolve(`token-${this.refreshes}`);
  }
}

function json(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), { status, headers: { "Content-Type": "application/problem+json" } });
}

test("a 401 fetches a fresh token and retries once", async () => {
  const signIn = new CountingSignIn();
  const seen: string[] = [];
  const api = new ApiClient(signIn, async (_input, init) => {
    const auth = new Headers(init?.headers).get("Authorization")!;
    seen.push(auth);
    return auth === "Bearer token-1" ? json(200, { ok: true }) : new Response(null, { status: 401 });
  });

  assert.deepEqual(await api.get("/api/me"), { ok: true });
  assert.deepEqual(seen, ["Bearer token-0", "Bearer token-1"]);
});

test("a second 401 is not retried again", async () => {
  let calls = 0;
  const api = new ApiClient(new CountingSignIn(), async () => {
    calls += 1;
    return new Response(null, { status: 401 });
  });
  await assert.rejects(api.get("/api/me"), (error: ApiError) => error.status === 401);
  assert.equal(calls, 2);
});

test("validation problems carry their field errors with camelCase names", async () => {
  const api = new ApiClient(new CountingSignIn(), async () =>
    json(400, { title: "One or more validation errors occurred.", errors: { Email: ["Email is not valid."], name: ["Name is required."] } }));
  await assert.rejects(api.post("/api/people", {}), (error: ApiError) => {
    assert.deepEqual(error.fieldErrors, { email: ["Email is not valid."], name: ["Name is required."] });
    assert.equal(error.message, "Some fields need attention: see the messages beside them.");
    return true;
  });
});

test("a validation problem in French is described by its fields too, not by its title", () => {
  const problem = { title: "Une ou plusieurs erreurs de validation se sont produites.", errors: { email: ["Utilisez une adresse courriel valide."] } };
  assert.equal(describeProblem(400, problem), "Some fields need attention: see the messages beside them.");
});

test("no answer at all is described as the service being unreachable", async () => {
  const api = new ApiClient(new CountingSignIn(), () => Promise.reject(new TypeError("Failed to fetch")));
  await assert.rejects(api.get("/api/me"), (error: ApiError) => error.status === 0 && /could not be reached/.test(error.message));
});

test("a problem's own title and detail are used as they are", () => {
  assert.equal(describeProblem(409, { title: "Already in your people", detail: "Ana Lima is already on your list." }),
    "Already in your people. Ana Lima is already on your list.");
  assert.equal(describeProblem(404, { title: "Person not found" }), "Person not found");
});

test("a server error without details gets plain words", () => {
  assert.match(describeProblem(500, null), /went wrong in the add-in's service/);
  assert.match(describeProblem(500, { type: "https://tools.ietf.org/html/rfc9110#section-15.6.1", title: "https://tools.ietf.org/x" }), /went wrong/);
});

test("field errors merge keys that differ only by the case of the first letter", () => {
  assert.deepEqual(fieldErrorsOf({ errors: { Name: ["a"], name: ["b"] } }), { name: ["a", "b"] });
});

test("a file is fetched with the token, and a refused one is an ApiError like any other", async () => {
  const seen: string[] = [];
  const api = new ApiClient(new CountingSignIn(), async (input, init) => {
    seen.push(`${String(input)} ${new Headers(init?.headers).get("Authorization")}`);
    return String(input).endsWith("/a1")
      ? new Response(new Uint8Array([80, 75, 3, 4]), { status: 200, headers: { "Content-Type": "application/vnd.openxmlformats-officedocument.wordprocessingml.document" } })
      : json(404, { title: "Not found", status: 404, detail: "No attachment with that id." });
  });
  const blob = await api.getBlob("/local-mailbox/attachments/a1");
  assert.equal(blob.size, 4);
  assert.deepEqual(seen, ["/local-mailbox/attachments/a1 Bearer token-0"]);
  await assert.rejects(api.getBlob("/local-mailbox/attachments/a2"), (error: ApiError) => error.status === 404 && error.message === "Not found. No attachment with that id.");
});

test("an error in Graph's shape (the local mailbox) gives its message", () => {
  assert.equal(describeProblem(400, { error: { code: "ErrorInvalidRecipients", message: "fromAddress must be an email address." } }), "fromAddress must be an email address.");
  assert.equal(describeProblem(404, { error: { code: "ErrorItemNotFound" } }), "That item was not found. It may have been deleted.");
});

test("the same GET asked twice while the first is on its way is sent once; asked again later, it is sent again", async () => {
  const urls: string[] = [];
  const api = new ApiClient(new CountingSignIn(), async (input) => {
    urls.push(String(input));
    await new Promise((resolve) => setTimeout(resolve, 5));
    return new Response(JSON.stringify({ n: urls.length }), { status: 200, headers: { "Content-Type": "application/json" } });
  });

  const [a, b, c] = await Promise.all([api.get<{ n: number }>("/api/profile"), api.get<{ n: number }>("/api/profile"), api.get("/api/people")]);
  assert.deepEqual(a, { n: 2 });
  assert.equal(a, b);
  assert.notEqual(c, a);
  assert.deepEqual(urls, ["/api/profile", "/api/people"]);

  await api.get("/api/profile");
  assert.deepEqual(urls, ["/api/profile", "/api/people", "/api/profile"]);
});
