import type { ScreenUpdate } from './loadGenerator.ts';
import { PollClient } from '../../tests/helpers/pollClient.ts';
import { runActions, type ActionTiming } from './presenterActions.ts';
import { clockMs } from './clock.ts';
import { presenterAddress } from './placement.ts';

// The presenters' decks, in a process of their own as on the projector laptops: thousands of participant
// sockets in the load generator must not delay the moment a results message is seen. One presenter per
// room, each on the instance it is given. Started by presenter.ts; reports over the IPC channel, and on
// `actions` runs the presenter actions of presenterActions.ts in the first room.

export interface PresenterSetup {
  /** Server addresses, one per instance. */
  urls: string[];
  poll: string;
  /** Room r's presenter connects to instance presenterInstances[r]. */
  presenterInstances: number[];
  /** The instance of the first room that most of its phones use: the probes go there. */
  probeInstance: number;
}

export type PresenterReport =
  | { type: 'ready'; rooms: string[] }
  | { type: 'screen'; room: number; update: ScreenUpdate }
  | { type: 'actions'; baselineMs: number; actions: ActionTiming[] }
  | { type: 'failed'; message: string };

export type PresenterCommand = { type: 'actions' };

const report = (message: PresenterReport) => process.send?.(message);

async function presentRoom(url: string, poll: string, index: number): Promise<{ deck: PollClient; room: string }> {
  // The server lets one address open a few dozen rooms at a time; a hundred trainers are in a hundred places.
  const deck = await PollClient.connect(url, {
    lean: true,
    perMessageDeflate: false,
    localAddress: presenterAddress(index),
  });
  deck.onBroadcast = (message) => {
    if (message.type !== 'results' || message.results.poll !== poll) return;
    const at = clockMs();
    const { voters, results } = message.results;
    const counts = results.kind === 'counts' ? results.counts : [];
    report({ type: 'screen', room: index, update: { at, voters, counts } });
  };
  const created = await deck.request({ type: 'create-room' });
  if (created.type !== 'room-created') throw new Error(`create-room: ${JSON.stringify(created)}`);
  const { room, key } = created;
  const snapshot = await deck.request({ type: 'present', room, key });
  if (snapshot.type !== 'snapshot') throw new Error(`present: ${JSON.stringify(snapshot)}`);
  // Shown before anyone joins, as on the slide the QR code is on: the snapshot carries the open poll.
  const shown = await deck.request({ type: 'show', poll });
  if (shown.type !== 'ok') throw new Error(`show: ${JSON.stringify(shown)}`);
  return { deck, room };
}

async function present(setup: PresenterSetup): Promise<void> {
  const decks: { deck: PollClient; room: string }[] = [];
  // One after another: a presenter opens a room now and then, not a hundred in the same millisecond.
  for (const [index, instance] of setup.presenterInstances.entries()) {
    decks.push(await presentRoom(setup.urls[instance] ?? '', setup.poll, index));
  }
  process.on('message', (command: PresenterCommand) => {
    if (command.type !== 'actions') return;
    const first = decks[0];
    if (!first) return;
    runActions({
      deck: first.deck,
      room: first.room,
      poll: setup.poll,
      probeUrl: setup.urls[setup.probeInstance] ?? '',
    }).then(
      (result) => report({ type: 'actions', ...result }),
      (error: unknown) => report({ type: 'failed', message: error instanceof Error ? error.message : String(error) }),
    );
  });
  report({ type: 'ready', rooms: decks.map((deck) => deck.room) });
  // The load generator ends this process by closing the channel.
  process.on('disconnect', () => {
    for (const { deck } of decks) deck.terminate();
    process.exit(0);
  });
}

const setup = JSON.parse(process.argv[2] ?? '{}') as PresenterSetup;
present(setup).catch((error: unknown) => {
  report({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  process.exit(1);
});
