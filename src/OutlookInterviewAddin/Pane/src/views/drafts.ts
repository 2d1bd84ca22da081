// One draft of a conversation: the outreach request (checked against the outreach rules as the
// user edits it), the invite with the question list, or the thank-you quoting a chosen takeaway.
// The host composes it (preview) and creates it in the user's mailbox through Microsoft Graph; the
// pane shows it, lets the user edit the subject and body, and says plainly what to do when the
// host cannot go ahead.

import { ApiError } from "../api";
import type { PaneContext, View } from "../context";
import {
  createLabels, createProgressLabels, debounce, draftProblemOf, draftTitles, findingExcerpt, leftOutSentence, resultLinkFor,
  type DraftProblem, type ProblemIds,
} from "../drafts";
import { h, replaceChildren, uniqueId } from "../dom";
import { clearDraft, field, saveDraft, storedDraft } from "../forms";
import { base64Url, safeFragment } from "../html";
import {
  formatSize, isDraftKind, stageActions, stageLabels,
  type DraftCreated, type DraftEdits, type DraftFinding, type DraftKind, type DraftPreview, type Interview,
} from "../model";
import { canOpenInOutlook, openInOutlook } from "../office";
import { href } from "../router";
import { formatInZone } from "../time";
import { card, linkButton, pageHeader } from "./common";
import { notFoundView } from "./placeholder";
import { lowerFirst, labels, t } from "../i18n";

/** How long typing must pause before the outreach text is checked again. */
const recheckDelayMs = 600;

const leads = labels<DraftKind>({
  outreach: "lead.outreach",
  invite: "lead.invite",
  thankYou: "lead.thankYou",
});

export const draftView: View = async (context, match) => {
  const id = match.params["id"]!;
  const kindParam = match.params["kind"];
  if (!isDraftKind(kindParam)) return notFoundView(context, match);
  const kind: DraftKind = kindParam;
  // The invite is an event of its own; only mail can be a reply.
  const replyTo = kind === "invite" ? null : match.query.get("replyTo");
  const interview = await context.progress(t("interview.loading"), context.api.get<Interview>(`/api/interviews/${encodeURIComponent(id)}`));
  const ids: ProblemIds = { interviewId: interview.id, personId: interview.person.id, personName: interview.person.name };
  const draftKey = `draft:${interview.id}:${kind}`;
  const stored = storedDraft(draftKey);
  const initialEdits: DraftEdits = {};
  if (stored?.["subject"] !== undefined) initialEdits.subject = stored["subject"];
  if (stored?.["html"] !== undefined) initialEdits.html = stored["html"];
  if (stored?.["takeawayId"]) initialEdits.takeawayId = stored["takeawayId"];

  const previewPath = `/api/interviews/${encodeURIComponent(interview.id)}/drafts/${kind}/preview`;
  let preview: DraftPreview;
  try {
    preview = await context.progress(t("draft.writing"), context.api.post<DraftPreview>(previewPath, initialEdits));
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    return problemPage(context, interview, kind, draftProblemOf(error, ids), match.path);
  }

  const title = t("draft.title", { what: draftTitles[kind], name: interview.person.name });
  const subjectField = field({ name: "subject", label: t("draft.subject"), value: preview.subject });
  const subjectInput = subjectField.querySelector("input")!;
  const bodyLabelId = uniqueId("draft-body-label");
  const bodyHintId = uniqueId("draft-body-hint");
  const body = h("div", {
    class: "editor input", contenteditable: "true", role: "textbox", "aria-multiline": "true",
    "aria-labelledby": bodyLabelId, "aria-describedby": bodyHintId, spellcheck: "true", "data-testid": "draft-body",
  });
  body.append(safeFragment(preview.html));
  const bodyError = h("p", { id: uniqueId("draft-body-error"), class: "field-error", "data-error-for": "html" });
  body.setAttribute("aria-describedby", `${bodyHintId} ${bodyError.id}`);
  // A subject or body the host refuses (empty, too long) gets its message beside it.
  const showEditErrors = (errors: Record<string, string[]>) => {
    for (const [name, control] of [["subject", subjectInput], ["html", body]] as const) {
      const slot = name === "html" ? bodyError : subjectField.querySelector<HTMLElement>("[data-error-for]")!;
      const messages = errors[name] ?? [];
      replaceChildren(slot, messages.map((m) => h("span", { class: "field-error-message" }, m)));
      if (messages.length > 0) control.setAttribute("aria-invalid", "true");
      else control.removeAttribute("aria-invalid");
    }
  };
  let takeawayId = preview.takeawayId;
  let text = preview.text;

  const edits = (): DraftEdits => {
    const current: DraftEdits = { subject: subjectInput.value, html: body.innerHTML };
    if (kind === "thankYou" && takeawayId) current.takeawayId = takeawayId;
    return current;
  };
  const keep = () => {
    const values: Record<string, string> = { subject: subjectInput.value, html: body.innerHTML };
    if (takeawayId) values["takeawayId"] = takeawayId;
    saveDraft(draftKey, values);
  };

  // The checker's verdict: every rule for an outreach request; for a thank-you, the rules any mail
  // keeps (no placeholder, gap or markup, say from a name typed with one). Only the one-line summary is a live region: reading the
  // whole list out after every pause in typing would drown the user.
  const checkerSummary = h("p", { role: "status", class: "checker-summary", "data-testid": "findings-summary" });
  const checkerList = h("ul", { class: "list findings", "data-testid": "findings", "aria-label": t("draft.checkerFound") });
  const showFindings = (findings: DraftFinding[]) => {
    checkerSummary.textContent = findings.length === 0
      ? t("common.noProblems")
      : t("common.thingsToLook", { count: findings.length });
    replaceChildren(checkerList, findings.map((f) => {
      // The checker's own message often quotes the words already.
      const found = findingExcerpt(f, subjectInput.value, text);
      const excerpt = found && !f.message.includes(found) ? found : "";
      return h("li", { class: "list-item finding", "data-rule": f.rule },
        h("span", { class: "list-title" }, f.message),
        h("span", { class: "list-meta" }, f.part === "subject" ? t("draft.subject") : t("draft.partBody"), excerpt ? t("draft.excerpt", { text: excerpt }) : ""));
    }));
  };
  let generation = 0;
  const recheck = async () => {
    const mine = ++generation;
    checkerSummary.textContent = t("common.checking");
    try {
      const next = await context.api.post<DraftPreview>(previewPath, edits());
      if (mine !== generation) return;
      text = next.text;
      showEditErrors({});
      showFindings(next.findings);
    } catch (error) {
      if (mine !== generation) return;
      checkerSummary.textContent = t("draft.couldNotCheck");
      if (!(error instanceof ApiError)) throw error;
      showEditErrors(error.fieldErrors);
      context.showError(draftProblemOf(error, ids).message);
    }
  };
  const scheduleCheck = debounce(() => void recheck(), recheckDelayMs);
  window.addEventListener("hashchange", () => scheduleCheck.cancel(), { once: true });
  const checked = kind === "outreach" || kind === "thankYou";
  const edited = () => {
    keep();
    if (checked) scheduleCheck();
  };
  subjectInput.addEventListener("input", edited);
  body.addEventListener("input", edited);

  const checkAgain = h("button", { type: "button", class: "button" }, t("draft.checkAgain"));
  checkAgain.addEventListener("click", () => {
    scheduleCheck.cancel();
    void recheck();
  });

  const messageCard = card(
    h("h2", null, kind === "invite" ? t("draft.theInvitation") : t("draft.theMessage")),
    h("dl", { class: "facts" },
      h("dt", null, t("draft.to")),
      h("dd", { "data-testid": "draft-to" }, preview.to.name ? `${preview.to.name} <${preview.to.address}>` : preview.to.address)),
    replyTo ? h("p", { class: "hint", "data-testid": "draft-reply" }, t("draft.replyHint")) : null,
    h("div", { class: "form" },
      subjectField,
      h("div", { class: "field" },
        h("span", { id: bodyLabelId, class: "label" }, t("draft.partBody")),
        h("p", { id: bodyHintId, class: "hint" }, t("draft.bodyHint")),
        body,
        bodyError)),
    checked
      ? h("section", { class: "checker", "aria-labelledby": "checker-title" },
        h("h3", { id: "checker-title" }, kind === "outreach" ? t("draft.outreachRules") : t("draft.beforeSend")),
        checkerSummary, checkerList,
        h("div", { class: "button-row" }, checkAgain))
      : null);
  if (checked) showFindings(preview.findings);

  // The thank-you quotes one takeaway; choosing another writes the message again around it.
  let takeawayCard: HTMLElement | null = null;
  if (kind === "thankYou") {
    const rewrite = async (chosen: string) => {
      takeawayId = chosen;
      const mine = ++generation;
      try {
        const next = await context.progress(t("draft.writingThankYou"), context.api.post<DraftPreview>(previewPath, { subject: subjectInput.value, takeawayId: chosen }));
        if (mine !== generation) return;
        text = next.text;
        takeawayId = next.takeawayId ?? chosen;
        replaceChildren(body, safeFragment(next.html));
        showFindings(next.findings);
        keep();
      } catch (error) {
        if (error instanceof ApiError) showProblem(draftProblemOf(error, ids));
        else throw error;
      }
    };
    const groupName = uniqueId("takeaway");
    takeawayCard = card(
      h("fieldset", { class: "choices", "data-testid": "takeaway-choice" },
        h("legend", null, t("draft.takeawayToQuote")),
        h("p", { class: "hint" }, t("draft.takeawayHint")),
        interview.takeaways.map((takeaway) => {
          const radioId = uniqueId("takeaway-option");
          const radio = h("input", { type: "radio", id: radioId, name: groupName, value: takeaway.id, checked: takeaway.id === takeawayId });
          radio.addEventListener("change", () => {
            if (radio.checked) void rewrite(takeaway.id);
          });
          return h("div", { class: "field-checkbox" }, radio, h("label", { for: radioId }, takeaway.text, takeaway.isMostHelpful ? t("draft.mostHelpful") : ""));
        })));
  }

  const problemArea = h("div", { "data-testid": "draft-problem" });
  const resultArea = h("div", { "data-testid": "draft-result" });
  const create = h("button", { type: "button", class: "button button-primary", "data-testid": "create-draft" }, createLabels[kind]);
  let retryTimer: ReturnType<typeof setTimeout> | undefined;

  function showProblem(problem: DraftProblem): void {
    context.showError(problem.message);
    const retryLabel = problem.action === "consent" ? t("draft.grantRetry") : problem.action === "signIn" ? t("draft.signInAgain") : null;
    const retry = retryLabel ? h("button", { type: "button", class: "button" }, retryLabel) : null;
    retry?.addEventListener("click", () => runCreate());
    const existing = problem.existing ? whereLink(context, kind, problem.existing) : null;
    replaceChildren(problemArea, (problem.link || retry || existing || problem.retryAfterSeconds || problem.inProgress) ? h("div", { class: "problem" },
      h("p", null, problem.message),
      problem.retryAfterSeconds
        ? h("p", { class: "hint" }, t("draft.buttonBack", { seconds: problem.retryAfterSeconds }))
        : null,
      problem.inProgress ? h("p", { class: "hint" }, t("draft.inProgress")) : null,
      h("div", { class: "button-row" },
        problem.link ? linkButton(problem.link.label, problem.link.hash) : null,
        retry,
        existing)) : null);
  }

  function runCreate(): void {
    if (create.disabled) return;
    create.disabled = true;
    clearTimeout(retryTimer);
    scheduleCheck.cancel();
    context.clearError();
    problemArea.replaceChildren();
    const request: DraftEdits = { ...edits() };
    if (replyTo) request.replyToMessageId = replyTo;
    void context.progress(createProgressLabels[kind], context.api.post<DraftCreated>(`/api/interviews/${encodeURIComponent(interview.id)}/drafts/${kind}`, request))
      .then((created) => {
        clearDraft(draftKey);
        showEditErrors({});
        create.disabled = false;
        showResult(context, kind, interview, created, resultArea);
      })
      .catch((error: unknown) => {
        if (!(error instanceof ApiError)) {
          console.error(error);
          create.disabled = false;
          context.showError(t("draft.unexpected"));
          return;
        }
        const problem = draftProblemOf(error, ids);
        showEditErrors(error.fieldErrors);
        showProblem(problem);
        if (problem.retryAfterSeconds) retryTimer = setTimeout(() => (create.disabled = false), problem.retryAfterSeconds * 1000);
        else create.disabled = false;
      });
  }
  create.addEventListener("click", runCreate);

  return h("div", { class: "view", "data-view": "draft", "data-kind": kind },
    pageHeader(title, leads[kind]),
    kind === "invite" ? inviteDetails(interview, preview) : null,
    takeawayCard,
    messageCard,
    card(
      h("div", { class: "button-row" }, create, linkButton(t("common.backToConversation"), href(`/interviews/${interview.id}`), false)),
      problemArea,
      resultArea));
};

/** The invite's time in both zones, whether the questions fit, and the file that travels with it. */
function inviteDetails(interview: Interview, preview: DraftPreview): HTMLElement[] {
  const sections: HTMLElement[] = [];
  const meeting = preview.meeting;
  if (meeting) {
    // The pane writes both times in the user's own locale; the host's summary stands in when a
    // zone is one this browser does not know.
    const own = formatInZone(meeting.start, meeting.timeZone);
    const theirs = meeting.personTimeZone && meeting.personTimeZone !== meeting.timeZone ? formatInZone(meeting.start, meeting.personTimeZone) : "";
    const minutes = Math.round((new Date(meeting.end).getTime() - new Date(meeting.start).getTime()) / 60_000);
    sections.push(card(
      h("h2", null, t("draft.when")),
      own
        ? h("dl", { class: "facts", "data-testid": "meeting-summary" },
          h("dt", null, t("draft.yourTime")), h("dd", null, own),
          theirs ? [h("dt", null, t("draft.theirTime", { name: interview.person.name })), h("dd", { "data-testid": "meeting-their-time" }, theirs)] : null,
          Number.isFinite(minutes) && minutes > 0 ? [h("dt", null, t("draft.length")), h("dd", null, t("draft.minutes", { minutes }))] : null)
        : h("p", { "data-testid": "meeting-summary" }, meeting.summary)));
  }
  const estimate = preview.estimate;
  if (estimate) {
    sections.push(card(
      h("h2", null, t("draft.timeForQuestions")),
      h("p", { "data-testid": "estimate" },
        t("draft.estimate", { count: estimate.questionCount, estimated: estimate.estimatedMinutes, meeting: estimate.meetingMinutes })),
      estimate.tooLong
        ? [
          h("p", { class: "warning" }, t("draft.tooLong")),
          h("p", { "data-testid": "left-out-summary" }, leftOutSentence(estimate)),
          h("ul", { "data-testid": "left-out-questions" }, estimate.leftOut.map((q) => h("li", null, q))),
          linkButton(t("draft.tailorForThis"), href(`/interviews/${interview.id}/questions`), false),
        ]
        : h("p", { class: "hint" }, t("draft.theyFit"))));
  }
  const attachment = preview.attachment;
  if (attachment) {
    const link = h("a", { href: base64Url(attachment.contentBase64, attachment.contentType), download: attachment.fileName, "data-testid": "attachment-link" }, attachment.fileName);
    sections.push(card(
      h("h2", null, t("draft.attachedFile")),
      h("p", null, link, ` (${formatSize(attachment.size)})`),
      h("p", { class: "hint" }, t("draft.attachedHint"))));
  }
  return sections;
}

const resultSentences: Record<DraftKind, Record<DraftCreated["outcome"], (name: string, isReply: boolean) => string>> = {
  outreach: {
    created: (name, reply) => t("result.outreach.created", { name, reply: reply ? t("result.asReply") : "" }),
    updated: (name) => t("result.outreach.updated", { name }),
    resumed: (name) => t("result.outreach.resumed", { name }),
  },
  invite: {
    created: (name) => t("result.invite.created", { name }),
    updated: (name) => t("result.invite.updated", { name }),
    resumed: (name) => t("result.invite.resumed", { name }),
  },
  thankYou: {
    created: (name, reply) => t("result.thankYou.created", { name, reply: reply ? t("result.asReply") : "" }),
    updated: (name) => t("result.thankYou.updated", { name }),
    resumed: (name) => t("result.thankYou.resumed", { name }),
  },
};

/** Where the user sees an item: Outlook's own form, the local mailbox page, or Outlook on the web. */
function whereLink(context: PaneContext, kind: DraftKind, item: { itemId: string; webLink: string | null }, openNow = false): HTMLElement | null {
  const link = resultLinkFor(item, { inOutlook: canOpenInOutlook(context.office), mode: context.me.mode });
  const itemKind = kind === "invite" ? "appointment" : "message";
  if (link.type === "outlook") {
    if (openNow) openInOutlook(itemKind, item.itemId);
    const open = h("button", { type: "button", class: "button", "data-testid": "result-link" }, kind === "invite" ? t("draft.openInviteOutlook") : t("draft.openDraftOutlook"));
    open.addEventListener("click", () => openInOutlook(itemKind, item.itemId));
    return open;
  }
  if (link.type === "localMailbox") return h("a", { href: link.hash, class: "button", "data-testid": "result-link" }, t("draft.seeLocal"));
  if (link.type === "web") return h("a", { href: link.url, class: "button", target: "_blank", rel: "noopener noreferrer", "data-testid": "result-link" }, t("draft.openWeb"));
  return null;
}

function showResult(context: PaneContext, kind: DraftKind, interview: Interview, created: DraftCreated, area: HTMLElement): void {
  const name = interview.person.name;
  const where = whereLink(context, kind, created, true);

  // Outreach and thank-you are sent by the user from Outlook, so the stage waits for them to say so.
  const nextStage = kind === "outreach" ? "contacted" : kind === "thankYou" ? "thanked" : null;
  let markSent: HTMLButtonElement | null = null;
  if (nextStage && created.interview.allowedNextStages.includes(nextStage)) {
    markSent = h("button", { type: "button", class: "button button-primary" }, t("draft.iSentIt", { action: lowerFirst(stageActions[nextStage]) }));
    markSent.addEventListener("click", () => {
      markSent!.disabled = true;
      context.clearError();
      // "I sent it" is the user saying the thank-you went out: that confirms it even before the planned start.
      const move = nextStage === "thanked" ? { stage: nextStage, confirmEarly: true } : { stage: nextStage };
      void context.progress(t("interview.updatingStage"), context.api.post<Interview>(`/api/interviews/${interview.id}/stage`, move))
        .then(() => context.navigate(href(`/interviews/${interview.id}`)))
        .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
        .finally(() => (markSent!.disabled = false));
    });
  }

  const heading = h("h2", { tabindex: -1 }, kind === "invite" ? t("draft.inviteSent") : t("draft.created"));
  replaceChildren(area, h("div", { class: "result" },
    heading,
    h("p", { "data-testid": "result-sentence" }, resultSentences[kind][created.outcome](name, created.isReply)),
    kind === "invite" ? h("p", null, t("interview.stage"), h("strong", { "data-testid": "result-stage" }, stageLabels[created.interview.stage])) : null,
    h("div", { class: "button-row" }, markSent, where)));
  heading.focus();
}

/** The draft could not be written: say why, and link to where the missing piece is filled in. */
function problemPage(context: PaneContext, interview: Interview, kind: DraftKind, problem: DraftProblem, path: string): Node {
  context.showError(problem.message);
  const retry = h("button", { type: "button", class: "button" }, t("common.tryAgain"));
  retry.addEventListener("click", () => context.navigate(`#${path}${location.hash.includes("?") ? location.hash.slice(location.hash.indexOf("?")) : ""}`));
  return h("div", { class: "view", "data-view": "draft", "data-kind": kind },
    pageHeader(t("draft.title", { what: draftTitles[kind], name: interview.person.name })),
    card(
      h("div", { class: "problem", "data-testid": "draft-problem" },
        h("p", null, problem.message),
        h("div", { class: "button-row" },
          problem.link ? linkButton(problem.link.label, problem.link.hash) : null,
          retry,
          linkButton(t("common.backToConversation"), href(`/interviews/${interview.id}`), false)))));
}
