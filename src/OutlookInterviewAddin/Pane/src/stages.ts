// Which stage moves the conversation page offers, and what each asks first, without DOM: a move
// that would make the record lie ("scheduled" with no time, "interviewed" a week before the
// meeting) asks for the time or a confirmation instead of happening at once.

import { stageChoices, type Interview, type Stage } from "./model";
import { labels, t } from "./i18n";

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

/**
 * The latest move, when it can still be undone: the API says which move and until when (so the
 * offer survives a reload); the pane only stops offering it once that instant has passed.
 */
export function undoableMove(interview: Pick<Interview, "stage" | "undo">, now: Date): { from: Stage; to: Stage; until: string } | null {
  const undo = interview.undo;
  if (!undo || undo.stage !== interview.stage) return null;
  if (now.getTime() > new Date(undo.until).getTime()) return null;
  return { from: undo.back, to: undo.stage, until: undo.until };
}

/** The steps of a conversation, in order, as the conversation page shows them. */
export type Step = "ask" | "schedule" | "prepare" | "meet" | "record" | "thank" | "connect" | "stay";

export const stepOrder: Step[] = ["ask", "schedule", "prepare", "meet", "record", "thank", "connect", "stay"];

export const stepLabels = labels<Step>({
  ask: "step.ask",
  schedule: "step.schedule",
  prepare: "step.prepare",
  meet: "step.meet",
  record: "step.record",
  thank: "step.thank",
  connect: "step.connect",
  stay: "step.stay",
});

/**
 * The one next step that fits the conversation: asking until they were contacted, scheduling until
 * a time is agreed, preparing until an hour before, meeting until it ends, then recording (until a
 * takeaway is written), thanking, connecting (after the thank-you, until the first update) and staying in touch.
 */
export function currentStep(interview: Pick<Interview, "stage" | "plannedStart" | "durationMinutes" | "takeaways">, now: Date): Step {
  const start = interview.plannedStart ? new Date(interview.plannedStart).getTime() : null;
  const end = start === null ? null : start + (interview.durationMinutes ?? 30) * 60_000;
  switch (interview.stage) {
    case "prospect":
    case "declined":
      return "ask";
    case "contacted":
    case "noReply":
      return "schedule";
    case "scheduled":
      if (start === null) return "schedule";
      if (now.getTime() < start - 60 * 60_000) return "prepare";
      if (now.getTime() < end!) return "meet";
      return interview.takeaways.length === 0 ? "record" : "thank";
    case "interviewed":
      return interview.takeaways.length === 0 ? "record" : "thank";
    case "thanked":
      return "connect";
    case "stayingInTouch":
      return "stay";
  }
}

/** A LinkedIn invitation note (under LinkedIn's 300 characters): thanks, and why connect. */
export function linkedInNote(personName: string, greetAs: string | null, myName: string): string {
  const greet = greetAs?.trim() || personName.trim().split(/\s+/)[0] || personName;
  return t("stages.linkedInNote", { greet, name: myName }).slice(0, 300);
}
