// The pane's only door to the host's API: adds the bearer token, asks for a fresh token once when
// the API answers 401, and turns failures (ProblemDetails or no answer at all) into ApiError with
// words a user can act on.

import { nextPagePath, type Page } from "./model";
import type { SignInProvider } from "./signin";
import { language, t } from "./i18n";

export interface ProblemDetails {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  errors?: Record<string, string[]>;
  /** Extensions a problem may carry, such as a 409's existingPersonId. */
  [extension: string]: unknown;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Validation messages per field, keyed by the field name the API uses (camelCase). */
    readonly fieldErrors: Record<string, string[]> = {},
    /** The ProblemDetails as the API sent it, for the extensions a screen acts on. */
    readonly problem: ProblemDetails | null = null,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** Plain words for a failed call: the API's own title and detail when it gave them, else by status. */
export function describeProblem(status: number, problem: ProblemDetails | null): string {
  const title = problem?.title?.trim();
  const detail = problem?.detail?.trim();
  // A validation problem's title ("One or more validation errors occurred.", in French "Une ou
  // plusieurs erreurs…") says nothing a user can act on: its field errors do.
  const fieldErrors = !!problem?.errors && Object.keys(problem.errors).length > 0;
  const genericTitle = !title || fieldErrors || /^https?:/i.test(title);
  if (!genericTitle && detail) return `${title}. ${detail}`.replace(/\.\. /, ". ");
  if (detail) return detail;
  if (!genericTitle) return title!;
  if (problem?.errors && Object.keys(problem.errors).length > 0) return t("api.fieldsNeedAttention");
  // The local mailbox answers as Graph does: { error: { code, message } }.
  const graphMessage = (problem?.["error"] as { message?: unknown } | undefined)?.message;
  if (typeof graphMessage === "string" && graphMessage.trim()) return graphMessage.trim();
  switch (status) {
    case 0: return t("api.unreachable");
    case 401: return t("api.signedOut");
    case 403: return t("api.forbidden");
    case 404: return t("api.notFound");
    case 409: return t("api.conflict");
    case 429: return t("api.tooMany");
    default: return status >= 500
      ? t("api.serverError")
      : t("api.httpFailed", { status });
  }
}

/** Field errors keyed by camelCase names, whatever case the server used. */
export function fieldErrorsOf(problem: ProblemDetails | null): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const [key, messages] of Object.entries(problem?.errors ?? {})) {
    const name = key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
    result[name] = [...(result[name] ?? []), ...messages];
  }
  return result;
}

export class ApiClient {
  constructor(
    private readonly signIn: SignInProvider,
    private readonly fetcher: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  /** GETs in flight, by path: a second ask for the same thing while the first is on its way shares it. */
  private readonly pending = new Map<string, Promise<unknown>>();

  get<T>(path: string): Promise<T> {
    const shared = this.pending.get(path);
    if (shared) return shared as Promise<T>;
    const request = this.send<T>("GET", path).finally(() => this.pending.delete(path));
    this.pending.set(path, request);
    return request;
  }

  post<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("POST", path, body);
  }

  put<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("PUT", path, body);
  }

  patch<T>(path: string, body?: unknown): Promise<T> {
    return this.send<T>("PATCH", path, body);
  }

  delete(path: string): Promise<void> {
    return this.send<void>("DELETE", path);
  }

  async send<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await this.respond(method, path, body, "application/json");
    if (response.status === 204 || response.headers.get("Content-Length") === "0") return undefined as T;
    const type = response.headers.get("Content-Type") ?? "";
    return (type.includes("json") ? await response.json() : await response.text()) as T;
  }

  /** A file the API serves (an attachment, for example): it needs the token, so a plain link cannot fetch it. */
  async getBlob(path: string): Promise<Blob> {
    const response = await this.respond("GET", path, undefined, "*/*");
    return await response.blob();
  }

  /**
   * Uploads a file as multipart/form-data (field "file") with the token, as send does, reporting
   * how much has gone (0 to 1) while it goes: fetch cannot tell upload progress, XMLHttpRequest can.
   */
  async upload<T>(path: string, file: Blob, fileName: string, onProgress?: (fraction: number) => void): Promise<T> {
    let result = await this.uploadOnce(path, file, fileName, false, onProgress);
    if (result.status === 401) result = await this.uploadOnce(path, file, fileName, true, onProgress);
    let body: unknown = null;
    try {
      body = result.body ? JSON.parse(result.body) : null;
    } catch {
      body = null;
    }
    if (result.status < 200 || result.status >= 300) {
      const problem = body as ProblemDetails | null;
      throw new ApiError(result.status, describeProblem(result.status, problem), fieldErrorsOf(problem), problem);
    }
    return body as T;
  }

  private async uploadOnce(path: string, file: Blob, fileName: string, forceRefresh: boolean, onProgress?: (fraction: number) => void): Promise<{ status: number; body: string }> {
    const token = await this.signIn.getToken(forceRefresh);
    return await new Promise((resolve, reject) => {
      const request = new XMLHttpRequest();
      request.open("POST", path);
      request.setRequestHeader("Authorization", `Bearer ${token}`);
      request.setRequestHeader("Accept", "application/json");
      request.setRequestHeader("Accept-Language", language());
      request.upload.addEventListener("progress", (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      });
      request.addEventListener("load", () => resolve({ status: request.status, body: request.responseText }));
      request.addEventListener("error", () => reject(new ApiError(0, describeProblem(0, null))));
      const form = new FormData();
      form.append("file", file, fileName);
      request.send(form);
    });
  }

  private async respond(method: string, path: string, body: unknown, accept: string): Promise<Response> {
    let response = await this.attempt(method, path, body, false, accept);
    if (response.status === 401) response = await this.attempt(method, path, body, true, accept);
    if (!response.ok) {
      const problem = await readProblem(response);
      throw new ApiError(response.status, describeProblem(response.status, problem), fieldErrorsOf(problem), problem);
    }
    return response;
  }

  private async attempt(method: string, path: string, body: unknown, forceRefresh: boolean, accept: string): Promise<Response> {
    const token = await this.signIn.getToken(forceRefresh);
    const headers: Record<string, string> = { Accept: accept, "Accept-Language": language(), Authorization: `Bearer ${token}` };
    if (body !== undefined) headers["Content-Type"] = "application/json";
    try {
      return await this.fetcher(path, { method, headers, body: body === undefined ? null : JSON.stringify(body) });
    } catch {
      throw new ApiError(0, describeProblem(0, null));
    }
  }
}

/**
 * Every item of a paged list, page after page: for the few screens that match across the whole
 * list (the conversations an open meeting may belong to). Lists a user scrolls use one page at a time.
 */
export async function allPages<T>(api: ApiClient, path: string): Promise<T[]> {
  const items: T[] = [];
  let next: string | null = path;
  while (next !== null) {
    const page: Page<T> = await api.get<Page<T>>(next);
    items.push(...page.items);
    next = nextPagePath(path, page);
  }
  return items;
}

async function readProblem(response: Response): Promise<ProblemDetails | null> {
  try {
    const text = await response.text();
    return text ? (JSON.parse(text) as ProblemDetails) : null;
  } catch {
    return null;
  }
}
