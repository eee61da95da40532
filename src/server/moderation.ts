import { normaliseWord } from '../shared/aggregate.ts';
import type { PresenterAction } from '../shared/protocol.ts';
import { pendingPage } from './answerPage.ts';
import type { ClientConnection } from './clientConnection.ts';
import type { PollCatalog } from './pollCatalog.ts';
import type { RoomChangeFeed } from './roomChanges.ts';
import type { RoomEntry } from './roomHub.ts';
import type { Store } from './store/Store.ts';

// The presenter's moderation requests beyond `approve`: paging through the answers that wait for
// approval (results carry only the newest page, see answerPage), and taking a word off a word cloud.

type ModerationAction = Extract<PresenterAction, { type: 'pending' | 'remove-word' }>;

export async function moderate(
  context: { store: Store; catalog: PollCatalog; changes: RoomChangeFeed },
  entry: RoomEntry,
  action: ModerationAction,
  connection: ClientConnection,
): Promise<void> {
  const { ref } = action;
  const poll = context.catalog.find(action.poll);
  if (!poll) return connection.send({ type: 'error', ref, code: 'unknown-poll', message: 'this poll does not exist' });

  if (action.type === 'pending') {
    const { round, pending } = await entry.broadcaster.pendingOf(poll);
    const answers = pendingPage(pending, action.before);
    return connection.send({ type: 'pending-page', ref, poll: poll.id, round, answers, pending: pending.length });
  }

  // A removed word stays removed for the round: it is stored in its normalised form, so every way of
  // writing it ("Taal!", "taal") is gone, also when it is sent again later.
  const word = normaliseWord(action.word);
  if (poll.type !== 'wordcloud' || word === '') {
    return connection.send({ type: 'error', ref, code: 'unknown-answer', message: 'this poll has no such word' });
  }
  const round = entry.room.states.get(poll.id)?.round ?? 1;
  await context.store.removeWord(entry.room.code, poll.id, round, word);
  entry.broadcaster.votesChanged(poll.id);
  context.changes.publish({ room: entry.room.code, kind: 'moderation', poll: poll.id });
  connection.send({ type: 'ok', ref });
}
