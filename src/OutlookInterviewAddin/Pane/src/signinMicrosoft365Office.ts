// The real MicrosoftAuthPlatform: MSAL.js and Office.js. Loaded with import() in Microsoft 365 mode
// only (its own chunk), so local mode never downloads MSAL.js.

import {
  createNestablePublicClientApplication,
  createStandardPublicClientApplication,
  type AuthenticationResult,
  type Configuration,
  type IPublicClientApplication,
} from "@azure/msal-browser";
import type { SignInConfig, SignInProvider } from "./signin";
import { Microsoft365SignIn, type MicrosoftAuthPlatform, type NaaClient, type TokenResult } from "./signinMicrosoft365";

/** MSAL wants the authority without the v2.0 suffix the host's metadata address carries. */
export function msalAuthority(authority: string | null): string | undefined {
  return authority ? authority.replace(/\/v2\.0\/?$/, "") : undefined;
}

/** One MSAL configuration for the pane and the sign-in dialog: they share the cache (same origin). */
export function msalConfiguration(config: SignInConfig): Configuration {
  const auth: Configuration["auth"] = { clientId: config.clientId ?? "" };
  const authority = msalAuthority(config.authority);
  if (authority) auth.authority = authority;
  if (config.dialogUrl) auth.redirectUri = config.dialogUrl;
  return { auth, cache: { cacheLocation: "localStorage" } };
}

function result(r: AuthenticationResult): TokenResult {
  return { accessToken: r.accessToken, expiresOn: r.expiresOn ?? null };
}

function naaClient(pca: IPublicClientApplication): NaaClient {
  const account = () => pca.getActiveAccount() ?? pca.getAllAccounts()[0];
  return {
    acquireTokenSilent: async (request) => {
      const found = account();
      return result(await pca.acquireTokenSilent(found ? { ...request, account: found } : request));
    },
    acquireTokenPopup: async (request) => {
      const r = await pca.acquireTokenPopup(request);
      if (r.account) pca.setActiveAccount(r.account);
      return result(r);
    },
  };
}

function officePlatform(config: SignInConfig): MicrosoftAuthPlatform {
  let standard: Promise<IPublicClientApplication> | null = null;
  return {
    nestedAppAuthSupported: () => Boolean(globalThis.Office?.context?.requirements?.isSetSupported("NestedAppAuth", "1.1")),
    createNaaClient: async () => naaClient(await createNestablePublicClientApplication(msalConfiguration(config))),
    officeSsoToken: async () => {
      if (!globalThis.Office?.auth?.getAccessToken) throw { code: 13000 };
      return await Office.auth.getAccessToken({ allowSignInPrompt: true, allowConsentPrompt: true, forMSGraphAccess: false });
    },
    openDialog: (url) => new Promise<string>((resolve, reject) => {
      const ui = globalThis.Office?.context?.ui;
      if (!ui?.displayDialogAsync) {
        reject(new Error("Dialogs are not available here."));
        return;
      }
      ui.displayDialogAsync(url, { height: 60, width: 30 }, (opened) => {
        if (opened.status === Office.AsyncResultStatus.Failed) {
          reject({ code: opened.error.code, message: opened.error.message });
          return;
        }
        const dialog = opened.value;
        dialog.addEventHandler(Office.EventType.DialogMessageReceived, (arg) => {
          dialog.close();
          resolve("message" in arg ? arg.message : "");
        });
        dialog.addEventHandler(Office.EventType.DialogEventReceived, (arg) => {
          reject({ code: "error" in arg ? arg.error : 12006 });
        });
      });
    }),
    dialogCacheToken: async (forceRefresh) => {
      standard ??= createStandardPublicClientApplication(msalConfiguration(config));
      const pca = await standard;
      const account = pca.getAllAccounts()[0];
      if (!account) return null;
      return result(await pca.acquireTokenSilent({ scopes: config.scopes, account, forceRefresh }));
    },
    now: () => Date.now(),
  };
}

export function createMicrosoft365SignIn(config: SignInConfig): SignInProvider {
  return new Microsoft365SignIn(config, officePlatform(config));
}
