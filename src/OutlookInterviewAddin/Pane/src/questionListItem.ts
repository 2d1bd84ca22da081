// "Add question list" on a meeting the user is organizing: the agenda and questions written into the
// open item itself through Office.js (visible at once, and the only way while the user writes the
// invite), the file attached, the category set, and the item linked to the interview so the send
// check (wwwroot/launchevent.js) knows it. Pressing it again replaces what it added: one agenda, one
// file.

import type { DraftPreview } from "./model";
import { officeCall as call } from "./office";

/** The category the send check and the server's invites use. */
export const interviewCategory = "Informational interview";

/** Custom properties the send check reads (wwwroot/launchevent.js). */
export const interviewProperty = "interviewId";
export const questionListProperty = "questionListAdded";

// The lines that frame what the pane wrote, so a second press finds and replaces it.
export const agendaStart = "Agenda and questions";
export const agendaEnd = "(end of the agenda)";

const questionFile = /^Questions for .+\.docx$/i;


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

/** The body without what an earlier press wrote (HTML or text). */
export function withoutAgenda(body: string, html: boolean): string {
  const start = escapeRegex(agendaStart);
  const end = escapeRegex(agendaEnd);
  const pattern = html
    ? new RegExp(`(?:<div[^>]*>\\s*)?<p[^>]*>\\s*${start}\\s*</p>[\\s\\S]*?<p[^>]*>\\s*${end}\\s*</p>(?:\\s*</div>)?`, "i")
    : new RegExp(`${start}\\r?\\n[\\s\\S]*?${end}(?:\\r?\\n)*`);
  return body.replace(pattern, "");
}

/** The agenda as it goes into the body, framed by the two lines. */
export function agendaBlock(preview: DraftPreview, html: boolean): string {
  if (html) return `<div><p>${agendaStart}</p>${preview.html}<p>${agendaEnd}</p></div>`;
  return `${agendaStart}\n${preview.text}\n${agendaEnd}\n\n`;
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
  const kept = withoutAgenda(current, html);
  await call<void>((cb) => item.body.setAsync(agendaBlock(preview, html) + kept, { coercionType: coercion }, cb));

  const attachments = await call<Office.AttachmentDetailsCompose[]>((cb) => item.getAttachmentsAsync(cb)).catch(() => []);
  const earlier = attachments.filter((a) => questionFile.test(a.name));
  for (const file of earlier) await call<void>((cb) => item.removeAttachmentAsync(file.id, cb));
  if (preview.attachment) {
    await call<string>((cb) => item.addFileAttachmentFromBase64Async(preview.attachment!.contentBase64, preview.attachment!.fileName, cb));
  }

  // A category not in the user's master list can be refused; the link below still marks the item.
  const categorySet = await call<void>((cb) => item.categories.addAsync([interviewCategory], cb)).then(() => true, () => false);

  const properties = await call<Office.CustomProperties>((cb) => item.loadCustomPropertiesAsync(cb));
  properties.set(interviewProperty, interviewId);
  properties.set(questionListProperty, "true");
  await call<void>((cb) => properties.saveAsync(cb));

  const parts = preview.estimate ? preview.estimate.questionCount - preview.estimate.leftOut.length : 0;
  return { questionCount: parts, replaced: kept !== current || earlier.length > 0, categorySet };
}
