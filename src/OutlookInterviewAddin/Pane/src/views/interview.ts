// One conversation: its stage, the plan (when, where, which questions), the question list as it
// will be sent, and what came out of it: takeaways, referrals, a reflection on the career and, after
// the thank-you, the stay-in-touch updates.

import { ApiError } from "../api";
import type { PaneContext, View } from "../context";
import { h, replaceChildren, uniqueId } from "../dom";
import { draftActionsFor, draftHash } from "../drafts";
import { checkbox, field, formErrors, keepDraft, onSubmit, submitButton } from "../forms";
import {
  canRecordTouch, fitLabels, orNull, placeKindLabels, stageActions, stageLabels,
  type Interview, type InterviewQuestions, type Person, type PlaceKind, type Profile, type QuestionListSummary, type Stage, type Takeaway,
} from "../model";
import { currentStep, linkedInNote, stepLabels, stepOrder, stageMovesFor, undoableMove, type StageMove, type Step } from "../stages";
import { formatDate, formatDateTime, fromLocalInputValue, isPast, toLocalInputValue, zoneHint } from "../time";
import { href } from "../router";
import { card, confirmPanel, deleteUndoMinutes, deleteWithUndo, linkButton, pageHeader } from "./common";
import { questionEditor } from "./questionEditor";
import { lowerFirst, labels, t } from "../i18n";

export const interviewView: View = async (context, match) => {
  const id = match.params["id"]!;
  const [interview, questions, lists] = await context.progress(t("interview.loading"), Promise.all([
    context.api.get<Interview>(`/api/interviews/${id}`),
    context.api.get<InterviewQuestions>(`/api/interviews/${id}/questions`),
    context.api.get<QuestionListSummary[]>("/api/question-lists"),
  ]));
  const reload = () => context.navigate(href(`/interviews/${id}`));
  // The person's LinkedIn link, for the "connect" step; the page stands without it.
  const [person, profile] = await Promise.all([
    context.api.get<Person>(`/api/people/${interview.person.id}`).catch(() => null),
    context.api.get<Profile>("/api/profile").catch(() => null),
  ]);
  const focus = match.query.get("focus");
  const step = currentStep(interview, new Date());
  // The sections of the steps behind and ahead start closed, one click away; a "?focus=" opens its own.
  const planOpen = ["ask", "schedule", "prepare"].includes(step) || focus === "plan";
  const afterMeeting = ["meet", "record", "thank", "connect", "stay"].includes(step) || focus === "takeaways";
  const view = h("div", { class: "view", "data-view": "interview" },
    pageHeader(t("interview.title", { name: interview.person.name })),
    card(
      h("p", null, h("a", { href: href(`/people/${interview.person.id}`) }, interview.person.name),
        interview.person.organisation ? `, ${interview.person.organisation}` : ""),
      h("p", null, t("interview.stage"), h("strong", { "data-testid": "stage" }, stageLabels[interview.stage])),
      undoSection(context, interview, reload),
      stageButtons(context, interview, reload)),
    nextStepSection(interview, person, profile?.fullName?.trim() || context.me.displayName),
    canRecordTouch(interview.stage) ? touchesSection(context, interview, reload) : null,
    collapsible(planSection(context, interview, lists, reload), planOpen, id),
    questionsSection(context, interview, questions, reload),
    // What was written down already is shown, whatever the step.
    collapsible(takeawaysSection(context, interview, reload), afterMeeting || interview.takeaways.length > 0, id),
    collapsible(referralsSection(context, interview, reload), afterMeeting || interview.referrals.length > 0, id),
    collapsible(reflectionSection(context, interview, reload), afterMeeting || interview.fit?.rating != null || !!interview.fit?.note, id),
    deleteConversationSection(context, interview));
  // "?focus=plan" (or takeaways): a draft that needs the time or a takeaway sends the user here.
  if (focus === "plan" || focus === "takeaways") {
    // After the shell has put the view on screen and focused its heading.
    setTimeout(() => {
      view.querySelector(`#${focus}-title`)?.scrollIntoView({ block: "start" });
      view.querySelector<HTMLElement>(`form[aria-labelledby="${focus}-title"] .input`)?.focus({ preventScroll: true });
    }, 0);
  }
  return view;
};

// Sections the user opened or closed, by interview and heading: the page rebuilds after every save,
// and a section just worked in stays as the user left it.
const toggled = new Map<string, boolean>();

/** A section card whose content folds under its heading (a <details>), open when its step is near or the user opened it. */
function collapsible(section: HTMLElement, open: boolean, interviewId: string): HTMLElement {
  const heading = section.querySelector("h2");
  if (!heading) return section;
  heading.classList.add("inline-heading");
  const key = `${interviewId}:${heading.id}`;
  const details = h("details", { class: "step-section", open: toggled.get(key) ?? open });
  details.addEventListener("toggle", () => toggled.set(key, details.open));
  const summary = h("summary", null);
  const rest = [...section.childNodes].filter((n) => n !== heading);
  summary.append(heading);
  details.append(summary, ...rest);
  section.replaceChildren(details);
  return section;
}

const stepHints = labels<Step>({
  ask: "stepHint.ask",
  schedule: "stepHint.schedule",
  prepare: "stepHint.prepare",
  meet: "stepHint.meet",
  record: "stepHint.record",
  thank: "stepHint.thank",
  connect: "stepHint.connect",
  stay: "stepHint.stay",
});

/** The steps of a conversation, the one it is at open with what to do there: its draft, its link, its note. */
function nextStepSection(interview: Interview, person: Person | null, fallbackName: string): HTMLElement {
  const step = currentStep(interview, new Date());
  const actions = draftActionsFor(interview, new Date());
  const firstEnabled = actions.find((a) => a.enabled);
  const drafts = actions.length === 0 ? null : h("ul", { class: "list", "aria-label": t("interview.drafts"), "data-testid": "draft-actions" }, actions.map((action) => {
    if (action.enabled) {
      return h("li", { class: "list-item", "data-kind": action.kind }, linkButton(action.label, draftHash(interview.id, action.kind), action === firstEnabled));
    }
    const hintId = uniqueId("draft-hint");
    const fix = action.kind === "invite" ? { label: t("interview.setTime"), focus: "plan" } : { label: t("missing.takeaways"), focus: "takeaways" };
    return h("li", { class: "list-item", "data-kind": action.kind },
      h("button", { type: "button", class: "button", disabled: true, "aria-describedby": hintId }, action.label),
      h("p", { id: hintId, class: "hint" }, action.hint, " ", h("a", { href: href(`/interviews/${interview.id}`, { focus: fix.focus }) }, fix.label)));
  }));
  const connect = step === "connect" ? connectStep(interview, person, fallbackName) : null;
  return card(h("h2", { id: "next-step-title" }, t("interview.nextStep"), h("span", { "data-testid": "next-step" }, stepLabels[step])),
    h("p", null, stepHints[step]),
    connect,
    drafts ? [h("p", { class: "hint" }, t("interview.draftsHint")), drafts] : null,
    h("ol", { class: "steps", "aria-label": t("interview.steps") }, stepOrder.map((s) =>
      h("li", { class: s === step ? "step step-current" : "step", "aria-current": s === step ? "step" : null }, stepLabels[s]))));
}

/** Their LinkedIn profile and a short note to paste with the invitation. */
function connectStep(interview: Interview, person: Person | null, fallbackName: string): HTMLElement {
  const note = linkedInNote(interview.person.name, person?.greetAs ?? null, fallbackName);
  const noteId = uniqueId("linkedin-note");
  const link = person?.linkedInUrl && /^https?:\/\//i.test(person.linkedInUrl)
    ? h("p", null, h("a", { href: person.linkedInUrl, target: "_blank", rel: "noopener noreferrer", "data-testid": "connect-linkedin" }, t("interview.onLinkedIn", { name: interview.person.name })))
    : h("p", null, t("interview.noLinkedIn"), h("a", { href: href(`/people/${interview.person.id}/edit`) }, t("interview.addIt")), ".");
  const text = h("textarea", { id: noteId, class: "input", rows: 3, readonly: true, "data-testid": "connect-note" });
  text.value = note;
  return h("div", { "data-testid": "connect-step" }, link,
    h("label", { for: noteId, class: "label" }, t("interview.noteLabel")), text);
}

/**
 * The moves that make sense now. "Mark scheduled" asks when they meet (a scheduled conversation
 * has a time); "Mark interviewed" and "Mark thanked" before the meeting's start ask to be sure.
 */
function stageButtons(context: PaneContext, interview: Interview, reload: () => void): HTMLElement | null {
  const moves = stageMovesFor(interview, new Date());
  if (moves.length === 0) return null;
  const asking = h("div", { "data-testid": "stage-ask" });
  const row = h("div", { class: "button-row", role: "group", "aria-label": t("interview.moveStage") },
    moves.map((move) => {
      const button = h("button", { type: "button", class: "button", "data-stage": move.stage }, stageActions[move.stage]);
      button.addEventListener("click", () => {
        context.clearError();
        if (move.asks === "none") {
          void moveStage(context, interview, move.stage, false, button).then(reload, () => undefined);
          return;
        }
        replaceChildren(asking, move.asks === "time"
          ? scheduleForm(context, interview, reload, () => { asking.replaceChildren(); button.focus(); })
          : confirmEarly(context, interview, move, reload, () => { asking.replaceChildren(); button.focus(); }));
        asking.querySelector<HTMLElement>(".input, .button-primary")?.focus();
      });
      return button;
    }));
  return h("div", null, row, asking);
}

function moveStage(context: PaneContext, interview: Interview, stage: Stage, confirmEarly: boolean, button: HTMLButtonElement): Promise<Interview> {
  button.disabled = true;
  return context.progress(t("interview.updatingStage"), context.api.post<Interview>(`/api/interviews/${interview.id}/stage`, confirmEarly ? { stage, confirmEarly } : { stage }))
    .catch((error: unknown) => {
      context.showError(error instanceof Error ? error.message : String(error));
      throw error;
    })
    .finally(() => (button.disabled = false));
}

/** "Mark scheduled" with the time they meet, saved with the move. */
function scheduleForm(context: PaneContext, interview: Interview, reload: () => void, cancelled: () => void): HTMLElement {
  const cancel = h("button", { type: "button", class: "button" }, t("common.cancel"));
  cancel.addEventListener("click", cancelled);
  const form = h("form", { class: "form", "aria-label": t("interview.scheduleForm"), "data-testid": "schedule-form" },
    formErrors(),
    h("p", null, t("interview.whenMeet", { name: interview.person.name })),
    field({ name: "plannedStart", label: t("interview.whenYouMeet"), type: "datetime-local", required: true, hint: zoneHint() }),
    h("div", { class: "form-actions" }, submitButton(t("interview.saveTimeScheduled")), cancel));
  onSubmit(form, context, t("interview.updatingStage"), (v) => {
    const start = fromLocalInputValue(v["plannedStart"] ?? "");
    if (!start) return Promise.reject(new ApiError(400, t("interview.chooseWhen"), { plannedStart: [t("interview.chooseWhen")] }));
    return context.api.post<Interview>(`/api/interviews/${interview.id}/stage`, { stage: "scheduled", plannedStart: start });
  }, reload);
  return form;
}

/** The meeting has not started: say so, and move only when the user is sure. */
function confirmEarly(context: PaneContext, interview: Interview, move: StageMove, reload: () => void, cancelled: () => void): HTMLElement {
  const yes = h("button", { type: "button", class: "button button-primary" }, t("interview.yes", { action: lowerFirst(stageActions[move.stage]) }));
  const cancel = h("button", { type: "button", class: "button" }, t("common.cancel"));
  cancel.addEventListener("click", cancelled);
  // The user said yes: the API refuses this move before the planned start unless the request says so.
  yes.addEventListener("click", () => void moveStage(context, interview, move.stage, true, yes).then(reload, () => undefined));
  return h("div", { class: "confirm", role: "group", "aria-labelledby": "confirm-early-text", "data-testid": "confirm-early" },
    h("p", { id: "confirm-early-text" }, t("interview.notStarted", { name: interview.person.name, when: formatDateTime(interview.plannedStart) }),
      move.stage === "interviewed" ? t("interview.markInterviewedAnyway") : t("interview.markThankedAnyway")),
    h("div", { class: "button-row" }, yes, cancel));
}

/** Undo for the latest move while it is recent: back to the stage before, as if it had not been made. */
function undoSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement | null {
  const move = undoableMove(interview, new Date());
  if (!move) return null;
  const undo = h("button", { type: "button", class: "button", "data-testid": "stage-undo" }, t("interview.undoBack", { stage: stageLabels[move.from].toLowerCase() }));
  undo.addEventListener("click", () => {
    undo.disabled = true;
    context.clearError();
    void context.progress(t("interview.undoing"), context.api.post<Interview>(`/api/interviews/${interview.id}/stage/undo`, { stage: move.to }))
      .then(reload)
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (undo.disabled = false));
  });
  return h("p", { class: "undo-row", "data-testid": "stage-undo-row" }, t("interview.moved", { stage: stageLabels[move.to].toLowerCase(), when: formatDateTime(interview.stageEnteredAt), until: formatDateTime(move.until) }), undo);
}

function touchesSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  // The date starts empty rather than at this minute: a minute rounded down could fall before the
  // thank-you, which the API refuses. Empty means now.
  const form = h("form", { class: "form", "aria-labelledby": "touch-form-title" },
    formErrors(),
    field({ name: "note", label: t("interview.toldThem"), multiline: true, rows: 2, hint: t("interview.toldHint") }),
    field({ name: "at", label: t("interview.whenSent"), type: "datetime-local", hint: t("interview.leaveEmptyNow") }),
    h("div", { class: "form-actions" }, submitButton(t("interview.recordUpdate"))));
  const draft = keepDraft(form, `touch:${interview.id}`);
  // The first update moves the interview to staying in touch; reloading shows the new stage.
  onSubmit(form, context, t("interview.recording"), (v) => context.api.post(`/api/interviews/${interview.id}/touches`, {
    at: fromLocalInputValue(v["at"] ?? ""),
    note: orNull(v["note"]),
  }), reload, draft);
  return card(h("h2", { id: "touches-title" }, t("nextAction.stayInTouch")),
    h("p", null, t("interview.touchLead", { name: interview.person.name })),
    interview.touches.length === 0
      ? h("p", { class: "empty" }, t("interview.noUpdates"))
      : h("ul", { class: "list", "data-testid": "touches", "aria-labelledby": "touches-title" }, interview.touches.map((touch) => h("li", { class: "list-item" },
        h("time", { class: "list-meta", datetime: touch.at }, formatDate(touch.at)),
        h("span", { class: "list-title" }, touch.note ?? t("interview.noNote"))))),
    h("h3", { id: "touch-form-title" }, t("interview.recordAnUpdate")),
    form);
}

function planSection(context: PaneContext, interview: Interview, lists: QuestionListSummary[], reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "plan-title" },
    formErrors(),
    field({ name: "plannedStart", label: t("interview.when"), type: "datetime-local", value: toLocalInputValue(interview.plannedStart), hint: zoneHint() }),
    h("div", { "data-testid": "confirm-past" }),
    field({ name: "durationMinutes", label: t("interview.howLong"), type: "number", value: String(interview.durationMinutes ?? 30), min: 5, max: 240, hint: t("interview.howLongHint") }),
    field({
      name: "placeKind", label: t("interview.howMeet"), value: interview.placeKind ?? "",
      options: [{ value: "", label: t("interview.notDecided") }, ...(Object.keys(placeKindLabels) as PlaceKind[]).map((k) => ({ value: k, label: placeKindLabels[k] }))],
    }),
    field({ name: "place", label: t("interview.place"), value: interview.place }),
    field({ name: "meetingUrl", label: t("interview.meetingLink"), type: "url", value: interview.meetingUrl }),
    field({ name: "questionListId", label: t("interview.questionList"), value: interview.questionListId ?? "default", options: lists.map((l) => ({ value: l.id, label: t("interview.listOption", { name: l.name, count: l.questionCount }) })) }),
    h("div", { class: "form-actions" }, submitButton(t("interview.savePlan"))));
  const draft = keepDraft(form, `plan:${interview.id}`);
  const confirmSlot = form.querySelector<HTMLElement>('[data-testid="confirm-past"]')!;
  onSubmit(form, context, t("interview.savingPlan"), (v) => context.api.put<Interview>(`/api/interviews/${interview.id}`, {
    plannedStart: fromLocalInputValue(v["plannedStart"] ?? ""),
    durationMinutes: v["durationMinutes"] ? Number(v["durationMinutes"]) : null,
    placeKind: orNull(v["placeKind"]),
    place: orNull(v["place"]),
    meetingUrl: orNull(v["meetingUrl"]),
    questionListId: orNull(v["questionListId"]),
    confirmPast: v["confirmPast"] === "on",
  }).catch((error: unknown) => {
    // A time in the past: most often a slip (the wrong year). Saving it takes a tick that says it happened.
    if (error instanceof ApiError && error.problem?.["confirm"] === "confirmPast" && !confirmSlot.firstChild)
      replaceChildren(confirmSlot, checkbox("confirmPast", t("interview.alreadyHappened")));
    throw error;
  }), reload, draft, { savedMessage: t("interview.planSaved") });
  const past = interview.plannedStart !== null && isPast(interview.plannedStart);
  const meetingAhead = ["prospect", "contacted", "noReply", "scheduled"].includes(interview.stage);
  return card(h("h2", { id: "plan-title" }, t("interview.plan")),
    interview.plannedStart
      ? h("p", { "data-testid": "planned-start" }, h("time", { datetime: interview.plannedStart }, formatDateTime(interview.plannedStart)),
        past && meetingAhead ? h("span", { class: "badge badge-warning", "data-testid": "planned-past" }, t("common.inThePast")) : null)
      : null,
    form);
}

function questionsSection(context: PaneContext, interview: Interview, questions: InterviewQuestions, reload: () => void): HTMLElement {
  const list = questions.filled;
  const tailorLink = linkButton(questions.isTailored ? t("interview.editTailored") : t("interview.tailor"), href(`/interviews/${interview.id}/questions`), false);
  let backToSaved: HTMLButtonElement | null = null;
  if (questions.isTailored) {
    backToSaved = h("button", { type: "button", class: "button" }, t("interview.backToSaved"));
    backToSaved.addEventListener("click", () => {
      backToSaved!.disabled = true;
      context.clearError();
      void context.progress(t("interview.goingBack"), context.api.delete(`/api/interviews/${interview.id}/questions`))
        .then(reload)
        .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
        .finally(() => (backToSaved!.disabled = false));
    });
  }
  return card(
    h("details", { class: "questions" },
      h("summary", null, h("h2", { class: "inline-heading" }, t("interview.questions")), ` (${list.name})`),
      list.opening ? h("p", null, list.opening) : null,
      list.parts.map((part) => [h("h3", null, part.title), h("ol", null, part.questions.map((q) => h("li", null, q)))]),
      list.closing ? h("p", null, list.closing) : null),
    questions.isTailored
      ? h("p", { class: "tailored", "data-testid": "questions-tailored" }, h("span", { class: "badge badge-brand" }, t("interview.tailoredBadge")), t("interview.tailoredText"))
      : h("p", { class: "hint", "data-testid": "questions-tailored" }, t("interview.savedAsIs")),
    h("div", { class: "button-row" }, tailorLink, backToSaved),
    h("p", null, h("a", { href: href("/question-lists") }, t("interview.editLists"))));
}

/** The interview's own copy of its questions: the same editor as a saved list, saved on the interview only. */
export const interviewQuestionsView: View = async (context, match) => {
  const id = match.params["id"]!;
  const [interview, questions] = await context.progress(t("interview.loadingQuestions"), Promise.all([
    context.api.get<Interview>(`/api/interviews/${id}`),
    context.api.get<InterviewQuestions>(`/api/interviews/${id}/questions`),
  ]));
  const form = questionEditor(context, {
    content: questions.list,
    draftKey: `interview-questions:${id}`,
    formLabel: t("interview.tailorQuestions"),
    submitLabel: t("interview.saveForThis"),
    progressLabel: t("interview.savingQuestions"),
    nameRequired: false,
    save: (content) => context.api.put<InterviewQuestions>(`/api/interviews/${id}/questions`, { ...content, name: orNull(content.name) }),
    saved: () => context.navigate(href(`/interviews/${id}`)),
  });
  return h("div", { class: "view", "data-view": "interview-questions" },
    pageHeader(t("interview.questionsFor", { name: interview.person.name }),
      questions.isTailored
        ? t("interview.alreadyTailored")
        : t("interview.thisOnly")),
    card(form, h("p", null, linkButton(t("common.backToConversation"), href(`/interviews/${id}`), false))));
};

function takeawaysSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "takeaways-title" },
    formErrors(),
    field({ name: "text", label: t("interview.aTakeaway"), multiline: true, rows: 2, hint: t("interview.takeawayHint") }),
    field({ name: "action", label: t("common.whatIllDo"), placeholder: t("common.actionPlaceholder"), hint: t("common.actionHint") }),
    checkbox("isMostHelpful", t("interview.mostHelpfulTip")),
    h("div", { class: "form-actions" }, submitButton(t("interview.addTakeaway"))));
  const draft = keepDraft(form, `takeaway:${interview.id}`);
  onSubmit(form, context, t("interview.adding"), (v) => context.api.post<Interview>(`/api/interviews/${interview.id}/takeaways`, {
    text: (v["text"] ?? "").trim(),
    action: orNull(v["action"]),
    isMostHelpful: v["isMostHelpful"] === "on",
  }), reload, draft);
  return card(h("h2", { id: "takeaways-title" }, t("common.takeaways")),
    undoDeletedTakeaway(context, interview, reload),
    interview.takeaways.length === 0
      ? h("p", { class: "empty" }, t("interview.noTakeaways"))
      : h("ul", { class: "list", "data-testid": "takeaways" }, interview.takeaways.map((takeaway) => takeawayItem(context, interview, takeaway, reload))),
    form);
}

/** A takeaway with its plan; Edit turns it into a small form in place (Save, or Cancel to leave it as it was). */
function takeawayItem(context: PaneContext, interview: Interview, takeaway: Takeaway, reload: () => void): HTMLElement {
  const item = h("li", { class: "list-item takeaway", "data-takeaway": takeaway.id });
  const path = `/api/interviews/${interview.id}/takeaways/${takeaway.id}`;
  const show = () => {
    const edit = h("button", { type: "button", class: "button button-subtle", "aria-label": t("interview.editTakeaway", { text: takeaway.text }) }, t("common.edit"));
    edit.addEventListener("click", () => {
      replaceChildren(item, editForm(() => {
        show();
        item.querySelector<HTMLButtonElement>("button")?.focus();
      }));
      item.querySelector<HTMLElement>(".input")?.focus();
    });
    replaceChildren(item,
      h("span", { class: "list-title" }, takeaway.text),
      takeaway.isMostHelpful ? h("span", { class: "badge badge-brand" }, t("interview.mostHelpful")) : null,
      takeaway.action ? h("p", { class: "takeaway-action", "data-testid": "takeaway-action" }, h("span", { class: "takeaway-action-label" }, t("interview.whatIllDoLabel")), takeaway.action) : null,
      h("div", { class: "takeaway-buttons" }, edit, deleteTakeawayButton(context, interview, takeaway, item, reload)));
  };
  const editForm = (cancelled: () => void) => {
    const cancel = h("button", { type: "button", class: "button" }, t("common.cancel"));
    cancel.addEventListener("click", cancelled);
    const form = h("form", { class: "form takeaway-edit", "aria-label": t("interview.editTakeaway", { text: takeaway.text }) },
      formErrors(),
      field({ name: "text", label: t("interview.takeaway"), value: takeaway.text, multiline: true, rows: 2, required: true }),
      field({ name: "action", label: t("common.whatIllDo"), value: takeaway.action, placeholder: t("common.actionPlaceholder") }),
      checkbox("isMostHelpful", t("interview.mostHelpfulTip"), takeaway.isMostHelpful),
      h("div", { class: "form-actions" }, submitButton(t("common.save")), cancel));
    // The edit replaces the text and the plan, and moves the most helpful mark here (the API clears the other) or off it.
    onSubmit(form, context, t("interview.savingTakeaway"), (v) => context.api.put<Interview>(path, {
      text: (v["text"] ?? "").trim(),
      action: orNull(v["action"]),
      isMostHelpful: v["isMostHelpful"] === "on",
    }), reload);
    return form;
  };
  show();
  return item;
}

/** Delete, after a confirmation; an "Undo" then puts the takeaway back as it was (text, plan, most helpful mark). */
function deleteTakeawayButton(context: PaneContext, interview: Interview, takeaway: Takeaway, item: HTMLElement, reload: () => void): HTMLButtonElement {
  const button = h("button", { type: "button", class: "button button-subtle", "aria-label": t("interview.deleteTakeawayAria", { text: takeaway.text }) }, t("common.delete"));
  button.addEventListener("click", () => {
    const slot = h("div");
    item.append(slot);
    replaceChildren(slot, confirmPanel(t("interview.deleteTakeawayQ", { text: takeaway.text }), t("interview.deleteTakeaway"), (yes) => {
      yes.disabled = true;
      context.clearError();
      void context.progress(t("common.deleting"), context.api.delete(`/api/interviews/${interview.id}/takeaways/${takeaway.id}`))
        .then(() => {
          deletedTakeaway = { interviewId: interview.id, takeaway, at: Date.now() };
          reload();
        })
        .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
        .finally(() => (yes.disabled = false));
    }, () => { slot.remove(); button.focus(); }));
    slot.querySelector<HTMLButtonElement>("button")?.focus();
  });
  return button;
}

// The takeaway deleted last, kept in the pane so "Undo" can add it again until the page is left.
let deletedTakeaway: { interviewId: string; takeaway: Takeaway; at: number } | null = null;
const undoForMs = 10 * 60_000;

function undoDeletedTakeaway(context: PaneContext, interview: Interview, reload: () => void): HTMLElement | null {
  const deleted = deletedTakeaway;
  if (!deleted || deleted.interviewId !== interview.id || Date.now() - deleted.at > undoForMs) {
    deletedTakeaway = null;
    return null;
  }
  const undo = h("button", { type: "button", class: "button", "data-testid": "takeaway-undo" }, t("common.undo"));
  undo.addEventListener("click", () => {
    undo.disabled = true;
    void context.progress(t("interview.puttingTakeawayBack"), context.api.post(`/api/interviews/${interview.id}/takeaways`, {
      text: deleted.takeaway.text, action: deleted.takeaway.action, isMostHelpful: deleted.takeaway.isMostHelpful,
    }))
      .then(() => { deletedTakeaway = null; reload(); })
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (undo.disabled = false));
  });
  return h("p", { class: "undo-row", role: "status" }, t("interview.deletedTakeaway", { text: deleted.takeaway.text }), undo);
}

/** Deleting the whole conversation: what goes is listed first; the people it suggested stay; the person page then offers "Undo". */
function deleteConversationSection(context: PaneContext, interview: Interview): HTMLElement {
  const slot = h("div");
  const button = h("button", { type: "button", class: "button", "data-testid": "delete-conversation" }, t("interview.deleteConversationButton"));
  button.addEventListener("click", () => {
    replaceChildren(slot, confirmPanel(
      t("interview.deleteConversationQ", {
        name: interview.person.name,
        takeaways: t("interview.takeawaysCount", { count: interview.takeaways.length }),
        updates: t("interview.updatesCount", { count: interview.touches.length }),
        minutes: deleteUndoMinutes,
      }),
      t("interview.deleteConversation"), (yes) => {
        yes.disabled = true;
        context.clearError();
        void context.progress(t("interview.deletingConversation"), deleteWithUndo(context, `/api/interviews/${interview.id}`))
          .then(() => context.navigate(href(`/people/${interview.person.id}`)))
          .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
          .finally(() => (yes.disabled = false));
      }, () => { slot.replaceChildren(); button.focus(); }));
    slot.querySelector<HTMLButtonElement>("button")?.focus();
  });
  return card(h("h2", null, t("common.delete")), h("div", { class: "button-row" }, button), slot);
}

function referralsSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "referrals-title" },
    formErrors(),
    field({ name: "name", label: t("common.name"), required: true }),
    field({ name: "email", label: t("common.email"), type: "email" }),
    field({ name: "organisation", label: t("person.organisation") }),
    field({ name: "role", label: t("person.role") }),
    h("div", { class: "form-actions" }, submitButton(t("interview.addReferral"))));
  const draft = keepDraft(form, `referral:${interview.id}`);
  const suggestedBefore = h("div", { "data-testid": "referral-offer" });
  onSubmit(form, context, t("interview.addingReferral"), (v) => {
    suggestedBefore.replaceChildren();
    return context.api.post<Person>(`/api/interviews/${interview.id}/referrals`, {
      name: (v["name"] ?? "").trim(),
      email: orNull(v["email"]),
      organisation: orNull(v["organisation"]),
      role: orNull(v["role"]),
      connection: "cold",
      connectionDetail: t("common.suggestedByName", { name: interview.person.name }),
    }).catch((error: unknown) => {
      // Someone else suggested them first: the link stays theirs; offer the person instead.
      const existingId = error instanceof ApiError && error.status === 409 ? error.problem?.["existingPersonId"] : undefined;
      const existingName = error instanceof ApiError ? error.problem?.["existingPersonName"] : undefined;
      if (typeof existingId === "string" && typeof existingName === "string")
        replaceChildren(suggestedBefore, h("div", { class: "button-row" }, linkButton(t("common.openName", { name: existingName }), href(`/people/${existingId}`), false)));
      throw error;
    });
  }, reload, draft);
  return card(h("h2", { id: "referrals-title" }, t("common.theySuggested")),
    interview.referrals.length === 0
      ? h("p", { class: "empty" }, t("interview.noReferrals"))
      : h("ul", { class: "list", "data-testid": "referrals" }, interview.referrals.map((r) => h("li", { class: "list-item" }, h("a", { href: href(`/people/${r.id}`), class: "list-link" }, r.name)))),
    suggestedBefore,
    form);
}

function reflectionSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "reflection-title" },
    formErrors(),
    field({ name: "rating", label: t("common.howCareer"), value: interview.fit?.rating ? String(interview.fit.rating) : "", options: Object.entries(fitLabels).map(([value, label]) => ({ value, label })) }),
    field({ name: "note", label: t("common.why"), value: interview.fit?.note, multiline: true }),
    h("div", { class: "form-actions" }, submitButton(t("interview.saveReflection"))));
  const draft = keepDraft(form, `fit:${interview.id}`);
  onSubmit(form, context, t("interview.savingReflection"), (v) => context.api.put<Interview>(`/api/interviews/${interview.id}/fit`, {
    rating: v["rating"] ? Number(v["rating"]) : null,
    note: orNull(v["note"]),
  }), reload, draft, { savedMessage: t("interview.reflectionSaved") });
  return card(h("h2", { id: "reflection-title" }, t("interview.reflection")), form);
}
