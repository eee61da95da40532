import type { Poll } from '../shared/deck.ts';
import type { VoteValue } from '../shared/protocol.ts';

/** A vote as the person would say it: the option texts, the scale point, the ranking in order, or the text. */
export function describeVote(poll: Poll, value: VoteValue): string[] {
  const option = (index: number): string => poll.options[index] ?? '?';
  switch (poll.type) {
    case 'single':
      return typeof value === 'number' ? [option(value)] : [];
    case 'multiple':
      return Array.isArray(value) ? [...value].sort((a, b) => a - b).map(option) : [];
    case 'ranking':
      return Array.isArray(value) ? value.map((index, place) => `${place + 1}. ${option(index)}`) : [];
    case 'scale': {
      if (typeof value !== 'number') return [];
      const end = value === poll.min ? poll.labels[0] : value === poll.max ? poll.labels[1] : null;
      return [end ? `${value} (${end})` : String(value)];
    }
    case 'wordcloud':
    case 'open':
      return typeof value === 'string' ? [value] : [];
    case 'group':
      return typeof value === 'object' && !Array.isArray(value) ? [value.group, value.text] : [];
  }
}

/** The typed text in a vote: a word or open answer, or a group's name and answers. */
export function typedTexts(value: VoteValue): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'object' && !Array.isArray(value)) return [value.group, value.text];
  return [];
}
