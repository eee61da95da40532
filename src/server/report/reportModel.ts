import type { PollType } from '../../shared/deck.ts';

// The session report's data: what the HTML report shows and what `npm run report` writes as the
// research JSON (docs/report.md describes it field by field). Anonymous by construction: no room codes,
// no participant ids, no answer ids, only approved answers and words.

export const REPORT_FORMAT = 'werkzame-factoren-verslag';
export const REPORT_VERSION = 1;

export interface SessionReport {
  format: typeof REPORT_FORMAT;
  version: typeof REPORT_VERSION;
  deck: { title: string; subtitle: string };
  /** When the report was made (ISO 8601). */
  madeAt: string;
  sessions: ReportSession[];
  /** Every poll with results, in the order the sessions showed them. */
  polls: ReportPoll[];
}

export interface ReportSession {
  /** The day the session's room was made (YYYY-MM-DD). */
  date: string;
  /** The workshop plan the deck ran, as it sent its parts; null without a plan. */
  plan: { id: string; title: string } | null;
  agenda: AgendaRun[];
  participants: {
    /** The most phones connected at once (over every server instance, counted when a phone joins). */
    peakConnected: number;
    /** Phones that answered at least one poll. */
    answered: number;
  };
}

/** A plan part as it ran: when it started and how long it took until the next part started. */
export interface AgendaRun {
  part: string;
  label: string;
  /** The minutes the plan gives it; null for a part the plan does not name. */
  plannedMinutes: number | null;
  /** ISO 8601. */
  startedAt: string;
  /** Whole minutes until the next part (the last part: until the last answer); null when unknown. */
  minutes: number | null;
}

export interface ReportPoll {
  poll: string;
  type: PollType;
  question: string;
  options: string[];
  /** For a scale: its ends and their labels. */
  scale?: { min: number; max: number; labels: [string, string] };
  /** On a closing slide (reflection, action plan, evaluation): the report's summary. */
  closing: boolean;
  /** The poll that asks participants for their role: the cover shows its answers. */
  roles: boolean;
  rounds: ReportRound[];
}

export interface ReportRound {
  round: number;
  /** How many sessions had this round. */
  sessions: number;
  /** How many participants answered in it (in all sessions together). */
  voters: number;
  results: ReportResults;
}

export type ReportResults =
  | { kind: 'counts'; counts: number[] }
  | { kind: 'scale'; counts: number[]; average: number | null }
  | { kind: 'ranking'; scores: number[] }
  | { kind: 'words'; words: { word: string; count: number }[] }
  | { kind: 'answers'; answers: ReportAnswer[] };

/** An approved open or group answer. */
export interface ReportAnswer {
  text: string;
  group?: string;
}
