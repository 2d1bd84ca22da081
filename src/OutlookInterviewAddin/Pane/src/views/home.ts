// The first view, suited to where the pane runs: each Outlook surface leads straight to the step of
// the workflow that belongs there; a plain browser (or Outlook with no item open) gets the dashboard.

import { h } from "../dom";
import type { PaneContext, View } from "../context";
import { readSubjectOf, senderOf } from "../office";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";
import { nextActionsView } from "./nextActions";

export const homeView: View = (context, match) => {
  switch (context.office.surface) {
    case "messageRead": return messageReadHome(context);
    case "messageCompose": return messageComposeHome();
    case "appointmentOrganizer": return appointmentOrganizerHome();
    case "appointmentAttendee": return appointmentAttendeeHome(context);
    default: return nextActionsView(context, match);
  }
};

function messageReadHome(context: PaneContext): Node {
  const sender = senderOf(context.office.item);
  const subject = readSubjectOf(context.office.item);
  return h("div", { class: "view", "data-view": "home-message-read" },
    pageHeader("Who is this sender?",
      "Someone whose work interests you is worth a short conversation. Add them to the people you want to talk to."),
    card(
      sender
        ? h("dl", { class: "facts" },
          h("dt", null, "From"), h("dd", { "data-testid": "sender-name" }, sender.name),
          h("dt", null, "Email"), h("dd", { "data-testid": "sender-email" }, sender.email),
          subject ? [h("dt", null, "Subject"), h("dd", null, subject)] : null)
        : h("p", null, "This message has no sender the pane can read."),
      sender
        ? linkButton(`Add ${sender.name} to my people`, href("/people/new", { name: sender.name, email: sender.email }))
        : null));
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

function appointmentAttendeeHome(context: PaneContext): Node {
  const subject = readSubjectOf(context.office.item);
  return h("div", { class: "view", "data-view": "home-appointment-attendee" },
    pageHeader("Take notes",
      "Right after the conversation, write down the main points, the most helpful tip and the people they recommended."),
    card(
      subject ? h("p", null, "Meeting: ", h("strong", { "data-testid": "meeting-subject" }, subject)) : null,
      linkButton("Record takeaways", href("/people", { stage: "scheduled" }))));
}
