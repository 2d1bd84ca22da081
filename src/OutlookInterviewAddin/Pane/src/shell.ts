// The frame around every view: who is signed in, where the pane runs, navigation, a live region
// for progress and an alert region for errors. Views render into <main>.

import { h, replaceChildren } from "./dom";
import { surfaceNames, type Surface } from "./office";
import { t } from "./i18n";

export interface Shell {
  main: HTMLElement;
  setUser(name: string, email: string | null): void;
  setSurface(surface: Surface): void;
  setNav(links: { label: string; hash: string }[]): void;
  markCurrent(path: string): void;
  progress<T>(label: string, work: Promise<T>): Promise<T>;
  showError(message: string, retry?: () => void): void;
  clearError(): void;
  /** Writes the frame's own words again, in the language the pane now speaks. */
  relabel(): void;
}

/** Below this, a progress indicator would only flicker. */
const progressDelayMs = 250;

export function createShell(root: HTMLElement): Shell {
  const user = h("span", { class: "user", "data-testid": "signed-in-user" });
  const surfaceBadge = h("span", { class: "surface", "data-testid": "surface" });
  const nav = h("ul", { class: "nav-list" });
  const status = h("div", { class: "status", role: "status", "aria-live": "polite", "data-testid": "status" });
  const alert = h("div", { class: "alert", role: "alert", "data-testid": "error" });
  const main = h("main", { id: "main", class: "main", tabindex: -1 });
  const skip = h("button", { class: "skip-link", type: "button", onclick: () => main.focus() });
  const appName = h("span", { class: "app-name" });
  const signedInLabel = h("span", { class: "signed-in-label" });
  const navigation = h("nav", { class: "nav" }, nav);
  let surfaceShown: Surface | null = null;
  const relabel = () => {
    skip.textContent = t("shell.skip");
    appName.textContent = t("shell.appName");
    document.title = t("shell.appName");
    signedInLabel.textContent = t("shell.signedInAs");
    navigation.setAttribute("aria-label", t("shell.sections"));
    if (surfaceShown) surfaceBadge.textContent = surfaceNames[surfaceShown];
  };
  relabel();

  replaceChildren(root,
    skip,
    h("header", { class: "banner" },
      h("div", { class: "banner-row" },
        appName,
        surfaceBadge),
      h("div", { class: "banner-row" }, signedInLabel, user)),
    navigation,
    status,
    alert,
    main);

  let busy = 0;
  const labels = new Set<string>();

  function renderStatus(): void {
    if (labels.size === 0) {
      status.replaceChildren();
      main.removeAttribute("aria-busy");
      return;
    }
    main.setAttribute("aria-busy", "true");
    replaceChildren(status,
      h("div", { class: "progress", role: "progressbar", "aria-label": [...labels].join(", ") }, h("div", { class: "progress-bar" })),
      h("span", { class: "progress-label" }, `${[...labels].join(", ")}…`));
  }

  return {
    main,
    setUser(name, email) {
      user.textContent = name;
      user.title = email ?? name;
    },
    setSurface(surface) {
      surfaceShown = surface;
      surfaceBadge.textContent = surfaceNames[surface];
      document.documentElement.dataset["surface"] = surface;
    },
    setNav(links) {
      replaceChildren(nav, links.map((link) => h("li", null, h("a", { href: link.hash, class: "nav-link" }, link.label))));
    },
    markCurrent(path) {
      for (const link of nav.querySelectorAll<HTMLAnchorElement>("a")) {
        const target = link.getAttribute("href")!.slice(1);
        const current = target === "/" ? path === "/" : path === target || path.startsWith(`${target}/`);
        if (current) link.setAttribute("aria-current", "page");
        else link.removeAttribute("aria-current");
      }
    },
    async progress(label, work) {
      busy += 1;
      const timer = setTimeout(() => {
        labels.add(label);
        renderStatus();
      }, progressDelayMs);
      try {
        return await work;
      } finally {
        clearTimeout(timer);
        busy -= 1;
        labels.delete(label);
        if (busy === 0) labels.clear();
        renderStatus();
      }
    },
    showError(message, retry) {
      replaceChildren(alert, h("p", null, message), retry ? h("button", { type: "button", class: "button", onclick: retry }, t("common.tryAgain")) : null);
    },
    clearError() {
      alert.replaceChildren();
    },
    relabel,
  };
}
