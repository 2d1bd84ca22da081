// What the draft screens decide, kept free of the DOM and of Office.js so it can be tested on its
// own: which drafts fit a conversation's stage, what a problem from the drafts API asks the user to
// do, where a created item can be seen, and which conversation an Outlook item belongs to.

import type { ApiClient, ApiError } from "./api";
import { sameAddress, type DraftEstimate, type DraftFinding, type DraftKind, type Interview, type InterviewSummary, type Page, type PersonSummary, type Stage } from "./model";
import { href } from "./router";
import { labels, t } from "./i18n";

/** Stages in which asking for the conversation (or asking again) still makes sense. */
export const outreachStages: readonly Stage[] = ["prospect", "contacted", "noReply"];

/** Stages not yet past scheduled: the invite can still be sent (or sent again). */
export const inviteStages: readonly Stage[] = ["prospect", "contacted", "noReply", "scheduled"];

export const draftActionLabels = labels<DraftKind>({
  outreach: "draftAction.outreach",
  invite: "draftAction.invite",
  thankYou: "draftAction.thankYou",
});

export const draftTitles = labels<DraftKind>({
  outreach: "draftTitle.outreach",
  invite: "draftTitle.invite",
  thankYou: "draftTitle.thankYou",
});

export const createLabels = labels<DraftKind>({
  outreach: "create.outreach",
  invite: "create.invite",
  thankYou: "create.thankYou",
});

export const createProgressLabels = labels<DraftKind>({
  outreach: "createProgress.outreach",
  invite: "createProgress.invite",
  thankYou: "createProgress.thankYou",
});

export interface DraftAction {
  kind: DraftKind;
  label: string;
  enabled: boolean;
  /** Why the action cannot be taken yet, and what to do about it. */
  hint: string | null;
}

type StageFacts = Pick<Interview, "stage" | "plannedStart" | "durationMinutes" | "takeaways">;

/** True once the planned conversation's end has passed. */
export function meetingEnded(interview: Pick<Interview, "plannedStart" | "durationMinutes">, now: Date): boolean {
  if (!interview.plannedStart) return false;
  const start = new Date(interview.plannedStart).getTime();
  if (Number.isNaN(start)) return false;
  return start + (interview.durationMinutes ?? 30) * 60_000 <= now.getTime();
}

/** The drafts that fit where the conversation stands, in the order the workflow reaches them. */
export function draftActionsFor(interview: StageFacts, now: Date): DraftAction[] {
  const actions: DraftAction[] = [];
  if (outreachStages.includes(interview.stage)) {
    actions.push({ kind: "outreach", label: draftActionLabels.outreach, enabled: true, hint: null });
  }
  if (inviteStages.includes(interview.stage)) {
    const planned = interview.plannedStart !== null;
    const passed = planned && new Date(interview.plannedStart!).getTime() < now.getTime();
    actions.push({
      kind: "invite", label: draftActionLabels.invite, enabled: planned && !passed,
      hint: !planned ? t("drafts.hintNoTime")
        : passed ? t("drafts.hintPassed") : null,
    });
  }
  const afterMeeting = interview.stage === "interviewed" || interview.stage === "thanked"
    || (interview.stage === "scheduled" && meetingEnded(interview, now));
  if (afterMeeting) {
    const hasTakeaway = interview.takeaways.length > 0;
    actions.push({
      kind: "thankYou", label: draftActionLabels.thankYou, enabled: hasTakeaway,
      hint: hasTakeaway ? null : t("drafts.hintNoTakeaway"),
    });
  }
  return actions;
}

/** The draft view's address; <paramref name="replyTo"/> makes the outreach or thank-you a reply to that message. */
export function draftHash(interviewId: string, kind: DraftKind, replyTo?: string | null): string {
  return href(`/interviews/${interviewId}/drafts/${kind}`, { replyTo });
}

export interface DraftProblem {
  message: string;
  /** The page where the missing piece is filled in. */
  link: { label: string; hash: string } | null;
  /** Outlook is throttling: the button comes back after this many seconds. */
  retryAfterSeconds: number | null;
  /** Graph refused: the user must grant access or sign in again, then retry. */
  action: "consent" | "signIn" | null;
  /** Another press of the same button is still working. */
  inProgress: boolean;
  /** The item that already exists (a draft already sent, an invite already out), to look at instead. */
  existing: { itemId: string; webLink: string | null } | null;
}

const missingLinks: Record<string, (ids: ProblemIds) => { label: string; hash: string }> = {
  profileName: () => ({ label: t("missing.profileName"), hash: href("/profile") }),
  personEmail: (ids) => ({ label: t("missing.personEmail", { name: ids.personName }), hash: href(`/people/${ids.personId}/edit`) }),
  plannedStart: (ids) => ({ label: t("missing.plannedStart"), hash: href(`/interviews/${ids.interviewId}`, { focus: "plan" }) }),
  takeaways: (ids) => ({ label: t("missing.takeaways"), hash: href(`/interviews/${ids.interviewId}`, { focus: "takeaways" }) }),
};

export interface ProblemIds {
  interviewId: string;
  personId: string;
  personName: string;
}

/** What a failed preview or create asks of the user, from the problem's extensions. */
export function draftProblemOf(error: Pick<ApiError, "status" | "message" | "problem">, ids: ProblemIds): DraftProblem {
  const problem = error.problem ?? {};
  const missingValue = problem["missing"];
  const missing = (Array.isArray(missingValue) ? missingValue : [missingValue]).find((m): m is string => typeof m === "string" && m in missingLinks);
  const retryValue = Number(problem["retryAfterSeconds"]);
  const retryAfterSeconds = error.status === 429 ? (Number.isFinite(retryValue) && retryValue > 0 ? Math.ceil(retryValue) : 30) : null;
  const actionValue = problem["action"];
  const action = actionValue === "consent" || actionValue === "signIn" ? actionValue : null;
  let message = error.message;
  if (retryAfterSeconds !== null) message = t("problem.busy", { count: retryAfterSeconds });
  else if (action === "consent" && !/grant/i.test(message)) message = t("problem.consent", { message });
  else if (action === "signIn" && !/sign in/i.test(message)) message = t("problem.signIn", { message });
  return {
    message,
    link: missing ? missingLinks[missing]!(ids) : null,
    retryAfterSeconds,
    action,
    inProgress: error.status === 409 && problem["inProgress"] === true,
    existing: typeof problem["existingItemId"] === "string" && problem["existingItemId"]
      ? { itemId: problem["existingItemId"], webLink: typeof problem["webLink"] === "string" ? problem["webLink"] : null }
      : null,
  };
}

export type ResultLink =
  | { type: "outlook" }
  | { type: "localMailbox"; hash: string }
  | { type: "web"; url: string }
  | { type: "none" };

/**
 * Where the user sees what was created: Outlook opens the item itself; a plain browser links to
 * the local mailbox page (local mode) or to Outlook on the web (only an http(s) link).
 */
export function resultLinkFor(created: { itemId: string; webLink: string | null }, where: { inOutlook: boolean; mode: "local" | "microsoft365" }): ResultLink {
  if (where.inOutlook) return { type: "outlook" };
  if (where.mode === "local") return { type: "localMailbox", hash: href("/mailbox", { item: created.itemId }) };
  if (created.webLink && /^https?:\/\//i.test(created.webLink)) {
    try {
      const url = new URL(created.webLink);
      if (url.protocol === "https:" || url.protocol === "http:") return { type: "web", url: url.href };
    } catch {
      // Not a URL after all.
    }
  }
  return { type: "none" };
}

/** The words a finding points at, short enough to quote beside the message. */
export function findingExcerpt(finding: DraftFinding, subject: string, text: string, max = 60): string {
  const source = finding.part === "subject" ? subject : text;
  if (finding.length <= 0 || finding.start < 0 || finding.start >= source.length) return "";
  const excerpt = source.slice(finding.start, finding.start + finding.length).replace(/\s+/g, " ").trim();
  return excerpt.length > max ? `${excerpt.slice(0, max - 1).trimEnd()}…` : excerpt;
}

/** "12 of 18 questions fit a 30-minute meeting; the other 6 stay in your list:" for an invite that leaves questions out. */
export function leftOutSentence(estimate: Pick<DraftEstimate, "questionCount" | "meetingMinutes" | "leftOut">): string {
  const fit = estimate.questionCount - estimate.leftOut.length;
  return `${t("drafts.fit", { count: fit, total: estimate.questionCount, minutes: estimate.meetingMinutes })} ${t("drafts.others", { count: estimate.leftOut.length })}`;
}

/** The person on the list with this email, compared case-insensitively. */
export function personWithAddress(people: readonly PersonSummary[], address: string | null | undefined): PersonSummary | null {
  return people.find((p) => sameAddress(p.email, address)) ?? null;
}

/** The person on the user's list with this address (the server's search narrows, the exact match is picked here). */
export async function personByAddress(api: ApiClient, address: string): Promise<PersonSummary | null> {
  const page = await api.get<Page<PersonSummary>>(`/api/people?limit=200&search=${encodeURIComponent(address.trim())}`);
  return personWithAddress(page.items, address);
}

/** The conversation an outreach belongs to: the newest one still asking (the API lists newest first). */
export function openOutreachInterview(interviews: readonly InterviewSummary[]): InterviewSummary | null {
  return interviews.find((i) => outreachStages.includes(i.stage)) ?? null;
}

/**
 * Conversations an invite can be sent for (a planned time, not yet past scheduled), soonest first,
 * with those whose person is among the meeting's attendees ahead of the rest.
 */
export function inviteChoices(interviews: readonly InterviewSummary[], people: readonly PersonSummary[], attendees: readonly string[]): InterviewSummary[] {
  const emailOf = new Map(people.map((p) => [p.id, p.email]));
  const attending = (i: InterviewSummary) => attendees.some((a) => sameAddress(emailOf.get(i.person.id), a));
  const time = (i: InterviewSummary) => new Date(i.plannedStart!).getTime();
  return interviews
    .filter((i) => i.plannedStart !== null && inviteStages.includes(i.stage))
    .sort((a, b) => Number(attending(b)) - Number(attending(a)) || time(a) - time(b));
}

export interface Debounced<A extends unknown[]> {
  (...args: A): void;
  /** Forgets a pending call. */
  cancel(): void;
  /** Runs a pending call now. */
  flush(): void;
}

/** Calls <paramref name="fn"/> once the calls have stopped for <paramref name="ms"/> milliseconds, with the last arguments. */
export function debounce<A extends unknown[]>(fn: (...args: A) => void, ms: number): Debounced<A> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let pending: A | null = null;
  const run = () => {
    timer = undefined;
    const args = pending;
    pending = null;
    if (args) fn(...args);
  };
  const debounced = ((...args: A) => {
    pending = args;
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(run, ms);
  }) as Debounced<A>;
  debounced.cancel = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
    pending = null;
  };
  debounced.flush = () => {
    if (timer !== undefined) clearTimeout(timer);
    run();
  };
  return debounced;
}
