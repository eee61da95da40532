// Who goes where in the bench: phones are dealt over the rooms in turn; room r's presenter is on
// instance r mod K; with several instances a quarter of a room's phones share the presenter's instance
// and the rest are dealt over the others, so most votes reach the presenter through another instance
// (the hosted shape behind a load balancer).

/** Phones of a room on its presenter's instance, when there are several: one in SAME_INSTANCE_EVERY. */
const SAME_INSTANCE_EVERY = 4;

export class Placement {
  constructor(
    readonly rooms: number,
    readonly instances: number,
  ) {}

  roomOf(phone: number): number {
    return phone % this.rooms;
  }

  presenterInstance(room: number): number {
    return room % this.instances;
  }

  phoneInstance(phone: number): number {
    const room = this.roomOf(phone);
    const presenter = this.presenterInstance(room);
    if (this.instances === 1) return presenter;
    const inRoom = Math.floor(phone / this.rooms);
    if (inRoom % SAME_INSTANCE_EVERY === 0) return presenter;
    // The how-manieth of the room's phones not on the presenter's instance, dealt over the others.
    const elsewhere = inRoom - Math.floor(inRoom / SAME_INSTANCE_EVERY) - 1;
    return (presenter + 1 + (elsewhere % (this.instances - 1))) % this.instances;
  }

  /** Where most phones of the first room are: the probes of presenterActions.ts join there. */
  probeInstance(): number {
    return this.instances === 1 ? 0 : (this.presenterInstance(0) + 1) % this.instances;
  }
}

/**
 * Phones per source address. A real audience comes from one venue's NAT and from many mobile
 * networks at once, and the server budgets new participants per address (600 at once by default):
 * phone k connects from 127.0.0.(2 + k / 250), Linux routes all of 127.0.0.0/8 to the loopback device.
 */
const PHONES_PER_ADDRESS = 250;

export function sourceAddress(phone: number): string {
  const block = Math.floor(phone / PHONES_PER_ADDRESS);
  // 127.0.0.2 … 127.0.0.254, then 127.0.1.x: 63,000 phones before the third byte moves.
  return `127.0.${Math.floor(block / 253)}.${2 + (block % 253)}`;
}

/** Each presenter from an address of its own (a trainer per venue), apart from the phones': 127.0.200.x. */
export function presenterAddress(room: number): string {
  return `127.${200 + Math.floor(room / 253)}.0.${2 + (room % 253)}`;
}
