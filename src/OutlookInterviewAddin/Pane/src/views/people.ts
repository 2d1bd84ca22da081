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
  const first = await context.progress("Loading your people", context.api.get<Page<PersonSummary>>(pathFor(initialTerm, initialStage)));
  if (first.items.length === 0 && !initialTerm && !initialStage) {
    return h("div", { class: "view", "data-view": "people" },
      pageHeader("People to talk to"),
      undoDeletedRow(context, "person", "person-undo"),
      card(
        h("h2", null, "No one on your list yet"),
        h("p", null, "Start with warm contacts, people who already know you: a manager or teammate from a placement, family, a friend of a friend. Then people you have not met."),
        linkButton("Add a person", href("/people/new"))));
  }

  const search = h("input", { type: "search", id: "people-search", name: "search", class: "input", value: match.query.get("search") ?? "", autocomplete: "off" });
  const stage = h("select", { id: "people-stage", name: "stage", class: "input" },
    h("option", { value: "" }, "All stages"),
    h("option", { value: noInterview }, "Not contacted yet"),
    (Object.keys(stageLabels) as Stage[]).map((s) => h("option", { value: s }, stageLabels[s])));
  stage.value = initialStage;
  const results = h("div", { "aria-live": "polite" });
  const list = h("ul", { class: "list", "data-testid": "people-list" });
  const more = h("button", { type: "button", class: "button", "data-testid": "people-more" }, "Show more");
  let generation = 0;
  let base = pathFor(initialTerm, initialStage);
  let next: string | null = null;

  const show = (page: Page<PersonSummary>, append: boolean) => {
    if (!append) list.replaceChildren();
    list.append(...page.items.map(personRow));
    next = nextPagePath(base, page);
    more.hidden = next === null;
    replaceChildren(results, list.childElementCount === 0 ? h("p", { class: "empty" }, "No one matches. Try another name or stage.") : [list, more]);
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
    void context.progress("Loading more people", context.api.get<Page<PersonSummary>>(path))
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
    pageHeader("People to talk to"),
    undoDeletedRow(context, "person", "person-undo"),
    h("div", { class: "toolbar", role: "search" },
      h("div", { class: "field" }, h("label", { for: "people-search", class: "label" }, "Search by name, email or organisation"), search),
      h("div", { class: "field" }, h("label", { for: "people-stage", class: "label" }, "Stage"), stage)),
    linkButton("Add a person", href("/people/new")),
    results);
};

function personRow(person: PersonSummary): HTMLElement {
  const meta = [person.role, person.organisation].filter(Boolean).join(", ");
  return h("li", { class: "list-item" },
    h("a", { href: href(`/people/${person.id}`), class: "list-link" },
      h("span", { class: "list-title" }, person.name),
      meta ? h("span", { class: "list-meta" }, meta) : null,
      h("span", { class: "badge" }, person.latestStage ? stageLabels[person.latestStage] : "Not contacted yet")));
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : "Something went wrong.";
}

function personForm(person: Partial<Person> | null, submitLabel: string): HTMLFormElement {
  return h("form", { class: "form", "aria-label": submitLabel },
    formErrors(),
    field({ name: "name", label: "Name", value: person?.name, required: true, autocomplete: "name" }),
    field({ name: "greetAs", label: "Greet as", value: person?.greetAs, hint: "e.g. Dr. Okafor; leave blank to use their first name" }),
    field({ name: "email", label: "Email", value: person?.email, type: "email", autocomplete: "email" }),
    field({ name: "organisation", label: "Organisation", value: person?.organisation }),
    field({ name: "role", label: "Role", value: person?.role }),
    field({ name: "field", label: "Field", value: person?.field }),
    field({ name: "city", label: "City", value: person?.city }),
    field({ name: "timeZone", label: "Time zone", value: person?.timeZone, hint: "Where they work, for example America/Toronto. Invitations show the time in theirs too." }),
    field({
      name: "connection", label: "How you know them", value: person?.connection ?? "cold",
      options: (Object.keys(connectionLabels) as Connection[]).map((c) => ({ value: c, label: connectionLabels[c] })),
    }),
    field({ name: "connectionDetail", label: "In a few words", value: person?.connectionDetail, hint: "For example: my manager at the co-op, or Jordan's aunt." }),
    field({ name: "linkedInUrl", label: "LinkedIn profile", value: person?.linkedInUrl, type: "url" }),
    field({ name: "notes", label: "Notes", value: person?.notes, multiline: true }),
    h("div", { class: "form-actions" }, submitButton(submitLabel)));
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
  };
}

export const newPersonView: View = (context, match) => {
  const form = personForm({ name: match.query.get("name") ?? "", email: match.query.get("email") ?? "" }, "Add person");
  // A draft per prefilled sender, so adding two senders in a row never mixes their details.
  const draftKey = `person-new:${match.query.get("email") ?? ""}`;
  const draft = keepDraft(form, draftKey);
  const duplicateOffer = h("div", { "data-testid": "duplicate-offer" });
  onSubmit(form, context, "Adding the person", (v) => {
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
    pageHeader("Add a person", "Someone whose work you are curious about. Warm contacts first: people who already know you."),
    duplicateOffer,
    card(form));
};

function duplicateCard(context: PaneContext, existing: Person, typed: PersonInput, merged: () => void): HTMLElement {
  const { input, changes } = mergeTyped(existing, typed);
  const merge = h("button", { type: "button", class: "button button-primary" }, "Merge");
  merge.addEventListener("click", () => {
    merge.disabled = true;
    context.clearError();
    void context.progress("Merging", context.api.put<Person>(`/api/people/${existing.id}`, input))
      .then(() => {
        merged();
        clearDraft(`person-edit:${existing.id}`);
        context.navigate(href(`/people/${existing.id}`));
      })
      .catch((error: unknown) => context.showError(messageOf(error)))
      .finally(() => (merge.disabled = false));
  });
  return card(
    h("h2", null, "Already on your list"),
    h("p", null, `${existing.name} already has the email ${existing.email ?? ""}. Open them, or merge what you typed into them.`),
    h("p", null, changes.length === 0
      ? `Merge changes nothing: ${existing.name} already has everything you typed.`
      : `Merge keeps ${existing.name}'s notes, conversations and details, and changes:`),
    changes.length > 0 ? h("ul", { "data-testid": "duplicate-changes" }, changes.map((c) => h("li", null, c))) : null,
    h("div", { class: "button-row" },
      linkButton(`Open ${existing.name}`, href(`/people/${existing.id}`), false),
      merge));
}

export const editPersonView: View = async (context, match) => {
  const id = match.params["id"]!;
  const person = await context.progress("Loading", context.api.get<Person>(`/api/people/${id}`));
  const form = personForm(person, "Save changes");
  const mergeOffer = h("div", { "data-testid": "merge-offer" });
  const draft = keepDraft(form, `person-edit:${id}`);
  onSubmit(form, context, "Saving", (v) => {
    mergeOffer.replaceChildren();
    return context.api.put<Person>(`/api/people/${id}`, personInput(v, person.referredBy?.id ?? null)).catch((error: unknown) => {
      // The email belongs to someone else on the list: most likely the same person, added twice.
      const otherId = error instanceof ApiError && error.status === 409 ? error.problem?.["existingPersonId"] : undefined;
      if (typeof otherId === "string") {
        replaceChildren(mergeOffer, card(
          h("h2", null, "Already on your list"),
          h("p", null, `Another person on your list has this email. If they are the same person as ${person.name}, merge them: their conversations and notes move here.`),
          linkButton("Merge the two people", href(`/people/${id}/merge?other=${encodeURIComponent(otherId)}`))));
      }
      throw error;
    });
  }, () => context.navigate(href(`/people/${id}`)), draft);
  return h("div", { class: "view", "data-view": "person-edit" },
    pageHeader(`Edit ${person.name}`),
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
  const [person, people] = await context.progress("Loading", Promise.all([
    context.api.get<Person>(`/api/people/${id}`),
    // The chooser offers the first 200 by name; the person being merged is read by id below.
    context.api.get<Page<PersonSummary>>("/api/people?limit=200"),
  ]));
  const others = people.items.filter((p) => p.id !== id);
  const other = otherId && otherId !== id ? { id: otherId } : undefined;
  const back = linkButton(`Back to ${person.name}`, href(`/people/${id}`), false);

  if (!other) {
    if (others.length === 0) {
      return h("div", { class: "view", "data-view": "person-merge" },
        pageHeader(`Merge ${person.name} with someone`),
        card(h("p", { class: "empty" }, "There is no one else on your list to merge with."), back));
    }
    const choose = h("form", { class: "form", "aria-label": "Choose who to merge with" },
      field({
        name: "other", label: `Who is the same person as ${person.name}?`,
        options: others.map((p) => ({ value: p.id, label: [p.name, p.organisation, p.email].filter(Boolean).join(", ") })),
      }),
      h("div", { class: "form-actions" }, submitButton("Continue")));
    choose.addEventListener("submit", (event) => {
      event.preventDefault();
      const picked = new FormData(choose).get("other");
      if (typeof picked === "string" && picked) context.navigate(href(`/people/${id}/merge?other=${encodeURIComponent(picked)}`));
    });
    return h("div", { class: "view", "data-view": "person-merge" },
      pageHeader(`Merge ${person.name} with someone`, "When the same person is on your list twice, merge them so their conversations and notes are in one place."),
      card(choose, back));
  }

  const otherPerson = await context.progress("Loading", context.api.get<Person>(`/api/people/${other.id}`));
  const conversations = (n: number) => (n === 1 ? "1 conversation" : `${n} conversations`);
  const confirm = h("button", { type: "button", class: "button button-primary" }, "Merge");
  confirm.addEventListener("click", () => {
    confirm.disabled = true;
    context.clearError();
    void context.progress("Merging", context.api.post<Person>(`/api/people/${id}/merge`, { otherId: other.id }))
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
    pageHeader(`Merge ${otherPerson.name} into ${person.name}?`),
    card(
      h("ul", { "data-testid": "merge-summary" },
        h("li", null, `${person.name} keeps their ${conversations(person.interviews.length)} and gets ${otherPerson.name}'s ${conversations(otherPerson.interviews.length)}.`),
        h("li", null, `${otherPerson.name}'s notes are added below ${person.name}'s; details ${person.name} lacks are filled in from ${otherPerson.name}.`),
        h("li", null, `${otherPerson.name} is then removed from your list. This cannot be undone.`)),
      h("div", { class: "button-row" }, confirm, linkButton("Choose someone else", href(`/people/${id}/merge`), false), back)));
};

export const personView: View = async (context, match) => {
  const id = match.params["id"]!;
  const person = await context.progress("Loading", context.api.get<Person>(`/api/people/${id}`));
  const facts: [string, string | null][] = [
    ["Greet as", person.greetAs], ["Email", person.email], ["Organisation", person.organisation], ["Role", person.role], ["Field", person.field], ["City", person.city],
    ["Time zone", person.timeZone],
    // "Suggested by …" is said once, with the link below, not again in the connection's words.
    ["How you know them", [connectionLabels[person.connection], person.referredBy && /^suggested by\b/i.test(person.connectionDetail ?? "") ? null : person.connectionDetail].filter(Boolean).join(": ")],
  ];
  return h("div", { class: "view", "data-view": "person" },
    pageHeader(person.name),
    undoDeletedRow(context, "interview", "conversation-undo"),
    card(
      h("dl", { class: "facts" }, facts.filter(([, v]) => v).map(([k, v]) => [h("dt", null, k), h("dd", null, v!)]),
        person.linkedInUrl && /^https?:\/\//i.test(person.linkedInUrl)
          ? [h("dt", null, "LinkedIn"), h("dd", null, h("a", { href: person.linkedInUrl, target: "_blank", rel: "noopener noreferrer", "data-testid": "person-linkedin" }, person.linkedInUrl))]
          : null),
      person.referredBy
        ? h("p", { "data-testid": "referred-by" }, "Suggested by ", h("a", { href: href(`/people/${person.referredBy.id}`) }, person.referredBy.name))
        : null,
      person.notes ? h("p", { class: "notes" }, person.notes) : null,
      h("div", { class: "button-row" },
        linkButton("Edit", href(`/people/${id}/edit`), false),
        linkButton("Merge with another person", href(`/people/${id}/merge`), false),
        deletePersonButton(context, person)),
      h("div", { "data-testid": "delete-person-slot" })),
    card(
      h("h2", null, "Conversations"),
      person.interviews.length === 0
        ? h("p", { class: "empty" }, `No conversation with ${person.name} planned yet. Plan one to choose the questions and keep your notes.`)
        : h("ul", { class: "list", "data-testid": "person-interviews" }, person.interviews.map((i) => h("li", { class: "list-item" },
          h("a", { href: href(`/interviews/${i.id}`), class: "list-link" },
            h("span", { class: "list-title" }, i.plannedStart ? formatDateTime(i.plannedStart) : "Not scheduled yet"),
            i.plannedStart && isPast(i.plannedStart) && ["prospect", "contacted", "noReply", "scheduled"].includes(i.stage) ? h("span", { class: "list-meta" }, "In the past") : null,
            h("span", { class: "badge" }, stageLabels[i.stage]))))),
      planInterviewButton(context, person)),
    person.referrals.length > 0
      ? card(h("h2", null, "People they suggested"),
        h("ul", { class: "list" }, person.referrals.map((r) => h("li", { class: "list-item" }, h("a", { href: href(`/people/${r.id}`), class: "list-link" }, r.name)))))
      : null);
};

/**
 * Delete a person after a confirmation that says what goes with them; the list then offers "Undo",
 * which the API honours for a few minutes (the person, their conversations and the links to them come back).
 */
function deletePersonButton(context: PaneContext, person: Person): HTMLButtonElement {
  const button = h("button", { type: "button", class: "button", "data-testid": "delete-person" }, `Delete ${person.name}`);
  button.addEventListener("click", () => {
    const slot = button.closest(".card")?.querySelector<HTMLElement>('[data-testid="delete-person-slot"]');
    if (!slot) return;
    const conversations = person.interviews.length;
    const what = (conversations === 0
      ? `Delete ${person.name} and their details and notes?`
      : `Delete ${person.name} with their ${conversations === 1 ? "conversation" : `${conversations} conversations`} (plans, takeaways, reflections and updates) and their notes?`)
      + (person.referrals.length > 0 ? ` The ${person.referrals.length === 1 ? "person" : `${person.referrals.length} people`} they suggested stay on your list.` : "")
      + ` You can undo this for ${deleteUndoMinutes} minutes.`;
    replaceChildren(slot, confirmPanel(what, "Delete person", (yes) => {
      yes.disabled = true;
      context.clearError();
      void context.progress("Deleting", deleteWithUndo(context, `/api/people/${person.id}`))
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
  const button = h("button", { type: "button", class: person.interviews.length === 0 ? "button button-primary" : "button" }, "Plan a conversation");
  button.addEventListener("click", () => {
    button.disabled = true;
    context.clearError();
    void context.progress("Planning", context.api.post<Interview>("/api/interviews", { personId: person.id }))
      .then((interview) => context.navigate(href(`/interviews/${interview.id}`)))
      .catch((error: unknown) => context.showError(messageOf(error)))
      .finally(() => (button.disabled = false));
  });
  return button;
}
