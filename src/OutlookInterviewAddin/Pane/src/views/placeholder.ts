// An address the pane has no page for says so plainly and leads back to the start.

import { h } from "../dom";
import type { View } from "../context";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";
import { t } from "../i18n";

export const notFoundView: View = () => h("div", { class: "view", "data-view": "not-found" },
  pageHeader(t("notFound.title"), t("notFound.lead")),
  card(linkButton(t("notFound.back"), href("/"))));
