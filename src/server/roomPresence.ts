import type { LiveRoom } from './liveRoom.ts';

// How many participants a room has, over every instance of the server. Each instance counts the phones
// connected to it (LiveRoom) and tells the others its count per room, through the same feed as the
// room changes: soon after it changes, and again every REPEAT_MS while the room has phones, so an
// instance that starts (or listens again) learns the others' counts, and the count of an instance that
// died without a word expires. A phone with two tabs on two instances counts twice.

/** An instance's changed count goes out at most this often per room (one short notification each). */
const PUBLISH_MS = 1000;
/** Counts are repeated this often, and forgotten when not repeated for EXPIRES_MS. */
const REPEAT_MS = 5000;
const EXPIRES_MS = 3 * REPEAT_MS;

interface HeardCount {
  participants: number;
  at: number;
}

export interface PresenceLink {
  /** Tells the other instances this instance's count for a room. */
  tell(room: string, participants: number): void;
  /** The rooms this instance holds, for the repeats. */
  rooms(): Iterable<LiveRoom>;
  /** The total of a room changed because of another instance: tell its presenters. */
  totalChanged(room: string): void;
}

export class RoomPresence {
  /** Per room, per other instance, its count. */
  private readonly others = new Map<string, Map<string, HeardCount>>();
  private readonly pending = new Map<string, LiveRoom>();
  private link: PresenceLink | null = null;
  private publishTimer: NodeJS.Timeout | null = null;
  private repeatTimer: NodeJS.Timeout | null = null;

  constructor(private readonly now: () => number = Date.now) {}

  /** The room's participants on every instance: this one's, and what the others last said. */
  participants(room: LiveRoom): number {
    let total = room.participantCount;
    const now = this.now();
    for (const heard of this.others.get(room.code)?.values() ?? []) {
      if (now - heard.at < EXPIRES_MS) total += heard.participants;
    }
    return total;
  }

  /** With other instances (PostgreSQL): start telling them, and repeating. */
  connect(link: PresenceLink): void {
    this.link = link;
    this.repeatTimer = setInterval(() => this.repeat(), REPEAT_MS);
    this.repeatTimer.unref();
  }

  /** This instance's count of the room changed; the others hear it within PUBLISH_MS. */
  changed(room: LiveRoom): void {
    if (!this.link) return;
    this.pending.set(room.code, room);
    this.publishTimer ??= setTimeout(() => this.publish(), PUBLISH_MS);
  }

  /** Another instance's count of a room. */
  heard(room: string, instance: string, participants: number): void {
    let counts = this.others.get(room);
    if (!counts) this.others.set(room, (counts = new Map()));
    const before = counts.get(instance)?.participants;
    if (participants === 0) counts.delete(instance);
    else counts.set(instance, { participants, at: this.now() });
    if (counts.size === 0) this.others.delete(room);
    if ((before ?? 0) !== participants) this.link?.totalChanged(room);
  }

  stop(): void {
    if (this.publishTimer) clearTimeout(this.publishTimer);
    if (this.repeatTimer) clearInterval(this.repeatTimer);
    this.publishTimer = this.repeatTimer = null;
    this.link = null;
  }

  private publish(): void {
    this.publishTimer = null;
    for (const room of this.pending.values()) this.link?.tell(room.code, room.participantCount);
    this.pending.clear();
  }

  private repeat(): void {
    if (!this.link) return;
    for (const room of this.link.rooms()) {
      if (room.participantCount > 0 && !this.pending.has(room.code)) this.link.tell(room.code, room.participantCount);
    }
    const now = this.now();
    for (const [room, counts] of this.others) {
      for (const [instance, heard] of counts) {
        if (now - heard.at < EXPIRES_MS) continue;
        counts.delete(instance);
        this.link.totalChanged(room);
      }
      if (counts.size === 0) this.others.delete(room);
    }
  }
}
