// Question lists: the built-in ones (read-only) and the user's own, edited part by part with one
// question per line.

import type { PaneContext, View } from "../context";
import { h } from "../dom";
import { type QuestionList, type QuestionListContent, type QuestionListSummary } from "../model";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";
import { questionEditor } from "./questionEditor";
import { t } from "../i18n";

export const questionListsView: View = async (context) => {
  const lists = await context.progress(t("ql.loading"), context.api.get<QuestionListSummary[]>("/api/question-lists"));
  const own = lists.filter((l) => !l.isBuiltIn);
  return h("div", { class: "view", "data-view": "question-lists" },
    pageHeader(t("ql.title"), t("ql.lead")),
    h("ul", { class: "list", "data-testid": "question-lists" }, lists.map((l) => h("li", { class: "list-item" },
      h("a", { href: href(`/question-lists/${l.id}`), class: "list-link" },
        h("span", { class: "list-title" }, l.name),
        h("span", { class: "list-meta" }, `${t("ql.count", { count: l.questionCount })}${l.isBuiltIn ? t("ql.builtIn") : ""}`))))),
    own.length === 0 ? h("p", { class: "empty" }, t("ql.noOwn")) : null);
};

export const questionListView: View = async (context, match) => {
  const id = match.params["id"]!;
  const list = await context.progress(t("ql.loadingList"), context.api.get<QuestionList>(`/api/question-lists/${encodeURIComponent(id)}`));
  if (list.isBuiltIn) {
    return h("div", { class: "view", "data-view": "question-list" },
      pageHeader(list.name, t("ql.builtInLead")),
      card(renderList(list), copyButton(context, list)));
  }
  return h("div", { class: "view", "data-view": "question-list" },
    pageHeader(list.name),
    card(editor(context, list)));
};

function renderList(list: QuestionListContent): Node[] {
  return [
    list.opening ? h("p", null, h("strong", null, t("ql.opening")), list.opening) : null,
    ...list.parts.map((part) => h("section", null, h("h2", null, part.title), h("ol", null, part.questions.map((q) => h("li", null, q))))),
    list.closing ? h("p", null, h("strong", null, t("ql.closing")), list.closing) : null,
  ].filter((n): n is HTMLElement => n !== null);
}

function copyButton(context: PaneContext, list: QuestionList): HTMLElement {
  const button = h("button", { type: "button", class: "button button-primary" }, t("ql.copy"));
  button.addEventListener("click", () => {
    button.disabled = true;
    const copy: QuestionListContent = { name: t("ql.copyName", { name: list.name }), opening: list.opening, parts: list.parts, closing: list.closing };
    void context.progress(t("ql.copying"), context.api.post<QuestionList>("/api/question-lists", copy))
      .then((created) => context.navigate(href(`/question-lists/${created.id}`)))
      .catch((error: unknown) => context.showError(error instanceof Error ? error.message : String(error)))
      .finally(() => (button.disabled = false));
  });
  return button;
}

function editor(context: PaneContext, list: QuestionList): HTMLElement {
  const form = questionEditor(context, {
    content: list,
    draftKey: `question-list:${list.id}`,
    formLabel: t("ql.edit"),
    submitLabel: t("ql.save"),
    progressLabel: t("ql.saving"),
    nameRequired: true,
    save: (content) => context.api.put<QuestionList>(`/api/question-lists/${list.id}`, content),
    saved: () => context.navigate(href("/question-lists")),
  });
  return h("div", null, form, h("p", null, linkButton(t("ql.back"), href("/question-lists"), false)));
}
