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
import { t } from "../i18n";

export const outreachEntryView: View = async (context) => {
  const counterpart = await counterpartOf(context.office);
  const person = counterpart?.email ? await context.progress(t("entry.findingPerson"), personByAddress(context.api, counterpart.email)) : null;
  const header = pageHeader(t("nextAction.firstContact"),
    t("entry.lead"));

  if (person) {
    const theirs = await context.progress(t("common.findingConversation"), allPages<InterviewSummary>(context.api, `/api/interviews?limit=200&personId=${encodeURIComponent(person.id)}`));
    const open = openOutreachInterview(theirs);
    const replyTo = restIdOfReadMessage(context.office);
    const where = replyTo
      ? t("entry.asReply")
      : t("entry.inDrafts");
    return h("div", { class: "view", "data-view": "outreach-entry" },
      header,
      card(
        h("h2", null, person.name),
        h("p", { class: "list-meta" }, [person.role, person.organisation].filter(Boolean).join(", ") || (person.email ?? "")),
        open && context.office.surface === "messageCompose" && context.office.item
          ? composeActions(context, open, context.office.item as Office.MessageCompose)
          : open
          ? [
            h("p", null, t("entry.stageWhere", { stage: stageLabels[open.stage], where })),
            linkButton(t("next.draftOutreachTo", { name: person.name }), draftHash(open.id, "outreach", replyTo)),
          ]
          : [
            h("p", null, t("entry.noWaiting", { name: person.name, where })),
            planAndDraftButton(context, person, replyTo),
          ],
        h("p", null, h("a", { href: href(`/people/${person.id}`) }, t("common.theirPage", { name: person.name })))));
  }

  const all = await context.progress(t("entry.loadingConversations"), allPages<InterviewSummary>(context.api, "/api/interviews?limit=200"));
  const waiting = all.filter((i) => outreachStages.includes(i.stage));
  return h("div", { class: "view", "data-view": "outreach-entry" },
    header,
    counterpart
      ? card(
        h("p", { "data-testid": "unknown-counterpart" }, t("entry.notOnList", { name: counterpart.name, email: counterpart.email })),
        linkButton(t("common.addToMyPeople", { name: counterpart.name }), href("/people/new", { name: counterpart.name, email: counterpart.email }), false))
      : null,
    card(
      h("h2", { id: "outreach-choices-title" }, t("entry.whoFor")),
      waiting.length === 0
        ? [
          h("p", { class: "empty" }, t("entry.noneWaiting")),
          linkButton(t("entry.goToPeople"), href("/people"), false),
        ]
        : chooser("outreach-choices-title", waiting, (i) => draftHash(i.id, "outreach"), () => false)));
};

// In the message being written: insert the request at the cursor, then check what the user wrote,
// on demand and whenever the pane regains focus (they were typing in the message).
function composeActions(context: PaneContext, interview: InterviewSummary, item: Office.MessageCompose): Node[] {
  const previewPath = `/api/interviews/${encodeURIComponent(interview.id)}/drafts/outreach/preview`;
  const status = h("p", { role: "status", "data-testid": "compose-status" });
  const summary = h("p", { role: "status", class: "checker-summary", "data-testid": "findings-summary" });
  const list = h("ul", { class: "list findings", "data-testid": "findings", "aria-label": t("draft.checkerFound") });
  const insert = h("button", { type: "button", class: "button button-primary" }, t("entry.insert"));
  const check = h("button", { type: "button", class: "button" }, t("entry.checkWhatIWrote"));
  const fail = (error: unknown) => {
    status.textContent = "";
    context.showError(error instanceof ApiError || error instanceof Error ? error.message : String(error));
  };
  const recheck = async () => {
    summary.textContent = t("common.checking");
    try {
      const preview = await context.api.post<DraftPreview>(previewPath, await writtenEdits(item));
      summary.textContent = preview.findings.length === 0 ? t("common.noProblems")
        : t("common.thingsToLook", { count: preview.findings.length });
      list.replaceChildren(...preview.findings.map((f) => h("li", { class: "list-item finding", "data-rule": f.rule },
        h("span", { class: "list-title" }, f.message))));
    } catch (error) {
      summary.textContent = t("entry.couldNotCheck");
      fail(error);
    }
  };
  insert.addEventListener("click", () => {
    insert.disabled = true;
    context.clearError();
    status.textContent = t("entry.writingRequest");
    void context.api.post<DraftPreview>(previewPath, {})
      .then((preview) => insertOutreach(item, preview))
      .then(() => {
        status.textContent = t("entry.inserted");
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
    h("p", null, t("entry.composeStage", { stage: stageLabels[interview.stage] })),
    h("div", { class: "button-row" }, insert, check),
    status,
    h("section", { class: "checker", "aria-label": t("draft.outreachRules") }, summary, list),
  ];
}

function planAndDraftButton(context: PaneContext, person: PersonSummary, replyTo: string | null): HTMLButtonElement {
  const button = h("button", { type: "button", class: "button button-primary" }, t("entry.planAndDraft"));
  button.addEventListener("click", () => {
    button.disabled = true;
    context.clearError();
    void context.progress(t("common.planning"), context.api.post<Interview>("/api/interviews", { personId: person.id }))
      .then((interview) => context.navigate(draftHash(interview.id, "outreach", replyTo)))
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (button.disabled = false));
  });
  return button;
}

export const attachEntryView: View = async (context) => {
  const [attendees, [people, interviews]] = await Promise.all([
    attendeesOf(context.office),
    context.progress(t("entry.loadingConversations"), Promise.all([
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
    pageHeader(t("common.attachQuestionList"),
      organizing
        ? t("entry.attachOrganizing")
        : t("entry.attachLead")),
    here.length + unplanned.length > 0 ? card(
      h("h2", null, t("entry.thisInvite")),
      here.map((i) => addToItemButton(context, i.id, i.person.name)),
      unplanned.map((p) => addToItemButton(context, null, p.name, p.id))) : null,
    card(
      h("h2", { id: "invite-choices-title" }, t("entry.whichConversation")),
      choices.length === 0
        ? [
          h("p", { class: "empty" }, t("entry.noPlannedTime")),
          linkButton(t("entry.goToPeople"), href("/people"), false),
        ]
        : chooser("invite-choices-title", choices, (i) => draftHash(i.id, "invite"), attending)));
};

// With no conversation yet (interviewId null), one is planned with the person first.
function addToItemButton(context: PaneContext, interviewId: string | null, name: string, personId?: string): HTMLElement {
  const status = h("p", { role: "status", "data-testid": "item-status" });
  const button = h("button", { type: "button", class: "button button-primary" }, t("entry.addFor", { name }));
  button.addEventListener("click", () => {
    button.disabled = true;
    context.clearError();
    status.textContent = t("entry.adding");
    const item = context.office.item as Office.AppointmentCompose;
    void (async () => {
      // The item's own times decide how many questions fit, not the plan.
      const { start, end } = await meetingTimesOf(item);
      interviewId ??= (await context.api.post<Interview>("/api/interviews", { personId })).id;
      const preview = await context.api.post<DraftPreview>(`/api/interviews/${encodeURIComponent(interviewId)}/drafts/invite/preview`,
        { start: start.toISOString(), end: end.toISOString() });
      const added = await addQuestionList(item, interviewId, preview);
      const minutes = Math.round((end.getTime() - start.getTime()) / 60000);
      status.textContent = t(added.replaced ? "entry.replaced" : "entry.added", { count: added.questionCount, minutes })
        + (added.categorySet ? "" : t("entry.noCategory"));
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
    highlighted(i) ? h("span", { class: "badge badge-brand" }, t("entry.inThisMeeting")) : null)));
}
