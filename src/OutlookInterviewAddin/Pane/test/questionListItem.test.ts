import { test } from "node:test";
import assert from "node:assert/strict";
import { setLanguage } from "../src/i18n";
import { agendaBlock, agendaWords, isQuestionFile, withoutAgenda } from "../src/questionListItem";
import type { DraftPreview } from "../src/model";

const preview = { html: "<h2>Opening</h2><p>What does a day look like?</p>", text: "Opening\nWhat does a day look like?" } as DraftPreview;

test("an agenda written in English, then one in French, leaves one agenda: the earlier one is found in either language", async () => {
  const languages = await agendaWords();
  for (const html of [true, false]) {
    const own = html ? "<p>Looking forward to it!</p>" : "Looking forward to it!";
    const english = agendaBlock(preview, html) + own;
    await setLanguage("fr");
    try {
      const french = agendaBlock(preview, html) + withoutAgenda(english, html, languages);
      assert.match(french, /Ordre du jour et questions/);
      assert.doesNotMatch(french, /Agenda and questions/);
      assert.equal(withoutAgenda(french, html, languages), own);
    } finally {
      await setLanguage("en");
    }
  }
});

test("a French marker Outlook wrote back with an entity for its apostrophe is still found", async () => {
  const body = "<div><p>Ordre du jour et questions</p><p>Q?</p><p>(fin de l&rsquo;ordre du jour)</p></div><p>Bonjour</p>";
  assert.equal(withoutAgenda(body, true, await agendaWords()), "<p>Bonjour</p>");
});

test("the question file is recognised under the name the host gives it in either language, or the name the last press attached", async () => {
  const languages = await agendaWords();
  assert.ok(isQuestionFile("Questions for Priya Shah.docx", languages, null));
  assert.ok(isQuestionFile("Questions pour Élise Tremblay.docx", languages, null));
  assert.ok(isQuestionFile("Questions d'entretien.docx", languages, "Questions d'entretien.docx"));
  assert.ok(!isQuestionFile("Questions d'entretien.docx", languages, null));
  assert.ok(!isQuestionFile("Portfolio.pdf", languages, "Questions for Priya Shah.docx"));
});
