// The pane's words. Every sentence a screen shows comes from en.ts (English, always in the bundle)
// or fr.ts (French, a chunk of its own fetched only when the pane speaks French), through t().
// A key names what the words are for; {name} marks a value put in; a { one, other } entry is a
// plural chosen by the number in {count}.

import { en } from "./en";

export type Language = "en" | "fr";
/** The profile's setting: a language, or "auto" (Outlook's display language, else the browser's). */
export type LanguageSetting = Language | "auto";
export type Message = string | { readonly one: string; readonly other: string };
export type Key = keyof typeof en;
/** Every key, in any language: a language file that misses one does not compile. */
export type Messages = { readonly [K in Key]: Message };

type Entry<K extends Key> = (typeof en)[K];
type Text<K extends Key> = Entry<K> extends { one: infer O extends string; other: infer M extends string } ? O | M : Entry<K> & string;
/** The names between braces in a message: "Add {name} to my people" gives "name". */
type ParamsIn<S extends string> = S extends `${string}{${infer P}}${infer Rest}` ? P | ParamsIn<Rest> : never;
type Params<K extends Key> = Entry<K> extends { one: string } ? ParamsIn<Text<K>> | "count" : ParamsIn<Text<K>>;
type Args<K extends Key> = [Params<K>] extends [never] ? [] : [values: { [P in Params<K>]: string | number }];

let current: Language = "en";
let messages: Messages = en;
const listeners = new Set<() => void>();

/** The language the pane speaks now. */
export function language(): Language {
  return current;
}

/** The words of <paramref name="key"/> in the pane's language, with the values put in. */
export function t<K extends Key>(key: K, ...args: Args<K>): string {
  const values = (args[0] ?? {}) as Record<string, string | number>;
  const message = messages[key] ?? en[key];
  const text = typeof message === "string" ? message : pluralOf(message, Number(values["count"]));
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}

function pluralOf(message: { one: string; other: string }, count: number): string {
  // French says "1 conversation" and "0 conversation"; English "0 conversations".
  return new Intl.PluralRules(current).select(count) === "one" ? message.one : message.other;
}

/**
 * The language for a setting: "en" or "fr" as chosen; "auto" (or none) follows Outlook's display
 * language ("fr-FR", "fr-CA"), else the browser's; anything not French is English.
 */
export function chooseLanguage(setting: string | null | undefined, displayLanguage: string | null | undefined, browserLanguage: string | null | undefined): Language {
  if (setting === "en" || setting === "fr") return setting;
  const spoken = displayLanguage?.trim() || browserLanguage?.trim() || "en";
  return /^fr\b/i.test(spoken) ? "fr" : "en";
}

/** Switches the pane's language: French is fetched the first time; <html lang> follows. */
export async function setLanguage(next: Language): Promise<void> {
  const loaded = next === "fr" ? (await import("./fr")).fr : en;
  const changed = next !== current;
  messages = loaded;
  current = next;
  if (typeof document !== "undefined") document.documentElement.lang = next;
  if (changed) for (const listener of listeners) listener();
}

/** Calls back after each change of language (the shell relabels itself, the view is drawn again). */
export function onLanguageChanged(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * A table of labels by value (stages, connections, …) that reads the pane's language each time it
 * is read, so a module-level table follows a switch of language.
 */
export function labels<V extends string>(keys: { readonly [P in V]: Key }): Readonly<Record<V, string>> {
  const table = {} as Record<V, string>;
  for (const value of Object.keys(keys) as V[]) {
    Object.defineProperty(table, value, { enumerable: true, get: () => (t as (key: Key) => string)(keys[value]) });
  }
  return table;
}

/** What goes between a label and its value when they are separate elements (": ", in French "\u00a0: "). */
export function labelSeparator(): string {
  return t("common.labelValue", { label: "", value: "" });
}

/** "Mark interviewed" as the middle of a sentence ("Yes, mark interviewed"); the rest stays as written. */
export function lowerFirst(text: string): string {
  return text.charAt(0).toLocaleLowerCase(language()) + text.slice(1);
}
