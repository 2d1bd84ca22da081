// Question lists: the built-in ones (read-only) and the user's own, edited part by part with one
// question per line.

import type { PaneContext, View } from "../context";
import { h } from "../dom";
import { type QuestionList, type QuestionListContent, type QuestionListSummary } from "../model";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";
import { questionEditor } from "./questionEditor";

export const questionListsView: View = async (context) => {
  const lists = await context.progress("Loading question lists", context.api.get<QuestionListSummary[]>("/api/question-lists"));
  const own = lists.filter((l) => !l.isBuiltIn);
  return h("div", { class: "view", "data-view": "question-lists" },
    pageHeader("Question lists", "The questions you bring to each conversation. Start from a built-in list and make your own copy to change it."),
    h("ul", { class: "list", "data-testid": "question-lists" }, lists.map((l) => h("li", { class: "list-item" },
      h("a", { href: href(`/question-lists/${l.id}`), class: "list-link" },
        h("span", { class: "list-title" }, l.name),
        h("span", { class: "list-meta" }, `${l.questionCount} questions${l.isBuiltIn ? ", built in" : ""}`))))),
    own.length === 0 ? h("p", { class: "empty" }, "You have no list of your own yet. Open a built-in list and make a copy to tailor it.") : null);
};

export const questionListView: View = async (context, match) => {
  const id = match.params["id"]!;
  const list = await context.progress("Loading the list", context.api.get<QuestionList>(`/api/question-lists/${encodeURIComponent(id)}`));
  if (list.isBuiltIn) {
    return h("div", { class: "view", "data-view": "question-list" },
      pageHeader(list.name, "A built-in list: make a copy to change it."),
      card(renderList(list), copyButton(context, list)));
  }
  return h("div", { class: "view", "data-view": "question-list" },
    pageHeader(list.name),
    card(editor(context, list)));
};

function renderList(list: QuestionListContent): Node[] {
  return [
    list.opening ? h("p", null, h("strong", null, "Opening: "), list.opening) : null,
    ...list.parts.map((part) => h("section", null, h("h2", null, part.title), h("ol", null, part.questions.map((q) => h("li", null, q))))),
    list.closing ? h("p", null, h("strong", null, "Closing: "), list.closing) : null,
  ].filter((n): n is HTMLElement => n !== null);
}

function copyButton(context: PaneContext, list: QuestionList): HTMLElement {
  const button = h("button", { type: "button", class: "button button-primary" }, "Make my own copy");
  button.addEventListener("click", () => {
    button.disabled = true;
    const copy: QuestionListContent = { name: `My ${list.name}`, opening: list.opening, parts: list.parts, closing: list.closing };
    void context.progress("Copying", context.api.post<QuestionList>("/api/question-lists", copy))
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
    formLabel: "Edit question list",
    submitLabel: "Save list",
    progressLabel: "Saving the list",
    nameRequired: true,
    save: (content) => context.api.put<QuestionList>(`/api/question-lists/${list.id}`, content),
    saved: () => context.navigate(href("/question-lists")),
  });
  return h("div", null, form, h("p", null, linkButton("Back to question lists", href("/question-lists"), false)));
}
