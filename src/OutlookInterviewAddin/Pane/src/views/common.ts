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
