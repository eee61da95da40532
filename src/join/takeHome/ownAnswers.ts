import type { VoteValue } from '../../shared/protocol.ts';
import { takeHomeKey } from './takeHomeKey.ts';

// The participant's own answers in one room, kept only in this browser (localStorage): the server holds
// the votes as it always does, and nothing more. Read back defensively: storage is anyone's to edit.

export interface OwnAnswer {
  poll: string;
  round: number;
  value: VoteValue;
}

export interface OwnAnswers {
  answers: OwnAnswer[];
  /** The presenter showed a closing poll: the session is ending, the take-home shows. */
  ended: boolean;
}

const EMPTY: OwnAnswers = { answers: [], ended: false };

const isAnswer = (value: unknown): value is OwnAnswer =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as OwnAnswer).poll === 'string' &&
  Number.isInteger((value as OwnAnswer).round) &&
  (value as OwnAnswer).value !== undefined;

export function readOwnAnswers(storage: Storage | null, room: string): OwnAnswers {
  try {
    const parsed = JSON.parse(storage?.getItem(takeHomeKey(room)) ?? 'null') as Partial<OwnAnswers> | null;
    if (!parsed || !Array.isArray(parsed.answers)) return EMPTY;
    return { answers: parsed.answers.filter(isAnswer), ended: parsed.ended === true };
  } catch {
    return EMPTY;
  }
}

function write(storage: Storage | null, room: string, own: OwnAnswers): void {
  try {
    storage?.setItem(takeHomeKey(room), JSON.stringify(own));
  } catch {
    // A full or closed storage: the take-home shows what it had.
  }
}

/** The answer the server took; a changed answer replaces the earlier one of the same round. */
export function rememberAnswer(storage: Storage | null, room: string, answer: OwnAnswer): OwnAnswers {
  const own = readOwnAnswers(storage, room);
  const answers = [...own.answers.filter((a) => a.poll !== answer.poll || a.round !== answer.round), answer];
  const next = { ...own, answers };
  write(storage, room, next);
  return next;
}

export function markEnded(storage: Storage | null, room: string): void {
  const own = readOwnAnswers(storage, room);
  if (!own.ended) write(storage, room, { ...own, ended: true });
}

export function forgetOwnAnswers(storage: Storage | null, room: string): void {
  try {
    storage?.removeItem(takeHomeKey(room));
  } catch {
    // Nothing to forget where nothing could be kept.
  }
}
