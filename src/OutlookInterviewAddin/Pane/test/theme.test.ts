import { test } from "node:test";
import assert from "node:assert/strict";
import { luminance, themeFromOffice } from "../src/theme";

test("a dark Office body colour selects the dark palette", () => {
  const theme = themeFromOffice({ bodyBackgroundColor: "#262626", bodyForegroundColor: "#FFFFFF", controlBackgroundColor: "#333333", controlForegroundColor: "#F0F0F0" });
  assert.equal(theme?.dark, true);
  assert.equal(theme?.variables["--colorNeutralBackground1"], "#262626");
  assert.equal(theme?.variables["--colorNeutralForeground2"], "#f0f0f0");
});

test("a light Office body colour keeps the light palette", () => {
  const theme = themeFromOffice({ bodyBackgroundColor: "#fff", bodyForegroundColor: "#000", controlBackgroundColor: "", controlForegroundColor: "" });
  assert.equal(theme?.dark, false);
  assert.equal(theme?.variables["--colorNeutralBackground1"], "#ffffff");
  assert.equal(theme?.variables["--colorNeutralBackground3"], undefined);
});

test("colours that are not hex values are ignored", () => {
  assert.equal(themeFromOffice({ bodyBackgroundColor: "red; background: url(x)", bodyForegroundColor: "#000000", controlBackgroundColor: "", controlForegroundColor: "" }), null);
  assert.equal(themeFromOffice(null), null);
});

test("luminance runs from black to white", () => {
  assert.equal(luminance("#000000"), 0);
  assert.equal(luminance("#ffffff"), 1);
});
