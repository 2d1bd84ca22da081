// The Outlook entry points: "Write an outreach request" on a message, and "Attach the question list"
// on a meeting. Each finds the conversation the open item belongs to and leads to its draft; when
// the item matches no one, a short chooser of the conversations that fit.

import type { PaneContext, View } from "../context";
import { h } from "../dom";
import { draftHash, inviteChoices, inviteStages, openOutreachInterview, outreachStages, personByAddress } from "../drafts";
import { allPages } from "../api";
import { sameAddress, stageLabels, type DraftPreview, type Interview, type InterviewSummary, type PersonSummary } from "../model";
import { addQuestionList, meetingTimesOf } from "../questionListItem";
import { insertOutreach, writtenEdits } from "../composeItem";
import { ApiError } from "../api";
import { attendeesOf, counterpartOf, restIdOfReadMessage } from "../office";
import { href } from "../router";
import { formatDateTime } from "../time";
import { card, linkButton, pageHeader } from "./common";

export const outreachEntryView: View = async (context) => {
  const counterpart = await counterpartOf(context.office);
  const person = counterpart?.email ? await context.progress("Finding the person", personByAddress(context.api, counterpart.email)) : null;
  const header = pageHeader("Ask for a conversation",
    "A short, friendly request: how you know them, what you are curious about, and a question asking for 15 to 30 minutes.");

  if (person) {
    const theirs = await context.progress("Finding the conversation", allPages<InterviewSummary>(context.api, `/api/interviews?limit=200&personId=${encodeURIComponent(person.id)}`));
    const open = openOutreachInterview(theirs);
    const replyTo = restIdOfReadMessage(context.office);
    const where = replyTo
      ? "The request goes in as a reply to this message, in the same conversation."
      : "The request is drafted in your Drafts folder, ready for you to read over and send.";
    return h("div", { class: "view", "data-view": "outreach-entry" },
      header,
      card(
        h("h2", null, person.name),
        h("p", { class: "list-meta" }, [person.role, person.organisation].filter(Boolean).join(", ") || (person.email ?? "")),
        open && context.office.surface === "messageCompose" && context.office.item
          ? composeActions(context, open, context.office.item as Office.MessageCompose)
          : open
          ? [
            h("p", null, `Stage: ${stageLabels[open.stage]}. ${where}`),
            linkButton(`Draft outreach to ${person.name}`, draftHash(open.id, "outreach", replyTo)),
          ]
          : [
            h("p", null, `No conversation with ${person.name} is waiting for a request yet. Plan one, then draft the request. ${where}`),
            planAndDraftButton(context, person, replyTo),
          ],
        h("p", null, h("a", { href: href(`/people/${person.id}`) }, `${person.name}'s page`))));
  }

  const all = await context.progress("Loading your conversations", allPages<InterviewSummary>(context.api, "/api/interviews?limit=200"));
  const waiting = all.filter((i) => outreachStages.includes(i.stage));
  return h("div", { class: "view", "data-view": "outreach-entry" },
    header,
    counterpart
      ? card(
        h("p", { "data-testid": "unknown-counterpart" }, `${counterpart.name} (${counterpart.email}) is not on your list yet.`),
        linkButton(`Add ${counterpart.name} to my people`, href("/people/new", { name: counterpart.name, email: counterpart.email }), false))
      : null,
    card(
      h("h2", { id: "outreach-choices-title" }, "Who is it for?"),
      waiting.length === 0
        ? [
          h("p", { class: "empty" }, "No conversation is waiting for an outreach request. Plan one from a person's page."),
          linkButton("Go to your people", href("/people"), false),
        ]
        : chooser("outreach-choices-title", waiting, (i) => draftHash(i.id, "outreach"), () => false)));
};

// In the message being written: insert the request at the cursor, then check what the user wrote,
// on demand and whenever the pane regains focus (they were typing in the message).
function composeActions(context: PaneContext, interview: InterviewSummary, item: Office.MessageCompose): Node[] {
  const previewPath = `/api/interviews/${encodeURIComponent(interview.id)}/drafts/outreach/preview`;
  const status = h("p", { role: "status", "data-testid": "compose-status" });
  const summary = h("p", { role: "status", class: "checker-summary", "data-testid": "findings-summary" });
  const list = h("ul", { class: "list findings", "data-testid": "findings", "aria-label": "What the checker found" });
  const insert = h("button", { type: "button", class: "button button-primary" }, "Insert outreach request");
  const check = h("button", { type: "button", class: "button" }, "Check what I wrote");
  const fail = (error: unknown) => {
    status.textContent = "";
    context.showError(error instanceof ApiError || error instanceof Error ? error.message : String(error));
  };
  const recheck = async () => {
    summary.textContent = "Checking…";
    try {
      const preview = await context.api.post<DraftPreview>(previewPath, await writtenEdits(item));
      summary.textContent = preview.findings.length === 0 ? "No problems found."
        : preview.findings.length === 1 ? "1 thing to look at." : `${preview.findings.length} things to look at.`;
      list.replaceChildren(...preview.findings.map((f) => h("li", { class: "list-item finding", "data-rule": f.rule },
        h("span", { class: "list-title" }, f.message))));
    } catch (error) {
      summary.textContent = "What you wrote could not be checked just now.";
      fail(error);
    }
  };
  insert.addEventListener("click", () => {
    insert.disabled = true;
    context.clearError();
    status.textContent = "Writing the request…";
    void context.api.post<DraftPreview>(previewPath, {})
      .then((preview) => insertOutreach(item, preview))
      .then(() => {
        status.textContent = "The request is in your message, at the cursor. Read it over, then send it yourself.";
        return recheck();
      })
      .catch(fail)
      .finally(() => (insert.disabled = false));
  });
  check.addEventListener("click", () => void recheck());
  const onFocus = () => {
    if (!document.body.contains(list)) {
      window.removeEventListener("focus", onFocus);
      return;
    }
    if (summary.textContent) void recheck();
  };
  window.addEventListener("focus", onFocus);
  return [
    h("p", null, `Stage: ${stageLabels[interview.stage]}. The request goes into the message you are writing.`),
    h("div", { class: "button-row" }, insert, check),
    status,
    h("section", { class: "checker", "aria-label": "The outreach rules" }, summary, list),
  ];
}

function planAndDraftButton(context: PaneContext, person: PersonSummary, replyTo: string | null): HTMLButtonElement {
  const button = h("button", { type: "button", class: "button button-primary" }, "Plan a conversation and draft the request");
  button.addEventListener("click", () => {
    button.disabled = true;
    context.clearError();
    void context.progress("Planning", context.api.post<Interview>("/api/interviews", { personId: person.id }))
      .then((interview) => context.navigate(draftHash(interview.id, "outreach", replyTo)))
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (button.disabled = false));
  });
  return button;
}

export const attachEntryView: View = async (context) => {
  const [attendees, [people, interviews]] = await Promise.all([
    attendeesOf(context.office),
    context.progress("Loading your conversations", Promise.all([
      allPages<PersonSummary>(context.api, "/api/people?limit=200"),
      allPages<InterviewSummary>(context.api, "/api/interviews?limit=200"),
    ])),
  ]);
  const choices = inviteChoices(interviews, people, attendees);
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  const attending = (i: InterviewSummary) => attendees.some((a) => sameAddress(emailOf.get(i.person.id), a));
  // Writing the invite in Outlook: the list goes straight into this item, for the person attending.
  const organizing = context.office.surface === "appointmentOrganizer" && context.office.item !== null;
  // With or without a planned time: the item's own times are used.
  const here = organizing ? interviews.filter((i) => inviteStages.includes(i.stage) && attending(i)) : [];
  // Attendees on the list with no conversation to invite them to yet: one is planned on the press.
  const unplanned = organizing
    ? people.filter((p) => attendees.some((a) => sameAddress(p.email, a)) && !here.some((i) => i.person.id === p.id))
    : [];
  return h("div", { class: "view", "data-view": "attach-entry" },
    pageHeader("Attach the question list",
      organizing
        ? "Adds the agenda and questions to this invite, attaches them as a file, and marks the invite as an informational interview. Press it again after changing the time: it replaces what it added."
        : "The pane sends the invite from your calendar for the time you planned, with the agenda in its body and your questions attached as a file."),
    here.length + unplanned.length > 0 ? card(
      h("h2", null, "This invite"),
      here.map((i) => addToItemButton(context, i.id, i.person.name)),
      unplanned.map((p) => addToItemButton(context, null, p.name, p.id))) : null,
    card(
      h("h2", { id: "invite-choices-title" }, "Which conversation?"),
      choices.length === 0
        ? [
          h("p", { class: "empty" }, "No conversation has a planned time yet. Set the time in a conversation's plan, then come back."),
          linkButton("Go to your people", href("/people"), false),
        ]
        : chooser("invite-choices-title", choices, (i) => draftHash(i.id, "invite"), attending)));
};

// With no conversation yet (interviewId null), one is planned with the person first.
function addToItemButton(context: PaneContext, interviewId: string | null, name: string, personId?: string): HTMLElement {
  const status = h("p", { role: "status", "data-testid": "item-status" });
  const button = h("button", { type: "button", class: "button button-primary" }, `Add question list for ${name}`);
  button.addEventListener("click", () => {
    button.disabled = true;
    context.clearError();
    status.textContent = "Adding the question list…";
    const item = context.office.item as Office.AppointmentCompose;
    void (async () => {
      // The item's own times decide how many questions fit, not the plan.
      const { start, end } = await meetingTimesOf(item);
      interviewId ??= (await context.api.post<Interview>("/api/interviews", { personId })).id;
      const preview = await context.api.post<DraftPreview>(`/api/interviews/${encodeURIComponent(interviewId)}/drafts/invite/preview`,
        { start: start.toISOString(), end: end.toISOString() });
      const added = await addQuestionList(item, interviewId, preview);
      const minutes = Math.round((end.getTime() - start.getTime()) / 60000);
      status.textContent = `${added.replaced ? "Replaced the question list" : "Added the question list"}: ${added.questionCount} questions for ${minutes} minutes, and the file.`
        + (added.categorySet ? "" : " The category could not be set; the invite is still linked to the conversation.");
    })()
      .catch((error: unknown) => {
        status.textContent = "";
        context.showError(error instanceof Error ? error.message : String(error));
      })
      .finally(() => (button.disabled = false));
  });
  return h("div", { class: "field" }, button, status);
}

function chooser(labelledBy: string, interviews: InterviewSummary[], target: (i: InterviewSummary) => string, highlighted: (i: InterviewSummary) => boolean): HTMLElement {
  return h("ul", { class: "list", "aria-labelledby": labelledBy, "data-testid": "interview-choices" }, interviews.map((i) => h("li", { class: "list-item" },
    h("a", { href: target(i), class: "list-link" },
      h("span", { class: "list-title" }, i.person.name),
      h("span", { class: "list-meta" }, [i.person.organisation, i.plannedStart ? formatDateTime(i.plannedStart) : null].filter(Boolean).join(", ")),
      h("span", { class: "badge" }, stageLabels[i.stage])),
    highlighted(i) ? h("span", { class: "badge badge-brand" }, "In this meeting") : null)));
}
