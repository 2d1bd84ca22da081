// Writing a message in Outlook: the outreach request goes in at the cursor of the open item, in the
// body's own type, and what the user then writes is checked against the outreach rules.

import type { DraftPreview } from "./model";
import { officeCall as call } from "./office";


async function isHtml(item: Office.MessageCompose): Promise<boolean> {
  const type = await call<Office.CoercionType>((cb) => item.body.getTypeAsync(cb));
  return String(type).toLowerCase() === "html";
}

/** Inserts the composed request at the cursor; the subject too when the user has none yet. */
export async function insertOutreach(item: Office.MessageCompose, preview: DraftPreview): Promise<void> {
  const html = await isHtml(item);
  await call<void>((cb) => item.body.setSelectedDataAsync(html ? preview.html : preview.text,
    { coercionType: html ? Office.CoercionType.Html : Office.CoercionType.Text }, cb));
  const subject = await call<string>((cb) => item.subject.getAsync(cb)).catch(() => "");
  if (!subject.trim()) await call<void>((cb) => item.subject.setAsync(preview.subject, cb));
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/**
 * What the user has written, as the preview's edits: the subject and the plain text of the body
 * (paragraphs kept), so the checker's ranges point into the same text.
 */
export async function writtenEdits(item: Office.MessageCompose): Promise<{ subject: string; html: string }> {
  const [subject, text] = await Promise.all([
    call<string>((cb) => item.subject.getAsync(cb)).catch(() => ""),
    call<string>((cb) => item.body.getAsync(Office.CoercionType.Text, cb)),
  ]);
  const paragraphs = text.replace(/\r\n/g, "\n").split(/\n{2,}/).map((p) => p.trim()).filter((p) => p.length > 0);
  return {
    subject: subject.trim() || "(no subject)",
    html: paragraphs.map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`).join(""),
  };
}
