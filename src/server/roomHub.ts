import type { ClientConnection, Role } from './clientConnection.ts';
import type { PollCatalog } from './pollCatalog.ts';
import { LiveRoom } from './liveRoom.ts';
import { ResultsBroadcaster, type BroadcastTimings } from './resultsBroadcaster.ts';
import { RoomPresence } from './roomPresence.ts';
import type { Store } from './store/Store.ts';

// The rooms in memory: loaded from the store when the first client arrives, dropped when the last one
// has gone. A room is also kept while a join or present is half-way (`acquire` … `release`), so a
// client never attaches to a room that was just dropped.

export interface RoomEntry {
  room: LiveRoom;
  broadcaster: ResultsBroadcaster;
  /** Joins and presents in progress. */
  holds: number;
  /** The room's peak of participants connected at once, as stored (see notePeak). */
  peakParticipants: number;
  /** The highest count seen here, stored or not yet. */
  peakSeen: number;
  /** A peak is being stored: a higher one seen meanwhile is stored after it. */
  storingPeak: boolean;
}

export class RoomHub {
  /** Rooms being loaded or loaded; `live` holds the loaded ones, to tell a stale entry from the current. */
  private readonly loaded = new Map<string, Promise<RoomEntry | null>>();
  private readonly live = new Map<string, RoomEntry>();
  /** The participants of each room over every instance. */
  readonly presence = new RoomPresence();

  constructor(
    private readonly store: Store,
    private readonly catalog: PollCatalog,
    private readonly timings: BroadcastTimings,
  ) {}

  /** The room, held until `release`; null when it does not exist. */
  async acquire(code: string): Promise<RoomEntry | null> {
    let loading = this.loaded.get(code);
    if (!loading) {
      loading = this.load(code);
      this.loaded.set(code, loading);
    }
    const entry = await loading;
    if (!entry) {
      if (this.loaded.get(code) === loading) this.loaded.delete(code);
      return null;
    }
    entry.holds++;
    return entry;
  }

  release(entry: RoomEntry): void {
    entry.holds--;
    this.dropIfUnused(entry);
  }

  /** Puts the connection in the room (out of any room it was in before). */
  attach(connection: ClientConnection, entry: RoomEntry, role: Role, participant: string | null): void {
    this.detach(connection);
    if (role === 'presenter') entry.room.addPresenter(connection);
    else if (participant !== null) entry.room.addParticipant(connection, participant);
    connection.membership = { entry, role, participant };
    if (role === 'participant') this.presence.changed(entry.room);
    entry.broadcaster.presenceChanged();
    // The room's count over every instance (RoomPresence), as its presenter sees it.
    entry.peakSeen = Math.max(entry.peakSeen, this.presence.participants(entry.room));
    if (entry.peakSeen > entry.peakParticipants && !entry.storingPeak) void this.storePeak(entry);
  }

  /**
   * For the session report, without holding up the join: one write per room at a time, each with the
   * highest count by then (5,000 joins, one write each, queued on the room's row and took the store's
   * connections from the votes). One that fails is tried again at the next join.
   */
  private async storePeak(entry: RoomEntry): Promise<void> {
    entry.storingPeak = true;
    try {
      while (entry.peakSeen > entry.peakParticipants) {
        const peak = entry.peakSeen;
        await this.store.noteParticipants(entry.room.code, peak);
        entry.peakParticipants = peak;
      }
    } catch (error) {
      console.error('peak of participants not stored:', error instanceof Error ? error.message : error);
    } finally {
      entry.storingPeak = false;
    }
  }

  detach(connection: ClientConnection): void {
    const membership = connection.membership;
    if (!membership) return;
    connection.membership = null;
    membership.entry.room.remove(connection, membership.participant);
    if (membership.role === 'participant') this.presence.changed(membership.entry.room);
    membership.entry.broadcaster.presenceChanged();
    this.dropIfUnused(membership.entry);
  }

  /** Rooms deleted from the store (retention): their clients are told and let go. */
  forget(codes: string[], tell: (connection: ClientConnection) => void): void {
    for (const code of codes) {
      const loading = this.loaded.get(code);
      if (!loading) continue;
      this.loaded.delete(code);
      this.live.delete(code);
      void loading.then((entry) => {
        if (!entry) return;
        entry.broadcaster.stop();
        for (const connection of [...entry.room.presenters, ...entry.room.participants]) {
          connection.membership = null;
          tell(connection);
        }
      });
    }
  }

  /** The room when it is loaded here, for changes made on another instance; undefined otherwise. */
  liveEntry(code: string): RoomEntry | undefined {
    return this.live.get(code);
  }

  liveEntries(): IterableIterator<RoomEntry> {
    return this.live.values();
  }

  stop(): void {
    this.presence.stop();
    for (const loading of this.loaded.values()) void loading.then((entry) => entry?.broadcaster.stop());
    this.loaded.clear();
    this.live.clear();
  }

  private async load(code: string): Promise<RoomEntry | null> {
    const record = await this.store.getRoom(code);
    if (!record) return null;
    const room = new LiveRoom(code, record.keyHash, record.currentPoll, await this.store.pollStates(code));
    room.setTimer(record.timer);
    room.remoteHash = record.remoteHash;
    room.view = record.view;
    const broadcaster = new ResultsBroadcaster(room, this.store, this.catalog, this.timings, this.presence);
    await broadcaster.recomputeAll();
    const peak = record.peakParticipants;
    const entry = { room, broadcaster, holds: 0, peakParticipants: peak, peakSeen: peak, storingPeak: false };
    this.live.set(code, entry);
    return entry;
  }

  private dropIfUnused(entry: RoomEntry): void {
    if (entry.holds > 0 || entry.room.connectionCount > 0) return;
    entry.broadcaster.stop();
    if (this.live.get(entry.room.code) !== entry) return;
    this.live.delete(entry.room.code);
    this.loaded.delete(entry.room.code);
  }
}
