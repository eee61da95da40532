import type { PollResults, PollState, ServerMessage, TimerState, ViewState } from '../shared/protocol.ts';
import type { ClientConnection } from './clientConnection.ts';
import { PhoneChannel } from './phoneChannel.ts';
import type { StoredTimer } from './store/Store.ts';

// A room while anyone is connected to it: its poll states (a copy of what the store holds, written
// through), the latest results per poll, and who is connected. Everything a join needs is here, so a
// join costs the same whether the room has three participants or three thousand.

/**
 * A state change or a timer reaches the phones in slices (see phoneChannel) that take at most half the
 * server's time while they last: 5,000 phones have it within a quarter of a second, and votes go on.
 */
const PHONE_MESSAGE_SHARE = 0.5;

export class LiveRoom {
  readonly presenters = new Set<ClientConnection>();
  /** The presenters that came with the remote-control token, cut off when it is replaced. */
  readonly remotes = new Set<ClientConnection>();
  /** sha256 of the current remote-control token; null before the presenter asks for a remote link. */
  remoteHash: string | null = null;
  readonly participants = new Set<ClientConnection>();
  /** Everything the phones are sent, in order (see phoneChannel). */
  readonly phones = new PhoneChannel(this.participants);
  /** Open sockets per participant id: the same phone with two tabs counts once. */
  private readonly socketsPerParticipant = new Map<string, number>();
  readonly states: Map<string, PollState>;
  /** Latest results per poll for the presenter (every open answer) and for everyone else. */
  readonly presenterResults = new Map<string, PollResults>();
  readonly publicResults = new Map<string, PollResults>();
  /** The group exercise countdown as the presenter last set it, and when (a copy of the store's). */
  private timer: StoredTimer | null = null;
  /** Where the audience view stands, as a console last set it (a copy of the store's). */
  view: ViewState | null = null;
  /** When each poll the presenter showed before was taken off the screen (ms since the epoch). */
  private readonly leftScreenAt = new Map<string, number>();

  constructor(
    readonly code: string,
    readonly keyHash: string,
    public current: string | null,
    states: PollState[],
  ) {
    this.states = new Map(states.map((state) => [state.poll, state]));
  }

  get participantCount(): number {
    return this.socketsPerParticipant.size;
  }

  get connectionCount(): number {
    return this.presenters.size + this.participants.size;
  }

  currentState(): PollState | null {
    return this.current === null ? null : (this.states.get(this.current) ?? null);
  }

  /** The presenter shows `poll` (null: a slide without poll); the one before leaves the screen now. */
  show(poll: string | null, now: number): void {
    if (this.current !== null && this.current !== poll) this.leftScreenAt.set(this.current, now);
    this.current = poll;
  }

  /** Votes count for the poll on screen, and for one that left it less than `graceMs` ago. */
  takesVotesFor(poll: string, now: number, graceMs: number): boolean {
    const left = this.leftScreenAt.get(poll);
    return poll === this.current || (left !== undefined && now - left < graceMs);
  }

  setTimer(timer: StoredTimer | null): void {
    this.timer = timer;
  }

  storedTimer(): StoredTimer | null {
    return this.timer;
  }

  /** The countdown as it stands at `now`: a running one has counted down since it was set. */
  timerNow(now: number): TimerState | null {
    if (!this.timer) return null;
    const { state, setAt } = this.timer;
    if (!state.running) return state;
    return { ...state, remainingMs: Math.max(0, state.remainingMs - (now - setAt)) };
  }

  addPresenter(connection: ClientConnection): void {
    this.presenters.add(connection);
  }

  addParticipant(connection: ClientConnection, participant: string): void {
    this.participants.add(connection);
    this.socketsPerParticipant.set(participant, (this.socketsPerParticipant.get(participant) ?? 0) + 1);
  }

  remove(connection: ClientConnection, participant: string | null): void {
    this.presenters.delete(connection);
    this.remotes.delete(connection);
    if (!this.participants.delete(connection) || participant === null) return;
    const sockets = (this.socketsPerParticipant.get(participant) ?? 1) - 1;
    if (sockets > 0) this.socketsPerParticipant.set(participant, sockets);
    else this.socketsPerParticipant.delete(participant);
  }

  /** At once: a room has a presenter or two. Serialised once, however many receive it. */
  sendToPresenters(message: ServerMessage, droppable = false): void {
    if (this.presenters.size === 0) return;
    const text = JSON.stringify(message);
    for (const connection of this.presenters) connection.sendText(text, droppable);
  }

  /** Queued for the phones, after what was queued before; they get it in slices. */
  sendToParticipants(message: ServerMessage): void {
    if (this.participants.size === 0) return;
    this.phones
      .send(JSON.stringify(message), { share: PHONE_MESSAGE_SHARE, droppable: false })
      .catch((error: unknown) => console.error('poll server:', error));
  }

  sendToEveryone(message: ServerMessage): void {
    this.sendToPresenters(message);
    this.sendToParticipants(message);
  }
}
