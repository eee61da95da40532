import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Participant identities are issued by the server, not made up by the phone: `<id>.<tag>`, a random id
// and an HMAC over room and id with the server's secret. A script cannot mint identities to vote again,
// and since the tag covers the room, an identity is worth nothing in another room: a phone gets a new
// id in every room, so its answers in one workshop cannot be linked to those in another.

/** 128 random bits for the id, and 128 bits of the HMAC-SHA256 as the tag: both 22 base64url characters. */
const ID_BYTES = 16;
const TAG_BYTES = 16;

export interface IssuedIdentity {
  /** What the phone keeps and presents again: `<id>.<tag>`. */
  identity: string;
  /** The id alone: what the votes are stored under. */
  participant: string;
}

export class IdentityIssuer {
  constructor(private readonly secret: Buffer) {}

  issue(room: string): IssuedIdentity {
    const participant = randomBytes(ID_BYTES).toString('base64url');
    return { identity: `${participant}.${this.tag(room, participant).toString('base64url')}`, participant };
  }

  /** The participant id of an identity issued for `room`; null for any other (forged, another room's). */
  verify(room: string, identity: string): string | null {
    const [participant, tag, ...rest] = identity.split('.');
    if (participant === undefined || tag === undefined || rest.length > 0) return null;
    // Compared as text: base64url has several spellings of the same bytes (the last character carries
    // spare bits), and only the one the server wrote is that identity.
    const given = Buffer.from(tag);
    const expected = Buffer.from(this.tag(room, participant).toString('base64url'));
    return given.length === expected.length && timingSafeEqual(given, expected) ? participant : null;
  }

  private tag(room: string, participant: string): Buffer {
    return createHmac('sha256', this.secret).update(`${room}\u0000${participant}`).digest().subarray(0, TAG_BYTES);
  }
}
