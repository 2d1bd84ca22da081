// Getting a token for this add-in's own API. The host says which mode it runs in; local mode asks the
// host itself, Microsoft 365 mode asks Entra ID (nested app authentication, then Office SSO, then a
// sign-in dialog: signinMicrosoft365.ts), loaded only in that mode so local mode never fetches MSAL.js.

import type { Me } from "./context";
import { language, t } from "./i18n";

export interface SignInConfig {
  mode: "local" | "microsoft365";
  clientId: string | null;
  authority: string | null;
  scopes: string[];
  /** Microsoft 365 mode: the host's sign-in page, opened in an Office dialog as the last resort. */
  dialogUrl?: string | null;
}

export interface SignInProvider {
  readonly mode: SignInConfig["mode"];
  /** The user the last token was issued to, when the sign-in answer names them (local mode). */
  currentUser?(): Promise<Me>;
  /** A bearer token for the API; <paramref name="forceRefresh"/> after the API refused the last one. */
  getToken(forceRefresh?: boolean): Promise<string>;
}

/** Signing in is not possible here; the message says why in words a user can act on. */
export class SignInUnavailableError extends Error {
  /** <paramref name="canRetry"/>: trying again may work (the user closed a sign-in window, say). */
  constructor(message: string, readonly canRetry = false) {
    super(message);
    this.name = "SignInUnavailableError";
  }
}

interface LocalTokenResponse extends Me {
  accessToken: string;
  expiresOn: string;
}

/** Refreshes a little before expiry so a request never leaves with a token about to lapse. */
export const refreshMarginMs = 60_000;

export class LocalSignIn implements SignInProvider {
  readonly mode = "local" as const;
  private token: { value: string; expiresAt: number } | null = null;
  private user: Me | null = null;
  private pending: Promise<string> | null = null;

  constructor(private readonly fetcher: typeof fetch = (input, init) => fetch(input, init), private readonly now: () => number = Date.now) {}

  getToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && this.token && this.token.expiresAt - refreshMarginMs > this.now()) return Promise.resolve(this.token.value);
    // One request at a time: views that load in parallel share it.
    this.pending ??= this.fetchToken().finally(() => (this.pending = null));
    return this.pending;
  }

  private async fetchToken(): Promise<string> {
    let response: Response;
    try {
      response = await this.fetcher("/auth/local/token", { method: "POST", headers: { Accept: "application/json", "Accept-Language": language() } });
    } catch {
      throw new SignInUnavailableError(t("signin.unreachableToken"));
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as { title?: string; detail?: string } | null;
      throw new SignInUnavailableError(problem?.detail ?? problem?.title ?? t("signin.localFailed", { status: response.status }));
    }
    const body = (await response.json()) as LocalTokenResponse;
    this.token = { value: body.accessToken, expiresAt: Date.parse(body.expiresOn) };
    this.user = { tenantId: body.tenantId, objectId: body.objectId, displayName: body.displayName, email: body.email, mode: body.mode };
    return body.accessToken;
  }

  /** The user the token answer named: what GET /api/me would say, without asking. */
  async currentUser(): Promise<Me> {
    if (!this.user) await this.getToken();
    return this.user!;
  }
}

/** The id of the JSON block the host inlines in the pane's page (GET /auth/config's answer). */
export const inlineConfigId = "pane-config";

/** The sign-in settings the page carries, or null when it carries none (a page served as a plain file). */
export function inlineSignInConfig(doc: Pick<Document, "getElementById"> | undefined = globalThis.document): SignInConfig | null {
  const text = doc?.getElementById(inlineConfigId)?.textContent;
  if (!text) return null;
  try {
    const config = JSON.parse(text) as SignInConfig;
    return config.mode === "local" || config.mode === "microsoft365" ? config : null;
  } catch {
    return null;
  }
}

/** The user the sign-in already knows (local mode's token answer), or null when the API must be asked. */
export function signedInUser(signIn: SignInProvider): Promise<Me> | null {
  return signIn.currentUser ? signIn.currentUser() : null;
}

/** The sign-in settings: those inlined in the page, else GET /auth/config (one more round trip). */
export async function loadSignInConfig(fetcher: typeof fetch = (input, init) => fetch(input, init), doc?: Pick<Document, "getElementById">): Promise<SignInConfig> {
  const inline = inlineSignInConfig(doc);
  if (inline) return inline;
  let response: Response;
  try {
    response = await fetcher("/auth/config", { headers: { Accept: "application/json" } });
  } catch {
    throw new SignInUnavailableError(t("signin.unreachable"));
  }
  if (!response.ok) throw new SignInUnavailableError(t("signin.noConfig", { status: response.status }));
  return (await response.json()) as SignInConfig;
}

export async function createSignIn(config: SignInConfig): Promise<SignInProvider> {
  if (config.mode === "local") return new LocalSignIn();
  let module: typeof import("./signinMicrosoft365Office");
  try {
    module = await import("./signinMicrosoft365Office");
  } catch {
    throw new SignInUnavailableError(t("signin.chunk"), true);
  }
  return module.createMicrosoft365SignIn(config);
}
