// What one instance of the poll server tells the others when it changed a room, so that phones on one
// instance and the presenter on another see the same room. Only the kind of change travels (and the
// poll): the data is in the database, and each instance reads it from there. The one exception is
// `presence`: how many participants are connected to the sending instance (see roomPresence).

export type RoomChangeKind = 'state' | 'votes' | 'timer' | 'moderation' | 'remote' | 'view' | 'presence';

export interface RoomChange {
  room: string;
  kind: RoomChangeKind;
  /** The poll that changed, for `state`, `votes` and `moderation`. */
  poll?: string;
  /** For `presence`: the participants connected to the sending instance. */
  participants?: number;
  /** Set on a change heard from another instance: which one (a random name per process). */
  from?: string;
}

/** What an instance does with the others' changes (see RoomSync). */
export interface RoomChangeListener {
  /** Another instance changed a room. */
  changed(change: RoomChange): void;
  /** Listening (again) after a gap in which changes may have been missed: reload every room held. */
  resync(): void;
}

/** How an instance tells the others; call `publish` after the change is committed. */
export interface RoomChangeFeed {
  publish(change: RoomChange): void;
  close(): Promise<void>;
}

/** One instance on its own database (SQLite): there is no one to tell. */
export const NO_OTHER_INSTANCES: RoomChangeFeed = {
  publish() {},
  async close() {},
};
