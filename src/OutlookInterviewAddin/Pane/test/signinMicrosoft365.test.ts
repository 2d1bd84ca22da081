import { test } from "node:test";
import assert from "node:assert/strict";
import { setLanguage } from "../src/i18n";
import { SignInUnavailableError, type SignInConfig } from "../src/signin";
import { Microsoft365SignIn, jwtExpiry, ssoProblem, type MicrosoftAuthPlatform, type NaaClient, type TokenResult } from "../src/signinMicrosoft365";

const config: SignInConfig = {
  mode: "microsoft365",
  clientId: "00000000-0000-4000-8000-0000000000c1",
  authority: "https://login.microsoftonline.com/organizations/v2.0",
  scopes: ["api://localhost:3000/00000000-0000-4000-8000-0000000000c1/access_as_user"],
  dialogUrl: "https://localhost:3000/signin-dialog.html",
};

const start = Date.parse("2026-03-02T10:00:00Z");

/** A JWT whose only readable part is its exp claim, as Office SSO hands out. */
function jwt(name: string, expiresAt: number): string {
  const part = (o: object) => Buffer.from(JSON.stringify(o)).toString("base64url");
  return `${part({ alg: "RS256" })}.${part({ exp: Math.floor(expiresAt / 1000), name })}.sig`;
}

/** An interaction-required failure as MSAL throws it. */
function interactionRequired(): Error {
  return Object.assign(new Error("interaction required"), { name: "InteractionRequiredAuthError", errorCode: "interaction_required" });
}

function browserAuthError(errorCode: string): Error {
  return Object.assign(new Error(errorCode), { name: "BrowserAuthError", errorCode });
}

interface Fake {
  platform: MicrosoftAuthPlatform;
  calls: string[];
  /** Requests MSAL's silent call received. */
  silentRequests: { scopes: string[]; forceRefresh?: boolean }[];
  clock: { now: number };
  /** The addresses the dialog was opened at. */
  dialogUrls: string[];
}

function fake(options: {
  naa?: boolean;
  naaStartFails?: boolean;
  silent?: (n: number) => Promise<TokenResult>;
  popup?: (n: number) => Promise<TokenResult>;
  sso?: (n: number) => Promise<string>;
  dialog?: (n: number) => Promise<string>;
  dialogCache?: (n: number) => Promise<TokenResult | null>;
}): Fake {
  const calls: string[] = [];
  const silentRequests: Fake["silentRequests"] = [];
  const dialogUrls: string[] = [];
  const clock = { now: start };
  const count = (name: string) => calls.filter((c) => c === name).length;
  const hour = () => new Date(clock.now + 3_600_000);
  const client: NaaClient = {
    acquireTokenSilent: async (request) => {
      calls.push("silent");
      silentRequests.push(request);
      return options.silent ? await options.silent(count("silent")) : { accessToken: `naa-silent-${count("silent")}`, expiresOn: hour() };
    },
    acquireTokenPopup: async () => {
      calls.push("popup");
      return options.popup ? await options.popup(count("popup")) : { accessToken: `naa-popup-${count("popup")}`, expiresOn: hour() };
    },
  };
  const platform: MicrosoftAuthPlatform = {
    nestedAppAuthSupported: () => options.naa ?? false,
    createNaaClient: async () => {
      calls.push("createNaaClient");
      if (options.naaStartFails) throw new Error("no bridge");
      return client;
    },
    officeSsoToken: async () => {
      calls.push("sso");
      return options.sso ? await options.sso(count("sso")) : jwt(`sso-${count("sso")}`, clock.now + 3_600_000);
    },
    openDialog: async (url) => {
      calls.push("dialog");
      dialogUrls.push(url);
      return options.dialog
        ? await options.dialog(count("dialog"))
        : JSON.stringify({ status: "success", accessToken: `dialog-${count("dialog")}`, expiresOn: hour().toISOString() });
    },
    dialogCacheToken: async () => {
      calls.push("dialogCache");
      return options.dialogCache ? await options.dialogCache(count("dialogCache")) : null;
    },
    now: () => clock.now,
  };
  return { platform, calls, silentRequests, clock, dialogUrls };
}

function rejectsWith(pattern: RegExp, canRetry?: boolean) {
  return (error: unknown) => {
    assert.ok(error instanceof SignInUnavailableError, `expected SignInUnavailableError, got ${String(error)}`);
    assert.match(error.message, pattern);
    if (canRetry !== undefined) assert.equal(error.canRetry, canRetry);
    return true;
  };
}

test("with nested app authentication available, a silent MSAL token for the add-in's API is used and no prompt appears", async () => {
  const f = fake({ naa: true });
  const signIn = new Microsoft365SignIn(config, f.platform);

  assert.equal(await signIn.getToken(), "naa-silent-1");
  assert.deepEqual(f.calls, ["createNaaClient", "silent"]);
  assert.deepEqual(f.silentRequests[0]!.scopes, config.scopes);
  assert.equal(signIn.path, "nested app authentication");
});

test("when the silent call needs interaction, one popup signs in, and later tokens come silently", async () => {
  const f = fake({ naa: true, silent: async (n) => { if (n === 1) throw interactionRequired(); return { accessToken: `naa-silent-${n}`, expiresOn: new Date(f.clock.now + 3_600_000) }; } });
  const signIn = new Microsoft365SignIn(config, f.platform);

  assert.equal(await signIn.getToken(), "naa-popup-1");
  f.clock.now += 3_600_000;
  assert.equal(await signIn.getToken(), "naa-silent-2");
  assert.deepEqual(f.calls, ["createNaaClient", "silent", "popup", "silent"]);
});

test("a popup the user closes or the browser blocks is explained, with a way to try again", async () => {
  for (const [code, words] of [["user_cancelled", /closed before signing in finished/], ["popup_window_error", /blocked.*pop-ups/]] as const) {
    const f = fake({ naa: true, silent: async () => { throw interactionRequired(); }, popup: async () => { throw browserAuthError(code); } });
    await assert.rejects(new Microsoft365SignIn(config, f.platform).getToken(), rejectsWith(words, true));
    assert.ok(!f.calls.includes("sso"), "a failed popup does not fall through to another sign-in");
  }
});

test("without nested app authentication, Office SSO gives the token, and its exp claim decides when to refresh", async () => {
  const f = fake({ naa: false });
  const signIn = new Microsoft365SignIn(config, f.platform);

  assert.equal(jwtExpiry(await signIn.getToken()), start + 3_600_000);
  assert.deepEqual(f.calls, ["sso"]);
  assert.equal(signIn.path, "Office SSO");
  f.clock.now += 58 * 60_000;
  await signIn.getToken();
  assert.deepEqual(f.calls, ["sso"], "a token with minutes left is reused");
  f.clock.now += 90_000;
  await signIn.getToken();
  assert.deepEqual(f.calls, ["sso", "sso"], "within the refresh margin the pane asks again, silently");
});

test("when MSAL cannot start nested app authentication, Office SSO is next", async () => {
  const f = fake({ naa: true, naaStartFails: true });
  const signIn = new Microsoft365SignIn(config, f.platform);
  await signIn.getToken();
  assert.deepEqual(f.calls, ["createNaaClient", "sso"]);
});

const fallbackCodes = [13000, 13001, 13003, 13005, 13007, 13012, 50001];
const stayCodes = [13002, 13004, 13006, 13008, 13010, 13013];

test("each Office SSO error that means SSO cannot work here opens the sign-in dialog, and its token is used", async () => {
  for (const code of fallbackCodes) {
    const f = fake({ sso: async () => { throw { code, message: "SSO failed" }; } });
    const signIn = new Microsoft365SignIn(config, f.platform);
    assert.equal(await signIn.getToken(), "dialog-1", `code ${code}`);
    assert.deepEqual(f.calls, ["sso", "dialog"], `code ${code}`);
    assert.equal(signIn.path, "sign-in dialog");
  }
});

test("each other Office SSO error is explained in its own words and opens no dialog", async () => {
  const messages = new Set<string>();
  for (const code of stayCodes) {
    const f = fake({ sso: async () => { throw { code }; } });
    const problem = ssoProblem(code);
    assert.equal(problem.tryDialog, false, `code ${code}`);
    await assert.rejects(new Microsoft365SignIn(config, f.platform).getToken(),
      (error: unknown) => error instanceof SignInUnavailableError && error.message === problem.message && error.canRetry === problem.canRetry);
    assert.deepEqual(f.calls, ["sso"], `code ${code}`);
    messages.add(problem.message);
  }
  for (const code of fallbackCodes) messages.add(ssoProblem(code).message);
  assert.equal(messages.size, stayCodes.length + fallbackCodes.length, "every documented code has a sentence of its own");
});

test("the SSO sentences tell the user what to do", () => {
  assert.match(ssoProblem(13002).message, /Try again/);
  assert.match(ssoProblem(13006).message, /Sign out of Office.*reopen Outlook/);
  assert.match(ssoProblem(13004).message, /manifest/);
  assert.match(ssoProblem(13013).message, /Wait a minute/);
  assert.match(ssoProblem(13010).message, /security zones/);
  assert.equal(ssoProblem(13002).canRetry, true);
  assert.equal(ssoProblem(13004).canRetry, false);
  assert.equal(ssoProblem(99999).tryDialog, true, "an undocumented code tries the dialog");
});

test("a fallback code with no dialog page configured says the SSO sentence", async () => {
  const f = fake({ sso: async () => { throw { code: 13003 }; } });
  await assert.rejects(new Microsoft365SignIn({ ...config, dialogUrl: null }, f.platform).getToken(), rejectsWith(/work or school Microsoft 365 account/));
  assert.deepEqual(f.calls, ["sso"]);
});

test("the sign-in dialog closed by the user, refused by the browser, or failing inside is explained", async () => {
  const cases: [() => Promise<string>, RegExp, boolean][] = [
    [async () => { throw { code: 12006 }; }, /window was closed/, true],
    [async () => { throw { code: 12009 }; }, /blocked or dismissed.*pop-ups/, true],
    [async () => { throw { code: 12007 }; }, /already open/, true],
    [async () => { throw { code: 12004 }; }, /could not open the add-in's sign-in page/, false],
    [async () => { throw new Error("no dialogs"); }, /no way for the add-in to sign you in/, false],
    [async () => JSON.stringify({ status: "error", message: "Your organisation requires approval." }), /^Your organisation requires approval\.$/, true],
    [async () => "not json", /does not understand/, true],
  ];
  for (const [dialog, words, canRetry] of cases) {
    const f = fake({ sso: async () => { throw { code: 13000 }; }, dialog });
    await assert.rejects(new Microsoft365SignIn(config, f.platform).getToken(), rejectsWith(words, canRetry));
  }
});

test("the sign-in dialog opens in the pane's language, so its page is written in it before its script runs", async () => {
  const sso = async () => { throw { code: 13003, message: "SSO failed" }; };
  const english = fake({ sso });
  await new Microsoft365SignIn(config, english.platform).getToken();
  assert.deepEqual(english.dialogUrls, ["https://localhost:3000/signin-dialog.html?lang=en"]);
  await setLanguage("fr");
  try {
    const french = fake({ sso });
    await new Microsoft365SignIn(config, french.platform).getToken();
    assert.deepEqual(french.dialogUrls, ["https://localhost:3000/signin-dialog.html?lang=fr"]);
  } finally {
    await setLanguage("en");
  }
});

test("after the dialog signed in, the next token comes from MSAL's cache without another window", async () => {
  const f = fake({
    sso: async () => { throw { code: 13012 }; },
    dialogCache: async (n) => ({ accessToken: `cache-${n}`, expiresOn: new Date(f.clock.now + 3_600_000) }),
  });
  const signIn = new Microsoft365SignIn(config, f.platform);
  assert.equal(await signIn.getToken(), "dialog-1");
  f.clock.now += 3_600_000;
  assert.equal(await signIn.getToken(), "cache-1");
  assert.deepEqual(f.calls, ["sso", "dialog", "dialogCache"]);
});

test("parallel requests share one sign-in: one popup for them all", async () => {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const f = fake({ naa: true, silent: async () => { throw interactionRequired(); }, popup: async (n) => { await gate; return { accessToken: `naa-popup-${n}`, expiresOn: new Date(start + 3_600_000) }; } });
  const signIn = new Microsoft365SignIn(config, f.platform);

  const tokens = Promise.all([signIn.getToken(), signIn.getToken(), signIn.getToken()]);
  release();
  assert.deepEqual(await tokens, ["naa-popup-1", "naa-popup-1", "naa-popup-1"]);
  assert.equal(f.calls.filter((c) => c === "popup").length, 1);
  assert.equal(f.calls.filter((c) => c === "createNaaClient").length, 1);
});

test("forcing a refresh after a 401 asks MSAL again silently, bypassing its cache", async () => {
  const f = fake({ naa: true });
  const signIn = new Microsoft365SignIn(config, f.platform);
  await signIn.getToken();
  assert.equal(await signIn.getToken(true), "naa-silent-2");
  assert.deepEqual(f.silentRequests.map((r) => r.forceRefresh), [false, true]);
  assert.ok(!f.calls.includes("popup"));
});

test("a silent failure that is not about interaction says Microsoft 365 could not be reached, without a popup", async () => {
  const f = fake({ naa: true, silent: async () => { throw browserAuthError("no_network_connectivity"); } });
  await assert.rejects(new Microsoft365SignIn(config, f.platform).getToken(), rejectsWith(/could not be reached/, true));
  assert.ok(!f.calls.includes("popup"));
});

test("a failed sign-in is not remembered: trying again starts over", async () => {
  const f = fake({ sso: async (n) => { if (n === 1) throw { code: 13002 }; return jwt("sso", start + 3_600_000); } });
  const signIn = new Microsoft365SignIn(config, f.platform);
  await assert.rejects(signIn.getToken(), rejectsWith(/cancelled/, true));
  assert.equal(jwtExpiry(await signIn.getToken()), start + 3_600_000);
});

test("a configuration without a registration says so instead of asking Entra", async () => {
  const f = fake({ naa: true });
  await assert.rejects(new Microsoft365SignIn({ ...config, clientId: null }, f.platform).getToken(), rejectsWith(/app registration/, false));
  assert.deepEqual(f.calls, []);
});
