// Starts the pane: find where it runs, sign in, say who is signed in, then show the view the
// address asks for. The page carries the sign-in settings (a JSON block the host inlines), so in
// local mode the token is the one round trip before the data; screens other than the first view
// are fetched when first shown.

import "./pane.css";
import { ApiClient, ApiError } from "./api";
import type { Me, PaneContext, View } from "./context";
import { h, replaceChildren } from "./dom";
import { detectOffice, onItemChanged, readContext, type OfficeContext } from "./office";
import { matchRoute, type Route } from "./router";
import { createShell, type Shell } from "./shell";
import { SignInUnavailableError, createSignIn, loadSignInConfig, signedInUser } from "./signin";
import { applyTheme, themeFromOffice } from "./theme";
import { setProfileZone } from "./time";
import type { Profile } from "./model";
import { homeView } from "./views/home";
import { notFoundView } from "./views/placeholder";
import { pageHeader } from "./views/common";

/** A screen's module could not be fetched (the network dropped, or the host was updated meanwhile). */
class ScreenUnavailableError extends Error {
  constructor() {
    super("This part of the pane could not be loaded. Check your connection, then try again.");
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
      module = await context.progress("Opening", load());
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

const nav = [
  { label: "Home", hash: "#/" },
  { label: "People", hash: "#/people" },
  { label: "Profile", hash: "#/profile" },
  { label: "Questions", hash: "#/question-lists" },
];

async function start(root: HTMLElement): Promise<void> {
  const shell = createShell(root);
  shell.setNav(nav);
  const systemDark = window.matchMedia?.("(prefers-color-scheme: dark)");

  let office: OfficeContext;
  let signInConfig;
  try {
    [office, signInConfig] = await shell.progress("Starting", Promise.all([detectOffice(), loadSignInConfig()]));
  } catch (error) {
    showFatal(shell, error, () => void start(root));
    return;
  }
  shell.setSurface(office.surface);
  applyTheme(document.documentElement, themeFromOffice(office.theme));
  if (!office.theme && systemDark) document.documentElement.dataset["theme"] = systemDark.matches ? "dark" : "light";

  let api: ApiClient;
  let me: Me;
  try {
    const signIn = await createSignIn(signInConfig);
    api = new ApiClient(signIn);
    // Local mode's token answer names the user: no second round trip before the data.
    me = await shell.progress("Signing in", signedInUser(signIn) ?? api.get<Me>("/api/me"));
  } catch (error) {
    showFatal(shell, error, () => void start(root));
    return;
  }
  // The header shows the name the user gave in the profile (drafts sign with it), and every time
  // is shown in the profile's zone; both follow the profile when it is saved.
  const profileSaved = (profile: Profile | null) => {
    shell.setUser(profile?.fullName?.trim() || me.displayName, me.email);
    setProfileZone(profile?.timeZone);
  };
  // The dashboard reads the profile with its own data (the same request: ApiClient shares a GET in
  // flight) and waits for it to be applied; any other first view waits for it here.
  const profileApplied = api.get<Profile>("/api/profile").then(profileSaved, () => profileSaved(null));
  const first = matchRoute(routes, location.hash);
  const dashboardFirst = first?.view === homeView && (office.surface === "browser" || office.surface === "outlookNoItem");
  if (!dashboardFirst) await profileApplied;
  // The local mailbox stands in for Outlook in local mode only; Microsoft 365 has the real one.
  if (me.mode === "local") shell.setNav([...nav, { label: "Mailbox", hash: "#/mailbox" }]);
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
      content = h("div", { class: "view" }, pageHeader("This page could not be shown"));
      shell.showError(messageOf(error), () => void render(true));
    }
    // A later navigation won the race; its view is the one to show.
    if (mine !== generation) return;
    replaceChildren(shell.main, content);
    markReady();
    if (moveFocus) shell.main.querySelector<HTMLElement>("h1")?.focus();
  }

  window.addEventListener("hashchange", () => void render(true));
  onItemChanged(() => {
    context.office = readContext();
    shell.setSurface(context.office.surface);
    void render(false);
  });
  await render(false);
}

function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof SignInUnavailableError || error instanceof ScreenUnavailableError) return error.message;
  return "Something unexpected went wrong in the pane. Reload it to try again.";
}

function showFatal(shell: Shell, error: unknown, retry: () => void): void {
  console.error(error);
  const signInUnavailable = error instanceof SignInUnavailableError;
  replaceChildren(shell.main, h("div", { class: "view", "data-view": "sign-in-problem" },
    pageHeader(signInUnavailable ? "Cannot sign in here" : "The pane could not start")));
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
