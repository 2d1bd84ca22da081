// Entry points that lead to steps of the workflow the pane does not offer yet say so plainly.

import { h } from "../dom";
import type { View } from "../context";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";

export function comingSoon(title: string, description: string): View {
  return () => h("div", { class: "view", "data-view": "coming-soon" },
    pageHeader(title, description),
    card(
      h("p", null, "This part of the pane is on its way."),
      linkButton("Back to the start", href("/"), false)));
}

export const notFoundView: View = () => h("div", { class: "view", "data-view": "not-found" },
  pageHeader("Nothing here", "The pane has no page at this address."),
  card(linkButton("Back to the start", href("/"))));
