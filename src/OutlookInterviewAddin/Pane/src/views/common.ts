import type { PaneContext } from "../context";
import { h, type Child } from "../dom";
import { href } from "../router";
import { formatDateTime } from "../time";
import { t } from "../i18n";

/** A view's top: the heading that receives focus after navigation, and an optional lead paragraph. */
export function pageHeader(title: string, lead?: Child): HTMLElement {
  return h("div", { class: "page-header" },
    h("h1", { class: "page-title", tabindex: -1 }, title),
    lead ? h("p", { class: "lead" }, lead) : null);
}

/** A link styled as a button: entry points move to another view. */
export function linkButton(label: string, hash: string, primary = true, accessibleName?: string): HTMLAnchorElement {
  // An accessible name, when given, starts with the visible label so speech input still finds it.
  return h("a", { href: hash, class: primary ? "button button-primary" : "button", "aria-label": accessibleName }, label);
}

export function card(...children: Child[]): HTMLElement {
  return h("section", { class: "card" }, ...children);
}

/**
 * An inline "are you sure": what will go, in words, then the destructive button and Cancel. Built
 * where the button was pressed, so the question sits beside what it is about.
 */
export function confirmPanel(what: Child, yesLabel: string, onYes: (yes: HTMLButtonElement) => void, onCancel: () => void, testId = "confirm-delete"): HTMLElement {
  const yes = h("button", { type: "button", class: "button button-danger" }, yesLabel);
  const cancel = h("button", { type: "button", class: "button" }, t("common.cancel"));
  yes.addEventListener("click", () => onYes(yes));
  cancel.addEventListener("click", onCancel);
  return h("div", { class: "confirm", role: "group", "aria-label": yesLabel, "data-testid": testId },
    h("p", null, what),
    h("div", { class: "button-row" }, yes, cancel));
}

/** What DELETE /api/people/{id} and /api/interviews/{id} answer: how to undo it, and until when. */
export interface Deleted {
  id: string;
  kind: "person" | "interview";
  recordId: string;
  description: string;
  undoUntil: string;
}

/** As the API's window (DeletedRecords.UndoWindow), for the confirmations. */
export const deleteUndoMinutes = 15;

// The delete made last, so the page shown after it can offer "Undo" while the API would restore it.
let lastDeleted: Deleted | null = null;

/** Deletes through the API and remembers the answer for {@link undoDeletedRow}. */
export async function deleteWithUndo(context: PaneContext, path: string): Promise<Deleted> {
  const deleted = await context.api.send<Deleted>("DELETE", path);
  lastDeleted = deleted;
  return deleted;
}

/**
 * "Deleted … Undo" after a delete of <paramref name="kind"/>, until the instant the API gave; Undo
 * puts everything back through the restore route (with the same ids) and opens it again.
 */
export function undoDeletedRow(context: PaneContext, kind: Deleted["kind"], testId: string): HTMLElement | null {
  const deleted = lastDeleted;
  if (!deleted || deleted.kind !== kind) return null;
  if (Date.now() > new Date(deleted.undoUntil).getTime()) {
    lastDeleted = null;
    return null;
  }
  const undo = h("button", { type: "button", class: "button", "data-testid": testId }, t("common.undo"));
  undo.addEventListener("click", () => {
    undo.disabled = true;
    context.clearError();
    void context.progress(t("common.puttingBack"), context.api.post(`/api/deleted/${deleted.id}/restore`, {}))
      .then(() => {
        lastDeleted = null;
        context.navigate(href(deleted.kind === "person" ? `/people/${deleted.recordId}` : `/interviews/${deleted.recordId}`));
      })
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (undo.disabled = false));
  });
  return h("p", { class: "undo-row", role: "status", "data-testid": `${testId}-row` },
    t("common.deletedUndo", { what: deleted.description, until: formatDateTime(deleted.undoUntil) }), undo);
}
