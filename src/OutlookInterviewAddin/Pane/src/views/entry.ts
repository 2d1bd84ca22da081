// The Outlook entry points: "Write an outreach request" on a message, and "Attach the question list"
// on a meeting. Each finds the conversation the open item belongs to and leads to its draft; when
// the item matches no one, a short chooser of the conversations that fit.

import type { PaneContext, View } from "../context";
import { h } from "../dom";
import { draftHash, inviteChoices, openOutreachInterview, outreachStages, personWithAddress } from "../drafts";
import { allPages } from "../api";
import { sameAddress, stageLabels, type Interview, type InterviewSummary, type Page, type PersonSummary } from "../model";
import { attendeesOf, counterpartOf, restIdOfReadMessage } from "../office";
import { href } from "../router";
import { formatDateTime } from "../time";
import { card, linkButton, pageHeader } from "./common";

export const outreachEntryView: View = async (context) => {
  const counterpart = await counterpartOf(context.office);
  // The server's search narrows the list to that address; the exact match is picked here.
  const people = counterpart?.email
    ? (await context.progress("Finding the person", context.api.get<Page<PersonSummary>>(`/api/people?limit=200&search=${encodeURIComponent(counterpart.email.trim())}`))).items
    : [];
  const person = personWithAddress(people, counterpart?.email);
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
        open
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
  return h("div", { class: "view", "data-view": "attach-entry" },
    pageHeader("Attach the question list",
      "The pane sends the invite from your calendar for the time you planned, with the agenda in its body and your questions attached as a file."),
    card(
      h("h2", { id: "invite-choices-title" }, "Which conversation?"),
      choices.length === 0
        ? [
          h("p", { class: "empty" }, "No conversation has a planned time yet. Set the time in a conversation's plan, then come back."),
          linkButton("Go to your people", href("/people"), false),
        ]
        : chooser("invite-choices-title", choices, (i) => draftHash(i.id, "invite"), attending)));
};

function chooser(labelledBy: string, interviews: InterviewSummary[], target: (i: InterviewSummary) => string, highlighted: (i: InterviewSummary) => boolean): HTMLElement {
  return h("ul", { class: "list", "aria-labelledby": labelledBy, "data-testid": "interview-choices" }, interviews.map((i) => h("li", { class: "list-item" },
    h("a", { href: target(i), class: "list-link" },
      h("span", { class: "list-title" }, i.person.name),
      h("span", { class: "list-meta" }, [i.person.organisation, i.plannedStart ? formatDateTime(i.plannedStart) : null].filter(Boolean).join(", ")),
      h("span", { class: "badge" }, stageLabels[i.stage])),
    highlighted(i) ? h("span", { class: "badge badge-brand" }, "In this meeting") : null)));
}
