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
  const known = sender ? await context.progress("Finding the sender", personByAddress(context.api, sender.email)) : null;
  const facts = sender
    ? h("dl", { class: "facts" },
      h("dt", null, "From"), h("dd", { "data-testid": "sender-name" }, sender.name),
      h("dt", null, "Email"), h("dd", { "data-testid": "sender-email" }, sender.email),
      subject ? [h("dt", null, "Subject"), h("dd", null, subject)] : null)
    : h("p", null, "This message has no sender the pane can read.");

  if (known) {
    // Already on the list: where things stand with them, and the action that fits, never "Add".
    const theirs = await context.progress("Finding the conversation", allPages<InterviewSummary>(context.api, `/api/interviews?limit=200&personId=${encodeURIComponent(known.id)}`));
    const current = theirs.find((i) => !closedStages.includes(i.stage)) ?? theirs[0] ?? null;
    return h("div", { class: "view", "data-view": "home-message-read" },
      pageHeader(known.name, "On your list of people to talk to."),
      card(
        facts,
        h("p", { "data-testid": "sender-stage" }, current ? `Stage: ${stageLabels[current.stage]}.` : "No conversation with them yet."),
        senderAction(current, restIdOfReadMessage(context.office)),
        h("p", null, h("a", { href: href(`/people/${known.id}`) }, `${known.name}'s page`))));
  }
  return h("div", { class: "view", "data-view": "home-message-read" },
    pageHeader("Who is this sender?",
      "Someone whose work interests you is worth a short conversation. Add them to the people you want to talk to."),
    card(
      facts,
      sender
        ? linkButton(`Add ${sender.name} to my people`, href("/people/new", { name: sender.name, email: sender.email }))
        : null));
}

const closedStages: readonly Stage[] = ["declined", "stayingInTouch"];

// The one button that fits the stage, for a message from someone on the list.
function senderAction(current: InterviewSummary | null, replyTo: string | null): Node {
  if (!current) return h("p", null, "Plan a conversation from their page, then draft the request as a reply.");
  switch (current.stage) {
    case "prospect":
      return linkButton("Draft the outreach as a reply", draftHash(current.id, "outreach", replyTo));
    case "contacted":
    case "noReply":
      return linkButton("Record their reply", href(`/interviews/${current.id}`));
    case "scheduled":
      return linkButton("Open the conversation", href(`/interviews/${current.id}`));
    case "interviewed":
      return linkButton("Draft the thank-you", draftHash(current.id, "thankYou"));
    default:
      return linkButton("Open the conversation", href(`/interviews/${current.id}`), false);
  }
}

function messageComposeHome(): Node {
  return h("div", { class: "view", "data-view": "home-message-compose" },
    pageHeader("Ask for a conversation",
      "Write a short, friendly request: how you know them, what you are curious about, and a question asking for 15 to 30 minutes. Never ask for a job."),
    card(
      h("p", null, "The pane drafts the request from your profile and the person's details, and checks it against the outreach rules before it goes into this message."),
      linkButton("Write an outreach request", href("/outreach"))));
}

function appointmentOrganizerHome(): Node {
  return h("div", { class: "view", "data-view": "home-appointment-organizer" },
    pageHeader("Plan the conversation",
      "Attach your question list to this invitation so both of you see the plan before you meet."),
    card(
      h("p", null, "The agenda goes into the invitation's body and the question list is attached as a file."),
      linkButton("Attach the question list", href("/questions/attach"))));
}

async function appointmentAttendeeHome(context: PaneContext): Promise<Node> {
  const subject = readSubjectOf(context.office.item);
  const [addresses, people] = await Promise.all([
    attendeesOf(context.office),
    context.progress("Finding the conversation", allPages<PersonSummary>(context.api, "/api/people?limit=200")),
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
    pageHeader("Take notes",
      "Right after the conversation, write down the main points, the most helpful tip and the people they recommended."),
    card(
      subject ? h("p", null, "Meeting: ", h("strong", { "data-testid": "meeting-subject" }, subject)) : null,
      interview
        ? [
          h("p", { "data-testid": "meeting-person" }, `With ${interview.person.name}: ${stageLabels[interview.stage]}.`),
          quickTakeawaysForm(context, interview, meetingStart, () => context.navigate(location.hash || "#/")),
        ]
        : person
          ? [h("p", { "data-testid": "meeting-person" }, `${person.name} is on your list, with no open conversation.`),
            linkButton("Plan a conversation", href(`/people/${person.id}`))]
          : [h("p", null, "No one at this meeting is on your list of people yet. Add them to record what you learned."),
            organizer ? linkButton(`Add ${organizer.name} to my people`, href("/people/new", { name: organizer.name, email: organizer.email })) : null,
            linkButton("Find them in my people", href("/people"), !organizer)]));
}
