// "Your data": people brought in from LinkedIn, a vCard file or Outlook contacts (a preview, then
// one click), everything taken out as files, and everything deleted after a typed confirmation.

import { ApiError } from "../api";
import type { PaneContext, View } from "../context";
import { h, replaceChildren, uniqueId } from "../dom";
import { downloadBlob } from "../html";
import { connectionLabels, type Connection, type Profile } from "../model";
import { href } from "../router";
import { card, linkButton, pageHeader } from "./common";
import { labelSeparator, labels, t } from "../i18n";

type Source = "linkedin" | "vcard" | "outlook";
type Action = "add" | "match" | "skip" | "error";

interface Candidate {
  line: number;
  name: string | null;
  email: string | null;
  organisation: string | null;
  role: string | null;
  city: string | null;
  linkedInUrl: string | null;
  connectionDetail: string | null;
  notes: string | null;
  timeZone: string | null;
}

interface ImportRow {
  line: number;
  action: Action;
  person: Candidate;
  existingPersonId: string | null;
  existingPersonName: string | null;
  fills: string[];
  reason: string | null;
  personId?: string | null;
}

interface Counts { add: number; match: number; skip: number; error: number }

interface ImportPreview {
  source: Source;
  fileName: string | null;
  defaultConnection: Connection;
  counts: Counts;
  rows: ImportRow[];
}

interface ImportResult { source: Source; counts: Counts; rows: ImportRow[] }

const sources = (): { value: Source; label: string; accept: string | null; hint: string }[] => [
  { value: "linkedin", label: t("source.linkedin"), accept: ".csv,text/csv", hint: t("source.linkedinHint") },
  { value: "vcard", label: t("source.vcard"), accept: ".vcf,.vcard,text/vcard,text/x-vcard", hint: t("source.vcardHint") },
  { value: "outlook", label: t("source.outlook"), accept: null, hint: t("source.outlookHint") },
];

const actionLabels = labels<Action>({ add: "importAction.add", match: "importAction.match", skip: "importAction.skip", error: "importAction.error" });

const maxFileBytes = 5 * 1024 * 1024;

function countsText(c: Counts, done: boolean): string {
  const parts = done
    ? [t("counts.added", { count: c.add }), t("counts.filled", { count: c.match }), t("counts.skipped", { count: c.skip }), t("counts.notImported", { count: c.error })]
    : [t("counts.toAdd", { count: c.add }), t("counts.toFill", { count: c.match }), t("counts.toSkip", { count: c.skip }), t("counts.withProblems", { count: c.error })];
  return parts.join(", ") + ".";
}

function rowItem(row: ImportRow): HTMLElement {
  const who = row.person.name ?? t("data.noName");
  const where = [row.person.organisation, row.person.email].filter(Boolean).join(" · ");
  return h("li", { class: `import-row import-${row.action}`, "data-action": row.action, "data-line": row.line },
    h("span", { class: "import-line" }, t("data.line", { line: row.line })), " ",
    h("strong", null, actionLabels[row.action]), labelSeparator(),
    h("span", { class: "import-name" }, who),
    where ? h("span", { class: "hint" }, ` (${where})`) : null,
    row.reason ? h("p", { class: row.action === "error" ? "field-error-message" : "hint" }, row.reason) : null);
}

function importCard(context: PaneContext): HTMLElement {
  const status = h("p", { class: "saved", role: "status", "data-testid": "import-status" });
  const preview = h("div", { "data-testid": "import-preview" });
  const progressLabelId = uniqueId("upload-progress");
  const progress = h("progress", { max: 1, value: 0, hidden: true, "aria-labelledby": progressLabelId, "data-testid": "upload-progress" });
  const progressLabel = h("span", { id: progressLabelId, class: "hint", hidden: true }, t("data.uploading"));
  const fileError = h("p", { class: "field-error", id: uniqueId("file-error") });
  const fileHint = h("p", { class: "hint", id: uniqueId("file-hint") }, sources()[0]!.hint);
  const fileId = uniqueId("import-file");
  const fileInput = h("input", { type: "file", id: fileId, name: "file", class: "input", accept: sources()[0]!.accept, "aria-describedby": `${fileHint.id} ${fileError.id}` });
  const fileField = h("div", { class: "field" }, h("label", { for: fileId, class: "label" }, t("data.file")), fileHint, fileInput, fileError);
  const previewButton = h("button", { type: "submit", class: "button button-primary" }, t("data.preview"));

  const radios = sources().map((s, i) => {
    const id = uniqueId("import-source");
    const radio = h("input", { type: "radio", id, name: "source", value: s.value, checked: i === 0 });
    radio.addEventListener("change", () => {
      if (!radio.checked) return;
      fileHint.textContent = s.hint;
      fileInput.hidden = s.accept === null;
      fileInput.disabled = s.accept === null;
      if (s.accept) fileInput.accept = s.accept;
      preview.replaceChildren();
      status.textContent = "";
    });
    return h("div", { class: "field-checkbox" }, radio, h("label", { for: id }, s.label));
  });

  const form = h("form", { class: "form", "aria-label": t("data.importPeople") },
    h("fieldset", { class: "choices" }, h("legend", null, t("data.whereFrom")), radios),
    fileField,
    h("div", { class: "form-actions" }, previewButton),
    progressLabel, progress);
  form.noValidate = true;

  const chosen = (): Source => (form.querySelector<HTMLInputElement>("input[name=source]:checked")?.value ?? "linkedin") as Source;

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (previewButton.disabled) return;
    const source = chosen();
    fileError.textContent = "";
    fileInput.removeAttribute("aria-invalid");
    context.clearError();
    status.textContent = "";
    preview.replaceChildren();
    const file = fileInput.files?.[0];
    if (source !== "outlook") {
      const problem = !file ? t("data.chooseFile") : file.size > maxFileBytes ? t("data.tooLarge") : file.size === 0 ? t("data.empty") : null;
      if (problem) {
        fileError.textContent = problem;
        fileInput.setAttribute("aria-invalid", "true");
        fileInput.focus();
        return;
      }
    }
    previewButton.disabled = true;
    form.setAttribute("aria-busy", "true");
    progress.value = 0;
    progress.hidden = source === "outlook";
    progressLabel.hidden = source === "outlook";
    const work = source === "outlook"
      ? context.api.post<ImportPreview>("/api/import/outlook/preview")
      : context.api.upload<ImportPreview>(`/api/import/${source}/preview`, file!, file!.name, (fraction) => {
        progress.value = fraction;
        progressLabel.textContent = fraction >= 1 ? t("data.readingFile") : t("data.uploadingPercent", { percent: Math.round(fraction * 100) });
      });
    void context.progress(source === "outlook" ? t("data.readingOutlook") : t("data.readingFile"), work)
      .then((result) => showPreview(result))
      .catch((error: unknown) => {
        const message = error instanceof ApiError ? error.message : t("data.couldNotRead");
        if (error instanceof ApiError && error.fieldErrors["file"]) {
          fileError.textContent = error.fieldErrors["file"].join(" ");
          fileInput.setAttribute("aria-invalid", "true");
        }
        context.showError(message);
      })
      .finally(() => {
        previewButton.disabled = false;
        form.removeAttribute("aria-busy");
        progress.hidden = true;
        progressLabel.hidden = true;
      });
  });

  function showPreview(result: ImportPreview): void {
    const toImport = result.rows.filter((r) => r.action === "add" || r.action === "match");
    const connectionId = uniqueId("import-connection");
    const connection = h("select", { id: connectionId, name: "connection", class: "input" },
      (Object.keys(connectionLabels) as Connection[]).map((c) => h("option", { value: c, selected: c === result.defaultConnection }, connectionLabels[c])));
    const importButton = h("button", { type: "button", class: "button button-primary", disabled: toImport.length === 0 },
      t("data.importN", { count: toImport.length }));
    const list = h("ul", { class: "import-rows", "aria-label": t("data.rowByRow") }, result.rows.map(rowItem));
    replaceChildren(preview,
      h("h3", null, result.fileName ? t("data.previewOf", { file: result.fileName }) : t("data.previewOutlook")),
      h("p", { "data-testid": "preview-counts" }, countsText(result.counts, false)),
      h("p", { class: "hint" }, t("data.nobodyChanged")),
      h("div", { class: "field" }, h("label", { for: connectionId, class: "label" }, t("data.howKnowAdded")), connection),
      h("div", { class: "form-actions" }, importButton),
      list);
    status.textContent = t("data.previewReady", { counts: countsText(result.counts, false) });
    importButton.addEventListener("click", () => {
      importButton.disabled = true;
      context.clearError();
      const body = { source: result.source, connection: connection.value, people: toImport.map((r) => r.person) };
      void context.progress(t("data.importing"), context.api.post<ImportResult>("/api/import", body))
        .then((done) => {
          // Rows with problems were not sent: they count as not imported.
          const counts = { ...done.counts, error: done.counts.error + result.counts.error, skip: done.counts.skip + result.counts.skip };
          replaceChildren(list, done.rows.map(rowItem));
          importButton.textContent = t("data.imported");
          importButton.after(linkButton(t("data.openPeople"), href("/people"), false));
          status.textContent = t("data.importDone", { counts: countsText(counts, true) });
        })
        .catch((error: unknown) => {
          importButton.disabled = false;
          context.showError(error instanceof ApiError ? error.message : t("data.importFailed"));
        });
    });
    importButton.focus();
  }

  return card(
    h("h2", null, t("data.importPeople")),
    h("p", null, t("data.importLead")),
    form, preview, status);
}

const exports = () => [
  { label: t("export.all"), path: "/api/export", fileName: "interviews-export.json" },
  { label: t("export.peopleCsv"), path: "/api/export/people.csv", fileName: "people.csv" },
  { label: t("export.peopleVcf"), path: "/api/export/people.vcf", fileName: "people.vcf" },
  { label: t("export.planned"), path: "/api/export/planned-conversations.ics", fileName: "planned-conversations.ics" },
];

function exportCard(context: PaneContext): HTMLElement {
  const status = h("p", { class: "saved", role: "status", "data-testid": "export-status" });
  const buttons = exports().map((e) => {
    const button = h("button", { type: "button", class: "button" }, t("data.download", { what: e.label }));
    button.addEventListener("click", () => {
      button.disabled = true;
      context.clearError();
      status.textContent = "";
      // The API needs the token, so a plain link would get a 401: fetch, then save what came.
      void context.progress(t("data.preparing"), context.api.getBlob(e.path))
        .then((blob) => {
          downloadBlob(blob, e.fileName);
          status.textContent = t("data.downloaded", { file: e.fileName });
        })
        .catch((error: unknown) => context.showError(error instanceof ApiError ? error.message : t("common.couldNotDownload")))
        .finally(() => (button.disabled = false));
    });
    return h("li", null, button);
  });
  return card(
    h("h2", null, t("data.export")),
    h("p", null, t("data.exportLead")),
    h("ul", { class: "button-list" }, buttons),
    status);
}

function eraseCard(context: PaneContext, names: string[]): HTMLElement {
  const status = h("p", { class: "saved", role: "status", "data-testid": "erase-status" });
  const inputId = uniqueId("erase-confirmation");
  const hintId = `${inputId}-hint`;
  const errorId = `${inputId}-error`;
  const input = h("input", { type: "text", id: inputId, name: "confirmation", class: "input", autocomplete: "off", "aria-describedby": `${hintId} ${errorId}` });
  const error = h("p", { id: errorId, class: "field-error", "data-error-for": "confirmation" });
  const button = h("button", { type: "submit", class: "button button-danger" }, t("data.deleteAll"));
  const form = h("form", { class: "form", "aria-label": t("data.deleteAll") },
    h("div", { class: "field" },
      h("label", { for: inputId, class: "label" }, t("data.typeDelete")),
      h("p", { id: hintId, class: "hint" }, names.length > 0 ? t("data.orYourNameIs", { name: names[0]! }) : t("data.orYourName")),
      input, error),
    h("div", { class: "form-actions" }, button));
  form.noValidate = true;
  input.addEventListener("input", () => {
    error.textContent = "";
    input.removeAttribute("aria-invalid");
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (button.disabled) return;
    const typed = input.value.trim();
    const confirms = typed.toUpperCase() === "DELETE" || names.some((n) => n.trim().toLowerCase() === typed.toLowerCase());
    if (!confirms) {
      error.textContent = t("data.typeExactly");
      input.setAttribute("aria-invalid", "true");
      input.focus();
      return;
    }
    button.disabled = true;
    context.clearError();
    void context.progress(t("data.deletingAll"), context.api.post<{ total: number }>("/api/data/erase", { confirmation: typed }))
      .then((result) => {
        input.value = "";
        status.textContent = t("data.deleted", { count: result.total });
      })
      .catch((failure: unknown) => {
        if (failure instanceof ApiError && failure.fieldErrors["confirmation"]) {
          error.textContent = failure.fieldErrors["confirmation"].join(" ");
          input.setAttribute("aria-invalid", "true");
        }
        context.showError(failure instanceof ApiError ? failure.message : t("data.nothingDeleted"));
      })
      .finally(() => (button.disabled = false));
  });
  return card(
    h("h2", null, t("data.deleteAll")),
    h("p", null, t("data.deleteLead")),
    form, status);
}

export const dataView: View = async (context) => {
  const profile = await context.progress(t("common.loading"), context.api.get<Profile>("/api/profile"));
  const names = [profile.fullName, context.me.displayName].filter((n): n is string => !!n && n.trim().length > 0);
  return h("div", { class: "view", "data-view": "data" },
    pageHeader(t("common.yourData"), t("data.lead")),
    importCard(context),
    exportCard(context),
    eraseCard(context, names));
};
