import type { TimerState, ViewState } from '../shared/protocol.ts';

// The console and the audience view on one computer keep in step through a BroadcastChannel: no server
// needed, so it also works from disk and in a rehearsal. A window that opens (or reloads) says `hello`,
// and the others answer with what they know. With a poll server the same changes also travel through
// it, for a console on another device; every change carries its time, so the newer one wins.

export type ViewMessage =
  | { kind: 'hello' }
  | { kind: 'view'; view: ViewState }
  | { kind: 'timer'; timer: TimerState | null }
  /** The console stored a new room: the audience view presents it too. */
  | { kind: 'room' };

export interface ViewChannel {
  post(message: ViewMessage): void;
}

/** One channel per deck and plan: two decks open side by side do not steer each other. */
export function viewChannelName(location: Pick<Location, 'pathname' | 'search'>): string {
  const plan = new URLSearchParams(location.search).get('plan') ?? '';
  return `deck-view:${location.pathname}:${plan}`;
}

const isMessage = (data: unknown): data is ViewMessage =>
  typeof data === 'object' && data !== null && typeof (data as { kind?: unknown }).kind === 'string';

/** The channel, or one that carries nothing where the browser has no BroadcastChannel. */
export function openViewChannel(name: string, receive: (message: ViewMessage) => void): ViewChannel {
  if (typeof BroadcastChannel === 'undefined') return { post() {} };
  const channel = new BroadcastChannel(name);
  channel.addEventListener('message', (event: MessageEvent<unknown>) => {
    if (isMessage(event.data)) receive(event.data);
  });
  // Open as long as the page: the browser closes it when the window goes.
  return { post: (message) => channel.postMessage(message) };
}
