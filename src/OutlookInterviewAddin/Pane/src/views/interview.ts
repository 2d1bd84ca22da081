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

export const interviewView: View = async (context, match) => {
  const id = match.params["id"]!;
  const [interview, questions, lists] = await context.progress("Loading the conversation", Promise.all([
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
    pageHeader(`Conversation with ${interview.person.name}`),
    card(
      h("p", null, h("a", { href: href(`/people/${interview.person.id}`) }, interview.person.name),
        interview.person.organisation ? `, ${interview.person.organisation}` : ""),
      h("p", null, "Stage: ", h("strong", { "data-testid": "stage" }, stageLabels[interview.stage])),
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

const stepHints: Record<Step, string> = {
  ask: "Ask for 15 to 30 minutes of their time, for insight, never for a job: a short, friendly request that says how you know them.",
  schedule: "When they answer, agree a time in their time zone, then send the invite with the question list.",
  prepare: "Read the questions, tailor them to this person, and confirm the day before.",
  meet: "Open by thanking them and saying what you hope to learn; close by asking who else you should talk to.",
  record: "Right after the conversation: the main points, the one most helpful tip, who they suggested, how the career sounded.",
  thank: "Within 24 hours, thank them and name the tip they gave and how you will use it.",
  connect: "Connect on LinkedIn with a short note, so they can follow what you do with their advice.",
  stay: "About three updates a year: tell them what you did with their advice.",
};

/** The steps of a conversation, the one it is at open with what to do there: its draft, its link, its note. */
function nextStepSection(interview: Interview, person: Person | null, fallbackName: string): HTMLElement {
  const step = currentStep(interview, new Date());
  const actions = draftActionsFor(interview, new Date());
  const firstEnabled = actions.find((a) => a.enabled);
  const drafts = actions.length === 0 ? null : h("ul", { class: "list", "aria-label": "Drafts", "data-testid": "draft-actions" }, actions.map((action) => {
    if (action.enabled) {
      return h("li", { class: "list-item", "data-kind": action.kind }, linkButton(action.label, draftHash(interview.id, action.kind), action === firstEnabled));
    }
    const hintId = uniqueId("draft-hint");
    const fix = action.kind === "invite" ? { label: "Set the time", focus: "plan" } : { label: "Record a takeaway", focus: "takeaways" };
    return h("li", { class: "list-item", "data-kind": action.kind },
      h("button", { type: "button", class: "button", disabled: true, "aria-describedby": hintId }, action.label),
      h("p", { id: hintId, class: "hint" }, action.hint, " ", h("a", { href: href(`/interviews/${interview.id}`, { focus: fix.focus }) }, fix.label)));
  }));
  const connect = step === "connect" ? connectStep(interview, person, fallbackName) : null;
  return card(h("h2", { id: "next-step-title" }, "Next step: ", h("span", { "data-testid": "next-step" }, stepLabels[step])),
    h("p", null, stepHints[step]),
    connect,
    drafts ? [h("p", { class: "hint" }, "Drafts are written from your profile and this conversation. You see each one, and can change it, before it goes to your mailbox."), drafts] : null,
    h("ol", { class: "steps", "aria-label": "The steps of a conversation" }, stepOrder.map((s) =>
      h("li", { class: s === step ? "step step-current" : "step", "aria-current": s === step ? "step" : null }, stepLabels[s]))));
}

/** Their LinkedIn profile and a short note to paste with the invitation. */
function connectStep(interview: Interview, person: Person | null, fallbackName: string): HTMLElement {
  const note = linkedInNote(interview.person.name, person?.greetAs ?? null, fallbackName);
  const noteId = uniqueId("linkedin-note");
  const link = person?.linkedInUrl && /^https?:\/\//i.test(person.linkedInUrl)
    ? h("p", null, h("a", { href: person.linkedInUrl, target: "_blank", rel: "noopener noreferrer", "data-testid": "connect-linkedin" }, `${interview.person.name} on LinkedIn`))
    : h("p", null, "Their LinkedIn profile is not on their page yet: ", h("a", { href: href(`/people/${interview.person.id}/edit`) }, "add it"), ".");
  const text = h("textarea", { id: noteId, class: "input", rows: 3, readonly: true, "data-testid": "connect-note" });
  text.value = note;
  return h("div", { "data-testid": "connect-step" }, link,
    h("label", { for: noteId, class: "label" }, "A note to paste with the invitation"), text);
}

/**
 * The moves that make sense now. "Mark scheduled" asks when they meet (a scheduled conversation
 * has a time); "Mark interviewed" and "Mark thanked" before the meeting's start ask to be sure.
 */
function stageButtons(context: PaneContext, interview: Interview, reload: () => void): HTMLElement | null {
  const moves = stageMovesFor(interview, new Date());
  if (moves.length === 0) return null;
  const asking = h("div", { "data-testid": "stage-ask" });
  const row = h("div", { class: "button-row", role: "group", "aria-label": "Move to another stage" },
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
  return context.progress("Updating the stage", context.api.post<Interview>(`/api/interviews/${interview.id}/stage`, confirmEarly ? { stage, confirmEarly } : { stage }))
    .catch((error: unknown) => {
      context.showError(error instanceof Error ? error.message : String(error));
      throw error;
    })
    .finally(() => (button.disabled = false));
}

/** "Mark scheduled" with the time they meet, saved with the move. */
function scheduleForm(context: PaneContext, interview: Interview, reload: () => void, cancelled: () => void): HTMLElement {
  const cancel = h("button", { type: "button", class: "button" }, "Cancel");
  cancel.addEventListener("click", cancelled);
  const form = h("form", { class: "form", "aria-label": "Schedule the conversation", "data-testid": "schedule-form" },
    formErrors(),
    h("p", null, `A scheduled conversation has a time: when will you meet ${interview.person.name}?`),
    field({ name: "plannedStart", label: "When you will meet", type: "datetime-local", required: true, hint: zoneHint() }),
    h("div", { class: "form-actions" }, submitButton("Save the time and mark scheduled"), cancel));
  onSubmit(form, context, "Updating the stage", (v) => {
    const start = fromLocalInputValue(v["plannedStart"] ?? "");
    if (!start) return Promise.reject(new ApiError(400, "Choose when you will meet.", { plannedStart: ["Choose when you will meet."] }));
    return context.api.post<Interview>(`/api/interviews/${interview.id}/stage`, { stage: "scheduled", plannedStart: start });
  }, reload);
  return form;
}

/** The meeting has not started: say so, and move only when the user is sure. */
function confirmEarly(context: PaneContext, interview: Interview, move: StageMove, reload: () => void, cancelled: () => void): HTMLElement {
  const yes = h("button", { type: "button", class: "button button-primary" }, `Yes, ${stageActions[move.stage].toLowerCase()}`);
  const cancel = h("button", { type: "button", class: "button" }, "Cancel");
  cancel.addEventListener("click", cancelled);
  // The user said yes: the API refuses this move before the planned start unless the request says so.
  yes.addEventListener("click", () => void moveStage(context, interview, move.stage, true, yes).then(reload, () => undefined));
  return h("div", { class: "confirm", role: "group", "aria-labelledby": "confirm-early-text", "data-testid": "confirm-early" },
    h("p", { id: "confirm-early-text" }, `Your meeting with ${interview.person.name} is planned for ${formatDateTime(interview.plannedStart)} and has not started yet. `,
      move.stage === "interviewed" ? "Mark it interviewed anyway?" : "Mark the thank-you sent anyway?"),
    h("div", { class: "button-row" }, yes, cancel));
}

/** Undo for the latest move while it is recent: back to the stage before, as if it had not been made. */
function undoSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement | null {
  const move = undoableMove(interview, new Date());
  if (!move) return null;
  const undo = h("button", { type: "button", class: "button", "data-testid": "stage-undo" }, `Undo: back to ${stageLabels[move.from].toLowerCase()}`);
  undo.addEventListener("click", () => {
    undo.disabled = true;
    context.clearError();
    void context.progress("Undoing the stage move", context.api.post<Interview>(`/api/interviews/${interview.id}/stage/undo`, { stage: move.to }))
      .then(reload)
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (undo.disabled = false));
  });
  return h("p", { class: "undo-row", "data-testid": "stage-undo-row" }, `Moved to ${stageLabels[move.to].toLowerCase()} at ${formatDateTime(interview.stageEnteredAt)}; you can undo it until ${formatDateTime(move.until)}. `, undo);
}

function touchesSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  // The date starts empty rather than at this minute: a minute rounded down could fall before the
  // thank-you, which the API refuses. Empty means now.
  const form = h("form", { class: "form", "aria-labelledby": "touch-form-title" },
    formErrors(),
    field({ name: "note", label: "What you told them", multiline: true, rows: 2, hint: "What you did with their advice, or news they would like to hear." }),
    field({ name: "at", label: "When you sent it", type: "datetime-local", hint: "Leave empty for now." }),
    h("div", { class: "form-actions" }, submitButton("Record update")));
  const draft = keepDraft(form, `touch:${interview.id}`);
  // The first update moves the interview to staying in touch; reloading shows the new stage.
  onSubmit(form, context, "Recording the update", (v) => context.api.post(`/api/interviews/${interview.id}/touches`, {
    at: fromLocalInputValue(v["at"] ?? ""),
    note: orNull(v["note"]),
  }), reload, draft);
  return card(h("h2", { id: "touches-title" }, "Stay in touch"),
    h("p", null, `About three updates a year keep ${interview.person.name} in the loop: tell them what you did with their advice.`),
    interview.touches.length === 0
      ? h("p", { class: "empty" }, "No updates yet. The first one moves this conversation to staying in touch.")
      : h("ul", { class: "list", "data-testid": "touches", "aria-labelledby": "touches-title" }, interview.touches.map((t) => h("li", { class: "list-item" },
        h("time", { class: "list-meta", datetime: t.at }, formatDate(t.at)),
        h("span", { class: "list-title" }, t.note ?? "No note")))),
    h("h3", { id: "touch-form-title" }, "Record an update"),
    form);
}

function planSection(context: PaneContext, interview: Interview, lists: QuestionListSummary[], reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "plan-title" },
    formErrors(),
    field({ name: "plannedStart", label: "When", type: "datetime-local", value: toLocalInputValue(interview.plannedStart), hint: zoneHint() }),
    h("div", { "data-testid": "confirm-past" }),
    field({ name: "durationMinutes", label: "How long (minutes)", type: "number", value: String(interview.durationMinutes ?? 30), min: 5, max: 240, hint: "Ask for 15 to 30 minutes." }),
    field({
      name: "placeKind", label: "How you will meet", value: interview.placeKind ?? "",
      options: [{ value: "", label: "Not decided" }, ...(Object.keys(placeKindLabels) as PlaceKind[]).map((k) => ({ value: k, label: placeKindLabels[k] }))],
    }),
    field({ name: "place", label: "Place", value: interview.place }),
    field({ name: "meetingUrl", label: "Meeting link", type: "url", value: interview.meetingUrl }),
    field({ name: "questionListId", label: "Question list", value: interview.questionListId ?? "default", options: lists.map((l) => ({ value: l.id, label: `${l.name} (${l.questionCount} questions)` })) }),
    h("div", { class: "form-actions" }, submitButton("Save plan")));
  const draft = keepDraft(form, `plan:${interview.id}`);
  const confirmSlot = form.querySelector<HTMLElement>('[data-testid="confirm-past"]')!;
  onSubmit(form, context, "Saving the plan", (v) => context.api.put<Interview>(`/api/interviews/${interview.id}`, {
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
      replaceChildren(confirmSlot, checkbox("confirmPast", "It already happened: save this past time"));
    throw error;
  }), reload, draft, { savedMessage: "Plan saved." });
  const past = interview.plannedStart !== null && isPast(interview.plannedStart);
  const meetingAhead = ["prospect", "contacted", "noReply", "scheduled"].includes(interview.stage);
  return card(h("h2", { id: "plan-title" }, "Plan"),
    interview.plannedStart
      ? h("p", { "data-testid": "planned-start" }, h("time", { datetime: interview.plannedStart }, formatDateTime(interview.plannedStart)),
        past && meetingAhead ? h("span", { class: "badge badge-warning", "data-testid": "planned-past" }, "In the past") : null)
      : null,
    form);
}

function questionsSection(context: PaneContext, interview: Interview, questions: InterviewQuestions, reload: () => void): HTMLElement {
  const list = questions.filled;
  const tailorLink = linkButton(questions.isTailored ? "Edit the tailored questions" : "Tailor for this conversation", href(`/interviews/${interview.id}/questions`), false);
  let backToSaved: HTMLButtonElement | null = null;
  if (questions.isTailored) {
    backToSaved = h("button", { type: "button", class: "button" }, "Go back to the saved list");
    backToSaved.addEventListener("click", () => {
      backToSaved!.disabled = true;
      context.clearError();
      void context.progress("Going back to the saved list", context.api.delete(`/api/interviews/${interview.id}/questions`))
        .then(reload)
        .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
        .finally(() => (backToSaved!.disabled = false));
    });
  }
  return card(
    h("details", { class: "questions" },
      h("summary", null, h("h2", { class: "inline-heading" }, "Questions"), ` (${list.name})`),
      list.opening ? h("p", null, list.opening) : null,
      list.parts.map((part) => [h("h3", null, part.title), h("ol", null, part.questions.map((q) => h("li", null, q)))]),
      list.closing ? h("p", null, list.closing) : null),
    questions.isTailored
      ? h("p", { class: "tailored", "data-testid": "questions-tailored" }, h("span", { class: "badge badge-brand" }, "Tailored"), "Tailored for this conversation; your saved list is unchanged.")
      : h("p", { class: "hint", "data-testid": "questions-tailored" }, "The saved list, as it is. Tailor it to change the questions for this conversation only."),
    h("div", { class: "button-row" }, tailorLink, backToSaved),
    h("p", null, h("a", { href: href("/question-lists") }, "Edit your question lists")));
}

/** The interview's own copy of its questions: the same editor as a saved list, saved on the interview only. */
export const interviewQuestionsView: View = async (context, match) => {
  const id = match.params["id"]!;
  const [interview, questions] = await context.progress("Loading the questions", Promise.all([
    context.api.get<Interview>(`/api/interviews/${id}`),
    context.api.get<InterviewQuestions>(`/api/interviews/${id}/questions`),
  ]));
  const form = questionEditor(context, {
    content: questions.list,
    draftKey: `interview-questions:${id}`,
    formLabel: "Tailor the questions",
    submitLabel: "Save for this conversation",
    progressLabel: "Saving the questions",
    nameRequired: false,
    save: (content) => context.api.put<InterviewQuestions>(`/api/interviews/${id}/questions`, { ...content, name: orNull(content.name) }),
    saved: () => context.navigate(href(`/interviews/${id}`)),
  });
  return h("div", { class: "view", "data-view": "interview-questions" },
    pageHeader(`Questions for ${interview.person.name}`,
      questions.isTailored
        ? "Already tailored for this conversation. Changes here stay with this conversation; your saved list is unchanged."
        : "Changes here are for this conversation only; your saved list stays as it is."),
    card(form, h("p", null, linkButton("Back to the conversation", href(`/interviews/${id}`), false))));
};

function takeawaysSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "takeaways-title" },
    formErrors(),
    field({ name: "text", label: "A takeaway", multiline: true, rows: 2, hint: "A main point, a tip, how the career sounded." }),
    field({ name: "action", label: "What I'll do with it", placeholder: "Sign up for the spring hackathon", hint: "Optional. Your thank-you and later updates can tell them." }),
    checkbox("isMostHelpful", "This was the most helpful tip"),
    h("div", { class: "form-actions" }, submitButton("Add takeaway")));
  const draft = keepDraft(form, `takeaway:${interview.id}`);
  onSubmit(form, context, "Adding the takeaway", (v) => context.api.post<Interview>(`/api/interviews/${interview.id}/takeaways`, {
    text: (v["text"] ?? "").trim(),
    action: orNull(v["action"]),
    isMostHelpful: v["isMostHelpful"] === "on",
  }), reload, draft);
  return card(h("h2", { id: "takeaways-title" }, "Takeaways"),
    undoDeletedTakeaway(context, interview, reload),
    interview.takeaways.length === 0
      ? h("p", { class: "empty" }, "Right after the conversation, write down the main points, the one most helpful tip, and how the career sounded.")
      : h("ul", { class: "list", "data-testid": "takeaways" }, interview.takeaways.map((t) => takeawayItem(context, interview, t, reload))),
    form);
}

/** A takeaway with its plan; Edit turns it into a small form in place (Save, or Cancel to leave it as it was). */
function takeawayItem(context: PaneContext, interview: Interview, takeaway: Takeaway, reload: () => void): HTMLElement {
  const item = h("li", { class: "list-item takeaway", "data-takeaway": takeaway.id });
  const path = `/api/interviews/${interview.id}/takeaways/${takeaway.id}`;
  const show = () => {
    const edit = h("button", { type: "button", class: "button button-subtle", "aria-label": `Edit takeaway: ${takeaway.text}` }, "Edit");
    edit.addEventListener("click", () => {
      replaceChildren(item, editForm(() => {
        show();
        item.querySelector<HTMLButtonElement>("button")?.focus();
      }));
      item.querySelector<HTMLElement>(".input")?.focus();
    });
    replaceChildren(item,
      h("span", { class: "list-title" }, takeaway.text),
      takeaway.isMostHelpful ? h("span", { class: "badge badge-brand" }, "Most helpful") : null,
      takeaway.action ? h("p", { class: "takeaway-action", "data-testid": "takeaway-action" }, h("span", { class: "takeaway-action-label" }, "What I'll do: "), takeaway.action) : null,
      h("div", { class: "takeaway-buttons" }, edit, deleteTakeawayButton(context, interview, takeaway, item, reload)));
  };
  const editForm = (cancelled: () => void) => {
    const cancel = h("button", { type: "button", class: "button" }, "Cancel");
    cancel.addEventListener("click", cancelled);
    const form = h("form", { class: "form takeaway-edit", "aria-label": `Edit takeaway: ${takeaway.text}` },
      formErrors(),
      field({ name: "text", label: "Takeaway", value: takeaway.text, multiline: true, rows: 2, required: true }),
      field({ name: "action", label: "What I'll do with it", value: takeaway.action, placeholder: "Sign up for the spring hackathon" }),
      checkbox("isMostHelpful", "This was the most helpful tip", takeaway.isMostHelpful),
      h("div", { class: "form-actions" }, submitButton("Save"), cancel));
    // The edit replaces the text and the plan, and moves the most helpful mark here (the API clears the other) or off it.
    onSubmit(form, context, "Saving the takeaway", (v) => context.api.put<Interview>(path, {
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
  const button = h("button", { type: "button", class: "button button-subtle", "aria-label": `Delete takeaway: ${takeaway.text}` }, "Delete");
  button.addEventListener("click", () => {
    const slot = h("div");
    item.append(slot);
    replaceChildren(slot, confirmPanel(`Delete the takeaway "${takeaway.text}"?`, "Delete takeaway", (yes) => {
      yes.disabled = true;
      context.clearError();
      void context.progress("Deleting", context.api.delete(`/api/interviews/${interview.id}/takeaways/${takeaway.id}`))
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
  const undo = h("button", { type: "button", class: "button", "data-testid": "takeaway-undo" }, "Undo");
  undo.addEventListener("click", () => {
    undo.disabled = true;
    void context.progress("Putting the takeaway back", context.api.post(`/api/interviews/${interview.id}/takeaways`, {
      text: deleted.takeaway.text, action: deleted.takeaway.action, isMostHelpful: deleted.takeaway.isMostHelpful,
    }))
      .then(() => { deletedTakeaway = null; reload(); })
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (undo.disabled = false));
  });
  return h("p", { class: "undo-row", role: "status" }, `Deleted the takeaway "${deleted.takeaway.text}". `, undo);
}

/** Deleting the whole conversation: what goes is listed first; the people it suggested stay; the person page then offers "Undo". */
function deleteConversationSection(context: PaneContext, interview: Interview): HTMLElement {
  const slot = h("div");
  const button = h("button", { type: "button", class: "button", "data-testid": "delete-conversation" }, "Delete this conversation");
  button.addEventListener("click", () => {
    const n = (count: number, one: string, many: string) => `${count} ${count === 1 ? one : many}`;
    replaceChildren(slot, confirmPanel(
      `Delete this conversation with ${interview.person.name}? Its plan, stage history, ${n(interview.takeaways.length, "takeaway", "takeaways")}, reflection and ${n(interview.touches.length, "update", "updates")} go; you can undo this for ${deleteUndoMinutes} minutes. ${interview.person.name} and the people they suggested stay on your list.`,
      "Delete conversation", (yes) => {
        yes.disabled = true;
        context.clearError();
        void context.progress("Deleting the conversation", deleteWithUndo(context, `/api/interviews/${interview.id}`))
          .then(() => context.navigate(href(`/people/${interview.person.id}`)))
          .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
          .finally(() => (yes.disabled = false));
      }, () => { slot.replaceChildren(); button.focus(); }));
    slot.querySelector<HTMLButtonElement>("button")?.focus();
  });
  return card(h("h2", null, "Delete"), h("div", { class: "button-row" }, button), slot);
}

function referralsSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "referrals-title" },
    formErrors(),
    field({ name: "name", label: "Name", required: true }),
    field({ name: "email", label: "Email", type: "email" }),
    field({ name: "organisation", label: "Organisation" }),
    field({ name: "role", label: "Role" }),
    h("div", { class: "form-actions" }, submitButton("Add referral")));
  const draft = keepDraft(form, `referral:${interview.id}`);
  const suggestedBefore = h("div", { "data-testid": "referral-offer" });
  onSubmit(form, context, "Adding the referral", (v) => {
    suggestedBefore.replaceChildren();
    return context.api.post<Person>(`/api/interviews/${interview.id}/referrals`, {
      name: (v["name"] ?? "").trim(),
      email: orNull(v["email"]),
      organisation: orNull(v["organisation"]),
      role: orNull(v["role"]),
      connection: "cold",
      connectionDetail: `Suggested by ${interview.person.name}`,
    }).catch((error: unknown) => {
      // Someone else suggested them first: the link stays theirs; offer the person instead.
      const existingId = error instanceof ApiError && error.status === 409 ? error.problem?.["existingPersonId"] : undefined;
      const existingName = error instanceof ApiError ? error.problem?.["existingPersonName"] : undefined;
      if (typeof existingId === "string" && typeof existingName === "string")
        replaceChildren(suggestedBefore, h("div", { class: "button-row" }, linkButton(`Open ${existingName}`, href(`/people/${existingId}`), false)));
      throw error;
    });
  }, reload, draft);
  return card(h("h2", { id: "referrals-title" }, "People they suggested"),
    interview.referrals.length === 0
      ? h("p", { class: "empty" }, "Close every conversation by asking who else you should talk to. Each name becomes a new person on your list, linked to whoever suggested them.")
      : h("ul", { class: "list", "data-testid": "referrals" }, interview.referrals.map((r) => h("li", { class: "list-item" }, h("a", { href: href(`/people/${r.id}`), class: "list-link" }, r.name)))),
    suggestedBefore,
    form);
}

function reflectionSection(context: PaneContext, interview: Interview, reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "reflection-title" },
    formErrors(),
    field({ name: "rating", label: "How did the career sound?", value: interview.fit?.rating ? String(interview.fit.rating) : "", options: Object.entries(fitLabels).map(([value, label]) => ({ value, label })) }),
    field({ name: "note", label: "Why", value: interview.fit?.note, multiline: true }),
    h("div", { class: "form-actions" }, submitButton("Save reflection")));
  const draft = keepDraft(form, `fit:${interview.id}`);
  onSubmit(form, context, "Saving the reflection", (v) => context.api.put<Interview>(`/api/interviews/${interview.id}/fit`, {
    rating: v["rating"] ? Number(v["rating"]) : null,
    note: orNull(v["note"]),
  }), reload, draft, { savedMessage: "Reflection saved." });
  return card(h("h2", { id: "reflection-title" }, "Reflection"), form);
}
