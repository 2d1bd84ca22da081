// The first view, suited to where the pane runs: each Outlook surface leads straight to the step of
// the workflow that belongs there; a plain browser (or Outlook with no item open) gets the dashboard.

import { allPages } from "../api";
import { h } from "../dom";
import type { PaneContext, View } from "../context";
import { draftHash, personByAddress } from "../drafts";
import { sameAddress, stageLabels, type Interview, type InterviewSummary, type PersonSummary, type Stage } from "../model";
import { attendeesOf, readSubjectOf, restIdOfReadMessage, senderOf } from "../office";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";
import { nextActionsView } from "./nextActions";
import { quickTakeawaysForm } from "./quickTakeaways";
import { t } from "../i18n";

export const homeView: View = (context, match) => {
  switch (context.office.surface) {
    case "messageRead": return messageReadHome(context);
    case "messageCompose": return messageComposeHome();
    case "appointmentOrganizer": return appointmentOrganizerHome();
    case "appointmentAttendee": return appointmentAttendeeHome(context);
    default: return nextActionsView(context, match);
  }
};

async function messageReadHome(context: PaneContext): Promise<Node> {
  const sender = senderOf(context.office.item);
  const subject = readSubjectOf(context.office.item);
  const known = sender ? await context.progress(t("home.findingSender"), personByAddress(context.api, sender.email)) : null;
  const facts = sender
    ? h("dl", { class: "facts" },
      h("dt", null, t("home.from")), h("dd", { "data-testid": "sender-name" }, sender.name),
      h("dt", null, t("common.email")), h("dd", { "data-testid": "sender-email" }, sender.email),
      subject ? [h("dt", null, t("home.subject")), h("dd", null, subject)] : null)
    : h("p", null, t("home.noSender"));

  if (known) {
    // Already on the list: where things stand with them, and the action that fits, never "Add".
    const theirs = await context.progress(t("common.findingConversation"), allPages<InterviewSummary>(context.api, `/api/interviews?limit=200&personId=${encodeURIComponent(known.id)}`));
    const current = theirs.find((i) => !closedStages.includes(i.stage)) ?? theirs[0] ?? null;
    return h("div", { class: "view", "data-view": "home-message-read" },
      pageHeader(known.name, t("home.onList")),
      card(
        facts,
        h("p", { "data-testid": "sender-stage" }, current ? t("common.stageIs", { stage: stageLabels[current.stage] }) : t("home.noConversation")),
        senderAction(current, restIdOfReadMessage(context.office)),
        h("p", null, h("a", { href: href(`/people/${known.id}`) }, t("common.theirPage", { name: known.name })))));
  }
  return h("div", { class: "view", "data-view": "home-message-read" },
    pageHeader(t("home.whoIsSender"),
      t("home.whoLead")),
    card(
      facts,
      sender
        ? linkButton(t("common.addToMyPeople", { name: sender.name }), href("/people/new", { name: sender.name, email: sender.email }))
        : null));
}

const closedStages: readonly Stage[] = ["declined", "stayingInTouch"];

// The one button that fits the stage, for a message from someone on the list.
function senderAction(current: InterviewSummary | null, replyTo: string | null): Node {
  if (!current) return h("p", null, t("home.planFromPage"));
  switch (current.stage) {
    case "prospect":
      return linkButton(t("home.draftOutreachReply"), draftHash(current.id, "outreach", replyTo));
    case "contacted":
    case "noReply":
      return linkButton(t("home.recordReply"), href(`/interviews/${current.id}`));
    case "scheduled":
      return linkButton(t("common.openConversation"), href(`/interviews/${current.id}`));
    case "interviewed":
      return linkButton(t("draftAction.thankYou"), draftHash(current.id, "thankYou"));
    default:
      return linkButton(t("common.openConversation"), href(`/interviews/${current.id}`), false);
  }
}

function messageComposeHome(): Node {
  return h("div", { class: "view", "data-view": "home-message-compose" },
    pageHeader(t("nextAction.firstContact"),
      t("home.askLead")),
    card(
      h("p", null, t("home.askBody")),
      linkButton(t("home.writeOutreach"), href("/outreach"))));
}

function appointmentOrganizerHome(): Node {
  return h("div", { class: "view", "data-view": "home-appointment-organizer" },
    pageHeader(t("nextAction.planConversation"),
      t("home.planLead")),
    card(
      h("p", null, t("home.planBody")),
      linkButton(t("common.attachQuestionList"), href("/questions/attach"))));
}

async function appointmentAttendeeHome(context: PaneContext): Promise<Node> {
  const subject = readSubjectOf(context.office.item);
  const [addresses, people] = await Promise.all([
    attendeesOf(context.office),
    context.progress(t("common.findingConversation"), allPages<PersonSummary>(context.api, "/api/people?limit=200")),
  ]);
  // The person of this meeting: the organizer or an attendee who is on the list.
  const person = people.find((p) => addresses.some((a) => sameAddress(p.email, a))) ?? null;
  const theirs = person ? await allPages<InterviewSummary>(context.api, `/api/interviews?limit=200&personId=${encodeURIComponent(person.id)}`) : [];
  // The conversation this meeting is most likely for: the one scheduled or just held, else the open one.
  const found = theirs.find((i) => i.stage === "scheduled" || i.stage === "interviewed")
    ?? theirs.find((i) => !closedStages.includes(i.stage)) ?? null;
  const interview = found ? await context.api.get<Interview>(`/api/interviews/${found.id}`) : null;
  const item = context.office.item as Office.AppointmentRead | null;
  const start = item?.start;
  // Whom to offer to add: the organizer, or the first attendee, who is not the user.
  const self = Office.context.mailbox?.userProfile?.emailAddress ?? null;
  const other = [item?.organizer, ...(item?.requiredAttendees ?? [])].find((a) => a?.emailAddress && !sameAddress(a.emailAddress, self));
  const organizer = other ? { name: other.displayName || other.emailAddress, email: other.emailAddress } : null;
  const meetingStart = start instanceof Date && !Number.isNaN(start.getTime()) ? start : null;
  return h("div", { class: "view", "data-view": "home-appointment-attendee" },
    pageHeader(t("home.takeNotes"),
      t("home.takeNotesLead")),
    card(
      subject ? h("p", null, t("home.meeting"), h("strong", { "data-testid": "meeting-subject" }, subject)) : null,
      interview
        ? [
          h("p", { "data-testid": "meeting-person" }, t("home.with", { name: interview.person.name, stage: stageLabels[interview.stage] })),
          quickTakeawaysForm(context, interview, meetingStart, () => context.navigate(location.hash || "#/")),
        ]
        : person
          ? [h("p", { "data-testid": "meeting-person" }, t("home.onListNoOpen", { name: person.name })),
            linkButton(t("common.planConversation"), href(`/people/${person.id}`))]
          : [h("p", null, t("home.noOneAtMeeting")),
            organizer ? linkButton(t("common.addToMyPeople", { name: organizer.name }), href("/people/new", { name: organizer.name, email: organizer.email })) : null,
            linkButton(t("home.findInPeople"), href("/people"), !organizer)]));
}
