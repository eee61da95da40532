import { POLLS_FILE, type Poll, type PollsFile } from '../shared/deck.ts';
import { reconnectDelay } from '../shared/backoff.ts';

/** The polls by id: the page needs the question and the options, the server sends only ids. */
export function indexPolls(polls: readonly Poll[]): Map<string, Poll> {
  return new Map(polls.map((poll) => [poll.id, poll]));
}

/** polls.json from the server that serves this page (relative, so it works under any path). */
export async function fetchPollsFile(): Promise<PollsFile> {
  const response = await fetch(`./${POLLS_FILE}`, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${POLLS_FILE}: ${response.status}`);
  return (await response.json()) as PollsFile;
}

export async function fetchPolls(): Promise<Map<string, Poll>> {
  return indexPolls((await fetchPollsFile()).polls);
}

/**
 * Fetches polls.json until it comes: `receive` gets the polls, or null after each failed try (the
 * page can say so) while the next try waits like a reconnect.
 */
export async function loadPolls(receive: (polls: Map<string, Poll> | null) => void, attempt = 0): Promise<void> {
  try {
    receive(await fetchPolls());
  } catch {
    receive(null);
    setTimeout(() => void loadPolls(receive, attempt + 1), reconnectDelay(attempt));
  }
}
