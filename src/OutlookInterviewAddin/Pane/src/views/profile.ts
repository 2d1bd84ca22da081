// "Know yourself first": the profile every draft starts from.

import type { View } from "../context";
import { h, uniqueId } from "../dom";
import { checkbox, field, formErrors, keepDraft, onSubmit, submitButton } from "../forms";
import { orNull, splitList, type Automation, type Profile } from "../model";
import { card, linkButton, pageHeader } from "./common";
import { href } from "../router";
import { t, type LanguageSetting } from "../i18n";

export const profileView: View = async (context) => {
  const [profile, automation] = await context.progress(t("profile.loading"),
    Promise.all([context.api.get<Profile>("/api/profile"), context.api.get<Automation>("/api/automation")]));
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  // The profile as last saved: the language switch sends it back unchanged with the new language.
  let current = profile;
  const form = h("form", { class: "form", "aria-label": t("profile.title") },
    formErrors(),
    field({ name: "fullName", label: t("profile.fullName"), value: profile.fullName, autocomplete: "name", hint: t("profile.fullNameHint") }),
    field({ name: "interests", label: t("profile.interests"), value: profile.interests, multiline: true, hint: t("profile.interestsHint") }),
    field({ name: "fieldsOfInterest", label: t("profile.fields"), value: profile.fieldsOfInterest.join("\n"), multiline: true, hint: t("common.onePerLine") }),
    field({ name: "positionsOfInterest", label: t("profile.positions"), value: profile.positionsOfInterest.join("\n"), multiline: true, hint: t("common.onePerLine") }),
    field({ name: "inTenYears", label: t("profile.tenYears"), value: profile.inTenYears, multiline: true }),
    field({ name: "inTwentyYears", label: t("profile.twentyYears"), value: profile.inTwentyYears, multiline: true }),
    field({ name: "school", label: t("profile.school"), value: profile.school, autocomplete: "organization" }),
    field({ name: "program", label: t("profile.program"), value: profile.program }),
    field({ name: "city", label: t("common.city"), value: profile.city, autocomplete: "address-level2" }),
    field({ name: "timeZone", label: t("common.timeZone"), value: profile.timeZone ?? browserZone, hint: t("profile.timeZoneHint") }),
    field({ name: "signature", label: t("profile.signature"), value: profile.signature, multiline: true }),
    h("div", { class: "form-actions" }, submitButton(t("profile.save"))));
  const draft = keepDraft(form, "profile");
  onSubmit(form, context, t("profile.saving"), (v) => context.api.put<Profile>("/api/profile", {
    fullName: orNull(v["fullName"]),
    interests: orNull(v["interests"]),
    fieldsOfInterest: splitList(v["fieldsOfInterest"] ?? ""),
    positionsOfInterest: splitList(v["positionsOfInterest"] ?? ""),
    inTenYears: orNull(v["inTenYears"]),
    inTwentyYears: orNull(v["inTwentyYears"]),
    school: orNull(v["school"]),
    program: orNull(v["program"]),
    city: orNull(v["city"]),
    timeZone: orNull(v["timeZone"]),
    signature: orNull(v["signature"]),
  }), (saved) => {
    current = saved;
    context.profileSaved(saved);
  }, draft, { savedMessage: t("profile.saved"), statusTestId: "profile-saved" });
  return h("div", { class: "view", "data-view": "profile" },
    pageHeader(t("profile.title"), t("profile.lead")),
    card(languageField(context, () => current, (saved) => (current = saved))),
    card(form),
    card(automationForm(context, automation)),
    card(h("h2", null, t("common.yourData")),
      h("p", null, t("profile.dataLead")),
      linkButton(t("common.yourData"), href("/data"), false, t("profile.dataAria"))));
};

/**
 * The pane's language, applied as soon as it is chosen: saved with the profile as it was last saved
 * (what is typed in the form below stays in its draft and comes back when the screen is drawn again).
 */
function languageField(context: Parameters<View>[0], saved: () => Profile, changed: (profile: Profile) => void): HTMLElement {
  const id = uniqueId("pane-language");
  const hintId = `${id}-hint`;
  const select = h("select", { id, name: "language", class: "input", "aria-describedby": hintId, "data-testid": "pane-language" },
    h("option", { value: "auto" }, t("profile.languageAuto")),
    h("option", { value: "en", lang: "en" }, t("profile.languageEn")),
    h("option", { value: "fr", lang: "fr" }, t("profile.languageFr")));
  select.value = saved().language ?? "auto";
  select.addEventListener("change", () => {
    const language = select.value as LanguageSetting;
    select.disabled = true;
    context.clearError();
    const { updatedAt: _, ...profile } = saved();
    void context.progress(t("profile.languageSaving"), context.api.put<Profile>("/api/profile", { ...profile, language }))
      .then((result) => {
        changed(result);
        context.profileSaved(result);
      })
      .catch((error: unknown) => {
        select.value = saved().language ?? "auto";
        context.showError(error instanceof Error ? error.message : String(error));
      })
      .finally(() => (select.disabled = false));
  });
  return h("div", { class: "field", "data-field": "language" },
    h("label", { for: id, class: "label" }, t("profile.language")),
    h("p", { id: hintId, class: "hint" }, t("profile.languageHint")),
    select);
}

/** The one switch for the follow-through, and its interval: it drafts, never sends. */
function automationForm(context: Parameters<View>[0], automation: Automation): HTMLElement {
  const form = h("form", { class: "form", "aria-label": t("profile.automation"), "data-testid": "automation-form" },
    h("h2", null, t("profile.followThrough")),
    h("p", null, t("profile.followLead")),
    formErrors(),
    checkbox("enabled", t("profile.enabled"), automation.enabled),
    field({ name: "stayInTouchMonths", label: t("profile.months"), type: "number", value: automation.stayInTouchMonths?.toString() ?? "",
      hint: t("profile.monthsHint") }),
    field({ name: "country", label: t("profile.country"), value: automation.country, hint: t("profile.countryHint") }),
    field({ name: "province", label: t("profile.province"), value: automation.province, hint: t("profile.provinceHint") }),
    h("div", { class: "form-actions" }, submitButton(t("profile.saveAutomation"))));
  const saved = h("p", { class: "saved", role: "status", "data-testid": "automation-saved" }, automation.problem ?? "");
  const enabled = form.querySelector<HTMLInputElement>("input[name=enabled]")!;
  onSubmit(form, context, t("profile.savingAutomation"), (v) => context.api.put<Automation>("/api/automation", {
    enabled: enabled.checked,
    stayInTouchMonths: orNull(v["stayInTouchMonths"]) === null ? null : Number(v["stayInTouchMonths"]),
    country: orNull(v["country"]),
    province: orNull(v["province"]),
  }), (result) => {
    enabled.checked = result.enabled;
    saved.textContent = result.problem ?? (result.enabled ? t("profile.automationOn") : t("profile.automationOff"));
  });
  return h("div", null, form, saved);
}
