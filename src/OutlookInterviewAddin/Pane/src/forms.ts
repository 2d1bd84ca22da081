// Forms: labelled fields with hints and an error slot each, validation messages from ProblemDetails
// shown beside the fields they name, and drafts kept in sessionStorage so nothing typed is lost to
// a failed save, a navigation or a reload. A draft is cleared only after a successful save.

import { ApiError } from "./api";
import type { PaneContext } from "./context";
import { h, replaceChildren, uniqueId } from "./dom";
import { t } from "./i18n";

export interface FieldOptions {
  name: string;
  label: string;
  value?: string | null;
  type?: "text" | "email" | "url" | "number" | "datetime-local" | "search";
  multiline?: boolean;
  rows?: number;
  required?: boolean;
  hint?: string;
  options?: { value: string; label: string }[];
  autocomplete?: string;
  /** An example of what to type, shown while the field is empty. */
  placeholder?: string;
  min?: number;
  max?: number;
}

/** A labelled input, textarea or select, with its hint and an (empty) error message slot. */
export function field(options: FieldOptions): HTMLElement {
  const id = uniqueId(`field-${options.name}`);
  const hintId = options.hint ? `${id}-hint` : null;
  const errorId = `${id}-error`;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");
  const common = { id, name: options.name, "aria-describedby": describedBy, required: options.required ?? false, class: "input" };
  let control: HTMLElement;
  if (options.options) {
    control = h("select", common, options.options.map((o) => h("option", { value: o.value, selected: o.value === (options.value ?? "") }, o.label)));
  } else if (options.multiline) {
    control = h("textarea", { ...common, rows: options.rows ?? 3, placeholder: options.placeholder });
    (control as HTMLTextAreaElement).value = options.value ?? "";
  } else {
    control = h("input", { ...common, type: options.type ?? "text", autocomplete: options.autocomplete ?? "off", placeholder: options.placeholder, min: options.min, max: options.max });
    (control as HTMLInputElement).value = options.value ?? "";
  }
  return h("div", { class: "field", "data-field": options.name },
    h("label", { for: id, class: "label" }, options.label, options.required ? h("span", { class: "required", "aria-hidden": "true" }, " *") : null),
    hintId ? h("p", { id: hintId, class: "hint" }, options.hint!) : null,
    control,
    h("p", { id: errorId, class: "field-error", "data-error-for": options.name }));
}

export function checkbox(name: string, label: string, checked = false): HTMLElement {
  const id = uniqueId(`field-${name}`);
  return h("div", { class: "field field-checkbox", "data-field": name },
    h("input", { type: "checkbox", id, name, checked }),
    h("label", { for: id }, label),
    h("p", { class: "field-error", "data-error-for": name }));
}

/**
 * The field names an error key from the API may belong to, most specific first:
 * "parts[1].questions[0]" tries "parts[1].questions[0]", "parts[1].questions", "parts[1]", "parts".
 */
export function fieldNamesFor(key: string): string[] {
  const camel = key.length > 0 ? key[0]!.toLowerCase() + key.slice(1) : key;
  const names = [camel];
  let rest = camel;
  for (;;) {
    const cut = Math.max(rest.lastIndexOf("."), rest.lastIndexOf("["));
    if (cut <= 0) break;
    rest = rest.slice(0, cut);
    names.push(rest);
  }
  return names;
}

export function clearFieldErrors(form: HTMLFormElement): void {
  for (const slot of form.querySelectorAll<HTMLElement>("[data-error-for]")) slot.replaceChildren();
  for (const control of form.querySelectorAll("[aria-invalid]")) control.removeAttribute("aria-invalid");
  form.querySelector(".form-errors")?.replaceChildren();
}

/** Puts each message beside its field; messages for fields the form does not have go in its summary. */
export function showFieldErrors(form: HTMLFormElement, errors: Record<string, string[]>): void {
  clearFieldErrors(form);
  const unplaced: string[] = [];
  let first: HTMLElement | null = null;
  for (const [key, messages] of Object.entries(errors)) {
    const name = fieldNamesFor(key).find((n) => form.querySelector(`[data-error-for="${CSS.escape(n)}"]`));
    const slot = name ? form.querySelector<HTMLElement>(`[data-error-for="${CSS.escape(name)}"]`) : null;
    if (!name || !slot) {
      unplaced.push(...messages);
      continue;
    }
    slot.append(...messages.map((m) => h("span", { class: "field-error-message" }, m)));
    const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(name)}"]`);
    control?.setAttribute("aria-invalid", "true");
    first ??= control;
  }
  const summary = form.querySelector(".form-errors");
  if (summary && unplaced.length > 0) replaceChildren(summary, unplaced.map((m) => h("p", null, m)));
  first?.focus();
}

/** The form's text values by field name (checkboxes as "on" / absent). */
export function valuesOf(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) if (typeof value === "string") values[key] = value;
  return values;
}

const draftPrefix = "pane-draft:";

/** Restores a draft typed earlier into this form, then keeps saving what the user types. */
export function keepDraft(form: HTMLFormElement, key: string): { key: string; clear(): void } {
  const storageKey = draftPrefix + key;
  const stored = readDraft(storageKey);
  if (stored) {
    for (const [name, value] of Object.entries(stored)) {
      const control = form.elements.namedItem(name);
      if (control instanceof HTMLInputElement && control.type === "checkbox") control.checked = value === "on";
      else if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement || control instanceof HTMLSelectElement) control.value = value;
    }
    for (const checkbox of form.querySelectorAll<HTMLInputElement>("input[type=checkbox]")) if (!(checkbox.name in stored)) checkbox.checked = false;
  }
  const save = () => {
    try {
      sessionStorage.setItem(storageKey, JSON.stringify(valuesOf(form)));
    } catch {
      // Storage full or disabled: the form still holds what was typed.
    }
  };
  form.addEventListener("input", save);
  form.addEventListener("change", save);
  return {
    key,
    clear() {
      try {
        sessionStorage.removeItem(storageKey);
      } catch {
        // Nothing to clear.
      }
    },
  };
}

/** Forgets a form's draft when what it was typed against is gone (a merged person, for example). */
export function clearDraft(key: string): void {
  try {
    sessionStorage.removeItem(draftPrefix + key);
  } catch {
    // Nothing to clear.
  }
}

/** Keeps values typed outside a form's controls (an editable mail body, for example) as a draft. */
export function saveDraft(key: string, values: Record<string, string>): void {
  try {
    sessionStorage.setItem(draftPrefix + key, JSON.stringify(values));
  } catch {
    // Storage full or disabled: the screen still holds what was typed.
  }
}

/** The draft kept for a form, if any: a screen that builds its fields from data asks how many to build. */
export function storedDraft(key: string): Record<string, string> | null {
  return readDraft(draftPrefix + key);
}

function readDraft(storageKey: string): Record<string, string> | null {
  try {
    const raw = sessionStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Record<string, string>) : null;
  } catch {
    return null;
  }
}

export interface SubmitOptions {
  /** What the form's status says after a successful save ("Plan saved."). */
  savedMessage?: string;
  /** The status line's test id. */
  statusTestId?: string;
}

// "Saved" messages waiting for a form rebuilt after its save (a view that reloads itself), by draft key.
// Only a moment old: the rebuild follows the save at once; a later visit starts with no status.
const pendingSaved = new Map<string, { message: string; at: number }>();
const pendingForMs = 10_000;

/** The form's one status line, beside its buttons: "Saving…", "Saved." or nothing (the errors are beside the fields). */
export function formStatus(form: HTMLFormElement, testId = "form-status"): HTMLElement {
  const existing = form.querySelector<HTMLElement>(".form-status");
  if (existing) return existing;
  const status = h("p", { class: "form-status", role: "status", "data-testid": testId });
  (form.querySelector(".form-actions") ?? form).append(status);
  return status;
}

/**
 * Wires a form's submit: disables its button while saving, says "Saving…" then what was saved in
 * the form's status line, and on failure keeps the form as it is, with the messages beside the
 * fields and the summary in the shell's alert area. Editing any field clears the status and that
 * field's message, so nothing on screen describes an earlier attempt.
 */
export function onSubmit<T>(
  form: HTMLFormElement,
  context: PaneContext,
  label: string,
  save: (values: Record<string, string>) => Promise<T>,
  saved: (result: T) => void,
  draft?: { key?: string; clear(): void },
  options: SubmitOptions = {},
): void {
  form.noValidate = true;
  const status = formStatus(form, options.statusTestId);
  const savedMessage = options.savedMessage ?? t("forms.saved");
  const pending = draft?.key ? pendingSaved.get(draft.key) : undefined;
  if (pending) {
    if (Date.now() - pending.at < pendingForMs) status.textContent = pending.message;
    pendingSaved.delete(draft!.key!);
  }
  const edited = (event: Event) => {
    status.replaceChildren();
    const target = event.target;
    if (target instanceof HTMLElement && target.getAttribute("aria-invalid")) {
      target.removeAttribute("aria-invalid");
      const name = target.getAttribute("name");
      if (name) form.querySelector(`[data-error-for="${CSS.escape(name)}"]`)?.replaceChildren();
    }
  };
  form.addEventListener("input", edited);
  form.addEventListener("change", edited);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]");
    if (button?.disabled) return;
    if (button) button.disabled = true;
    clearFieldErrors(form);
    context.clearError();
    status.textContent = t("forms.saving");
    void context.progress(label, save(valuesOf(form)))
      .then((result) => {
        draft?.clear();
        status.textContent = savedMessage;
        // A view that rebuilds itself after the save shows the message on the new form.
        if (draft?.key) pendingSaved.set(draft.key, { message: savedMessage, at: Date.now() });
        saved(result);
      })
      .catch((error: unknown) => {
        status.replaceChildren();
        if (error instanceof ApiError) {
          showFieldErrors(form, error.fieldErrors);
          context.showError(error.message);
        } else {
          console.error(error);
          context.showError(t("forms.unexpected"));
        }
      })
      .finally(() => {
        if (button) button.disabled = false;
      });
  });
}

export function formErrors(): HTMLElement {
  return h("div", { class: "form-errors", role: "alert" });
}

export function submitButton(label: string): HTMLButtonElement {
  return h("button", { type: "submit", class: "button button-primary" }, label);
}
