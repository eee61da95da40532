import type { VoteValue } from '../../shared/protocol.ts';

/** The typed text in a vote: a word or open answer, or a group's name and answers. */
export function typedTexts(value: VoteValue): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && !Array.isArray(value)) return [value.group, value.text];
  return [];
}
