// The quick notes form on a meeting the user attended: right after the conversation, the takeaways
// (one a line), the one most helpful tip and what they will do with it, the people suggested and how
// the career sounded, saved at once with the conversation's own API routes. Saving never moves the
// stage (as on the conversation page): marking it interviewed stays a deliberate step there.

import { ApiError } from "../api";
import type { PaneContext } from "../context";
import { h } from "../dom";
import { draftActionsFor, draftHash } from "../drafts";
import { field, formErrors, keepDraft, onSubmit, submitButton } from "../forms";
import { fitLabels, orNull, type Interview } from "../model";
import { href } from "../router";
import { linkButton } from "./common";
import { t } from "../i18n";

export interface SuggestedPerson {
  name: string;
  organisation: string | null;
  email: string | null;
}

/** Non-empty lines, trimmed. */
export function linesOf(text: string | undefined): string[] {
  return (text ?? "").split(/\r?\n/).map((l) => l.trim()).filter((l) => l.length > 0);
}

/** "Priya Shah, Shopify, priya@shopify.example": the name first, then an organisation and an email in any order. */
export function suggestedPersonOf(line: string): SuggestedPerson {
  const [name = "", ...rest] = line.split(/[,;]/).map((p) => p.trim()).filter((p) => p.length > 0);
  const email = rest.find((p) => p.includes("@")) ?? null;
  const organisation = rest.filter((p) => p !== email).join(", ") || null;
  return { name, organisation, email };
}

/**
 * The form. <paramref name="meetingStart"/> is the Outlook item's start: before it, the form says that
 * saving keeps the notes without marking the conversation interviewed.
 */
export function quickTakeawaysForm(context: PaneContext, interview: Interview, meetingStart: Date | null, reload: () => void): HTMLElement {
  const form = h("form", { class: "form", "aria-labelledby": "quick-takeaways-title", "data-testid": "quick-takeaways" },
    formErrors(),
    field({ name: "takeaways", label: t("common.takeaways"), multiline: true, rows: 4, hint: t("quick.takeawaysHint") }),
    field({ name: "tip", label: t("quick.tip"), hint: t("quick.tipHint") }),
    field({ name: "action", label: t("common.whatIllDo"), placeholder: t("common.actionPlaceholder"), hint: t("common.actionHint") }),
    field({ name: "referrals", label: t("common.theySuggested"), multiline: true, rows: 3, hint: t("quick.referralsHint") }),
    field({ name: "rating", label: t("common.howCareer"), value: interview.fit?.rating ? String(interview.fit.rating) : "", options: Object.entries(fitLabels).map(([value, label]) => ({ value, label })) }),
    field({ name: "note", label: t("common.why"), value: interview.fit?.note, multiline: true, rows: 2 }),
    h("div", { class: "form-actions" }, submitButton(t("quick.save"))));
  const draft = keepDraft(form, `quick-takeaways:${interview.id}`);
  onSubmit(form, context, t("quick.saving"), (v) => saveNotes(context, interview, form, v), reload, draft, { savedMessage: t("quick.saved"), statusTestId: "quick-takeaways-status" });

  const now = new Date();
  const ahead = meetingStart !== null && meetingStart.getTime() > now.getTime();
  const thankYou = draftActionsFor(interview, now).find((a) => a.kind === "thankYou" && a.enabled);
  const recorded = interview.takeaways.length;
  return h("div", { class: "quick-takeaways" },
    h("h2", { id: "quick-takeaways-title" }, t("quick.title")),
    ahead ? h("p", { class: "hint", "data-testid": "meeting-ahead" }, t("quick.ahead")) : null,
    recorded > 0 ? h("p", { "data-testid": "takeaways-recorded" }, t("quick.recorded", { count: recorded })) : null,
    form,
    h("div", { class: "button-row" },
      thankYou ? linkButton(thankYou.label, draftHash(interview.id, "thankYou")) : null,
      linkButton(t("common.openConversation"), href(`/interviews/${interview.id}`), false)));
}

/** Sets a field's value and keeps the form's draft in step (what is saved leaves the form). */
function setValue(form: HTMLFormElement, name: string, value: string): void {
  const control = form.elements.namedItem(name);
  if (control instanceof HTMLInputElement || control instanceof HTMLTextAreaElement) control.value = value;
}

/**
 * Saves each part with its own route, taking what was saved out of the form as it goes: after a
 * failure the form holds only what is still to save, so pressing Save again adds nothing twice.
 */
async function saveNotes(context: PaneContext, interview: Interview, form: HTMLFormElement, v: Record<string, string>): Promise<void> {
  const takeaways = linesOf(v["takeaways"]);
  const tip = orNull(v["tip"]);
  const action = orNull(v["action"]);
  const referrals = linesOf(v["referrals"]);
  const rating = v["rating"] ? Number(v["rating"]) : null;
  const note = orNull(v["note"]);
  const fitChanged = rating !== (interview.fit?.rating ?? null) || note !== (orNull(interview.fit?.note));
  if (action && !tip) throw new ApiError(400, t("quick.whichTip"), { action: [t("quick.writeTip")] });
  if (takeaways.length === 0 && !tip && referrals.length === 0 && !fitChanged)
    throw new ApiError(400, t("quick.nothing"), { takeaways: [t("quick.atLeastOne")] });

  const base = `/api/interviews/${interview.id}`;
  try {
    for (let i = 0; i < takeaways.length; i++) {
      await context.api.post<Interview>(`${base}/takeaways`, { text: takeaways[i], action: null, isMostHelpful: false });
      setValue(form, "takeaways", takeaways.slice(i + 1).join("\n"));
    }
    if (tip) {
      await context.api.post<Interview>(`${base}/takeaways`, { text: tip, action, isMostHelpful: true });
      setValue(form, "tip", "");
      setValue(form, "action", "");
    }
    const refused: string[] = [];
    const left: string[] = [];
    for (const line of referrals) {
      const person = suggestedPersonOf(line);
      try {
        await context.api.post(`${base}/referrals`, {
          ...person,
          connection: "cold",
          connectionDetail: t("common.suggestedByName", { name: interview.person.name }),
        });
      } catch (error) {
        if (!(error instanceof ApiError) || error.status === 0 || error.status >= 500) throw error;
        // A validation problem says what is wrong beside its field (email, name); here that is this line.
        const reasons = Object.values(error.fieldErrors).flat();
        refused.push(t("quick.refusedLine", { who: person.name || line, reasons: reasons.length > 0 ? reasons.join(" ") : error.message }));
        left.push(line);
      }
    }
    setValue(form, "referrals", left.join("\n"));
    if (fitChanged) await context.api.put<Interview>(`${base}/fit`, { rating, note });
    if (refused.length > 0)
      throw new ApiError(400, t("quick.restSaved", { count: refused.length }), { referrals: refused });
  } finally {
    // The draft follows what is left in the form.
    form.dispatchEvent(new Event("change"));
  }
}
