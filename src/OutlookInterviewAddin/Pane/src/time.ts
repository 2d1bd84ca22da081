// The one place the pane turns instants into words and back. Every date and time on every screen
// goes through here, so the same meeting reads the same on the plan, the person page, next actions
// and the mailbox:
// - times are shown on the clock of the user's zone (the profile's; the browser's until one is saved),
//   the zone next actions and the drafts use too;
// - a time carries its zone's name whenever the browser runs in another zone than the profile's,
//   so "3:00 PM" can never be read on the wrong clock;
// - a date carries its year whenever it is not in the current year, so a 2020 plan never looks upcoming.

import { language, t, type Language } from "./i18n";





export interface TimeSettings {
  /** The zone times are shown in and datetime-local fields are read in (IANA). */
  zone: string;
  /** The zone the browser runs in. */
  browserZone: string;
  /** Undefined: the browser's locale. */
  locale?: string;
  /** The current instant (tests fix it). */
  now: () => Date;
  /** The pane's language (tests fix it): French dates are written the French way. */
  language?: Language;
}

export function browserZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
  } catch {
    return "UTC";
  }
}

/** Whether <paramref name="zone"/> is a zone Intl knows. */
export function isValidZone(zone: string | null | undefined): zone is string {
  if (!zone) return false;
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

let current: TimeSettings = { zone: browserZone(), browserZone: browserZone(), now: () => new Date() };

/** The profile's zone, once read or saved; null or an unknown zone falls back to the browser's. */
export function setProfileZone(zone: string | null | undefined): void {
  current = { ...current, zone: isValidZone(zone) ? zone : current.browserZone };
}

export function timeSettings(): TimeSettings {
  return current;
}

/** For tests: settings for one call. */
function settingsOf(overrides?: Partial<TimeSettings>): TimeSettings {
  return overrides ? { ...current, ...overrides } : current;
}

/** Whether the zones differ, so each time says which clock it is on. */
export function zonesDiffer(overrides?: Partial<TimeSettings>): boolean {
  const s = settingsOf(overrides);
  return s.zone !== s.browserZone;
}

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? null : date;
}

function yearIn(date: Date, zone: string): number {
  return Number(new Intl.DateTimeFormat("en-US", { timeZone: zone, year: "numeric" }).format(date));
}

/** "Tue, Dec 1, 3:00 PM" this year; "Sun, Mar 1, 2020, 10:00 AM" another year; "…, 3:00 PM EST" when the zones differ. */
export function formatDateTime(iso: string | null | undefined, overrides?: Partial<TimeSettings>): string {
  const date = parse(iso);
  if (!date) return "";
  const s = settingsOf(overrides);
  const otherYear = yearIn(date, s.zone) !== yearIn(s.now(), s.zone);
  if (inFrench(s)) return french(date, s.zone, { time: true, year: otherYear, zoneName: zonesDiffer(s) }) || date.toISOString();
  try {
    return date.toLocaleString(s.locale, {
      timeZone: s.zone, weekday: "short", day: "numeric", month: "short", year: otherYear ? "numeric" : undefined,
      hour: "numeric", minute: "2-digit", timeZoneName: zonesDiffer(s) ? "short" : undefined,
    });
  } catch {
    return date.toISOString();
  }
}

/** A day: "Dec 1" this year, "Mar 1, 2020" another year; on the user's zone's calendar. */
export function formatDate(iso: string | null | undefined, overrides?: Partial<TimeSettings>): string {
  const date = parse(iso);
  if (!date) return "";
  const s = settingsOf(overrides);
  const otherYear = yearIn(date, s.zone) !== yearIn(s.now(), s.zone);
  if (inFrench(s)) return french(date, s.zone, { time: false, year: otherYear, zoneName: false }) || date.toISOString().slice(0, 10);
  try {
    return date.toLocaleDateString(s.locale, { timeZone: s.zone, day: "numeric", month: "short", year: otherYear ? "numeric" : undefined });
  } catch {
    return date.toISOString().slice(0, 10);
  }
}

/** A time as the clock on the wall of <paramref name="timeZone"/> shows it, always with the zone's short name (the invite's "yours and theirs"); "" when either is unusable. */
export function formatInZone(iso: string, timeZone: string, locale?: string, overrides?: Partial<TimeSettings>): string {
  const date = parse(iso);
  if (!date) return "";
  const s = settingsOf(overrides);
  try {
    const otherYear = yearIn(date, timeZone) !== yearIn(s.now(), timeZone);
    if (inFrench(s) && !locale) return french(date, timeZone, { time: true, year: otherYear, zoneName: true });
    return date.toLocaleString(locale ?? s.locale, { timeZone, weekday: "short", day: "numeric", month: "short", year: otherYear ? "numeric" : undefined, hour: "numeric", minute: "2-digit", timeZoneName: "short" });
  } catch {
    return "";
  }
}

function inFrench(s: TimeSettings): boolean {
  return (s.language ?? language()) === "fr";
}

/**
 * The French way, which Intl does not write ("mardi 8 décembre à 15:30"): "mardi 8 décembre, 15 h 30",
 * "1er" for the first of the month, "15 h" on the hour, the year when another, the zone when asked.
 * Non-breaking spaces keep "15 h 30" on one line. "" when the zone is unusable.
 */
function french(date: Date, zone: string, what: { time: boolean; year: boolean; zoneName: boolean }): string {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat("fr-FR", {
      timeZone: zone, weekday: what.time ? "long" : undefined, day: "numeric", month: "long", year: what.year ? "numeric" : undefined,
      hour: what.time ? "numeric" : undefined, minute: what.time ? "2-digit" : undefined, hourCycle: "h23",
      timeZoneName: what.zoneName ? "short" : undefined,
    }).formatToParts(date);
  } catch {
    return "";
  }
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  const day = part("day") === "1" ? "1er" : part("day");
  const words = [what.time ? part("weekday") : "", day, part("month"), what.year ? part("year") : ""].filter(Boolean).join(" ");
  if (!what.time) return words;
  const minute = part("minute");
  const clock = `${Number(part("hour"))}\u00a0h${minute === "00" ? "" : `\u00a0${minute}`}`;
  return `${words}, ${clock}${what.zoneName ? ` ${part("timeZoneName")}` : ""}`;
}

/**
 * An event's time as the mailbox gives it: an instant (with an offset) is shown on the clock of
 * <paramref name="timeZone"/>; a wall-clock time without an offset (Graph's dateTime) is shown as
 * it is, with the zone's name.
 */
export function formatEventTime(value: string, timeZone: string, locale?: string): string {
  if (/(z|[+-]\d\d:?\d\d)$/i.test(value.trim())) return formatInZone(value, timeZone, locale) || value;
  const wall = /^(\d{4}-\d\d-\d\d)T(\d\d:\d\d)/.exec(value.trim());
  return wall ? `${wall[1]} ${wall[2]} (${timeZone})` : value;
}

/** Whether <paramref name="iso"/> is before now. */
export function isPast(iso: string | null | undefined, overrides?: Partial<TimeSettings>): boolean {
  const date = parse(iso);
  return date !== null && date.getTime() < settingsOf(overrides).now().getTime();
}

// The zone's offset from UTC at an instant, in milliseconds.
function offsetAt(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone, hourCycle: "h23", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", second: "2-digit",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wall = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour") % 24, get("minute"), get("second"));
  return wall - Math.floor(instant / 1000) * 1000;
}

/** An instant as the value of a datetime-local input, on the clock of the user's zone. */
export function toLocalInputValue(iso: string | null | undefined, overrides?: Partial<TimeSettings>): string {
  const date = parse(iso);
  if (!date) return "";
  const zone = settingsOf(overrides).zone;
  const wall = new Date(date.getTime() + offsetAt(date.getTime(), zone));
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${wall.getUTCFullYear()}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}T${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`;
}

/**
 * A datetime-local value, read on the clock of the user's zone, as an ISO instant; null when empty.
 * A wall time skipped by a DST change (2:30 on the spring-forward night) moves forward by the gap,
 * as calendars do; one repeated in the autumn is the first of the two.
 */
export function fromLocalInputValue(value: string, overrides?: Partial<TimeSettings>): string | null {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d)(?::(\d\d))?$/.exec(value.trim());
  if (!m) return null;
  const zone = settingsOf(overrides).zone;
  const wall = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0));
  if (Number.isNaN(wall)) return null;
  // Near a DST change the offset before and after differ: the wall time may exist once, twice
  // (autumn: the first is meant) or not at all (spring: moved forward by the gap).
  const before = offsetAt(wall - 43_200_000, zone);
  const after = offsetAt(wall + 43_200_000, zone);
  const valid = [wall - before, wall - after].filter((c) => c + offsetAt(c, zone) === wall).sort((a, b) => a - b);
  return new Date(valid[0] ?? wall - before).toISOString();
}

/** "In your time zone (America/Toronto)": what a datetime-local field's hint says. */
export function zoneHint(overrides?: Partial<TimeSettings>): string {
  const s = settingsOf(overrides);
  return zonesDiffer(s) ? t("time.zoneHintOther", { zone: s.zone, browser: s.browserZone }) : t("time.zoneHint");
}
