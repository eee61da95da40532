import { randomBytes } from 'node:crypto';
import { expect, it } from 'vitest';
import { IdentityIssuer } from '../../src/server/participantIdentity.ts';

// An identity is valid in exactly one spelling: base64url gives the same bytes for several last
// characters (spare bits), and none of those others may count as the same participant.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

it('accepts an identity only as the server wrote it, not with another last character', () => {
  const issuer = new IdentityIssuer(randomBytes(32));
  for (let k = 0; k < 20; k++) {
    const { identity, participant } = issuer.issue('K7Q4PM');
    expect(issuer.verify('K7Q4PM', identity)).toBe(participant);
    const variants = [...ALPHABET].map((last) => identity.slice(0, -1) + last).filter((v) => v !== identity);
    expect(variants.filter((variant) => issuer.verify('K7Q4PM', variant) !== null)).toEqual([]);
    expect(issuer.verify('ANDERE', identity)).toBeNull();
  }
});
