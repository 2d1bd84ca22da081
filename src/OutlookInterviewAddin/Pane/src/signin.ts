// Getting a token for this add-in's own API. The host says which mode it runs in; local mode asks the
// host itself, Microsoft 365 mode will ask Entra ID (nested app authentication, then Office SSO) and
// plugs in here as another SignInProvider.

export interface SignInConfig {
  mode: "local" | "microsoft365";
  clientId: string | null;
  authority: string | null;
  scopes: string[];
}

export interface SignInProvider {
  readonly mode: SignInConfig["mode"];
  /** A bearer token for the API; <paramref name="forceRefresh"/> after the API refused the last one. */
  getToken(forceRefresh?: boolean): Promise<string>;
}

/** Signing in is not possible here; the message says why in words a user can act on. */
export class SignInUnavailableError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SignInUnavailableError";
  }
}

interface LocalTokenResponse {
  accessToken: string;
  expiresOn: string;
  displayName: string;
  email: string;
}

/** Refreshes a little before expiry so a request never leaves with a token about to lapse. */
const refreshMarginMs = 60_000;

export class LocalSignIn implements SignInProvider {
  readonly mode = "local" as const;
  private token: { value: string; expiresAt: number } | null = null;
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
      response = await this.fetcher("/auth/local/token", { method: "POST", headers: { Accept: "application/json" } });
    } catch {
      throw new SignInUnavailableError("The add-in's service could not be reached to sign you in. Check that it is running, then reload the pane.");
    }
    if (!response.ok) {
      const problem = (await response.json().catch(() => null)) as { title?: string; detail?: string } | null;
      throw new SignInUnavailableError(problem?.detail ?? problem?.title ?? `Local sign-in failed (HTTP ${response.status}).`);
    }
    const body = (await response.json()) as LocalTokenResponse;
    this.token = { value: body.accessToken, expiresAt: Date.parse(body.expiresOn) };
    return body.accessToken;
  }
}

/**
 * Microsoft 365 mode. The Entra ID flows (nested app authentication with MSAL.js, Office SSO as the
 * fallback) replace this class; until then the pane says clearly that it cannot sign in here.
 */
export class Microsoft365SignIn implements SignInProvider {
  readonly mode = "microsoft365" as const;

  constructor(readonly config: SignInConfig) {}

  getToken(): Promise<string> {
    return Promise.reject(new SignInUnavailableError(
      "This service is set up for Microsoft 365 accounts. Signing in with Microsoft 365 from the pane is not available yet; ask whoever runs the service to use local mode for now."));
  }
}

export async function loadSignInConfig(fetcher: typeof fetch = (input, init) => fetch(input, init)): Promise<SignInConfig> {
  let response: Response;
  try {
    response = await fetcher("/auth/config", { headers: { Accept: "application/json" } });
  } catch {
    throw new SignInUnavailableError("The add-in's service could not be reached. Check that it is running, then reload the pane.");
  }
  if (!response.ok) throw new SignInUnavailableError(`The add-in's service did not say how to sign in (HTTP ${response.status}).`);
  return (await response.json()) as SignInConfig;
}

export function createSignIn(config: SignInConfig): SignInProvider {
  return config.mode === "local" ? new LocalSignIn() : new Microsoft365SignIn(config);
}
