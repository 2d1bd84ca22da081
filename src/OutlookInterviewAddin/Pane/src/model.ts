// The shapes of the workflow API (docs/api.md), as the pane reads them.

export type Stage = "prospect" | "contacted" | "scheduled" | "interviewed" | "thanked" | "stayingInTouch" | "noReply" | "declined";

export const stageLabels: Record<Stage, string> = {
  prospect: "Prospect",
  contacted: "Contacted",
  scheduled: "Scheduled",
  interviewed: "Interviewed",
  thanked: "Thanked",
  stayingInTouch: "Staying in touch",
  noReply: "No reply",
  declined: "Declined",
};

/** What the button that moves an interview to a stage says. */
export const stageActions: Record<Stage, string> = {
  prospect: "Back to prospect",
  contacted: "Mark contacted",
  scheduled: "Mark scheduled",
  interviewed: "Mark interviewed",
  thanked: "Mark thanked",
  stayingInTouch: "Mark staying in touch",
  noReply: "Mark no reply",
  declined: "Mark declined",
};

export type Connection = "manager" | "coopTeammate" | "colleague" | "family" | "friend" | "friendOfFriend" | "alumni" | "professor" | "otherWarm" | "cold";

export const connectionLabels: Record<Connection, string> = {
  manager: "Manager",
  coopTeammate: "Co-op teammate",
  colleague: "Colleague",
  family: "Family",
  friend: "Friend",
  friendOfFriend: "Friend of a friend",
  alumni: "Alumni",
  professor: "Professor",
  otherWarm: "Someone else I know",
  cold: "I don't know them yet",
};

export interface Profile {
  interests: string | null;
  fieldsOfInterest: string[];
  positionsOfInterest: string[];
  inTenYears: string | null;
  inTwentyYears: string | null;
  school: string | null;
  program: string | null;
  city: string | null;
  timeZone: string | null;
  signature: string | null;
  updatedAt?: string | null;
}

export interface PersonRef {
  id: string;
  name: string;
}

export interface PersonSummary {
  id: string;
  name: string;
  email: string | null;
  organisation: string | null;
  role: string | null;
  city: string | null;
  connection: Connection;
  isWarm: boolean;
  referredBy: PersonRef | null;
  latestStage: Stage | null;
}

export interface InterviewRow {
  id: string;
  stage: Stage;
  stageEnteredAt: string;
  plannedStart: string | null;
}

export interface Person extends PersonSummary {
  field: string | null;
  timeZone: string | null;
  linkedInUrl: string | null;
  connectionDetail: string | null;
  notes: string | null;
  referralChain: PersonRef[];
  referrals: PersonRef[];
  interviews: InterviewRow[];
}

export interface PersonInput {
  name: string;
  email?: string | null;
  organisation?: string | null;
  role?: string | null;
  field?: string | null;
  city?: string | null;
  timeZone?: string | null;
  linkedInUrl?: string | null;
  connection?: Connection;
  connectionDetail?: string | null;
  notes?: string | null;
  referredById?: string | null;
}

export type PlaceKind = "coffee" | "online" | "phone" | "other";

export const placeKindLabels: Record<PlaceKind, string> = { coffee: "Coffee", online: "Online call", phone: "Phone call", other: "Somewhere else" };

export interface Takeaway {
  id: string;
  text: string;
  isMostHelpful: boolean;
  createdAt: string;
}

/** A stay-in-touch update sent after the thank-you (about three a year). */
export interface Touch {
  id: string;
  at: string;
  note: string | null;
  createdAt: string;
}

export interface Interview {
  id: string;
  person: { id: string; name: string; organisation: string | null; timeZone: string | null };
  stage: Stage;
  stageEnteredAt: string;
  allowedNextStages: Stage[];
  plannedStart: string | null;
  durationMinutes: number | null;
  placeKind: PlaceKind | null;
  place: string | null;
  meetingUrl: string | null;
  questionListId: string | null;
  hasTailoredQuestions: boolean;
  takeaways: Takeaway[];
  fit: { rating: number | null; note: string | null } | null;
  referrals: PersonRef[];
  /** Newest first (by `at`). */
  touches: Touch[];
}

export interface QuestionListSummary {
  id: string;
  name: string;
  isBuiltIn: boolean;
  questionCount: number;
}

export interface QuestionListContent {
  name: string;
  opening: string | null;
  parts: { title: string; questions: string[] }[];
  closing: string | null;
}

export interface QuestionList extends QuestionListContent {
  id: string;
  isBuiltIn: boolean;
}

export interface InterviewQuestions {
  sourceListId: string;
  isTailored: boolean;
  list: QuestionListContent;
  filled: QuestionListContent;
}

export type NextActionKind = "thankYou" | "upcomingMeeting" | "followUp" | "secondContact" | "stayInTouch" | "firstContact";

export const nextActionLabels: Record<NextActionKind, string> = {
  thankYou: "Send a thank-you",
  upcomingMeeting: "Upcoming conversation",
  followUp: "Follow up once",
  secondContact: "Try someone else there",
  stayInTouch: "Stay in touch",
  firstContact: "Ask for a conversation",
};

export interface NextAction {
  kind: NextActionKind;
  personId: string;
  personName: string;
  interviewId: string | null;
  dueAtUtc: string | null;
  dueAtLocal: string | null;
  overdue: boolean;
  reason: string;
}

export interface NextActionsResponse {
  timeZone: string;
  actions: NextAction[];
}

/** True when the user has written nothing about themselves yet. */
export function isProfileEmpty(profile: Profile): boolean {
  return !profile.interests && !profile.inTenYears && !profile.inTwentyYears
    && profile.fieldsOfInterest.length === 0 && profile.positionsOfInterest.length === 0;
}

/** "2026-12-01T15:00:00+00:00" as the value of a datetime-local input, in the browser's time zone. */
export function toLocalInputValue(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return "";
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

/** A datetime-local value, read in the browser's time zone, as an ISO instant; null when empty. */
export function fromLocalInputValue(value: string): string | null {
  if (!value) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

/** Splits a textarea of one item per line (or comma-separated) into a trimmed list. */
export function splitList(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Empty strings become null, as the API stores them. */
export function orNull(text: string | null | undefined): string | null {
  const trimmed = (text ?? "").trim();
  return trimmed.length > 0 ? trimmed : null;
}

export function formatDateTime(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleString(undefined, { weekday: "short", day: "numeric", month: "short", hour: "numeric", minute: "2-digit" });
}

/** A day in the user's locale, with the year: stay-in-touch updates span years. */
export function formatDate(iso: string | null): string {
  if (!iso) return "";
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? "" : date.toLocaleDateString(undefined, { day: "numeric", month: "short", year: "numeric" });
}

/**
 * The stage buttons to offer: "staying in touch" is reached by recording an update, so the stage
 * history always has an update behind it.
 */
export function stageChoices(allowed: readonly Stage[]): Stage[] {
  return allowed.filter((stage) => stage !== "stayingInTouch");
}

/** Whether stay-in-touch updates can be recorded: after the thank-you, until the interview is closed. */
export function canRecordTouch(stage: Stage): boolean {
  return stage === "thanked" || stage === "stayingInTouch";
}

/** The list with the item at <paramref name="index"/> moved by <paramref name="delta"/> places; unchanged when that leaves the list. */
export function moveItem<T>(items: readonly T[], index: number, delta: number): T[] {
  const target = index + delta;
  const copy = [...items];
  if (index < 0 || index >= copy.length || target < 0 || target >= copy.length) return copy;
  const [moved] = copy.splice(index, 1);
  copy.splice(target, 0, moved!);
  return copy;
}

/** A textarea of one question per line as the API's list of questions: trimmed, blank lines dropped. */
export function questionLines(text: string): string[] {
  return text.split("\n").map((q) => q.trim()).filter(Boolean);
}
