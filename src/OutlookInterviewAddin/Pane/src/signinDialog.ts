// The sign-in page the pane opens in an Office dialog when neither nested app authentication nor
// Office SSO can sign in (Pane/signin-dialog.html, rendered by the host). It signs in with MSAL.js by redirect (the page
// is its own redirect URI), then hands the token for the add-in's API back to the pane with
// Office.context.ui.messageParent. The pane reads later tokens from the same MSAL cache.

import { createStandardPublicClientApplication } from "@azure/msal-browser";
import { broadcastResponseToMainFrame } from "@azure/msal-browser/redirect-bridge";
import { loadSignInConfig } from "./signin";
import { msalConfiguration } from "./signinMicrosoft365Office";
import type { DialogMessage } from "./signinMicrosoft365";
import { chooseLanguage, setLanguage, t } from "./i18n";

function say(text: string): void {
  const status = document.getElementById("status");
  if (status) status.textContent = text;
}

function send(message: DialogMessage): void {
  const ui = (globalThis.Office as typeof Office | undefined)?.context?.ui as Office.UI | undefined;
  if (ui) ui.messageParent(JSON.stringify(message));
  else say(message.status === "success" ? t("dialogPage.signedIn") : message.message);
}

async function signIn(): Promise<void> {
  await Office.onReady();
  // The host wrote the page in the language the pane asked for (?lang=, else Accept-Language):
  // its script speaks the same one.
  await setLanguage(chooseLanguage(document.documentElement.lang, null, null)).catch(() => undefined);
  const config = await loadSignInConfig();
  if (config.mode !== "microsoft365" || !config.clientId) {
    send({ status: "error", message: t("dialogPage.notSetUp") });
    return;
  }
  const pca = await createStandardPublicClientApplication(msalConfiguration(config));
  const returned = await pca.handleRedirectPromise();
  const account = returned?.account ?? pca.getAllAccounts()[0];
  let token = returned;
  if (!token && account) token = await pca.acquireTokenSilent({ scopes: config.scopes, account }).catch(() => null);
  if (!token) {
    say(t("dialogPage.redirecting"));
    await pca.acquireTokenRedirect({ scopes: config.scopes, ...(account ? { account } : {}) });
    return;
  }
  send({ status: "success", accessToken: token.accessToken, expiresOn: token.expiresOn?.toISOString() ?? null });
}

// Back from Entra ID with the answer in the address: MSAL's bridge stores it and returns to this
// page without it, where handleRedirectPromise picks it up.
const returning = /[#?&](code|error|state)=/.test(location.hash + location.search);
(returning ? broadcastResponseToMainFrame() : signIn()).catch((error: unknown) => {
  console.error(error);
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  send({ status: "error", message: t("dialogPage.failed", { code: typeof code === "string" ? ` (${code})` : "" }) });
});
