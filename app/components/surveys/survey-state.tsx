import type { SurveyState } from "../../domain/survey-schedule.ts";

const STATE_TEXT: Record<SurveyState, string> = {
  SCHEDULED: "Scheduled",
  DUE: "Due, not sent",
  SENT: "Sent, awaiting answer",
  ANSWERED: "Answered",
  EXPIRED: "Expired unanswered",
};

export function SurveyStateText({ state }: { state: SurveyState }) {
  return <span className={`badge survey-${state.toLowerCase()}`}>{STATE_TEXT[state]}</span>;
}
