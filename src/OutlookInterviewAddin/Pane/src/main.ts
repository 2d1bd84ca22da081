// Starts the pane: find where it runs, sign in, say who is signed in, then show the view the
// address asks for.

import "./pane.css";
import { ApiClient, ApiError } from "./api";
import type { Me, PaneContext, View } from "./context";
import { h, replaceChildren } from "./dom";
import { detectOffice, onItemChanged, readContext, type OfficeContext } from "./office";
import { matchRoute, type Route } from "./router";
import { createShell, type Shell } from "./shell";
import { SignInUnavailableError, createSignIn, loadSignInConfig } from "./signin";
import { applyTheme, themeFromOffice } from "./theme";
import { setProfileZone } from "./time";
import type { Profile } from "./model";
import { homeView } from "./views/home";
import { interviewQuestionsView, interviewView } from "./views/interview";
import { editPersonView, mergePersonView, newPersonView, peopleView, personView } from "./views/people";
import { draftView } from "./views/drafts";
import { attachEntryView, outreachEntryView } from "./views/entry";
import { mailboxView } from "./views/mailbox";
import { notFoundView } from "./views/placeholder";
import { profileView } from "./views/profile";
import { dataView } from "./views/data";
import { questionListView, questionListsView } from "./views/questionLists";
import { pageHeader } from "./views/common";

const routes: Route<View>[] = [
  { pattern: "/", view: homeView },
  { pattern: "/profile", view: profileView },
  { pattern: "/data", view: dataView },
  { pattern: "/people", view: peopleView },
  { pattern: "/people/new", view: newPersonView },
  { pattern: "/people/:id", view: personView },
  { pattern: "/people/:id/edit", view: editPersonView },
  { pattern: "/people/:id/merge", view: mergePersonView },
  { pattern: "/interviews/:id", view: interviewView },
  { pattern: "/interviews/:id/questions", view: interviewQuestionsView },
  { pattern: "/interviews/:id/drafts/:kind", view: draftView },
  { pattern: "/question-lists", view: questionListsView },
  { pattern: "/question-lists/:id", view: questionListView },
  { pattern: "/outreach", view: outreachEntryView },
  { pattern: "/questions/attach", view: attachEntryView },
  { pattern: "/mailbox", view: mailboxView },
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
    api = new ApiClient(await createSignIn(signInConfig));
    me = await shell.progress("Signing in", api.get<Me>("/api/me"));
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
  profileSaved(await api.get<Profile>("/api/profile").catch(() => null));
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
  if (error instanceof ApiError || error instanceof SignInUnavailableError) return error.message;
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
