// Reads a vCard file with ical.js (Mozilla's iCalendar and vCard parser) and prints each card's
// properties as JSON, so the export test checks the file with a parser it did not write itself.
// Usage: node read-vcard.mjs <path to ical.js> <file.vcf>
import { readFileSync } from "node:fs";
import { pathToFileURL } from "node:url";

const [, , icalPath, file] = process.argv;
const ICAL = (await import(pathToFileURL(icalPath).href)).default;
const parsed = ICAL.parse(readFileSync(file, "utf8"));
const cards = (Array.isArray(parsed[0]) ? parsed : [parsed]).map((jcard) => new ICAL.Component(jcard));
const joined = (value) => (Array.isArray(value) ? value.filter((part) => part !== "").join(";") : value ?? null);
console.log(JSON.stringify(cards.map((card) => ({
  version: card.getFirstPropertyValue("version"),
  fn: card.getFirstPropertyValue("fn"),
  emails: card.getAllProperties("email").map((p) => p.getFirstValue()),
  org: joined(card.getFirstPropertyValue("org")),
  title: card.getFirstPropertyValue("title"),
  locality: (card.getFirstPropertyValue("adr") ?? [])[3] ?? null,
  urls: card.getAllProperties("url").map((p) => p.getFirstValue()),
  tz: card.getFirstPropertyValue("tz"),
  note: card.getFirstPropertyValue("note"),
  lang: card.getFirstPropertyValue("lang"),
}))));
