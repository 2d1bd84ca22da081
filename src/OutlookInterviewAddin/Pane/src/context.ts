import type { ApiClient } from "./api";
import type { OfficeContext } from "./office";
import type { Match } from "./router";
import type { Profile } from "./model";

/** The signed-in user, as GET /api/me describes them. */
export interface Me {
  tenantId: string;
  objectId: string;
  displayName: string;
  email: string | null;
  mode: "local" | "microsoft365";
}

/** What every view gets: the API, the user, where the pane runs, and the shell's shared services. */
export interface PaneContext {
  api: ApiClient;
  me: Me;
  office: OfficeContext;
  /** Shows a progress indicator while <paramref name="work"/> runs, if it takes more than a moment. */
  progress<T>(label: string, work: Promise<T>): Promise<T>;
  /** Shows a message in the shell's alert area; cleared on the next navigation. */
  showError(message: string): void;
  clearError(): void;
  navigate(hash: string): void;
  /** Settles once the profile read at start has set the header's name and the zone times are shown in. */
  profileApplied: Promise<void>;
  /** After the profile is saved: the header's name and the zone times are shown in follow it. */
  profileSaved(profile: Profile): void;
}

export type View = (context: PaneContext, match: Match<View>) => Node | Promise<Node>;
