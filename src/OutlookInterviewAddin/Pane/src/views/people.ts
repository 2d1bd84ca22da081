// People to talk to: the list with search and a stage filter, adding, editing and merging people,
// and a person's page with their interviews and referrals.

import { ApiError } from "../api";
import type { PaneContext, View } from "../context";
import { h, replaceChildren } from "../dom";
import { clearDraft, field, formErrors, keepDraft, onSubmit, submitButton } from "../forms";
import { connectionLabels, mergeTyped, nextPagePath, orNull, stageLabels, type Connection, type Interview, type Page, type Person, type PersonInput, type PersonSummary, type Stage } from "../model";
import { href } from "../router";
import { formatDateTime, isPast } from "../time";
import { card, confirmPanel, deleteUndoMinutes, deleteWithUndo, linkButton, pageHeader, undoDeletedRow } from "./common";
import { t } from "../i18n";

const noInterview = "none";

/** The list asks the API for one page at a time; search and the stage filter run on the server. */
export const peopleView: View = async (context, match) => {
  const pathFor = (term: string, stage: string) => {
    const query = new URLSearchParams();
    if (term) query.set("search", term);
    if (stage) query.set("stage", stage);
    const text = query.toString();
    return text ? `/api/people?${text}` : "/api/people";
  };
  const initialTerm = (match.query.get("search") ?? "").trim();
  const initialStage = match.query.get("stage") ?? "";
  const first = await context.progress(t("people.loading"), context.api.get<Page<PersonSummary>>(pathFor(initialTerm, initialStage)));
  if (first.items.length === 0 && !initialTerm && !initialStage) {
    return h("div", { class: "view", "data-view": "people" },
      pageHeader(t("people.title")),
      undoDeletedRow(context, "person", "person-undo"),
      card(
        h("h2", null, t("people.noOne")),
        h("p", null, t("people.warm")),
        linkButton(t("common.addPerson"), href("/people/new"))));
  }

  const search = h("input", { type: "search", id: "people-search", name: "search", class: "input", value: match.query.get("search") ?? "", autocomplete: "off" });
  const stage = h("select", { id: "people-stage", name: "stage", class: "input" },
    h("option", { value: "" }, t("people.allStages")),
    h("option", { value: noInterview }, t("people.notContacted")),
    (Object.keys(stageLabels) as Stage[]).map((s) => h("option", { value: s }, stageLabels[s])));
  stage.value = initialStage;
  const results = h("div", { "aria-live": "polite" });
  const list = h("ul", { class: "list", "data-testid": "people-list" });
  const more = h("button", { type: "button", class: "button", "data-testid": "people-more" }, t("common.showMore"));
  let generation = 0;
  let base = pathFor(initialTerm, initialStage);
  let next: string | null = null;

  const show = (page: Page<PersonSummary>, append: boolean) => {
    if (!append) list.replaceChildren();
    list.append(...page.items.map(personRow));
    next = nextPagePath(base, page);
    more.hidden = next === null;
    replaceChildren(results, list.childElementCount === 0 ? h("p", { class: "empty" }, t("people.noMatch")) : [list, more]);
  };
  const refresh = async () => {
    const mine = ++generation;
    const path = pathFor(search.value.trim(), stage.value);
    const page = await context.api.get<Page<PersonSummary>>(path);
    if (mine !== generation) return;
    base = path;
    show(page, false);
  };
  more.addEventListener("click", () => {
    if (next === null) return;
    const mine = generation;
    const path = next;
    more.disabled = true;
    void context.progress(t("people.loadingMore"), context.api.get<Page<PersonSummary>>(path))
      .then((page) => { if (mine === generation) show(page, true); })
      .catch((e: unknown) => context.showError(messageOf(e)))
      .finally(() => (more.disabled = false));
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh().catch((e: unknown) => context.showError(messageOf(e))), 250);
  });
  stage.addEventListener("change", () => void refresh().catch((e: unknown) => context.showError(messageOf(e))));
  show(first, false);

  return h("div", { class: "view", "data-view": "people" },
    pageHeader(t("people.title")),
    undoDeletedRow(context, "person", "person-undo"),
    h("div", { class: "toolbar", role: "search" },
      h("div", { class: "field" }, h("label", { for: "people-search", class: "label" }, t("people.search")), search),
      h("div", { class: "field" }, h("label", { for: "people-stage", class: "label" }, t("people.stage")), stage)),
    linkButton(t("common.addPerson"), href("/people/new")),
    results);
};

function personRow(person: PersonSummary): HTMLElement {
  const meta = [person.role, person.organisation].filter(Boolean).join(", ");
  return h("li", { class: "list-item" },
    h("a", { href: href(`/people/${person.id}`), class: "list-link" },
      h("span", { class: "list-title" }, person.name),
      meta ? h("span", { class: "list-meta" }, meta) : null,
      h("span", { class: "badge" }, person.latestStage ? stageLabels[person.latestStage] : t("people.notContacted"))));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : t("common.wentWrong");
}

function personForm(person: Partial<Person> | null, submitLabel: string): HTMLFormElement {
  const form = h("form", { class: "form", "aria-label": submitLabel },
    formErrors(),
    field({ name: "name", label: t("common.name"), value: person?.name, required: true, autocomplete: "name" }),
    field({ name: "greetAs", label: t("person.greetAs"), value: person?.greetAs, hint: t("person.greetAsHint") }),
    field({ name: "email", label: t("common.email"), value: person?.email, type: "email", autocomplete: "email" }),
    field({ name: "organisation", label: t("person.organisation"), value: person?.organisation }),
    field({ name: "role", label: t("person.role"), value: person?.role }),
    field({ name: "field", label: t("person.field"), value: person?.field }),
    field({ name: "city", label: t("common.city"), value: person?.city }),
    field({ name: "timeZone", label: t("common.timeZone"), value: person?.timeZone, hint: t("person.timeZoneHint") }),
    field({
      name: "connection", label: t("person.connection"), value: person?.connection ?? "cold",
      options: (Object.keys(connectionLabels) as Connection[]).map((c) => ({ value: c, label: connectionLabels[c] })),
    }),
    field({ name: "connectionDetail", label: t("person.connectionDetail"), value: person?.connectionDetail, hint: t("person.connectionDetailHint") }),
    field({ name: "linkedInUrl", label: t("person.linkedIn"), value: person?.linkedInUrl, type: "url" }),
    field({ name: "notes", label: t("person.notes"), value: person?.notes, multiline: true }),
    field({
      name: "language", label: t("person.language"), value: person?.language ?? "en", hint: t("person.languageHint"),
      options: [{ value: "en", label: t("profile.languageEn") }, { value: "fr", label: t("profile.languageFr") }],
    }),
    field({
      name: "addressForm", label: t("person.addressForm"), value: person?.addressForm ?? "", hint: t("person.addressFormHint"),
      options: [{ value: "", label: t("person.addressAuto") }, { value: "tu", label: t("person.addressTu") }, { value: "vous", label: t("person.addressVous") }],
    }),
    h("div", { class: "form-actions" }, submitButton(submitLabel)));
  // Tu or vous only matters to someone written to in French.
  const language = form.querySelector<HTMLSelectElement>("select[name=language]")!;
  const addressField = form.querySelector<HTMLElement>('[data-field="addressForm"]')!;
  const showAddress = () => (addressField.hidden = language.value !== "fr");
  language.addEventListener("change", showAddress);
  showAddress();
  // Once a kept draft has been restored into the fields (right after this returns).
  queueMicrotask(showAddress);
  return form;
}

function personInput(v: Record<string, string>, referredById: string | null): PersonInput {
  return {
    name: (v["name"] ?? "").trim(),
    greetAs: orNull(v["greetAs"]),
    email: orNull(v["email"]),
    organisation: orNull(v["organisation"]),
    role: orNull(v["role"]),
    field: orNull(v["field"]),
    city: orNull(v["city"]),
    timeZone: orNull(v["timeZone"]),
    linkedInUrl: orNull(v["linkedInUrl"]),
    connection: (v["connection"] as Connection | undefined) ?? "cold",
    connectionDetail: orNull(v["connectionDetail"]),
    notes: orNull(v["notes"]),
    referredById,
    language: v["language"] === "fr" ? "fr" : "en",
    // Left on the default, the API chooses tu or vous by how the user knows them.
    addressForm: v["addressForm"] === "tu" || v["addressForm"] === "vous" ? v["addressForm"] : "auto",
  };
}

export const newPersonView: View = (context, match) => {
  const form = personForm({ name: match.query.get("name") ?? "", email: match.query.get("email") ?? "" }, t("person.add"));
  // A draft per prefilled sender, so adding two senders in a row never mixes their details.
  const draftKey = `person-new:${match.query.get("email") ?? ""}`;
  const draft = keepDraft(form, draftKey);
  const duplicateOffer = h("div", { "data-testid": "duplicate-offer" });
  onSubmit(form, context, t("people.adding"), (v) => {
    duplicateOffer.replaceChildren();
    const typed = personInput(v, null);
    return context.api.post<Person>("/api/people", typed).catch(async (error: unknown) => {
      // Someone on the list already has this email: open them, or merge what was typed into them.
      const existingId = error instanceof ApiError && error.status === 409 ? error.problem?.["existingPersonId"] : undefined;
      if (typeof existingId === "string") {
        const existing = await context.api.get<Person>(`/api/people/${existingId}`);
        replaceChildren(duplicateOffer, duplicateCard(context, existing, typed, () => clearDraft(draftKey)));
      }
      throw error;
    });
  }, (person) => context.navigate(href(`/people/${person.id}`)), draft);
  return h("div", { class: "view", "data-view": "person-new" },
    pageHeader(t("common.addPerson"), t("people.newLead")),
    duplicateOffer,
    card(form));
};

function duplicateCard(context: PaneContext, existing: Person, typed: PersonInput, merged: () => void): HTMLElement {
  const { input, changes } = mergeTyped(existing, typed);
  const merge = h("button", { type: "button", class: "button button-primary" }, t("people.merge"));
  merge.addEventListener("click", () => {
    merge.disabled = true;
    context.clearError();
    void context.progress(t("people.merging"), context.api.put<Person>(`/api/people/${existing.id}`, input))
      .then(() => {
        merged();
        clearDraft(`person-edit:${existing.id}`);
        context.navigate(href(`/people/${existing.id}`));
      })
      .catch((error: unknown) => context.showError(messageOf(error)))
      .finally(() => (merge.disabled = false));
  });
  return card(
    h("h2", null, t("people.already")),
    h("p", null, t("people.alreadyEmail", { name: existing.name, email: existing.email ?? "" })),
    h("p", null, changes.length === 0
      ? t("people.mergeNothing", { name: existing.name })
      : t("people.mergeKeeps", { name: existing.name })),
    changes.length > 0 ? h("ul", { "data-testid": "duplicate-changes" }, changes.map((c) => h("li", null, c))) : null,
    h("div", { class: "button-row" },
      linkButton(t("common.openName", { name: existing.name }), href(`/people/${existing.id}`), false),
      merge));
}

export const editPersonView: View = async (context, match) => {
  const id = match.params["id"]!;
  const person = await context.progress(t("common.loading"), context.api.get<Person>(`/api/people/${id}`));
  const form = personForm(person, t("person.saveChanges"));
  const mergeOffer = h("div", { "data-testid": "merge-offer" });
  const draft = keepDraft(form, `person-edit:${id}`);
  onSubmit(form, context, t("common.saving"), (v) => {
    mergeOffer.replaceChildren();
    return context.api.put<Person>(`/api/people/${id}`, personInput(v, person.referredBy?.id ?? null)).catch((error: unknown) => {
      // The email belongs to someone else on the list: most likely the same person, added twice.
      const otherId = error instanceof ApiError && error.status === 409 ? error.problem?.["existingPersonId"] : undefined;
      if (typeof otherId === "string") {
        replaceChildren(mergeOffer, card(
          h("h2", null, t("people.already")),
          h("p", null, t("people.anotherHasEmail", { name: person.name })),
          linkButton(t("people.mergeTwo"), href(`/people/${id}/merge?other=${encodeURIComponent(otherId)}`))));
      }
      throw error;
    });
  }, () => context.navigate(href(`/people/${id}`)), draft);
  return h("div", { class: "view", "data-view": "person-edit" },
    pageHeader(t("people.editTitle", { name: person.name })),
    mergeOffer,
    card(form));
};

/**
 * Merging two people: pick the other person, confirm, and the person at this page keeps both
 * sets of conversations and notes; the other one is removed.
 */
export const mergePersonView: View = async (context, match) => {
  const id = match.params["id"]!;
  const otherId = match.query.get("other");
  const [person, people] = await context.progress(t("common.loading"), Promise.all([
    context.api.get<Person>(`/api/people/${id}`),
    // The chooser offers the first 200 by name; the person being merged is read by id below.
    context.api.get<Page<PersonSummary>>("/api/people?limit=200"),
  ]));
  const others = people.items.filter((p) => p.id !== id);
  const other = otherId && otherId !== id ? { id: otherId } : undefined;
  const back = linkButton(t("people.backTo", { name: person.name }), href(`/people/${id}`), false);

  if (!other) {
    if (others.length === 0) {
      return h("div", { class: "view", "data-view": "person-merge" },
        pageHeader(t("people.mergeWith", { name: person.name })),
        card(h("p", { class: "empty" }, t("people.noOneElse")), back));
    }
    const choose = h("form", { class: "form", "aria-label": t("people.chooseMerge") },
      field({
        name: "other", label: t("people.whoSame", { name: person.name }),
        options: others.map((p) => ({ value: p.id, label: [p.name, p.organisation, p.email].filter(Boolean).join(", ") })),
      }),
      h("div", { class: "form-actions" }, submitButton(t("common.continue"))));
    choose.addEventListener("submit", (event) => {
      event.preventDefault();
      const picked = new FormData(choose).get("other");
      if (typeof picked === "string" && picked) context.navigate(href(`/people/${id}/merge?other=${encodeURIComponent(picked)}`));
    });
    return h("div", { class: "view", "data-view": "person-merge" },
      pageHeader(t("people.mergeWith", { name: person.name }), t("people.mergeLead")),
      card(choose, back));
  }

  const otherPerson = await context.progress(t("common.loading"), context.api.get<Person>(`/api/people/${other.id}`));
  const conversations = (count: number) => t("people.conversations", { count });
  const confirm = h("button", { type: "button", class: "button button-primary" }, t("people.merge"));
  confirm.addEventListener("click", () => {
    confirm.disabled = true;
    context.clearError();
    void context.progress(t("people.merging"), context.api.post<Person>(`/api/people/${id}/merge`, { otherId: other.id }))
      .then(() => {
        // An edit typed before the merge would put back the notes and details the merge just joined.
        clearDraft(`person-edit:${id}`);
        clearDraft(`person-edit:${other.id}`);
        context.navigate(href(`/people/${id}`));
      })
      .catch((error: unknown) => context.showError(messageOf(error)))
      .finally(() => (confirm.disabled = false));
  });
  return h("div", { class: "view", "data-view": "person-merge" },
    pageHeader(t("people.mergeInto", { other: otherPerson.name, name: person.name })),
    card(
      h("ul", { "data-testid": "merge-summary" },
        h("li", null, t("people.mergeKeepsTheirs", { name: person.name, theirs: conversations(person.interviews.length), other: otherPerson.name, others: conversations(otherPerson.interviews.length) })),
        h("li", null, t("people.mergeNotes", { other: otherPerson.name, name: person.name })),
        h("li", null, t("people.mergeRemoved", { other: otherPerson.name }))),
      h("div", { class: "button-row" }, confirm, linkButton(t("people.chooseElse"), href(`/people/${id}/merge`), false), back)));
};

export const personView: View = async (context, match) => {
  const id = match.params["id"]!;
  const person = await context.progress(t("common.loading"), context.api.get<Person>(`/api/people/${id}`));
  // "Suggested by …" is said once, with the link below, not again in the connection's words.
  const connectionDetail = person.referredBy && /^(suggested by|suggestion de)\b/i.test(person.connectionDetail ?? "") ? null : person.connectionDetail;
  const connection = connectionDetail
    ? t("common.labelValue", { label: connectionLabels[person.connection], value: connectionDetail })
    : connectionLabels[person.connection];
  const facts: [string, string | null][] = [
    [t("person.greetAs"), person.greetAs], [t("common.email"), person.email], [t("person.organisation"), person.organisation], [t("person.role"), person.role], [t("person.field"), person.field], [t("common.city"), person.city],
    [t("common.timeZone"), person.timeZone],
    [t("person.connection"), connection],
  ];
  return h("div", { class: "view", "data-view": "person" },
    pageHeader(person.name),
    undoDeletedRow(context, "interview", "conversation-undo"),
    card(
      h("dl", { class: "facts" }, facts.filter(([, v]) => v).map(([k, v]) => [h("dt", null, k), h("dd", null, v!)]),
        person.linkedInUrl && /^https?:\/\//i.test(person.linkedInUrl)
          ? [h("dt", null, t("person.linkedInShort")), h("dd", null, h("a", { href: person.linkedInUrl, target: "_blank", rel: "noopener noreferrer", "data-testid": "person-linkedin" }, person.linkedInUrl))]
          : null),
      person.referredBy
        ? h("p", { "data-testid": "referred-by" }, t("person.suggestedBy"), h("a", { href: href(`/people/${person.referredBy.id}`) }, person.referredBy.name))
        : null,
      person.notes ? h("p", { class: "notes" }, person.notes) : null,
      h("div", { class: "button-row" },
        linkButton(t("common.edit"), href(`/people/${id}/edit`), false),
        linkButton(t("person.mergeAnother"), href(`/people/${id}/merge`), false),
        deletePersonButton(context, person)),
      h("div", { "data-testid": "delete-person-slot" })),
    card(
      h("h2", null, t("person.conversations")),
      person.interviews.length === 0
        ? h("p", { class: "empty" }, t("person.noConversation", { name: person.name }))
        : h("ul", { class: "list", "data-testid": "person-interviews" }, person.interviews.map((i) => h("li", { class: "list-item" },
          h("a", { href: href(`/interviews/${i.id}`), class: "list-link" },
            h("span", { class: "list-title" }, i.plannedStart ? formatDateTime(i.plannedStart) : t("person.notScheduled")),
            i.plannedStart && isPast(i.plannedStart) && ["prospect", "contacted", "noReply", "scheduled"].includes(i.stage) ? h("span", { class: "list-meta" }, t("common.inThePast")) : null,
            h("span", { class: "badge" }, stageLabels[i.stage]))))),
      planInterviewButton(context, person)),
    person.referrals.length > 0
      ? card(h("h2", null, t("common.theySuggested")),
        h("ul", { class: "list" }, person.referrals.map((r) => h("li", { class: "list-item" }, h("a", { href: href(`/people/${r.id}`), class: "list-link" }, r.name)))))
      : null);
};

/**
 * Delete a person after a confirmation that says what goes with them; the list then offers "Undo",
 * which the API honours for a few minutes (the person, their conversations and the links to them come back).
 */
function deletePersonButton(context: PaneContext, person: Person): HTMLButtonElement {
  const button = h("button", { type: "button", class: "button", "data-testid": "delete-person" }, t("person.delete", { name: person.name }));
  button.addEventListener("click", () => {
    const slot = button.closest(".card")?.querySelector<HTMLElement>('[data-testid="delete-person-slot"]');
    if (!slot) return;
    const conversations = person.interviews.length;
    const what = [
      conversations === 0
        ? t("person.deleteNoConversation", { name: person.name })
        : t("person.deleteWithConversations", { name: person.name, count: conversations }),
      person.referrals.length > 0 ? t("person.referralsStay", { count: person.referrals.length }) : null,
      t("common.undoFor", { minutes: deleteUndoMinutes }),
    ].filter(Boolean).join(" ");
    replaceChildren(slot, confirmPanel(what, t("person.deletePerson"), (yes) => {
      yes.disabled = true;
      context.clearError();
      void context.progress(t("common.deleting"), deleteWithUndo(context, `/api/people/${person.id}`))
        .then(() => {
          clearDraft(`person-edit:${person.id}`);
          context.navigate(href("/people"));
        })
        .catch((error: unknown) => context.showError(messageOf(error)))
        .finally(() => (yes.disabled = false));
    }, () => { slot.replaceChildren(); button.focus(); }));
    slot.querySelector<HTMLButtonElement>("button")?.focus();
  });
  return button;
}

function planInterviewButton(context: PaneContext, person: Person): HTMLElement {
  const button = h("button", { type: "button", class: person.interviews.length === 0 ? "button button-primary" : "button" }, t("common.planConversation"));
  button.addEventListener("click", () => {
    button.disabled = true;
    context.clearError();
    void context.progress(t("common.planning"), context.api.post<Interview>("/api/interviews", { personId: person.id }))
      .then((interview) => context.navigate(href(`/interviews/${interview.id}`)))
      .catch((error: unknown) => context.showError(messageOf(error)))
      .finally(() => (button.disabled = false));
  });
  return button;
}
