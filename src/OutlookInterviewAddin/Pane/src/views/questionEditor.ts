// The one editor for a question list's content, used for the user's saved lists and for the copy
// tailored to one conversation: name, opening, parts (each with a title and one question per line,
// moved up or down or removed with buttons that name the part), closing.

import type { PaneContext } from "../context";
import { h, replaceChildren } from "../dom";
import { field, formErrors, keepDraft, onSubmit, storedDraft, submitButton } from "../forms";
import { moveItem, orNull, questionLines, type QuestionListContent } from "../model";
import { t } from "../i18n";

export interface QuestionEditorOptions<T> {
  content: QuestionListContent;
  /** Where the draft is kept; a different key per list or per interview. */
  draftKey: string;
  formLabel: string;
  submitLabel: string;
  progressLabel: string;
  /** A saved list needs a name; a tailored copy may leave it empty. */
  nameRequired: boolean;
  save: (content: QuestionListContent) => Promise<T>;
  saved: (result: T) => void;
}

interface PartText {
  title: string;
  questions: string;
}

const partTitle = (i: number) => `parts[${i}].title`;
const partQuestions = (i: number) => `parts[${i}].questions`;

export function questionEditor<T>(context: PaneContext, options: QuestionEditorOptions<T>): HTMLFormElement {
  // A draft may hold more or fewer parts than the stored list (parts added or removed before a
  // reload): build as many fields as the draft has, so each value finds its field.
  const draft = storedDraft(options.draftKey);
  const initial: PartText[] = draft ? partsOfDraft(draft) : options.content.parts.map((p) => ({ title: p.title, questions: p.questions.join("\n") }));

  const partsBox = h("div", { class: "parts" });
  const addPart = button(t("qe.addPart"), null, () => {
    const parts = [...readParts(), { title: "", questions: "" }];
    renderParts(parts);
    form.querySelector<HTMLInputElement>(`[name="${CSS.escape(partTitle(parts.length - 1))}"]`)?.focus();
  });
  const status = h("p", { class: "visually-hidden", role: "status" });
  const form = h("form", { class: "form", "aria-label": options.formLabel },
    formErrors(),
    field({ name: "name", label: t("common.name"), value: options.content.name, required: options.nameRequired }),
    field({ name: "opening", label: t("qe.opening"), value: options.content.opening, multiline: true }),
    partsBox,
    status,
    h("div", { class: "button-row" }, addPart),
    field({ name: "closing", label: t("qe.closing"), value: options.content.closing, multiline: true }),
    h("div", { class: "form-actions" }, submitButton(options.submitLabel)));

  function readParts(): PartText[] {
    const parts: PartText[] = [];
    for (let i = 0; i < partsBox.children.length; i++) {
      parts.push({ title: valueOf(form, partTitle(i)), questions: valueOf(form, partQuestions(i)) });
    }
    return parts;
  }

  function renderParts(parts: PartText[]): void {
    replaceChildren(partsBox, parts.map((part, i) => partFieldset(part, i, parts.length)));
    // The draft follows the fields as they are now, not as they were typed.
    form.dispatchEvent(new Event("change"));
  }

  function partFieldset(part: PartText, index: number, count: number): HTMLElement {
    const titleField = field({ name: partTitle(index), label: t("qe.title"), value: part.title });
    const title = titleField.querySelector("input")!;
    const name = () => title.value.trim() || t("qe.partN", { n: index + 1 });
    const up = button(t("qe.moveUp"), "move-up", () => move(index, -1), index === 0);
    const down = button(t("qe.moveDown"), "move-down", () => move(index, 1), index === count - 1);
    const remove = button(t("qe.remove"), "remove", () => {
      const removed = name();
      const parts = readParts().filter((_, i) => i !== index);
      renderParts(parts);
      status.textContent = t("qe.removed", { name: removed });
      const next = Math.min(index, parts.length - 1);
      (next >= 0 ? form.querySelector<HTMLElement>(`[name="${CSS.escape(partTitle(next))}"]`) : addPart)?.focus();
    });
    // The buttons say which part they act on, and follow the title as it is typed. Each name starts
    // with the button's visible text, so speech input ("click Move up") still finds it.
    const label = () => {
      up.setAttribute("aria-label", t("qe.moveUpAria", { name: name() }));
      down.setAttribute("aria-label", t("qe.moveDownAria", { name: name() }));
      remove.setAttribute("aria-label", t("qe.removeAria", { name: name() }));
    };
    title.addEventListener("input", label);
    label();
    return h("fieldset", { class: "part", "data-part": index },
      h("legend", null, t("qe.partN", { n: index + 1 })),
      titleField,
      field({ name: partQuestions(index), label: t("qe.questions"), value: part.questions, multiline: true, rows: 6, hint: t("qe.questionsHint", { first: "{city}", second: "{organisation}" }) }),
      h("div", { class: "button-row" }, up, down, remove));
  }

  function move(index: number, delta: number): void {
    const parts = readParts();
    const moved = parts[index]!.title.trim() || t("qe.partN", { n: index + 1 });
    const target = index + delta;
    renderParts(moveItem(parts, index, delta));
    status.textContent = t("qe.moved", { name: moved, place: target + 1, count: parts.length });
    // Keep the keyboard on the part that moved: the same button, or the other one at either end.
    const fieldset = partsBox.children[target];
    const same = fieldset?.querySelector<HTMLButtonElement>(`[data-action="${delta < 0 ? "move-up" : "move-down"}"]`);
    const other = fieldset?.querySelector<HTMLButtonElement>(`[data-action="${delta < 0 ? "move-down" : "move-up"}"]`);
    (same && !same.disabled ? same : other)?.focus();
  }

  partsBox.append(...initial.map((part, i) => partFieldset(part, i, initial.length)));
  const kept = keepDraft(form, options.draftKey);
  onSubmit(form, context, options.progressLabel, (v) => options.save({
    name: (v["name"] ?? "").trim(),
    opening: orNull(v["opening"]),
    parts: readParts()
      .map((p) => ({ title: p.title.trim(), questions: questionLines(p.questions) }))
      .filter((p) => p.title || p.questions.length > 0),
    closing: orNull(v["closing"]),
  }), options.saved, kept);
  return form;
}

function partsOfDraft(draft: Record<string, string>): PartText[] {
  const parts: PartText[] = [];
  for (let i = 0; partTitle(i) in draft || partQuestions(i) in draft; i++) {
    parts.push({ title: draft[partTitle(i)] ?? "", questions: draft[partQuestions(i)] ?? "" });
  }
  return parts;
}

function valueOf(form: HTMLFormElement, name: string): string {
  const control = form.elements.namedItem(name);
  return control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement ? control.value : "";
}

function button(label: string, action: string | null, onClick: () => void, disabled = false): HTMLButtonElement {
  const element = h("button", { type: "button", class: "button", "data-action": action, disabled }, label);
  element.addEventListener("click", onClick);
  return element;
}
