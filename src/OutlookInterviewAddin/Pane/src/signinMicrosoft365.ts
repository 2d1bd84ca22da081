// Microsoft 365 mode: a token for this add-in's own API from Entra ID, by the first way that works
// here, remembered for the rest of the session:
//   1. nested app authentication (MSAL.js through Outlook), silent first, a popup when Entra wants the user;
//   2. Office SSO (Office.auth.getAccessToken), for clients without nested app authentication;
//   3. the host's sign-in page in an Office dialog, for the SSO errors that say SSO cannot work here.
// MSAL.js and Office are reached only through MicrosoftAuthPlatform (signinMicrosoft365Office.ts
// supplies the real one), so every choice here is unit-tested without a network.

import { SignInUnavailableError, refreshMarginMs, type SignInConfig, type SignInProvider } from "./signin";
import { language, t, type Language } from "./i18n";

export interface TokenResult {
  accessToken: string;
  /** When the token lapses; null when the source did not say (the token's own exp claim is read then). */
  expiresOn: Date | null;
}

/** The part of MSAL's nestable public client application the pane uses. */
export interface NaaClient {
  acquireTokenSilent(request: { scopes: string[]; forceRefresh?: boolean }): Promise<TokenResult>;
  acquireTokenPopup(request: { scopes: string[] }): Promise<TokenResult>;
}

/** Office.js's failures carry a numeric code (getAccessToken's 13xxx, the dialog's 12xxx). */
export interface OfficeCodedError {
  code: number;
  message?: string;
}

export interface MicrosoftAuthPlatform {
  /** Office.context.requirements.isSetSupported("NestedAppAuth", "1.1"). */
  nestedAppAuthSupported(): boolean;
  createNaaClient(): Promise<NaaClient>;
  /** Office.auth.getAccessToken with sign-in and consent prompts allowed; rejects with an OfficeCodedError. */
  officeSsoToken(): Promise<string>;
  /** Opens url in an Office dialog and resolves with the first message it sends; rejects with an OfficeCodedError. */
  openDialog(url: string): Promise<string>;
  /** A token from the cache the sign-in dialog left (MSAL, same origin), without any window; null when there is none. */
  dialogCacheToken(forceRefresh: boolean): Promise<TokenResult | null>;
  now(): number;
}

/** What the sign-in dialog page sends back with Office.context.ui.messageParent. */
export type DialogMessage =
  | { status: "success"; accessToken: string; expiresOn: string | null }
  | { status: "error"; message: string };

export type SignInPath = "nested app authentication" | "Office SSO" | "sign-in dialog";

export interface SsoProblem {
  message: string;
  /** The documented fallback for this code is signing in another way: the dialog. */
  tryDialog: boolean;
  canRetry: boolean;
}

const askAdmin = () => t("sso.askAdmin");

/** Office SSO's documented error codes ("Troubleshoot error messages for single sign-on"), in words a user can act on. */
const ssoProblems = (): Record<number, SsoProblem> => ({
  13000: { tryDialog: true, canRetry: false, message: t("sso.13000") },
  13001: { tryDialog: true, canRetry: true, message: t("sso.13001") },
  13002: { tryDialog: false, canRetry: true, message: t("sso.13002") },
  13003: { tryDialog: true, canRetry: false, message: t("sso.13003") },
  13004: { tryDialog: false, canRetry: false, message: t("sso.13004", { askAdmin: askAdmin() }) },
  13005: { tryDialog: true, canRetry: false, message: t("sso.13005", { askAdmin: askAdmin() }) },
  13006: { tryDialog: false, canRetry: true, message: t("sso.13006") },
  13007: { tryDialog: true, canRetry: true, message: t("sso.13007") },
  13008: { tryDialog: false, canRetry: true, message: t("sso.13008") },
  13010: { tryDialog: false, canRetry: false, message: t("sso.13010") },
  13012: { tryDialog: true, canRetry: false, message: t("sso.13012") },
  13013: { tryDialog: false, canRetry: true, message: t("sso.13013") },
  50001: { tryDialog: true, canRetry: true, message: t("sso.50001") },
});

export function ssoProblem(code: number): SsoProblem {
  return ssoProblems()[code] ?? { tryDialog: true, canRetry: true, message: t("sso.other", { code }) };
}

/** The dialog's address in the pane's language: the host writes the page's own words in it (the dialog cannot read the profile). */
export function dialogAddress(dialogUrl: string, spoken: Language): string {
  const address = new URL(dialogUrl);
  address.searchParams.set("lang", spoken);
  return address.toString();
}

/** The dialog's documented failures (displayDialogAsync and DialogEventReceived). */
export function dialogProblem(code: number): SignInUnavailableError {
  switch (code) {
    case 12006: return new SignInUnavailableError(t("dialog.12006"), true);
    case 12007: return new SignInUnavailableError(t("dialog.12007"), true);
    case 12009: return new SignInUnavailableError(t("dialog.12009"), true);
    case 12011: return new SignInUnavailableError(t("dialog.12011"));
    case 12002: case 12003: case 12004: case 12005:
      return new SignInUnavailableError(t("dialog.noPage", { code, askAdmin: askAdmin() }));
    default: return new SignInUnavailableError(t("dialog.other", { code }), true);
  }
}

const unavailableHere = () => new SignInUnavailableError(t("sso.unavailableHere"));

/** Reads a JWT's exp claim (seconds) as milliseconds; null when it is not a readable JWT. */
export function jwtExpiry(token: string): number | null {
  const payload = token.split(".")[1];
  if (!payload) return null;
  try {
    const json = atob(payload.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(payload.length / 4) * 4, "="));
    const exp = (JSON.parse(json) as { exp?: unknown }).exp;
    return typeof exp === "number" ? exp * 1000 : null;
  } catch {
    return null;
  }
}

function errorCode(error: unknown): string {
  const code = (error as { errorCode?: unknown } | null)?.errorCode;
  return typeof code === "string" ? code : "";
}

/** MSAL's InteractionRequiredAuthError, or a silent call with no account yet: the user must be asked. */
function needsInteraction(error: unknown): boolean {
  return (error as { name?: unknown } | null)?.name === "InteractionRequiredAuthError"
    || ["interaction_required", "consent_required", "login_required", "no_account_error", "no_tokens_found", "refresh_token_expired"].includes(errorCode(error));
}

function isOfficeCoded(error: unknown): error is OfficeCodedError {
  return typeof (error as { code?: unknown } | null)?.code === "number";
}

export class Microsoft365SignIn implements SignInProvider {
  readonly mode = "microsoft365" as const;
  private token: { value: string; expiresAt: number } | null = null;
  private pending: Promise<string> | null = null;
  private naa: Promise<NaaClient> | null = null;
  /** The way that worked; later tokens come the same way, silently. */
  path: SignInPath | null = null;

  constructor(private readonly config: SignInConfig, private readonly platform: MicrosoftAuthPlatform) {}

  getToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt - refreshMarginMs > this.platform.now()) return Promise.resolve(this.token.value);
    // One sign-in at a time: views that load in parallel share it, so nobody is asked twice.
    this.pending ??= this.acquire(forceRefresh)
      .then((result) => this.keep(result))
      .finally(() => (this.pending = null));
    return this.pending;
  }

  private keep(result: TokenResult): string {
    const expiresAt = result.expiresOn?.getTime() ?? jwtExpiry(result.accessToken) ?? this.platform.now() + 5 * 60_000;
    this.token = { value: result.accessToken, expiresAt };
    return result.accessToken;
  }

  private async acquire(forceRefresh: boolean): Promise<TokenResult> {
    if (!this.config.clientId || this.config.scopes.length === 0)
      throw new SignInUnavailableError(t("sso.noRegistration", { askAdmin: askAdmin() }));
    if (this.path === "nested app authentication") return await this.viaNestedAppAuth(await this.naa!, forceRefresh);
    if (this.path === "sign-in dialog") return await this.viaDialog(forceRefresh);
    if (this.path === null && this.platform.nestedAppAuthSupported()) {
      const client = await this.naaClient();
      if (client) {
        const result = await this.viaNestedAppAuth(client, forceRefresh);
        this.path = "nested app authentication";
        return result;
      }
    }
    return await this.viaOfficeSso();
  }

  /** The NAA client, or null when MSAL cannot start one here (then Office SSO is next). */
  private async naaClient(): Promise<NaaClient | null> {
    this.naa ??= this.platform.createNaaClient();
    try {
      return await this.naa;
    } catch (error) {
      console.warn("Nested app authentication could not start; trying Office SSO.", error);
      this.naa = null;
      return null;
    }
  }

  private async viaNestedAppAuth(client: NaaClient, forceRefresh: boolean): Promise<TokenResult> {
    const scopes = this.config.scopes;
    try {
      return await client.acquireTokenSilent({ scopes, forceRefresh });
    } catch (error) {
      if (!needsInteraction(error)) throw new SignInUnavailableError(t("sso.unreachable"), true);
    }
    try {
      return await client.acquireTokenPopup({ scopes });
    } catch (error) {
      const code = errorCode(error);
      if (code === "user_cancelled") throw new SignInUnavailableError(t("dialog.12006"), true);
      if (code === "popup_window_error" || code === "empty_window_error")
        throw new SignInUnavailableError(t("sso.blocked"), true);
      if (code === "consent_required" || code === "access_denied")
        throw new SignInUnavailableError(t("sso.notAgreed", { askAdmin: askAdmin() }));
      throw new SignInUnavailableError(t("sso.failed", { code: code ? ` (${code})` : "" }), true);
    }
  }

  private async viaOfficeSso(): Promise<TokenResult> {
    let accessToken: string;
    try {
      accessToken = await this.platform.officeSsoToken();
    } catch (error) {
      const problem = ssoProblem(isOfficeCoded(error) ? error.code : 13000);
      if (!problem.tryDialog) throw new SignInUnavailableError(problem.message, problem.canRetry);
      if (!this.config.dialogUrl) throw new SignInUnavailableError(problem.message, problem.canRetry);
      const result = await this.viaDialog(false);
      this.path = "sign-in dialog";
      return result;
    }
    this.path = "Office SSO";
    return { accessToken, expiresOn: null };
  }

  private async viaDialog(forceRefresh: boolean): Promise<TokenResult> {
    // After the first dialog, MSAL's cache (shared with the dialog's page) refreshes without a window.
    if (this.path === "sign-in dialog") {
      const cached = await this.platform.dialogCacheToken(forceRefresh).catch(() => null);
      if (cached) return cached;
    }
    let raw: string;
    try {
      raw = await this.platform.openDialog(dialogAddress(this.config.dialogUrl!, language()));
    } catch (error) {
      if (isOfficeCoded(error)) throw dialogProblem(error.code);
      throw unavailableHere();
    }
    let message: DialogMessage;
    try {
      message = JSON.parse(raw) as DialogMessage;
    } catch {
      throw new SignInUnavailableError(t("sso.notUnderstood"), true);
    }
    if (message.status === "success" && message.accessToken)
      return { accessToken: message.accessToken, expiresOn: message.expiresOn ? new Date(message.expiresOn) : null };
    throw new SignInUnavailableError(message.status === "error" && message.message ? message.message : t("sso.dialogFailed"), true);
  }
}
