import { test } from "node:test";
import assert from "node:assert/strict";
import { msalConfiguration } from "../src/signinMicrosoft365Office";

test("MSAL is configured with the host's registration, its authority without the v2.0 suffix, the dialog page as redirect URI and a cache the dialog shares", () => {
  const configuration = msalConfiguration({
    mode: "microsoft365",
    clientId: "00000000-0000-4000-8000-0000000000c1",
    authority: "https://login.microsoftonline.com/organizations/v2.0",
    scopes: ["api://localhost:3000/00000000-0000-4000-8000-0000000000c1/access_as_user"],
    dialogUrl: "https://localhost:3000/signin-dialog.html",
  });
  assert.equal(configuration.auth.clientId, "00000000-0000-4000-8000-0000000000c1");
  assert.equal(configuration.auth.authority, "https://login.microsoftonline.com/organizations");
  assert.equal(configuration.auth.redirectUri, "https://localhost:3000/signin-dialog.html");
  assert.equal(configuration.cache?.cacheLocation, "localStorage");
});
