// The home in a plain browser: what to do next, most urgent first, with a first-time user led to
// the profile and their first person.

import type { PaneContext, View } from "../context";
import { h } from "../dom";
import { isProfileEmpty, nextActionLabels, nextPagePath, type AutomationSummary, type NextAction, type NextActionsResponse, type Page, type PersonSummary, type Profile, type ReasonPart } from "../model";
import { draftHash } from "../drafts";
import { href } from "../router";
import { formatDate, formatDateTime } from "../time";
import { card, linkButton, pageHeader } from "./common";
import { t } from "../i18n";

export const nextActionsView: View = async (context) => {
  const [profile, anyone, next] = await context.progress(t("next.loading"), Promise.all([
    context.api.get<Profile>("/api/profile"),
    // Only whether there is anyone on the list.
    context.api.get<Page<PersonSummary>>("/api/people?limit=1"),
    context.api.get<NextActionsResponse>("/api/next-actions"),
    // Times below are shown in the profile's zone: on the first view it is read beside these requests.
    context.profileApplied,
  ]));
  const noPeople = anyone.items.length === 0;
  return h("div", { class: "view", "data-view": "home-dashboard" },
    pageHeader(t("next.title")),
    isProfileEmpty(profile) ? firstTimeCards(noPeople) : null,
    !isProfileEmpty(profile) && noPeople ? addFirstPersonCard() : null,
    next.items.length > 0 ? actionList(context, next) : (noPeople ? null : card(h("p", null, t("next.nothing")))),
    next.automation ? automationCard(next.automation) : null);
};

/** What the follow-through did and will do; it only ever drafts, so each line ends in Drafts, never in a sent mail. */
function automationCard(automation: AutomationSummary): HTMLElement {
  return h("section", { "aria-labelledby": "automation-title", "data-testid": "automation-activity" },
    h("h2", { id: "automation-title" }, t("next.doneForYou")),
    automation.problem ? h("p", { class: "field-error", role: "alert" }, automation.problem) : null,
    !automation.enabled ? h("p", null, t("next.automationOff")) : null,
    automation.done.length > 0
      ? h("ul", { class: "list" }, automation.done.map((a) => h("li", { class: "list-item", "data-work": a.work }, a.summary)))
      : null,
    automation.upcoming.length > 0
      ? [h("h3", null, t("next.next")), h("ul", { class: "list" }, automation.upcoming.map((line, i) =>
        h("li", { class: "list-item" }, reasonNodes(automation.upcomingParts?.[i], line))))]
      : null);
}

function firstTimeCards(noPeople: boolean): Node[] {
  return [
    card(
      h("h2", null, t("next.knowYourself")),
      h("p", null, t("next.knowLead")),
      linkButton(t("next.fillProfile"), href("/profile"))),
    noPeople ? addFirstPersonCard(false) : null,
  ].filter((n): n is HTMLElement => n !== null);
}

function addFirstPersonCard(primary = true): HTMLElement {
  return card(
    h("h2", null, t("next.listPeople")),
    h("p", null, t("next.warmFirst")),
    linkButton(t("common.addPerson"), href("/people/new"), primary));
}

/** The first page of actions, and a "Show more" button that appends the next page while there is one. */
function actionList(context: PaneContext, first: NextActionsResponse): HTMLElement {
  const list = h("ul", { class: "list", "data-testid": "next-actions" }, first.items.map(actionRow));
  const more = h("button", { type: "button", class: "button", "data-testid": "next-actions-more" }, t("common.showMore"));
  let next = nextPagePath("/api/next-actions", first);
  more.hidden = next === null;
  more.addEventListener("click", () => {
    if (next === null) return;
    more.disabled = true;
    void context.progress(t("next.loadingMore"), context.api.get<NextActionsResponse>(next))
      .then((page) => {
        list.append(...page.items.map(actionRow));
        next = nextPagePath("/api/next-actions", page);
        more.hidden = next === null;
      })
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : t("common.wentWrong")))
      .finally(() => (more.disabled = false));
  });
  return h("section", { "aria-labelledby": "next-actions-title" },
    h("h2", { id: "next-actions-title" }, t("next.whatToDo")),
    list,
    more);
}

function actionRow(action: NextAction): HTMLElement {
  return h("li", { class: `list-item${action.overdue ? " overdue" : ""}`, "data-kind": action.kind },
    h("a", { href: action.interviewId ? href(`/interviews/${action.interviewId}`) : href(`/people/${action.personId}`), class: "list-link" },
      h("span", { class: "list-title" }, t("next.actionTitle", { label: nextActionLabels[action.kind] ?? action.kind, name: action.personName })),
      h("span", { class: "list-meta", "data-testid": "next-action-reason" }, action.overdue ? t("next.overdue") : "", reasonNodes(action.reasonParts, action.reason)),
      // The same instant as on the plan, through the pane's one formatter (with the zone when the browser's differs).
      action.dueAtUtc && action.kind === "upcomingMeeting"
        ? h("span", { class: "list-meta" }, t("next.when"), h("time", { datetime: action.dueAtUtc, "data-testid": "next-action-when" }, formatDateTime(action.dueAtUtc)))
        : null),
    draftButton(action));
}

/**
 * A reason with its times through the pane's one formatter (the year when another, the zone when
 * the browser's differs), never as the server wrote them; the plain text only when there are no parts.
 */
function reasonNodes(parts: ReasonPart[] | undefined, text: string): (Node | string)[] {
  if (!parts || parts.length === 0) return [text];
  return parts.map((part) => {
    if (!part.at) return part.text ?? "";
    return h("time", { datetime: part.at }, part.show === "date" ? formatDate(part.at) : formatDateTime(part.at));
  });
}

/** A thank-you, first contact or follow-up goes straight to its draft when there is a conversation to draft it for. */
function draftButton(action: NextAction): HTMLElement | null {
  if (!action.interviewId) return null;
  if (action.kind === "thankYou") return linkButton(t("next.draftThankYou"), draftHash(action.interviewId, "thankYou"), false, t("next.draftThankYouFor", { name: action.personName }));
  if (action.kind === "firstContact" || action.kind === "followUp") return linkButton(t("next.draftOutreach"), draftHash(action.interviewId, "outreach"), false, t("next.draftOutreachTo", { name: action.personName }));
  if (action.kind === "planConversation") return linkButton(t("next.plan"), href(`/interviews/${action.interviewId}`), false, t("next.planWith", { name: action.personName }));
  return null;
}

