import type { PollState } from '../shared/protocol.ts';
import { cutOffRemotes } from './remoteLink.ts';
import type { RoomChange, RoomChangeListener } from './roomChanges.ts';
import type { RoomEntry, RoomHub } from './roomHub.ts';
import type { Store } from './store/Store.ts';

// Another instance changed a room that this one holds: read what changed from the database, bring the
// room in memory up to date, and tell this instance's clients as if the change had been made here.
// Results always come from the stored votes, so a vote on another instance only marks its poll dirty.

const sameState = (a: PollState | undefined, b: PollState): boolean =>
  a !== undefined && a.round === b.round && a.open === b.open && a.revealed === b.revealed;

export class RoomSync implements RoomChangeListener {
  constructor(
    private readonly hub: RoomHub,
    private readonly store: Store,
  ) {}

  changed(change: RoomChange): void {
    // Counts are kept for rooms not held here too: a presenter who comes here later sees the total.
    if (change.kind === 'presence') {
      if (change.from !== undefined && change.participants !== undefined)
        this.hub.presence.heard(change.room, change.from, change.participants);
      return;
    }
    const entry = this.hub.liveEntry(change.room);
    if (entry) this.run(this.apply(entry, change));
  }

  resync(): void {
    for (const entry of this.hub.liveEntries()) this.run(this.reload(entry));
  }

  private run(work: Promise<void>): void {
    work.catch((error: unknown) => console.error('room sync:', error instanceof Error ? error.message : error));
  }

  private async apply(entry: RoomEntry, change: RoomChange): Promise<void> {
    switch (change.kind) {
      case 'votes':
      case 'moderation':
        if (change.poll) entry.broadcaster.votesChanged(change.poll);
        return;
      case 'state':
        return this.reloadStates(entry);
      case 'timer':
      case 'remote':
      case 'view':
        return this.reloadRoom(entry);
      case 'presence':
        return;
    }
  }

  /** Everything, after a gap in which notifications may have been lost. */
  private async reload(entry: RoomEntry): Promise<void> {
    await this.reloadStates(entry);
    await this.reloadRoom(entry);
    for (const poll of entry.room.states.keys()) entry.broadcaster.votesChanged(poll);
  }

  private async reloadStates(entry: RoomEntry): Promise<void> {
    const { room, broadcaster } = entry;
    const [record, states] = await Promise.all([this.store.getRoom(room.code), this.store.pollStates(room.code)]);
    if (!record) return;
    const changed = states.filter((state) => !sameState(room.states.get(state.poll), state));
    for (const state of changed) room.states.set(state.poll, state);
    const previous = room.currentState();
    room.show(record.currentPoll, Date.now());
    const current = room.currentState();
    for (const state of changed) {
      room.sendToEveryone({ type: 'state', current, changed: state });
      await broadcaster.publishNow(state.poll);
    }
    // Another poll on screen whose state itself did not change: say so, as a `show` here would.
    if (record.currentPoll !== previous?.poll && !changed.some((state) => state.poll === record.currentPoll)) {
      const shown = current ?? previous;
      if (shown) room.sendToEveryone({ type: 'state', current, changed: shown });
      if (current) await broadcaster.publishNow(current.poll);
    }
  }

  /** The countdown, the remote-control token and the audience view, which live on the room's row. */
  private async reloadRoom(entry: RoomEntry): Promise<void> {
    const { room } = entry;
    const record = await this.store.getRoom(room.code);
    if (!record) return;
    if (JSON.stringify(record.timer) !== JSON.stringify(room.storedTimer())) {
      room.setTimer(record.timer);
      room.sendToEveryone({ type: 'timer', timer: room.timerNow(Date.now()) });
    }
    if (record.view && JSON.stringify(record.view) !== JSON.stringify(room.view)) {
      room.view = record.view;
      room.sendToPresenters({ type: 'view', view: record.view });
    }
    if (record.remoteHash !== room.remoteHash) {
      room.remoteHash = record.remoteHash;
      cutOffRemotes(this.hub, room);
    }
  }
}
