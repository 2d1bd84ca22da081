// Starts the pane: find where it runs, sign in, say who is signed in, then show the view the
// address asks for. The page carries the sign-in settings (a JSON block the host inlines), so in
// local mode the token is the one round trip before the data; screens other than the first view
// are fetched when first shown.

import "./pane.css";
import { ApiClient, ApiError } from "./api";
import type { Me, PaneContext, View } from "./context";
import { h, replaceChildren } from "./dom";
import { detectOffice, displayLanguage, onItemChanged, readContext, type OfficeContext } from "./office";
import { matchRoute, type Route } from "./router";
import { createShell, type Shell } from "./shell";
import { SignInUnavailableError, createSignIn, loadSignInConfig, signedInUser } from "./signin";
import { applyTheme, themeFromOffice } from "./theme";
import { setProfileZone } from "./time";
import type { Profile } from "./model";
import { homeView } from "./views/home";
import { notFoundView } from "./views/placeholder";
import { pageHeader } from "./views/common";
import { chooseLanguage, onLanguageChanged, setLanguage, t } from "./i18n";

/** A screen's module could not be fetched (the network dropped, or the host was updated meanwhile). */
class ScreenUnavailableError extends Error {
  constructor() {
    super(t("main.screenUnavailable"));
  }
}

/**
 * A screen that is not on the first view: its module is fetched (a chunk of its own, or shared with
 * its neighbours) the first time it is shown, so the first view downloads only what it uses.
 */
function lazy<M, K extends keyof M>(load: () => Promise<M>, name: K): View {
  return async (context, match) => {
    let module: M;
    try {
      module = await context.progress(t("main.opening"), load());
    } catch {
      throw new ScreenUnavailableError();
    }
    return (module[name] as View)(context, match);
  };
}

const people = () => import("./views/people");
const interview = () => import("./views/interview");
const entry = () => import("./views/entry");
const questionLists = () => import("./views/questionLists");

const routes: Route<View>[] = [
  { pattern: "/", view: homeView },
  { pattern: "/profile", view: lazy(() => import("./views/profile"), "profileView") },
  { pattern: "/data", view: lazy(() => import("./views/data"), "dataView") },
  { pattern: "/people", view: lazy(people, "peopleView") },
  { pattern: "/people/new", view: lazy(people, "newPersonView") },
  { pattern: "/people/:id", view: lazy(people, "personView") },
  { pattern: "/people/:id/edit", view: lazy(people, "editPersonView") },
  { pattern: "/people/:id/merge", view: lazy(people, "mergePersonView") },
  { pattern: "/interviews/:id", view: lazy(interview, "interviewView") },
  { pattern: "/interviews/:id/questions", view: lazy(interview, "interviewQuestionsView") },
  { pattern: "/interviews/:id/drafts/:kind", view: lazy(() => import("./views/drafts"), "draftView") },
  { pattern: "/question-lists", view: lazy(questionLists, "questionListsView") },
  { pattern: "/question-lists/:id", view: lazy(questionLists, "questionListView") },
  { pattern: "/outreach", view: lazy(entry, "outreachEntryView") },
  { pattern: "/questions/attach", view: lazy(entry, "attachEntryView") },
  { pattern: "/mailbox", view: lazy(() => import("./views/mailbox"), "mailboxView") },
];

/** The navigation, in the pane's language; the local mailbox stands in for Outlook in local mode only. */
const nav = (local: boolean) => [
  { label: t("nav.home"), hash: "#/" },
  { label: t("nav.people"), hash: "#/people" },
  { label: t("nav.profile"), hash: "#/profile" },
  { label: t("nav.questions"), hash: "#/question-lists" },
  ...(local ? [{ label: t("nav.mailbox"), hash: "#/mailbox" }] : []),
];

/** The profile's language setting, else Outlook's display language, else the browser's. */
function applyLanguage(setting: string | null | undefined): Promise<void> {
  return setLanguage(chooseLanguage(setting, displayLanguage(), navigator.language)).catch((error: unknown) => {
    // The French words could not be fetched: the pane stays readable in the language it has.
    console.error(error);
  });
}

async function start(root: HTMLElement): Promise<void> {
  const shell = createShell(root);
  shell.setNav(nav(false));
  const systemDark = window.matchMedia?.("(prefers-color-scheme: dark)");

  let office: OfficeContext;
  let signInConfig;
  try {
    [office, signInConfig] = await shell.progress(t("main.starting"), Promise.all([detectOffice(), loadSignInConfig()]));
  } catch (error) {
    showFatal(shell, error, () => void start(root));
    return;
  }
  // Before any word is shown: Outlook's display language (or the browser's), until the profile says otherwise.
  await applyLanguage(null);
  shell.relabel();
  shell.setNav(nav(false));
  shell.setSurface(office.surface);
  applyTheme(document.documentElement, themeFromOffice(office.theme));
  if (!office.theme && systemDark) document.documentElement.dataset["theme"] = systemDark.matches ? "dark" : "light";

  let api: ApiClient;
  let me: Me;
  try {
    const signIn = await createSignIn(signInConfig);
    api = new ApiClient(signIn);
    // Local mode's token answer names the user: no second round trip before the data.
    me = await shell.progress(t("main.signingIn"), signedInUser(signIn) ?? api.get<Me>("/api/me"));
  } catch (error) {
    showFatal(shell, error, () => void start(root));
    return;
  }
  // The header shows the name the user gave in the profile (drafts sign with it), and every time
  // is shown in the profile's zone; both follow the profile when it is saved.
  const profileSaved = (profile: Profile | null): Promise<void> => {
    shell.setUser(profile?.fullName?.trim() || me.displayName, me.email);
    setProfileZone(profile?.timeZone);
    return applyLanguage(profile?.language);
  };
  // The dashboard reads the profile with its own data (the same request: ApiClient shares a GET in
  // flight) and waits for it to be applied; any other first view waits for it here.
  const profileApplied = api.get<Profile>("/api/profile").then(profileSaved, () => profileSaved(null));
  const first = matchRoute(routes, location.hash);
  const dashboardFirst = first?.view === homeView && (office.surface === "browser" || office.surface === "outlookNoItem");
  if (!dashboardFirst) await profileApplied;
  // The local mailbox stands in for Outlook in local mode only; Microsoft 365 has the real one.
  const local = me.mode === "local";
  shell.setNav(nav(local));
  document.documentElement.dataset["signedIn"] = "true";

  const context: PaneContext = {
    api,
    me,
    office,
    progress: (label, work) => shell.progress(label, work),
    showError: (message) => shell.showError(message),
    clearError: () => shell.clearError(),
    profileSaved,
    profileApplied,
    navigate: (hash) => {
      if (location.hash === hash) void render(true);
      else location.hash = hash;
    },
  };

  let generation = 0;
  async function render(moveFocus: boolean): Promise<void> {
    const mine = ++generation;
    const match = matchRoute(routes, location.hash);
    shell.clearError();
    shell.markCurrent(match?.path ?? "");
    let content: Node;
    try {
      content = match ? await match.view(context, match) : await notFoundView(context, { view: notFoundView, params: {}, query: new URLSearchParams(), path: "" });
    } catch (error) {
      content = h("div", { class: "view" }, pageHeader(t("main.pageFailed")));
      shell.showError(messageOf(error), () => void render(true));
    }
    // A later navigation won the race; its view is the one to show.
    if (mine !== generation) return;
    replaceChildren(shell.main, content);
    markReady();
    if (moveFocus) shell.main.querySelector<HTMLElement>("h1")?.focus();
  }

  window.addEventListener("hashchange", () => void render(true));
  // A new language (chosen in the profile) relabels the frame and draws the view again; what was
  // typed in a form is kept in its draft and comes back.
  onLanguageChanged(() => {
    shell.relabel();
    shell.setNav(nav(local));
    void render(false);
  });
  onItemChanged(() => {
    context.office = readContext();
    shell.setSurface(context.office.surface);
    void render(false);
  });
  await render(false);
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof SignInUnavailableError || error instanceof ScreenUnavailableError) return error.message;
  return t("main.unexpected");
}

function showFatal(shell: Shell, error: unknown, retry: () => void): void {
  console.error(error);
  const signInUnavailable = error instanceof SignInUnavailableError;
  replaceChildren(shell.main, h("div", { class: "view", "data-view": "sign-in-problem" },
    pageHeader(signInUnavailable ? t("main.cannotSignIn") : t("main.couldNotStart"))));
  shell.showError(messageOf(error), signInUnavailable && !error.canRetry ? undefined : retry);
  markReady();
}

/** Tells tests (and performance tools) when the first view is on screen. */
function markReady(): void {
  if (document.documentElement.dataset["ready"]) return;
  document.documentElement.dataset["ready"] = "true";
  performance.mark("pane-ready");
}

const root = document.getElementById("app");
if (root) void start(root);
