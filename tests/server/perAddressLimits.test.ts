import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/server/participantLimits.ts';
import type { RunningServer } from '../../src/server/startServer.ts';
import { createRoom, joinRoom, outcome } from './helpers/rooms.ts';
import { startTestServer } from './helpers/tempServer.ts';
import { PollClient } from '../helpers/pollClient.ts';

// What one address can add, however many connections it opens: new participant identities, new rooms,
// and wrong presenter passwords. Each test's script runs from its own loopback address (127.0.0.x: Linux
// routes all of 127.0.0.0/8 to the loopback device), with small budgets and a clock that stands still.

const PASSWORD = 'juist-wachtwoord';
let clock = Date.now();
let server: RunningServer;
let guarded: RunningServer;
const clients: PollClient[] = [];

beforeAll(async () => {
  const limits = {
    ...DEFAULT_LIMITS,
    newIdentities: { burst: 5, refillSeconds: 60 },
    newRooms: { burst: 3, refillSeconds: 3600 },
  };
  server = await startTestServer({ limits, now: () => clock });
  guarded = await startTestServer({ presenterPassword: PASSWORD, now: () => clock });
});
afterAll(async () => {
  for (const client of clients) client.close();
  await server.close();
  await guarded.close();
});

async function connectFrom(url: string, address: string): Promise<PollClient> {
  const client = await PollClient.connect(url, { localAddress: address });
  clients.push(client);
  return client;
}

describe('new participants per address', () => {
  it('refuses a script new identities beyond the budget; reconnects and other addresses go on', async () => {
    const { presenter, room, key } = await createRoom(server.url);
    clients.push(presenter);
    const script = '127.0.0.2';
    // The script opens connection after connection, each joining as a new participant.
    const answers: string[] = [];
    const identities: string[] = [];
    for (let k = 0; k < 8; k++) {
      const client = await connectFrom(server.url, script);
      const answer = await client.request({ type: 'join', room });
      answers.push(outcome(answer));
      if (answer.type === 'snapshot' && answer.identity) identities.push(answer.identity);
    }
    expect(answers).toEqual([...Array(5).fill('snapshot'), ...Array(3).fill('identity-limit')]);

    // A phone from the same address that has an identity comes back as itself.
    const back = await joinRoom(server.url, room, identities[0], script);
    clients.push(back.client);
    expect(back.identity).toBe(identities[0]);
    // Another address (another network) is not affected.
    const neighbour = await joinRoom(server.url, room, undefined, '127.0.0.3');
    clients.push(neighbour.client);
    expect(neighbour.identity).not.toBe(identities[0]);
    // The presenter counts the five the script got, and the neighbour.
    const deck = await connectFrom(server.url, '127.0.0.1');
    expect(await deck.request({ type: 'present', room, key })).toMatchObject({ participants: 6 });

    // A phone refused for now tries again on the same connection: the refusals cost it nothing, and
    // with time the budget refills (5 per 60 s, so one new identity after 12 s).
    const later = await connectFrom(server.url, script);
    for (let k = 0; k < 8; k++) expect(outcome(await later.request({ type: 'join', room }))).toBe('identity-limit');
    clock += 12_000;
    expect(outcome(await later.request({ type: 'join', room }))).toBe('snapshot');
    expect(outcome(await (await connectFrom(server.url, script)).request({ type: 'join', room }))).toBe(
      'identity-limit',
    );
  });
});

describe('new rooms per address', () => {
  it('refuses a script more rooms than its budget, from however many connections', async () => {
    const answers: string[] = [];
    for (let k = 0; k < 5; k++) {
      const client = await connectFrom(server.url, '127.0.0.5');
      answers.push(outcome(await client.request({ type: 'create-room' })));
    }
    expect(answers).toEqual([...Array(3).fill('room-created'), ...Array(2).fill('rate-limited')]);
    const trainer = await connectFrom(server.url, '127.0.0.6');
    expect(outcome(await trainer.request({ type: 'create-room' }))).toBe('room-created');
  });
});

describe('presenter password guesses', () => {
  it('limits wrong guesses per address; a trainer elsewhere gets in, and right passwords never count', async () => {
    const attacker = await connectFrom(guarded.url, '127.0.0.7');
    const guesses: string[] = [];
    for (let k = 0; k < 12; k++) {
      guesses.push(outcome(await attacker.request({ type: 'create-room', password: `raden-${k}` })));
    }
    expect(guesses).toEqual([...Array(10).fill('wrong-password'), ...Array(2).fill('rate-limited')]);
    // Out of guesses, the attacker is refused before the password is compared: even the right one.
    expect(outcome(await attacker.request({ type: 'create-room', password: PASSWORD }))).toBe('rate-limited');

    // A trainer on another address is not locked out, even after a typo.
    const trainer = await connectFrom(guarded.url, '127.0.0.8');
    expect(outcome(await trainer.request({ type: 'create-room', password: 'typfout' }))).toBe('wrong-password');
    expect(outcome(await trainer.request({ type: 'create-room', password: PASSWORD }))).toBe('room-created');

    // Right passwords do not spend the budget: twelve rooms from one address, on three connections.
    const made: string[] = [];
    for (let connection = 0; connection < 3; connection++) {
      const client = await connectFrom(guarded.url, '127.0.0.9');
      for (let k = 0; k < 4; k++) made.push(outcome(await client.request({ type: 'create-room', password: PASSWORD })));
    }
    expect(made).toEqual(Array(12).fill('room-created'));

    // The attacker's budget refills at 10 per 600 s: one more guess a minute.
    clock += 60_000;
    expect(outcome(await attacker.request({ type: 'create-room', password: 'raden-12' }))).toBe('wrong-password');
    expect(outcome(await attacker.request({ type: 'create-room', password: 'raden-13' }))).toBe('rate-limited');
  });

  it('stops guessing from many addresses at once with a global backstop', async () => {
    const limits = { ...DEFAULT_LIMITS, passwordFailuresOverall: { burst: 4, refillSeconds: 3600 } };
    const backstopped = await startTestServer({ presenterPassword: PASSWORD, limits, now: () => clock });
    try {
      const guesses: string[] = [];
      for (let k = 0; k < 6; k++) {
        const client = await connectFrom(backstopped.url, `127.0.1.${k + 1}`);
        guesses.push(outcome(await client.request({ type: 'create-room', password: 'fout' })));
      }
      expect(guesses).toEqual([...Array(4).fill('wrong-password'), ...Array(2).fill('rate-limited')]);
    } finally {
      await backstopped.close();
    }
  });
});
