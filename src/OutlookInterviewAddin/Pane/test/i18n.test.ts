import { test } from "node:test";
import assert from "node:assert/strict";
import { en } from "../src/i18n/en";
import { fr } from "../src/i18n/fr";
import { chooseLanguage, labelSeparator, language, setLanguage, t, type Message } from "../src/i18n";
import { formatDate, formatDateTime, formatInZone, type TimeSettings } from "../src/time";

const forms = (message: Message): string[] => (typeof message === "string" ? [message] : [message.one, message.other]);
const paramsOf = (message: Message): string[] => [...new Set(forms(message).flatMap((text) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]!)))].sort();

test("every English key has a French value, and French has no key English lacks", () => {
  const missing = Object.keys(en).filter((key) => !forms((fr as Record<string, Message>)[key] ?? "").every((text) => text.trim().length > 0));
  assert.deepEqual(missing, []);
  const extra = Object.keys(fr).filter((key) => !(key in en));
  assert.deepEqual(extra, []);
});

test("a plural in English is a plural in French, and the other way round", () => {
  const mismatched = Object.keys(en).filter((key) => typeof en[key as keyof typeof en] !== typeof fr[key as keyof typeof fr]);
  assert.deepEqual(mismatched, []);
});

test("the values put in ({name}, {count}) are the same in both languages", () => {
  const differing = Object.keys(en)
    .map((key) => ({ key, en: paramsOf(en[key as keyof typeof en]), fr: paramsOf(fr[key as keyof typeof fr]) }))
    // A French "one" may say "une" where English says "1": {count} then lives in "other" only.
    .filter((p) => p.en.filter((x) => x !== "count").join() !== p.fr.filter((x) => x !== "count").join());
  assert.deepEqual(differing, []);
});

test("French follows French typography: a non-breaking space before : ; ? ! and inside « », typographic apostrophes", () => {
  const wrong = Object.entries(fr).flatMap(([key, message]) => forms(message)
    .filter((text) => / [:;?!]|«[^\u00a0]|[^\u00a0]»|'/.test(text) || /[^\s\u00a0\u202f(][;?!]/.test(text.replace(/\{\w+\}/g, "x")))
    .map((text) => `${key}: ${text}`));
  assert.deepEqual(wrong, []);
});

test("a language setting wins; on automatic, Outlook's display language, else the browser's", () => {
  assert.equal(chooseLanguage("fr", "en-US", "en-US"), "fr");
  assert.equal(chooseLanguage("en", "fr-FR", "fr-FR"), "en");
  assert.equal(chooseLanguage("auto", "fr-CA", "en-US"), "fr");
  assert.equal(chooseLanguage("auto", "en-GB", "fr-FR"), "en");
  assert.equal(chooseLanguage("auto", null, "fr-BE"), "fr");
  assert.equal(chooseLanguage(null, undefined, "de-DE"), "en");
  assert.equal(chooseLanguage(undefined, "", ""), "en");
});

test("t() puts the values in and chooses the plural by language", async () => {
  assert.equal(language(), "en");
  assert.equal(t("common.addToMyPeople", { name: "Priya Shah" }), "Add Priya Shah to my people");
  assert.equal(t("people.conversations", { count: 0 }), "0 conversations");
  assert.equal(t("people.conversations", { count: 1 }), "1 conversation");
  await setLanguage("fr");
  try {
    assert.equal(language(), "fr");
    assert.equal(t("common.addToMyPeople", { name: "Priya Shah" }), "Ajouter Priya Shah à mes personnes");
    // French counts 0 and 1 as singular.
    assert.equal(t("people.conversations", { count: 0 }), "0 conversation");
    assert.equal(t("people.conversations", { count: 2 }), "2 conversations");
    assert.equal(t("home.whoIsSender"), "Qui est cet expéditeur\u202f?");
  } finally {
    await setLanguage("en");
  }
  assert.equal(t("home.whoIsSender"), "Who is this sender?");
});

// A fixed clock and zone, so the dates read the same on any machine.
const montreal: Partial<TimeSettings> = { zone: "America/Toronto", browserZone: "America/Toronto", language: "fr", now: () => new Date("2025-06-01T12:00:00Z") };

test("dates and times in French are written the French way: mardi 8 décembre 2026, 15 h 30", () => {
  assert.equal(formatDateTime("2026-12-08T20:30:00Z", montreal), "mardi 8 décembre 2026, 15\u00a0h\u00a030");
  assert.equal(formatDateTime("2025-12-08T20:00:00Z", montreal), "lundi 8 décembre, 15\u00a0h");
  assert.equal(formatDateTime("2025-12-01T14:05:00Z", montreal), "lundi 1er décembre, 9\u00a0h\u00a005");
  assert.equal(formatDate("2026-12-08T20:30:00Z", montreal), "8 décembre 2026");
  assert.equal(formatDate("2025-03-01T15:00:00Z", montreal), "1er mars");
  assert.match(formatDateTime("2025-12-08T20:30:00Z", { ...montreal, browserZone: "Europe/Paris" }), /^lundi 8 décembre, 15\u00a0h\u00a030 \S+/);
  assert.match(formatInZone("2025-12-08T20:30:00Z", "Europe/Paris", undefined, montreal), /^lundi 8 décembre, 21\u00a0h\u00a030 /);
});

test("English dates stay as they were", () => {
  assert.equal(formatDateTime("2026-12-08T20:30:00Z", { ...montreal, language: "en", locale: "en-US" }), "Tue, Dec 8, 2026, 3:30 PM");
});

test("a label and its value are joined the language's way: a no-break space before the colon in French", async () => {
  assert.equal(t("common.labelValue", { label: "Organisation", value: "Metrolinx" }), "Organisation: Metrolinx");
  assert.equal(labelSeparator(), ": ");
  await setLanguage("fr");
  try {
    assert.equal(t("common.labelValue", { label: "Organisation", value: "Hydro-Québec" }), "Organisation\u00a0: Hydro-Québec");
    assert.equal(labelSeparator(), "\u00a0: ");
  } finally {
    await setLanguage("en");
  }
});
