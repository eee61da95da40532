import type { ClientMessage, ErrorCode, PresenterAction, ServerMessage, TimerState } from '../../shared/protocol.ts';
import { applyServerMessage, EMPTY_LIVE_STATE, type LiveChange, type LiveState } from '../../client/presenterState.ts';
import type { ConnectionStatus } from '../../client/connectionStatus.ts';
import type { LiveConfig } from '../../client/pollServerConfig.ts';
import type { ReconnectingSocket } from '../../client/reconnectingSocket.ts';
import { forgetPresenterRoom, loadPresenterRoom, savePresenterRoom, type PresenterRoom } from './presenterRoomStore.ts';

/** The socket as the session uses it (a ReconnectingSocket in the deck, a fake in tests). */
export type SessionSocket = Pick<ReconnectingSocket, 'connect' | 'send'>;

export interface SessionHooks {
  /** Asks PRESENTER_PASSWORD; null when the presenter declines. */
  askPassword(wrong: boolean): Promise<string | null>;
  /** The state changed; `changed` names the polls to redraw. */
  update(state: LiveState, changed: LiveChange): void;
  status(status: ConnectionStatus): void;
  /** A refused action, in words for the presenter. */
  problem(message: string): void;
  /** The poll of the slide on screen now. */
  currentPoll(): string | null;
  /** The group exercise countdown the phones should show now (the deck keeps the time). */
  currentTimer(): TimerState | null;
  /** A page of waiting answers the presenter asked for (`pending`). */
  pendingPage(page: Extract<ServerMessage, { type: 'pending-page' }>): void;
  /** The countdown as the server has it: on every (re)connect, and when another window changed it. */
  timer?(timer: TimerState | null): void;
  /** The room refused this window (a replaced remote link, a room that is gone) and it makes none itself. */
  refused?(code: ErrorCode): void;
  /** The part of the workshop plan on screen, for the session report's agenda; null without a plan. */
  currentPlanPart?(): { plan: string; part: string } | null;
}

export interface SessionOptions {
  /** The room and secret to present with (the remote control's link), instead of the stored room. */
  room?: PresenterRoom;
  /**
   * A window that follows the console (the audience view): it presents the stored room but never makes
   * one, and tells the server neither the poll on screen nor the countdown.
   */
  follower?: boolean;
}

const PROBLEMS: Partial<Record<ErrorCode, string>> = {
  'rate-limited': 'Even wachten: er gingen te veel berichten tegelijk naar de server.',
  'unknown-poll': 'De server kent deze poll niet. Start de server opnieuw, zodat hij de nieuwe slides kent.',
  'not-presenter': 'De server ziet deze deck niet als presentator van de sessie.',
  'unknown-answer': 'Dat antwoord bestaat niet meer.',
  'already-joined': 'Deze verbinding hoort al bij een andere sessie. Laad de pagina opnieuw.',
  'unknown-exercise': 'De server kent deze casus niet. Start de server opnieuw, zodat hij de nieuwe slides kent.',
  'unknown-part':
    'De server kent dit deel van het plan niet. Start de server opnieuw, zodat hij de nieuwe plannen kent.',
  unavailable: 'De server kan zijn database even niet bereiken. Probeer het zo opnieuw.',
  'server-error': 'Er ging iets mis op de server. Probeer het opnieuw.',
};

type Request = 'present' | 'create-room' | 'action' | 'remote-link';

interface RemoteLinkWaiter {
  resolve: (token: string) => void;
  reject: (error: Error) => void;
}

/**
 * The presenter's side of the protocol: resume the stored room (`present`) or make a new one
 * (`create-room`, with the password when the server asks for it), keep the state the server sends,
 * and tell the server which poll is on screen.
 */
export class PresenterSession {
  private state: LiveState = EMPTY_LIVE_STATE;
  private room: PresenterRoom | null;
  private password: string | undefined;
  private passwordNeeded: boolean;
  private nextRef = 1;
  private readonly requests = new Map<number, Request>();
  /** Trainer-menu requests for a remote-control token, by ref. */
  private readonly remoteLinks = new Map<number, RemoteLinkWaiter>();
  private creating = false;

  constructor(
    config: LiveConfig,
    private readonly socket: SessionSocket,
    private readonly storage: Storage | null,
    private readonly hooks: SessionHooks,
    private readonly options: SessionOptions = {},
  ) {
    this.room = options.room ?? loadPresenterRoom(storage);
    this.passwordNeeded = config.passwordRequired;
  }

  /** Makes only its own rooms: neither the remote control nor the audience view does. */
  private get makesRooms(): boolean {
    return !this.options.room && !this.options.follower;
  }

  /** The audience view: present the room the console stored since, if not in it yet. */
  roomStored(): void {
    if (this.state.room || this.makesRooms) return;
    this.room = loadPresenterRoom(this.storage);
    if (this.room) this.opened();
  }

  get presenterRoom(): PresenterRoom | null {
    return this.room;
  }

  get liveState(): LiveState {
    return this.state;
  }

  start(): void {
    this.hooks.status('connecting');
    this.socket.connect();
  }

  /** The socket is (re)connected: resume the room or make one. */
  opened(): void {
    if (this.room) this.request('present', { type: 'present', room: this.room.room, key: this.room.key });
    else if (this.makesRooms) void this.createRoom(false);
    else this.hooks.status('no-session');
  }

  closed(): void {
    this.hooks.status('offline');
    for (const waiter of this.remoteLinks.values()) waiter.reject(new Error('de verbinding is weg'));
    this.remoteLinks.clear();
  }

  /** Tells the server which poll is on screen (null: a slide without poll). */
  show(poll: string | null): void {
    if (this.state.room) this.request('action', { type: 'show', poll });
  }

  act(action: Exclude<PresenterAction, { type: 'show' }>): boolean {
    if (!this.state.room) return false;
    return this.request('action', action) !== null;
  }

  /**
   * The remote-control token for the Trainer menu's QR code: the one made before, or (`renew`, or none
   * yet) a new one from the server, which makes the old link stop working.
   */
  remoteLink(renew: boolean): Promise<string> {
    const known = this.room?.remote;
    if (!renew && known) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const ref = this.state.room ? this.request('remote-link', { type: 'new-remote-link' }) : null;
      if (ref === null) reject(new Error('er is geen verbinding met de pollserver'));
      else this.remoteLinks.set(ref, { resolve, reject });
    });
  }

  /** Starts again after the presenter declined the password. */
  retry(): void {
    this.password = undefined;
    this.opened();
  }

  receive(message: ServerMessage): void {
    const ref = 'ref' in message ? message.ref : undefined;
    const request = ref !== undefined ? this.requests.get(ref) : undefined;
    const remoteLink = ref !== undefined ? this.remoteLinks.get(ref) : undefined;
    if (ref !== undefined) {
      this.requests.delete(ref);
      this.remoteLinks.delete(ref);
    }
    switch (message.type) {
      case 'remote-link':
        if (this.room?.room === message.room) {
          this.room = { ...this.room, remote: message.token };
          savePresenterRoom(this.storage, this.room);
        }
        remoteLink?.resolve(message.token);
        return;
      case 'room-created':
        this.room = { room: message.room, key: message.key };
        savePresenterRoom(this.storage, this.room);
        this.request('present', { type: 'present', room: message.room, key: message.key });
        return;
      case 'snapshot': {
        this.apply(message);
        this.hooks.status('connected');
        this.hooks.timer?.(message.timer);
        // Only the console with the room key tells the server what it shows after a reconnect: the
        // remote control and the audience view take the room as the server has it.
        if (!this.makesRooms) return;
        const onScreen = this.hooks.currentPoll();
        if ((message.current?.poll ?? null) !== onScreen) this.show(onScreen);
        // The deck's countdown went on while the connection was away (or the server restarted).
        const timer = this.hooks.currentTimer();
        if (timer !== null || message.timer !== null) this.act({ type: 'timer', timer });
        // The server keeps a part once however often it hears of it: after a reconnect it may have missed it.
        const part = this.hooks.currentPlanPart?.() ?? null;
        if (part) this.act({ type: 'plan-part', ...part });
        return;
      }
      case 'error':
        // The Trainer menu says what went wrong with a remote link itself.
        if (remoteLink) return remoteLink.reject(new Error(message.message));
        this.failed(request, message.code, message.message);
        return;
      case 'pending-page':
        this.hooks.pendingPage(message);
        return;
      case 'timer':
        this.hooks.timer?.(message.timer);
        return;
      default:
        this.apply(message);
    }
  }

  private apply(message: ServerMessage): void {
    const { state, changed } = applyServerMessage(this.state, message);
    this.state = state;
    if (changed === 'all' || changed === 'presence' || changed.length > 0) this.hooks.update(state, changed);
  }

  private failed(request: Request | undefined, code: ErrorCode, message: string): void {
    const roomGone = code === 'unknown-room' || code === 'not-presenter' || code === 'bad-message';
    if (request === 'present' && roomGone && !this.makesRooms) {
      this.hooks.status('no-session');
      this.hooks.refused?.(code);
      return;
    }
    if (request === 'present' && roomGone) {
      // The room is gone (deleted after the retention period, or another database): start a new one.
      forgetPresenterRoom(this.storage);
      this.room = null;
      void this.createRoom(false);
      return;
    }
    if (request === 'create-room' && (code === 'password-required' || code === 'wrong-password')) {
      this.password = undefined;
      this.passwordNeeded = true;
      void this.createRoom(code === 'wrong-password');
      return;
    }
    this.hooks.problem(PROBLEMS[code] ?? message);
  }

  private async createRoom(wrongPassword: boolean): Promise<void> {
    if (this.creating) return;
    this.creating = true;
    try {
      if (this.password === undefined && this.passwordNeeded) {
        const password = await this.hooks.askPassword(wrongPassword);
        if (password === null) {
          this.hooks.status('no-session');
          return;
        }
        this.password = password;
      }
      const message: ClientMessage =
        this.password === undefined ? { type: 'create-room' } : { type: 'create-room', password: this.password };
      this.request('create-room', message);
    } finally {
      this.creating = false;
    }
  }

  /** Sends with a fresh ref; the ref, or null when there is no connection. */
  private request(kind: Request, message: ClientMessage): number | null {
    const ref = this.nextRef++;
    if (!this.socket.send({ ...message, ref })) return null;
    this.requests.set(ref, kind);
    return ref;
  }
}
