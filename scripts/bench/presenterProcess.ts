import type { ScreenUpdate } from './loadGenerator.ts';
import { PollClient } from '../../tests/helpers/pollClient.ts';
import { clockMs } from './clock.ts';

// The presenter's deck, in a process of its own as on the projector laptop: thousands of participant
// sockets in the load generator must not delay the moment a results message is seen. Started by
// presenter.ts with the server address and the poll; reports over the IPC channel.

export type PresenterReport =
  { type: 'ready'; room: string } | { type: 'screen'; update: ScreenUpdate } | { type: 'failed'; message: string };

const report = (message: PresenterReport) => process.send?.(message);

async function present(url: string, poll: string): Promise<void> {
  const deck = await PollClient.connect(url, { lean: true, perMessageDeflate: false });
  deck.onBroadcast = (message) => {
    if (message.type !== 'results' || message.results.poll !== poll) return;
    const at = clockMs();
    const { voters, results } = message.results;
    report({ type: 'screen', update: { at, voters, counts: results.kind === 'counts' ? results.counts : [] } });
  };
  const created = await deck.request({ type: 'create-room' });
  if (created.type !== 'room-created') throw new Error(`create-room: ${JSON.stringify(created)}`);
  const { room, key } = created;
  const snapshot = await deck.request({ type: 'present', room, key });
  if (snapshot.type !== 'snapshot') throw new Error(`present: ${JSON.stringify(snapshot)}`);
  // Shown before anyone joins, as on the slide the QR code is on: the snapshot carries the open poll.
  const shown = await deck.request({ type: 'show', poll });
  if (shown.type !== 'ok') throw new Error(`show: ${JSON.stringify(shown)}`);
  report({ type: 'ready', room });
  // The load generator ends this process by closing the channel.
  process.on('disconnect', () => {
    deck.terminate();
    process.exit(0);
  });
}

const [url = '', poll = ''] = process.argv.slice(2);
present(url, poll).catch((error: unknown) => {
  report({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
