import { h, type Child } from "../dom";

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
  const cancel = h("button", { type: "button", class: "button" }, "Cancel");
  yes.addEventListener("click", () => onYes(yes));
  cancel.addEventListener("click", onCancel);
  return h("div", { class: "confirm", role: "group", "aria-label": yesLabel, "data-testid": testId },
    h("p", null, what),
    h("div", { class: "button-row" }, yes, cancel));
}
