import type { BudgetRate } from './addressBudget.ts';

// The budgets that keep one person to one voice and keep scripts from filling the server, with the
// reasons for their sizes. PARTICIPANTS_PER_ADDRESS and ROOMS_PER_ADDRESS set the two bursts that
// depend most on the venue (see settings.ts); tests make every one small.

export interface ParticipantLimits {
  /**
   * New participant identities per address (IPv6: per /64). A whole room behind one venue's NAT scans
   * the QR code within a minute or two: 600 at once covers a large hall, and the budget is full again
   * two minutes later for the next session. A script opening connections in a loop gets 600, then 5
   * a second; the presenter sees each one in the participant count.
   */
  newIdentities: BudgetRate;
  /**
   * New rooms per address: a trainer needs one per workshop, a conference with many parallel sessions
   * behind one NAT a few dozen; 30, back in an hour, keeps a script from filling the disk with rooms.
   */
  newRooms: BudgetRate;
  /**
   * Wrong PRESENTER_PASSWORD guesses per address: ten, then one a minute. Only wrong guesses count, so
   * trainers who type it right are never held up, and an attacker's address runs out on its own.
   */
  passwordFailures: BudgetRate;
  /**
   * Wrong guesses from all addresses together: a backstop against guessing from many addresses at
   * once, large enough that a few mistyping trainers and one attacker never reach it.
   */
  passwordFailuresOverall: BudgetRate;
  /**
   * Snapshots (answers to `join` and `present`) per connection: a client needs one per connection
   * (a reconnect is a new connection). A snapshot is the largest message there is, so a client asking
   * again and again gets `rate-limited` long before the general message limit.
   */
  snapshots: BudgetRate;
  /**
   * Votes for a poll the presenter just moved away from still count this long, so a phone that was
   * sending its answer when the slide changed is not lost. After that: `not-current`.
   */
  voteGraceMs: number;
}

export const DEFAULT_LIMITS: ParticipantLimits = {
  newIdentities: { burst: 600, refillSeconds: 120 },
  newRooms: { burst: 30, refillSeconds: 3600 },
  passwordFailures: { burst: 10, refillSeconds: 600 },
  passwordFailuresOverall: { burst: 200, refillSeconds: 600 },
  snapshots: { burst: 5, refillSeconds: 10 },
  voteGraceMs: 15_000,
};

/** The limits with the bursts of PARTICIPANTS_PER_ADDRESS and ROOMS_PER_ADDRESS (refill times stay). */
export function limitsWithBursts(
  bursts: { participantsPerAddress?: number; roomsPerAddress?: number },
  limits: ParticipantLimits = DEFAULT_LIMITS,
): ParticipantLimits {
  const { participantsPerAddress, roomsPerAddress } = bursts;
  return {
    ...limits,
    newIdentities: { ...limits.newIdentities, burst: participantsPerAddress ?? limits.newIdentities.burst },
    newRooms: { ...limits.newRooms, burst: roomsPerAddress ?? limits.newRooms.burst },
  };
}
