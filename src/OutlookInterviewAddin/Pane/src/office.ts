// Where the pane runs: which Outlook item surface, or a plain browser. Office.js comes from
// Microsoft's CDN in index.html; when it cannot load (no network, or simply outside Office) the pane
// carries on as a plain-browser app instead of waiting.

export type Surface =
  | "messageRead"
  | "messageCompose"
  | "appointmentOrganizer"
  | "appointmentAttendee"
  | "outlookNoItem"
  | "browser";

export interface OfficeContext {
  surface: Surface;
  /** The open Outlook item, when there is one. Typed loosely: its shape depends on the surface. */
  item: Office.Item | null;
  /** Office's theme colours, when the host shares them. */
  theme: Office.OfficeTheme | null;
}

export const surfaceNames: Record<Surface, string> = {
  messageRead: "Reading a message",
  messageCompose: "Writing a message",
  appointmentOrganizer: "Organizing a meeting",
  appointmentAttendee: "Attending a meeting",
  outlookNoItem: "Outlook",
  browser: "Browser",
};

const browserContext: OfficeContext = { surface: "browser", item: null, theme: null };

/** How long to wait for Office.onReady before treating the page as a plain browser. */
const officeReadyTimeoutMs = 5000;

function hasMethod(value: unknown, name: string): boolean {
  return typeof value === "object" && value !== null && typeof (value as Record<string, unknown>)[name] === "function";
}

/**
 * The surface of an Outlook item. Compose forms expose their fields as objects with getAsync
 * (subject, to, start); read forms expose plain values (a subject string, a recipients array, a
 * start Date). Duck typing keeps this independent of the enums, which differ between clients.
 */
export function surfaceOf(item: unknown): Surface {
  if (typeof item !== "object" || item === null) return "outlookNoItem";
  const fields = item as Record<string, unknown>;
  const itemType = fields["itemType"];
  if (itemType === "appointment") {
    const compose = hasMethod(fields["start"], "getAsync") || hasMethod(fields["subject"], "getAsync");
    return compose ? "appointmentOrganizer" : "appointmentAttendee";
  }
  if (itemType === "message") {
    const compose = hasMethod(fields["to"], "getAsync") || hasMethod(fields["subject"], "getAsync") || hasMethod(fields["body"], "setAsync");
    return compose ? "messageCompose" : "messageRead";
  }
  return "outlookNoItem";
}

/** Waits for Office.js, if it loaded at all, and reads the surface. */
export async function detectOffice(): Promise<OfficeContext> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return browserContext;
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), officeReadyTimeoutMs)),
  ]);
  if (info === null || info.host === null || String(info.host) !== "Outlook") return browserContext;
  return readContext();
}

export function readContext(): OfficeContext {
  const item = Office.context.mailbox?.item ?? null;
  return { surface: surfaceOf(item), item, theme: Office.context.officeTheme ?? null };
}

/** Calls back when the user selects another item while the pane stays pinned open. */
export function onItemChanged(callback: () => void): void {
  if (typeof Office === "undefined" || !Office.context?.mailbox?.addHandlerAsync) return;
  Office.context.mailbox.addHandlerAsync(Office.EventType.ItemChanged, callback);
}

/** The sender of a message being read. */
export function senderOf(item: Office.Item | null): { name: string; email: string } | null {
  const from = (item as Office.MessageRead | null)?.from;
  if (!from || typeof from.emailAddress !== "string") return null;
  return { name: from.displayName || from.emailAddress, email: from.emailAddress };
}

/** The subject of an item being read (compose forms only give it asynchronously). */
export function readSubjectOf(item: Office.Item | null): string | null {
  const subject = (item as Office.MessageRead | null)?.subject;
  return typeof subject === "string" ? subject : null;
}
