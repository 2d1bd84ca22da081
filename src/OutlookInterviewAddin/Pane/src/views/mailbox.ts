// The local mailbox (local mode only): what the product did, seen as Outlook would show it. The
// drafts it created, the messages sent and received, the events with their attachments and the
// invitations each attendee got. "Send" stands in for pressing Send in Outlook, and a message
// "from" someone can be simulated to try replies in a thread.
//
// Every stored body is mail HTML: it is shown in a sandboxed iframe with no permissions, so it can
// never run script in the pane nor reach the pane's token.

import { ApiError } from "../api";
import type { PaneContext, View } from "../context";
import { h, uniqueId } from "../dom";
import { field, formErrors, keepDraft, onSubmit, submitButton } from "../forms";
import { downloadBlob, mailDocument } from "../html";
import { formatSize, orNull, type LocalMailbox, type MailAddress, type MailboxEvent, type MailboxFolder, type MailboxMessage } from "../model";
import { href } from "../router";
import { formatDateTime, formatEventTime } from "../time";
import { card, pageHeader } from "./common";
import { labels, t } from "../i18n";

const folders = (): { folder: MailboxFolder; title: string; empty: string }[] => [
  { folder: "drafts", title: t("folder.drafts"), empty: t("folder.draftsEmpty") },
  { folder: "sentitems", title: t("folder.sent"), empty: t("folder.sentEmpty") },
  { folder: "inbox", title: t("folder.inbox"), empty: t("folder.inboxEmpty") },
];

export const mailboxView: View = async (context, match) => {
  if (context.me.mode !== "local") {
    return h("div", { class: "view", "data-view": "mailbox" },
      pageHeader(t("mailbox.title"), t("mailbox.notLocal")));
  }
  const mailbox = await context.progress(t("mailbox.loading"), context.api.get<LocalMailbox>("/local-mailbox"));
  const wanted = match.query.get("item");
  const subjects = new Map(mailbox.messages.map((m) => [m.id, m.subject]));
  const reload = (item?: string) => context.navigate(href("/mailbox", { item }));

  const view = h("div", { class: "view", "data-view": "mailbox" },
    pageHeader(t("mailbox.title"), t("mailbox.lead")),
    folders().map(({ folder, title, empty }) => {
      const messages = mailbox.messages.filter((m) => m.folder === folder);
      const titleId = uniqueId(`mailbox-${folder}`);
      return h("section", { class: "mailbox-section", "aria-labelledby": titleId, "data-testid": `mailbox-${folder}` },
        h("h2", { id: titleId }, t("mailbox.folderCount", { title, count: messages.length })),
        messages.length === 0 ? h("p", { class: "empty" }, empty) : messages.map((m) => messageItem(context, m, subjects, reload)));
    }),
    eventsSection(context, mailbox.events),
    simulateCard(context, mailbox.messages, reload));

  if (wanted) {
    const target = view.querySelector<HTMLElement>(`[data-testid="mailbox-message-${CSS.escape(wanted)}"], [data-testid="mailbox-event-${CSS.escape(wanted)}"]`);
    if (target) {
      target.classList.add("highlight");
      target.setAttribute("aria-current", "true");
      // After the shell has put the view on screen and focused its heading.
      setTimeout(() => {
        target.scrollIntoView({ block: "start" });
        target.focus({ preventScroll: true });
      }, 0);
    } else {
      context.showError(t("mailbox.gone"));
    }
  }
  return view;
};

function addressText(address: MailAddress): string {
  return address.name && address.name !== address.address ? `${address.name} <${address.address}>` : address.address;
}

function bodyFrame(html: string, subject: string): HTMLIFrameElement {
  // sandbox="" grants nothing: no script, no same origin, no forms, no popups, no top navigation.
  return h("iframe", { class: "mail-body", sandbox: "", srcdoc: mailDocument(html), title: t("mailbox.bodyOf", { subject: subject || t("mailbox.noSubjectShort") }) });
}

function messageItem(context: PaneContext, m: MailboxMessage, subjects: Map<string, string>, reload: (item?: string) => void): HTMLElement {
  const headingId = uniqueId("mailbox-message");
  const when = m.sentDateTime ?? m.receivedDateTime ?? m.createdDateTime;
  const whenLabel = m.sentDateTime ? t("mailbox.sent") : m.receivedDateTime ? t("mailbox.received") : t("mailbox.created");
  let send: HTMLButtonElement | null = null;
  if (m.isDraft) {
    send = h("button", { type: "button", class: "button button-primary" }, t("mailbox.send"));
    send.setAttribute("aria-describedby", headingId);
    send.addEventListener("click", () => {
      send!.disabled = true;
      context.clearError();
      void context.progress(t("mailbox.sending"), context.api.post(`/local-mailbox/messages/${encodeURIComponent(m.id)}/send`))
        .then(() => reload(m.id))
        .catch((error: unknown) => context.showError(error instanceof ApiError ? error.message : t("mailbox.couldNotSend")))
        .finally(() => (send!.disabled = false));
    });
  }
  return h("article", { class: "mail-item", "data-testid": `mailbox-message-${m.id}`, "aria-labelledby": headingId, tabindex: -1 },
    h("h3", { id: headingId, class: "mail-subject" }, m.subject || t("common.noSubject")),
    h("dl", { class: "facts" },
      m.from ? [h("dt", null, t("home.from")), h("dd", null, addressText(m.from))] : null,
      h("dt", null, t("draft.to")), h("dd", { "data-testid": "mail-to" }, m.to.length ? m.to.map(addressText).join(", ") : t("mailbox.noOneYet")),
      h("dt", null, whenLabel), h("dd", null, h("time", { datetime: when }, formatDateTime(when))),
      m.inReplyToId ? [h("dt", null, t("mailbox.replyTo")), h("dd", { "data-testid": "mail-reply-to" }, subjects.get(m.inReplyToId) ?? t("mailbox.earlier"))] : null),
    m.categories.length ? h("p", { class: "badges" }, m.categories.map((c) => h("span", { class: "badge" }, c))) : null,
    bodyFrame(m.html, m.subject),
    send ? h("div", { class: "button-row" }, send, h("span", { class: "hint" }, t("mailbox.standsIn"))) : null);
}

function eventsSection(context: PaneContext, events: MailboxEvent[]): HTMLElement {
  const titleId = uniqueId("mailbox-events");
  return h("section", { class: "mailbox-section", "aria-labelledby": titleId, "data-testid": "mailbox-events" },
    h("h2", { id: titleId }, t("mailbox.calendar", { count: events.length })),
    events.length === 0
      ? h("p", { class: "empty" }, t("mailbox.noEvents"))
      : events.map((e) => eventItem(context, e)));
}

// Graph's attendee types, in the pane's language; another type is shown as Graph wrote it.
const attendeeTypes = labels<"required" | "optional" | "resource">({
  required: "mailbox.attendeeRequired", optional: "mailbox.attendeeOptional", resource: "mailbox.attendeeResource",
});

function attendeeType(type: string): string {
  return Object.hasOwn(attendeeTypes, type) ? attendeeTypes[type as keyof typeof attendeeTypes] : type;
}

function eventItem(context: PaneContext, e: MailboxEvent): HTMLElement {
  const headingId = uniqueId("mailbox-event");
  return h("article", { class: "mail-item", "data-testid": `mailbox-event-${e.id}`, "aria-labelledby": headingId, tabindex: -1 },
    h("h3", { id: headingId, class: "mail-subject" }, e.subject || t("common.noSubject")),
    h("dl", { class: "facts" },
      h("dt", null, t("mailbox.starts")), h("dd", null, formatEventTime(e.start, e.timeZone)),
      h("dt", null, t("mailbox.ends")), h("dd", null, formatEventTime(e.end, e.timeZone)),
      e.location ? [h("dt", null, t("mailbox.where")), h("dd", null, e.location)] : null,
      h("dt", null, t("mailbox.attendees")),
      h("dd", { "data-testid": "event-attendees" }, e.attendees.length ? e.attendees.map((a) => `${addressText(a)} (${attendeeType(a.type)})`).join(", ") : t("mailbox.noOneYet"))),
    e.categories.length ? h("p", { class: "badges" }, e.categories.map((c) => h("span", { class: "badge" }, c))) : null,
    h("h4", null, t("mailbox.attachments")),
    e.attachments.length === 0
      ? h("p", { class: "empty" }, t("mailbox.none"))
      : h("ul", { class: "list", "data-testid": "event-attachments" }, e.attachments.map((a) => {
        const download = h("button", { type: "button", class: "button" }, t("data.download", { what: a.name }));
        download.addEventListener("click", () => {
          download.disabled = true;
          context.clearError();
          void context.progress(t("mailbox.downloading"), context.api.getBlob(`/local-mailbox/attachments/${encodeURIComponent(a.id)}`))
            .then((blob) => downloadBlob(blob, a.name))
            .catch((error: unknown) => context.showError(error instanceof ApiError ? error.message : t("common.couldNotDownload")))
            .finally(() => (download.disabled = false));
        });
        return h("li", { class: "list-item" },
          h("span", { class: "list-title" }, a.name, h("span", { class: "list-meta" }, ` ${formatSize(a.size)}`)),
          download);
      })),
    h("h4", null, t("mailbox.invitationsSent")),
    e.invitations.length === 0
      ? h("p", { class: "empty" }, t("mailbox.noneYet"))
      : h("ul", { class: "list", "data-testid": "event-invitations" }, e.invitations.map((i) => h("li", { class: "list-item" },
        h("span", { class: "list-title" }, t("mailbox.toAttendee", { attendee: i.attendee }), h("time", { datetime: i.sentAt }, formatDateTime(i.sentAt))),
        h("span", { class: "list-meta" }, i.attachmentNames.length ? t("mailbox.carried", { names: i.attachmentNames.join(", ") }) : t("mailbox.carriedNone"))))),
    bodyFrame(e.html, e.subject));
}

/** A message "from" someone, as if they had written: try how a reply lands in its thread. */
function simulateCard(context: PaneContext, messages: MailboxMessage[], reload: (item?: string) => void): HTMLElement {
  const replyable = messages.filter((m) => !m.isDraft);
  const form = h("form", { class: "form", "aria-labelledby": "simulate-title" },
    formErrors(),
    field({ name: "fromName", label: t("mailbox.theirName"), required: true, autocomplete: "off" }),
    field({ name: "fromAddress", label: t("mailbox.theirEmail"), type: "email", required: true }),
    field({ name: "subject", label: t("home.subject"), required: true }),
    field({ name: "text", label: t("mailbox.whatTheyWrote"), multiline: true, rows: 3, required: true }),
    field({
      name: "inReplyToId", label: t("mailbox.inReplyTo"), hint: t("mailbox.leaveAsIs"),
      options: [{ value: "", label: t("mailbox.notReply") }, ...replyable.map((m) => ({ value: m.id, label: m.subject || t("common.noSubject") }))],
    }),
    h("div", { class: "form-actions" }, submitButton(t("mailbox.simulate"))));
  const draft = keepDraft(form, "mailbox-incoming");
  onSubmit(form, context, t("mailbox.simulating"), (v) => context.api.post<{ id: string }>("/local-mailbox/incoming", {
    fromName: (v["fromName"] ?? "").trim(),
    fromAddress: (v["fromAddress"] ?? "").trim(),
    subject: (v["subject"] ?? "").trim(),
    text: (v["text"] ?? "").trim(),
    inReplyToId: orNull(v["inReplyToId"]) ?? undefined,
  }), (created) => reload(created.id), draft);
  return card(h("h2", { id: "simulate-title" }, t("mailbox.simulateTitle")),
    h("p", { class: "hint" }, t("mailbox.simulateHint")),
    form);
}
