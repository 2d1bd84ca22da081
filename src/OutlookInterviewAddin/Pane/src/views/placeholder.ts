// An address the pane has no page for says so plainly and leads back to the start.

import { h } from "../dom";
import type { View } from "../context";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";

export const notFoundView: View = () => h("div", { class: "view", "data-view": "not-found" },
  pageHeader("Nothing here", "The pane has no page at this address."),
  card(linkButton("Back to the start", href("/"))));
