// A hash router: "#/people/42" renders the view registered for "/people/:id". Hash routes keep the
// pane a single static page, which Outlook loads from one URL in the manifest.

export type Params = Record<string, string>;

export interface Route<V> {
  pattern: string;
  view: V;
}

export interface Match<V> {
  view: V;
  params: Params;
  query: URLSearchParams;
  path: string;
}

/** Finds the route for a hash such as "#/people/42?tab=notes"; null when none matches. */
export function matchRoute<V>(routes: Route<V>[], hash: string): Match<V> | null {
  const raw = hash.replace(/^#/, "") || "/";
  const [pathPart, queryPart = ""] = raw.split("?", 2) as [string, string?];
  const path = pathPart.startsWith("/") ? pathPart : `/${pathPart}`;
  const segments = path.split("/").filter(Boolean);
  for (const route of routes) {
    const expected = route.pattern.split("/").filter(Boolean);
    if (expected.length !== segments.length) continue;
    const params: Params = {};
    const matches = expected.every((part, i) => {
      const actual = segments[i]!;
      if (part.startsWith(":")) {
        params[part.slice(1)] = decodeURIComponent(actual);
        return true;
      }
      return part === actual;
    });
    if (matches) return { view: route.view, params, query: new URLSearchParams(queryPart), path };
  }
  return null;
}

/** The hash for a path and optional query values, with each value encoded. */
export function href(path: string, query?: Record<string, string | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value) search.set(key, value);
  const qs = search.toString();
  return `#${path}${qs ? `?${qs}` : ""}`;
}
