// Where the pane runs: which Outlook item surface, or a plain browser. Office.js comes from
// Microsoft's CDN in index.html; when it cannot load (no network, or simply outside Office) the pane
// carries on as a plain-browser app instead of waiting.

import { labels, t } from "./i18n";





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

export const surfaceNames = labels<Surface>({
  messageRead: "surface.messageRead",
  messageCompose: "surface.messageCompose",
  appointmentOrganizer: "surface.appointmentOrganizer",
  appointmentAttendee: "surface.appointmentAttendee",
  outlookNoItem: "surface.outlookNoItem",
  browser: "surface.browser",
});

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

/** How the surface was found: office.js never loaded, Office.onReady answered, or it did not in time. */
export type OfficeDetection = "no-office-js" | "office-ready" | "timed-out";

/**
 * Waits for Office.js, if it loaded at all, and reads the surface. Leaves a performance mark
 * "office-detected" whose detail says how, so tests and tools can tell a plain browser that did
 * not wait from one that waited out the fallback.
 */
export async function detectOffice(): Promise<OfficeContext> {
  if (typeof Office === "undefined" || typeof Office.onReady !== "function") return detected("no-office-js", browserContext);
  const info = await Promise.race([
    Office.onReady(),
    new Promise<null>((resolve) => setTimeout(() => resolve(null), officeReadyTimeoutMs)),
  ]);
  if (info === null) return detected("timed-out", browserContext);
  if (info.host === null || String(info.host) !== "Outlook") return detected("office-ready", browserContext);
  return detected("office-ready", readContext());
}

function detected(how: OfficeDetection, context: OfficeContext): OfficeContext {
  performance.mark("office-detected", { detail: how });
  return context;
}

/** Outlook's display language ("fr-FR", "en-US"), when the pane runs in Office. */
export function displayLanguage(): string | null {
  if (typeof Office === "undefined") return null;
  const spoken = Office.context?.displayLanguage;
  return typeof spoken === "string" && spoken ? spoken : null;
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

/** Office's REST id version (v2.0, which Graph uses); read from the enums when the client has them. */
function restVersion(): Office.MailboxEnums.RestVersion {
  return (Office.MailboxEnums?.RestVersion?.v2_0 ?? "v2.0") as Office.MailboxEnums.RestVersion;
}

function mailbox(): Office.Mailbox | null {
  return typeof Office === "undefined" ? null : Office.context?.mailbox ?? null;
}

/** True when Outlook itself can open a created item: in Outlook, with a mailbox that converts ids and opens forms. */
export function canOpenInOutlook(context: OfficeContext): boolean {
  const box = mailbox();
  return context.surface !== "browser" && box !== null
    && typeof box.convertToEwsId === "function" && typeof box.displayMessageForm === "function";
}

/** Opens a message or an event the API created (Graph REST id) in Outlook's own form. */
export function openInOutlook(kind: "message" | "appointment", restId: string): void {
  const box = mailbox();
  if (!box) return;
  const ewsId = box.convertToEwsId(restId, restVersion());
  if (kind === "appointment") box.displayAppointmentForm(ewsId);
  else box.displayMessageForm(ewsId);
}

/** The Graph (REST) id of the message being read, so a draft can reply in its thread. */
export function restIdOfReadMessage(context: OfficeContext): string | null {
  const box = mailbox();
  const itemId = (context.item as Office.MessageRead | null)?.itemId;
  if (context.surface !== "messageRead" || !box || typeof itemId !== "string" || !itemId || typeof box.convertToRestId !== "function") return null;
  return box.convertToRestId(itemId, restVersion());
}

function getAsync<T>(field: unknown): Promise<T | null> {
  return new Promise((resolve) => {
    if (!hasMethod(field, "getAsync")) {
      resolve(null);
      return;
    }
    (field as { getAsync(callback: (result: Office.AsyncResult<T>) => void): void }).getAsync((result) =>
      resolve(result.status === Office.AsyncResultStatus.Succeeded ? result.value : null));
  });
}

function addressesOf(value: unknown): { name: string; email: string }[] {
  if (!Array.isArray(value)) return [];
  return value
    .filter((r): r is Office.EmailAddressDetails => typeof r === "object" && r !== null && typeof (r as Office.EmailAddressDetails).emailAddress === "string")
    .map((r) => ({ name: r.displayName || r.emailAddress, email: r.emailAddress }));
}

/**
 * Who the open item is with: the sender of a message being read, the first To recipient of a
 * message being written.
 */
export async function counterpartOf(context: OfficeContext): Promise<{ name: string; email: string } | null> {
  if (context.surface === "messageRead") return senderOf(context.item);
  if (context.surface === "messageCompose") {
    const to = await getAsync<Office.EmailAddressDetails[]>((context.item as Office.MessageCompose | null)?.to);
    return addressesOf(to)[0] ?? null;
  }
  return null;
}

/** The attendees' addresses of the open appointment (and its organizer, for an attendee). */
export async function attendeesOf(context: OfficeContext): Promise<string[]> {
  const item = context.item as (Office.AppointmentCompose & Office.AppointmentRead) | null;
  if (!item) return [];
  if (context.surface === "appointmentOrganizer") {
    const [required, optional] = await Promise.all([getAsync<Office.EmailAddressDetails[]>(item.requiredAttendees), getAsync<Office.EmailAddressDetails[]>(item.optionalAttendees)]);
    return [...addressesOf(required), ...addressesOf(optional)].map((a) => a.email);
  }
  if (context.surface === "appointmentAttendee") {
    return [...addressesOf(item.requiredAttendees), ...addressesOf(item.optionalAttendees), ...addressesOf(item.organizer ? [item.organizer] : [])].map((a) => a.email);
  }
  return [];
}

/** An Office.js callback call as a promise: its value, or an error with Outlook's message. */
export function officeCall<T>(invoke: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    invoke((result) => {
      if (result.status === Office.AsyncResultStatus.Succeeded) resolve(result.value);
      else reject(new Error(result.error?.message || t("office.didNotDoIt")));
    });
  });
}
