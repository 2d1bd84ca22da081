// "Add question list" on a meeting the user is organizing: the agenda and questions written into the
// open item itself through Office.js (visible at once, and the only way while the user writes the
// invite), the file attached, the category set, and the item linked to the interview so the send
// check (wwwroot/launchevent.js) knows it. Pressing it again replaces what it added: one agenda, one
// file, whichever language the earlier press wrote them in.

import type { DraftPreview } from "./model";
import { officeCall as call } from "./office";
import { t, type Message, type Messages } from "./i18n";
import { en } from "./i18n/en";

/** The category the send check and the server's invites use. */
export const interviewCategory = "Informational interview";

/** Custom properties the send check reads (wwwroot/launchevent.js). */
export const interviewProperty = "interviewId";
export const questionListProperty = "questionListAdded";
/** The name of the file the last press attached, whatever its language ("Interview questions.docx" included). */
export const questionFileProperty = "questionListFile";

/**
 * What an earlier press wrote, in one language: the lines that frame the agenda (written in the
 * pane's language) and the file's name (the host names it "Questions for …" / "Questions pour …",
 * the same words as the pane's "interview.questionsFor").
 */
export interface AgendaWords {
  start: string;
  end: string;
  file: RegExp;
}

function wordsOf(messages: Messages | typeof en): AgendaWords {
  const text = (message: Message) => (typeof message === "string" ? message : message.other);
  const [before, after] = text(messages["interview.questionsFor"]).split("{name}").map(escapeRegex);
  return {
    start: text(messages["questionList.agendaStart"]),
    end: text(messages["questionList.agendaEnd"]),
    file: new RegExp(`^${before}.+${after}\\.docx$`, "i"),
  };
}

/** Both languages' words (French fetched the first time, as the pane does when it speaks French). */
export async function agendaWords(): Promise<AgendaWords[]> {
  return [wordsOf(en), wordsOf((await import("./i18n/fr")).fr)];
}

/** The meeting's start and end as the user set them in the item. */
export async function meetingTimesOf(item: Office.AppointmentCompose): Promise<{ start: Date; end: Date }> {
  const [start, end] = await Promise.all([
    call<Date>((cb) => item.start.getAsync(cb)),
    call<Date>((cb) => item.end.getAsync(cb)),
  ]);
  return { start: new Date(start), end: new Date(end) };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

// A marker as a pattern over HTML: Outlook may write a character such as ’ as an entity instead.
function htmlPattern(text: string): string {
  return [...escapeHtml(text)].map((c) => {
    const code = c.codePointAt(0)!;
    return code < 128 ? escapeRegex(c) : `(?:${c}|&#0*${code};|&#x0*${code.toString(16)};|&[a-z]+;)`;
  }).join("");
}

/** The body without what earlier presses wrote (HTML or text), in any of <paramref name="languages"/>. */
export function withoutAgenda(body: string, html: boolean, languages: readonly AgendaWords[]): string {
  return languages.reduce((kept, words) => {
    const start = html ? htmlPattern(words.start) : escapeRegex(words.start);
    const end = html ? htmlPattern(words.end) : escapeRegex(words.end);
    const pattern = html
      ? new RegExp(`(?:<div[^>]*>\\s*)?<p[^>]*>\\s*${start}\\s*</p>[\\s\\S]*?<p[^>]*>\\s*${end}\\s*</p>(?:\\s*</div>)?`, "gi")
      : new RegExp(`${start}\\r?\\n[\\s\\S]*?${end}(?:\\r?\\n)*`, "g");
    return kept.replace(pattern, "");
  }, body);
}

/** The agenda as it goes into the body, framed by the two lines in the pane's language. */
export function agendaBlock(preview: DraftPreview, html: boolean): string {
  const start = t("questionList.agendaStart");
  const end = t("questionList.agendaEnd");
  if (html) return `<div><p>${escapeHtml(start)}</p>${preview.html}<p>${escapeHtml(end)}</p></div>`;
  return `${start}\n${preview.text}\n${end}\n\n`;
}

/** Whether an attachment is the question file an earlier press added, in either language. */
export function isQuestionFile(name: string, languages: readonly AgendaWords[], lastAdded: string | null): boolean {
  return name === lastAdded || languages.some((words) => words.file.test(name));
}

export interface AddedQuestionList {
  questionCount: number;
  replaced: boolean;
  categorySet: boolean;
}

/**
 * Writes the question list into the open appointment. <paramref name="preview"/> is the invite
 * preview for this item's times (body, file, estimate).
 */
export async function addQuestionList(item: Office.AppointmentCompose, interviewId: string, preview: DraftPreview): Promise<AddedQuestionList> {
  const type = await call<Office.CoercionType>((cb) => item.body.getTypeAsync(cb));
  const html = String(type).toLowerCase() === "html";
  const coercion = html ? Office.CoercionType.Html : Office.CoercionType.Text;
  const current = await call<string>((cb) => item.body.getAsync(coercion, cb));
  const languages = await agendaWords();
  const kept = withoutAgenda(current, html, languages);
  await call<void>((cb) => item.body.setAsync(agendaBlock(preview, html) + kept, { coercionType: coercion }, cb));

  const properties = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
  const lastAdded = properties.get(questionFileProperty) as string | undefined;
  const attachments = await call<Office.AttachmentDetailsCompose[]>((cb) => item.getAttachmentsAsync(cb)).catch(() => []);
  const earlier = attachments.filter((a) => isQuestionFile(a.name, languages, lastAdded ?? null));
  for (const file of earlier) await call<void>((cb) => item.removeAttachmentAsync(file.id, cb));
  if (preview.attachment) {
    await call<string>((cb) => item.addFileAttachmentFromBase64Async(preview.attachment!.contentBase64, preview.attachment!.fileName, cb));
  }

  // A category not in the user's master list can be refused; the link below still marks the item.
  const categorySet = await call<void>((cb) => item.categories.addAsync([interviewCategory], cb)).then(() => true, () => false);

  properties.set(interviewProperty, interviewId);
  properties.set(questionListProperty, "true");
  if (preview.attachment) properties.set(questionFileProperty, preview.attachment.fileName);
  await call<void>((cb) => properties.saveAsync(cb));

  const parts = preview.estimate ? preview.estimate.questionCount - preview.estimate.leftOut.length : 0;
  return { questionCount: parts, replaced: kept !== current || earlier.length > 0, categorySet };
}
