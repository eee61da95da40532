import { POLLS_FILE, type Poll, type PollsFile } from '../shared/deck.ts';

/** The polls by id: the page needs the question and the options, the server sends only ids. */
export function indexPolls(polls: readonly Poll[]): Map<string, Poll> {
  return new Map(polls.map((poll) => [poll.id, poll]));
}

/** polls.json from the server that serves this page (relative, so it works under any path). */
export async function fetchPolls(): Promise<Map<string, Poll>> {
  const response = await fetch(`./${POLLS_FILE}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${POLLS_FILE}: ${response.status}`);
  return indexPolls(((await response.json()) as PollsFile).polls);
}
