import type { PollState } from '../shared/protocol.ts';

/** What changed for a poll, in words, for the console's live region (the screen reader says it). */
export function describeChange(before: PollState, after: PollState): string[] {
  const said: string[] = [];
  if (after.round > before.round) said.push(`Ronde ${after.round} is gestart.`);
  if (after.open !== before.open) said.push(after.open ? 'De stemming is open.' : 'De stemming is gesloten.');
  if (after.revealed !== before.revealed)
    said.push(after.revealed ? 'De resultaten staan op het scherm.' : 'De resultaten zijn verborgen.');
  return said;
}
