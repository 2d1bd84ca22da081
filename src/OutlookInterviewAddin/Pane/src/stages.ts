// Which stage moves the conversation page offers, and what each asks first, without DOM: a move
// that would make the record lie ("scheduled" with no time, "interviewed" a week before the
// meeting) asks for the time or a confirmation instead of happening at once.

import { stageChoices, type Interview, type Stage } from "./model";

/** As the API's undo window (InterviewsApi.UndoWindow). */
export const undoWindowMs = 15 * 60_000;

export interface StageMove {
  stage: Stage;
  /** "time": ask when they meet; "confirmEarly": the meeting has not started, ask first; "none": move at once. */
  asks: "none" | "time" | "confirmEarly";
}

type StageFacts = Pick<Interview, "allowedNextStages" | "plannedStart">;

export function stageMovesFor(interview: StageFacts, now: Date): StageMove[] {
  const start = interview.plannedStart ? new Date(interview.plannedStart).getTime() : null;
  const upcoming = start !== null && start > now.getTime();
  return stageChoices(interview.allowedNextStages).map((stage) => {
    if (stage === "scheduled") return { stage, asks: upcoming ? "none" : "time" };
    if ((stage === "interviewed" || stage === "thanked") && upcoming) return { stage, asks: "confirmEarly" };
    return { stage, asks: "none" };
  });
}

/** The stage the latest move left, when that move can still be undone (recent, and not the start or an update's doing). */
export function undoableMove(interview: Pick<Interview, "stage" | "stageHistory">, now: Date): { from: Stage; to: Stage } | null {
  const history = interview.stageHistory ?? [];
  if (history.length < 2 || interview.stage === "stayingInTouch") return null;
  const latest = history[history.length - 1]!;
  if (latest.stage !== interview.stage) return null;
  if (now.getTime() - new Date(latest.at).getTime() > undoWindowMs) return null;
  return { from: history[history.length - 2]!.stage, to: latest.stage };
}
