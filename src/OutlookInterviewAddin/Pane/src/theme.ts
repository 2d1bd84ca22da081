// Follows Office's theme when the host shares one, and the system's light or dark preference
// otherwise. Office gives four colours; the rest of the Fluent 2 palette follows from light or dark.

export interface ThemeColours {
  dark: boolean;
  variables: Record<string, string>;
}

function parseHex(colour: string): [number, number, number] | null {
  const match = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(colour.trim());
  if (!match) return null;
  let hex = match[1]!;
  if (hex.length === 3) hex = [...hex].map((c) => c + c).join("");
  return [0, 2, 4].map((i) => parseInt(hex.slice(i, i + 2), 16)) as [number, number, number];
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
export function luminance(colour: string): number | null {
  const rgb = parseHex(colour);
  if (!rgb) return null;
  const [r, g, b] = rgb.map((v) => {
    const c = v / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function normalise(colour: string): string | null {
  const rgb = parseHex(colour);
  return rgb ? `#${rgb.map((v) => v.toString(16).padStart(2, "0")).join("")}` : null;
}

/** CSS variables for Office's theme; null when Office gave no usable body colours. */
export function themeFromOffice(theme: Pick<Office.OfficeTheme, "bodyBackgroundColor" | "bodyForegroundColor" | "controlBackgroundColor" | "controlForegroundColor"> | null): ThemeColours | null {
  if (!theme) return null;
  const background = normalise(theme.bodyBackgroundColor ?? "");
  const foreground = normalise(theme.bodyForegroundColor ?? "");
  if (!background || !foreground) return null;
  const variables: Record<string, string> = {
    "--colorNeutralBackground1": background,
    "--colorNeutralForeground1": foreground,
  };
  const controlBackground = normalise(theme.controlBackgroundColor ?? "");
  const controlForeground = normalise(theme.controlForegroundColor ?? "");
  if (controlBackground) variables["--colorNeutralBackground3"] = controlBackground;
  if (controlForeground) variables["--colorNeutralForeground2"] = controlForeground;
  return { dark: (luminance(background) ?? 1) < 0.2, variables };
}

export function applyTheme(root: HTMLElement, theme: ThemeColours | null): void {
  if (!theme) {
    delete root.dataset["theme"];
    return;
  }
  root.dataset["theme"] = theme.dark ? "dark" : "light";
  for (const [name, value] of Object.entries(theme.variables)) root.style.setProperty(name, value);
}
