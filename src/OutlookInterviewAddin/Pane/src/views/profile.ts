// "Know yourself first": the profile every draft starts from.

import type { View } from "../context";
import { h } from "../dom";
import { checkbox, field, formErrors, keepDraft, onSubmit, submitButton } from "../forms";
import { orNull, splitList, type Automation, type Profile } from "../model";
import { card, linkButton, pageHeader } from "./common";
import { href } from "../router";

export const profileView: View = async (context) => {
  const [profile, automation] = await context.progress("Loading your profile",
    Promise.all([context.api.get<Profile>("/api/profile"), context.api.get<Automation>("/api/automation")]));
  const browserZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const form = h("form", { class: "form", "aria-label": "Your profile" },
    formErrors(),
    field({ name: "fullName", label: "Your name", value: profile.fullName, autocomplete: "name", hint: "How you sign your mail: every draft ends with it." }),
    field({ name: "interests", label: "What interests you now", value: profile.interests, multiline: true, hint: "Subjects, activities, problems you like working on." }),
    field({ name: "fieldsOfInterest", label: "Fields you are curious about", value: profile.fieldsOfInterest.join("\n"), multiline: true, hint: "One per line." }),
    field({ name: "positionsOfInterest", label: "Positions you are curious about", value: profile.positionsOfInterest.join("\n"), multiline: true, hint: "One per line." }),
    field({ name: "inTenYears", label: "Who you want to be in 10 years", value: profile.inTenYears, multiline: true }),
    field({ name: "inTwentyYears", label: "Who you want to be in 20 years", value: profile.inTwentyYears, multiline: true }),
    field({ name: "school", label: "School", value: profile.school, autocomplete: "organization" }),
    field({ name: "program", label: "Program and year", value: profile.program }),
    field({ name: "city", label: "City", value: profile.city, autocomplete: "address-level2" }),
    field({ name: "timeZone", label: "Time zone", value: profile.timeZone ?? browserZone, hint: "Reminders follow your local calendar, for example America/Toronto." }),
    field({ name: "signature", label: "Signature for your emails", value: profile.signature, multiline: true }),
    h("div", { class: "form-actions" }, submitButton("Save profile")));
  const draft = keepDraft(form, "profile");
  onSubmit(form, context, "Saving your profile", (v) => context.api.put<Profile>("/api/profile", {
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
  }), (saved) => context.profileSaved(saved), draft, { savedMessage: "Profile saved.", statusTestId: "profile-saved" });
  return h("div", { class: "view", "data-view": "profile" },
    pageHeader("Your profile", "Know yourself first: what interests you now, and who you want to be in 10 and 20 years. Every request the pane drafts starts from this."),
    card(form),
    card(automationForm(context, automation)),
    card(h("h2", null, "Your data"),
      h("p", null, "Import people from LinkedIn, a contacts file or Outlook; export everything; or delete it all."),
      linkButton("Your data", href("/data"), false, "Your data: import, export or delete")));
};

/** The one switch for the follow-through, and its interval: it drafts, never sends. */
function automationForm(context: Parameters<View>[0], automation: Automation): HTMLElement {
  const form = h("form", { class: "form", "aria-label": "Automation", "data-testid": "automation-form" },
    h("h2", null, "Follow-through"),
    h("p", null, "When on, the add-in drafts the thank-you when a meeting ends, notices replies, drafts your one follow-up after 7 business days, and drafts an update every few months. Nothing is ever sent: every draft waits in Drafts for you."),
    formErrors(),
    checkbox("enabled", "Draft follow-through for me", automation.enabled),
    field({ name: "stayInTouchMonths", label: "Months between stay-in-touch updates", type: "number", value: automation.stayInTouchMonths?.toString() ?? "",
      hint: "1 to 12; leave empty for no updates." }),
    field({ name: "country", label: "Country for public holidays", value: automation.country, hint: "A two-letter code such as CA; business days then skip its holidays." }),
    field({ name: "province", label: "Province or state", value: automation.province, hint: "For example ON." }),
    h("div", { class: "form-actions" }, submitButton("Save automation")));
  const saved = h("p", { class: "saved", role: "status", "data-testid": "automation-saved" }, automation.problem ?? "");
  const enabled = form.querySelector<HTMLInputElement>("input[name=enabled]")!;
  onSubmit(form, context, "Saving automation", (v) => context.api.put<Automation>("/api/automation", {
    enabled: enabled.checked,
    stayInTouchMonths: orNull(v["stayInTouchMonths"]) === null ? null : Number(v["stayInTouchMonths"]),
    country: orNull(v["country"]),
    province: orNull(v["province"]),
  }), (result) => {
    enabled.checked = result.enabled;
    saved.textContent = result.problem ?? (result.enabled ? "Automation is on." : "Automation is off.");
  });
  return h("div", null, form, saved);
}
