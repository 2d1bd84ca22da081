// The shapes of the workflow API (docs/api.md), as the pane reads them.

import { labels, language, t, type LanguageSetting } from "./i18n";



// Dates and times live in time.ts; re-exported for the modules that read them from here.
export { formatDate, formatDateTime, formatEventTime, formatInZone, fromLocalInputValue, toLocalInputValue } from "./time";

export type Stage = "prospect" | "contacted" | "scheduled" | "interviewed" | "thanked" | "stayingInTouch" | "noReply" | "declined";

export const stageLabels = labels<Stage>({
  prospect: "stage.prospect",
  contacted: "stage.contacted",
  scheduled: "stage.scheduled",
  interviewed: "stage.interviewed",
  thanked: "stage.thanked",
  stayingInTouch: "stage.stayingInTouch",
  noReply: "stage.noReply",
  declined: "stage.declined",
});

/** What the button that moves an interview to a stage says. */
export const stageActions = labels<Stage>({
  prospect: "stageAction.prospect",
  contacted: "stageAction.contacted",
  scheduled: "stageAction.scheduled",
  interviewed: "stageAction.interviewed",
  thanked: "stageAction.thanked",
  stayingInTouch: "stageAction.stayingInTouch",
  noReply: "stageAction.noReply",
  declined: "stageAction.declined",
});

export type Connection = "manager" | "coopTeammate" | "colleague" | "family" | "friend" | "friendOfFriend" | "alumni" | "professor" | "otherWarm" | "cold";

export const connectionLabels = labels<Connection>({
  manager: "connection.manager",
  coopTeammate: "connection.coopTeammate",
  colleague: "connection.colleague",
  family: "connection.family",
  friend: "connection.friend",
  friendOfFriend: "connection.friendOfFriend",
  alumni: "connection.alumni",
  professor: "connection.professor",
  otherWarm: "connection.otherWarm",
  cold: "connection.cold",
});

export interface Profile {
  /** How the user signs their mail; every draft needs it. */
  fullName: string | null;
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
  /** The pane's language: "en", "fr", or "auto" (Outlook's display language, else the browser's). */
  language?: LanguageSetting;
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
  /** How drafts greet them when not by their first name ("Dr. Okafor"); null: their first name. */
  greetAs: string | null;
  field: string | null;
  timeZone: string | null;
  linkedInUrl: string | null;
  connectionDetail: string | null;
  notes: string | null;
  /** The language drafts to them are written in. */
  language?: "en" | "fr";
  /** In French, tu or vous as the user chose; null: by how the user knows them. */
  addressForm?: "tu" | "vous" | null;
  referralChain: PersonRef[];
  referrals: PersonRef[];
  interviews: InterviewRow[];
}

export interface PersonInput {
  name: string;
  greetAs?: string | null;
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
  language?: "en" | "fr";
  /** "auto": by how the user knows them. */
  addressForm?: "tu" | "vous" | "auto";
}

export type PlaceKind = "coffee" | "online" | "phone" | "other";

export const placeKindLabels = labels<PlaceKind>({ coffee: "place.coffee", online: "place.online", phone: "place.phone", other: "place.other" });

export interface Takeaway {
  id: string;
  text: string;
  /** What the user will do with it ("Sign up for the spring hackathon"). */
  action: string | null;
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

/** A row of GET /api/interviews. */
export interface InterviewSummary {
  id: string;
  person: { id: string; name: string; organisation: string | null; timeZone: string | null };
  stage: Stage;
  stageEnteredAt: string;
  plannedStart: string | null;
}

export interface Interview {
  id: string;
  person: { id: string; name: string; organisation: string | null; timeZone: string | null };
  stage: Stage;
  stageEnteredAt: string;
  /** Every stage entered, oldest first. */
  stageHistory: { stage: Stage; at: string }[];
  allowedNextStages: Stage[];
  /** The latest move while the API would still undo it: the stage it made, the one undo returns to, and until when (an instant). */
  undo: { stage: Stage; back: Stage; until: string } | null;
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

export type NextActionKind = "thankYou" | "upcomingMeeting" | "followUp" | "secondContact" | "stayInTouch" | "firstContact" | "recordTakeaways" | "planConversation";

export const nextActionLabels = labels<NextActionKind>({
  thankYou: "nextAction.thankYou",
  upcomingMeeting: "nextAction.upcomingMeeting",
  followUp: "nextAction.followUp",
  secondContact: "nextAction.secondContact",
  stayInTouch: "nextAction.stayInTouch",
  firstContact: "nextAction.firstContact",
  recordTakeaways: "nextAction.recordTakeaways",
  planConversation: "nextAction.planConversation",
});

export interface NextAction {
  kind: NextActionKind;
  personId: string;
  personName: string;
  interviewId: string | null;
  dueAtUtc: string | null;
  dueAtLocal: string | null;
  overdue: boolean;
  /** The reason as plain text, times on the server's reading of the user's clock. */
  reason: string;
  /** The same reason with its times as instants, shown through the pane's one formatter. */
  reasonParts?: ReasonPart[];
}

/** A piece of a reason: words, or an instant shown as a date or a date and time. */
export interface ReasonPart {
  text?: string | null;
  at?: string | null;
  show?: "date" | "dateTime" | null;
}

/** One page of next actions: shaped like every list of the API, with the zone the local times are in. */
export interface NextActionsResponse extends Page<NextAction> {
  timeZone: string;
  /** On the first page, once the user has an automation setting: what the follow-through did and will do. */
  automation?: AutomationSummary | null;
}

/** The follow-through setting (GET/PUT /api/automation). */
export interface Automation {
  enabled: boolean;
  stayInTouchMonths: number | null;
  country: string | null;
  province: string | null;
  problem: string | null;
}

export interface AutomationActivity {
  work: string;
  interviewId: string;
  personName: string;
  at: string;
  summary: string;
}

export interface AutomationSummary {
  enabled: boolean;
  problem: string | null;
  done: AutomationActivity[];
  upcoming: string[];
  /** The upcoming lines with their times as instants. */
  upcomingParts?: ReasonPart[][];
}

/** One page of a list of the API; nextCursor asks for the next page and is null on the last one. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** The path of the page after <paramref name="page"/>, or null on the last page. */
export function nextPagePath(path: string, page: Page<unknown>): string | null {
  if (page.nextCursor === null) return null;
  return `${path}${path.includes("?") ? "&" : "?"}cursor=${encodeURIComponent(page.nextCursor)}`;
}

/**
 * What "Merge" does with a person typed in the add form whose email someone on the list has: the
 * existing person keeps their notes (the typed ones are added below), conversations, email and
 * referrer; their empty fields are filled from what was typed; and they take the typed name, and
 * the typed connection unless it was left at "I don't know them yet". The changes, in words, are
 * shown before the merge is confirmed.
 */
export function mergeTyped(existing: Person, typed: PersonInput): { input: PersonInput; changes: string[] } {
  const changes: string[] = [];
  const fill = (key: "greetAs" | "organisation" | "role" | "field" | "city" | "timeZone" | "linkedInUrl" | "connectionDetail", label: string): string | null => {
    const mine = existing[key];
    const theirs = typed[key] ?? null;
    if (mine || !theirs) return mine;
    changes.push(t("common.labelValue", { label, value: theirs }));
    return theirs;
  };
  const input: PersonInput = {
    name: typed.name || existing.name,
    greetAs: fill("greetAs", t("person.greetAs")),
    email: existing.email,
    organisation: fill("organisation", t("person.organisation")),
    role: fill("role", t("person.role")),
    field: fill("field", t("person.field")),
    city: fill("city", t("common.city")),
    timeZone: fill("timeZone", t("common.timeZone")),
    linkedInUrl: fill("linkedInUrl", t("person.linkedIn")),
    connection: typed.connection && typed.connection !== "cold" ? typed.connection : existing.connection,
    connectionDetail: fill("connectionDetail", t("person.connectionDetail")),
    notes: appendNotes(existing.notes, typed.notes ?? null),
    referredById: existing.referredBy?.id ?? null,
  };
  if (input.name !== existing.name) changes.unshift(t("merge.name", { old: existing.name, new: input.name }));
  if (input.connection !== existing.connection) changes.push(t("merge.connection", { old: connectionLabels[existing.connection], new: connectionLabels[input.connection!] }));
  if (input.notes !== existing.notes) changes.push(t("merge.notes"));
  return { input, changes };
}

/** Both notes, the added one on its own paragraph; nothing is added twice (as the API merges notes). */
export function appendNotes(existing: string | null, added: string | null): string | null {
  if (!added?.trim()) return existing;
  if (!existing?.trim()) return added;
  return existing.includes(added) ? existing : `${existing}\n\n${added}`;
}

/** True when the user has written nothing about themselves yet. */
export function isProfileEmpty(profile: Profile): boolean {
  return !profile.interests && !profile.inTenYears && !profile.inTwentyYears
    && profile.fieldsOfInterest.length === 0 && profile.positionsOfInterest.length === 0;
}

/** Splits a textarea of one item per line (or comma-separated) into a trimmed list. */
export function splitList(text: string): string[] {
  return text.split(/[\n,]/).map((s) => s.trim()).filter((s) => s.length > 0);
}

/** Empty strings become null, as the API stores them. */
/** How the career sounded, the reflection's 1 to 5 (and "not sure yet"). */
export const fitLabels = labels<string>({ "": "fit.none", "1": "fit.1", "2": "fit.2", "3": "fit.3", "4": "fit.4", "5": "fit.5" });

export function orNull(text: string | null | undefined): string | null {
  const trimmed = (text ?? "").trim();
  return trimmed.length > 0 ? trimmed : null;
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

// Drafts: the outreach request, the invite with the question list, and the thank-you, composed by
// the host and created in the user's mailbox through Microsoft Graph.

export type DraftKind = "outreach" | "invite" | "thankYou";

export const draftKinds: readonly DraftKind[] = ["outreach", "invite", "thankYou"];

export function isDraftKind(value: string | undefined): value is DraftKind {
  return value === "outreach" || value === "invite" || value === "thankYou";
}

/** One rule of the outreach checker the text breaks, with the range it found in the subject or the plain-text body. */
export interface DraftFinding {
  rule: string;
  part: "subject" | "body";
  start: number;
  length: number;
  message: string;
}

export interface MailAddress {
  name: string | null;
  address: string;
}

export interface DraftAttachment {
  fileName: string;
  contentType: string;
  size: number;
  contentBase64: string;
}

export interface DraftMeeting {
  start: string;
  end: string;
  timeZone: string;
  personTimeZone: string | null;
  summary: string;
}

export interface DraftEstimate {
  questionCount: number;
  estimatedMinutes: number;
  meetingMinutes: number;
  tooLong: boolean;
  /** When too long: the questions the invite carries. */
  suggestedToKeep: string[];
  /** When too long: the questions left out of the invite; they stay in the list. */
  leftOut: string[];
  inviteMinutes: number;
}

/** POST /api/interviews/{id}/drafts/{kind}/preview */
export interface DraftPreview {
  kind: DraftKind;
  subject: string;
  text: string;
  html: string;
  findings: DraftFinding[];
  to: MailAddress;
  takeawayId: string | null;
  attachment: DraftAttachment | null;
  meeting: DraftMeeting | null;
  estimate: DraftEstimate | null;
}

/** What the user changed: sent to the preview (to re-check) and to the create. */
export interface DraftEdits {
  subject?: string;
  html?: string;
  takeawayId?: string;
  replyToMessageId?: string;
}

/** POST /api/interviews/{id}/drafts/{kind} */
export interface DraftCreated {
  kind: DraftKind;
  itemId: string;
  webLink: string | null;
  outcome: "created" | "updated" | "resumed";
  isReply: boolean;
  interview: Interview;
}

// The local mailbox (local mode only): what the product did, as the Graph-compatible store keeps it.

export type MailboxFolder = "drafts" | "sentitems" | "inbox";

export interface MailboxMessage {
  id: string;
  subject: string;
  folder: MailboxFolder;
  isDraft: boolean;
  from: MailAddress | null;
  to: MailAddress[];
  createdDateTime: string;
  sentDateTime: string | null;
  receivedDateTime: string | null;
  conversationId: string;
  inReplyToId: string | null;
  html: string;
  categories: string[];
}

export interface MailboxEvent {
  id: string;
  subject: string;
  start: string;
  end: string;
  timeZone: string;
  location: string | null;
  attendees: (MailAddress & { type: string })[];
  categories: string[];
  html: string;
  attachments: { id: string; name: string; contentType: string; size: number }[];
  invitations: { attendee: string; sentAt: string; attachmentNames: string[] }[];
}

export interface LocalMailbox {
  messages: MailboxMessage[];
  events: MailboxEvent[];
}

/** "12 KB": a file size a person reads at a glance. */
export function formatSize(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return "";
  if (bytes < 1024) return t("size.bytes", { count: bytes });
  if (bytes < 1024 * 1024) return t("size.kb", { n: Math.round(bytes / 1024) });
  return t("size.mb", { n: (bytes / (1024 * 1024)).toLocaleString(language(), { minimumFractionDigits: 1, maximumFractionDigits: 1, useGrouping: false }) });
}

/** The same email address, whatever the case and the spaces around it. */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  const left = (a ?? "").trim().toLowerCase();
  return left.length > 0 && left === (b ?? "").trim().toLowerCase();
}
