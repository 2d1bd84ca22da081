// "Know yourself first": the profile every draft starts from.

import type { View } from "../context";
import { h } from "../dom";
import { field, formErrors, keepDraft, onSubmit, submitButton } from "../forms";
import { orNull, splitList, type Profile } from "../model";
import { card, pageHeader } from "./common";

export const profileView: View = async (context) => {
  const profile = await context.progress("Loading your profile", context.api.get<Profile>("/api/profile"));
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
    card(form));
};
