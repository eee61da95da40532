import type { Audience } from '../shared/aggregate.ts';
import { aggregate } from '../shared/pollTypes/rules.ts';
import { isModerated, type Poll } from '../shared/deck.ts';
import type { OpenAnswer, PollResults, PollState, Results } from '../shared/protocol.ts';
import { pageOfResults, pendingAnswers } from './answerPage.ts';
import { Coalescer } from './coalescer.ts';
import { sendInSlices } from './phoneChannel.ts';
import type { PollCatalog } from './pollCatalog.ts';
import type { LiveRoom } from './liveRoom.ts';
import type { RoomPresence } from './roomPresence.ts';
import type { Store } from './store/Store.ts';

// Keeps a room's results current and tells its clients, without the work growing with votes ×
// participants: a committed vote only marks its poll dirty; one timer recomputes each dirty poll once
// from the stored votes and sends the result to the presenters (with no presenter on this instance, it
// counts only when its phones need the results); phones get the results of the poll on screen (when
// revealed) a few times a second at most. Presence is coalesced the same way.
//
// A coalesced update goes to the phones in slices (see phoneChannel) that keep each kind of update
// (results, presence) to a quarter of the server's time, however many phones listen; each slice sends
// what is current by then. Results go through the room's phone channel, after any state change queued
// before them, so a phone never sees a round's results before the state that starts the round.

export interface BroadcastTimings {
  /** Presenter results: first update this soon after a vote, then at most once per interval. */
  presenterDelayMs: number;
  presenterIntervalMs: number;
  participantDelayMs: number;
  participantIntervalMs: number;
  presenceDelayMs: number;
  presencePresenterIntervalMs: number;
  presenceParticipantIntervalMs: number;
}

export const DEFAULT_TIMINGS: BroadcastTimings = {
  presenterDelayMs: 5,
  presenterIntervalMs: 33,
  participantDelayMs: 50,
  participantIntervalMs: 333,
  presenceDelayMs: 20,
  presencePresenterIntervalMs: 100,
  presenceParticipantIntervalMs: 1000,
};

/** The share of the server's time coalesced updates to the phones may take while they are being sent. */
const PHONE_UPDATE_SHARE = 0.25;

export class ResultsBroadcaster {
  private readonly dirty = new Set<string>();
  private readonly publicDirty = new Set<string>();
  /**
   * Polls with votes not counted yet because no presenter is on this instance (with several, the
   * phones' instance): counted only when phones or a presenter need them, not 30 times a second.
   */
  private readonly uncounted = new Set<string>();
  private readonly presenterUpdates: Coalescer;
  private readonly participantUpdates: Coalescer;
  private readonly presenterPresence: Coalescer;
  private readonly participantPresence: Coalescer;
  private stopped = false;

  constructor(
    private readonly room: LiveRoom,
    private readonly store: Store,
    private readonly catalog: PollCatalog,
    timings: BroadcastTimings,
    presence: RoomPresence,
  ) {
    this.presenterUpdates = new Coalescer(
      () => this.flushPresenters(),
      timings.presenterDelayMs,
      timings.presenterIntervalMs,
    );
    // The slices rest by themselves: a big room's next update may follow soon after the last slice.
    this.participantUpdates = new Coalescer(
      () => this.flushParticipants(),
      timings.participantDelayMs,
      timings.participantIntervalMs,
      undefined,
      'start',
    );
    const message = () => ({ type: 'presence', participants: presence.participants(this.room) }) as const;
    this.presenterPresence = new Coalescer(
      () => this.room.sendToPresenters(message(), true),
      timings.presenceDelayMs,
      timings.presencePresenterIntervalMs,
    );
    this.participantPresence = new Coalescer(
      () =>
        sendInSlices(
          [...this.room.participants],
          () => (this.stopped ? null : JSON.stringify(message())),
          (phone) => this.room.participants.has(phone),
          { share: PHONE_UPDATE_SHARE, droppable: true },
        ),
      timings.presenceDelayMs,
      timings.presenceParticipantIntervalMs,
    );
  }

  /** A vote (or an approval) of `poll` was committed. */
  votesChanged(poll: string): void {
    this.dirty.add(poll);
    this.presenterUpdates.request();
  }

  presenceChanged(): void {
    this.presenterPresence.request();
    this.participantPresence.request();
  }

  /**
   * Brings the results of polls with votes not yet broadcast up to date, for a presenter's snapshot
   * (rare, unlike a participant's join). They stay marked, so the coalesced broadcast still goes out.
   */
  async recomputePending(): Promise<void> {
    for (const poll of [...this.dirty, ...this.uncounted]) {
      this.uncounted.delete(poll);
      await this.recompute(poll);
    }
  }

  /** Recomputes every poll that has a state; for a room that was just loaded. */
  async recomputeAll(): Promise<void> {
    for (const poll of this.room.states.keys()) await this.recompute(poll);
  }

  /**
   * After the presenter changed a poll's state: recompute it now (a reset starts an empty round) and
   * send the presenters its results, and the phones too when it is on screen and revealed.
   */
  async publishNow(poll: string): Promise<void> {
    this.dirty.delete(poll);
    this.uncounted.delete(poll);
    await this.recompute(poll);
    const results = this.room.presenterResults.get(poll);
    if (results) this.room.sendToPresenters({ type: 'results', results });
    this.publicDirty.delete(poll);
    this.sendPublic(poll);
  }

  stop(): void {
    this.stopped = true;
    this.room.phones.stop();
    for (const coalescer of [
      this.presenterUpdates,
      this.participantUpdates,
      this.presenterPresence,
      this.participantPresence,
    ]) {
      coalescer.stop();
    }
  }

  /** Every answer of the poll's current round that waits for approval, oldest first (for `pending`). */
  async pendingOf(poll: Poll): Promise<{ round: number; pending: OpenAnswer[] }> {
    const round = this.room.states.get(poll.id)?.round ?? 1;
    const { results } = await this.roundResults(poll, round);
    return { round, pending: pendingAnswers(results('presenter')) };
  }

  private async recompute(pollId: string): Promise<void> {
    const state = this.room.states.get(pollId);
    const poll = this.catalog.find(pollId);
    if (!state || !poll) return;
    const { voters, results } = await this.roundResults(poll, state.round);
    // Only a page of the answers goes out: see answerPage.
    const resultsFor = (audience: Audience): PollResults => ({
      poll: pollId,
      round: state.round,
      voters,
      results: pageOfResults(results(audience)),
    });
    const forPresenter = resultsFor('presenter');
    this.room.presenterResults.set(pollId, forPresenter);
    this.room.publicResults.set(pollId, isModerated(poll) ? resultsFor('public') : forPresenter);
  }

  private async roundResults(poll: Poll, round: number) {
    const votes = await this.store.votesOfRound(this.room.code, poll.id, round);
    const removed = new Set(
      poll.type === 'wordcloud' ? await this.store.removedWords(this.room.code, poll.id, round) : [],
    );
    return {
      voters: votes.length,
      results: (audience: Audience): Results => aggregate(poll, votes, audience, removed),
    };
  }

  private async flushPresenters(): Promise<void> {
    const polls = [...this.dirty];
    this.dirty.clear();
    for (const poll of polls) {
      if (this.room.presenters.size === 0) this.uncounted.add(poll);
      else {
        this.uncounted.delete(poll);
        await this.recompute(poll);
        const results = this.room.presenterResults.get(poll);
        if (results) this.room.sendToPresenters({ type: 'results', results }, true);
      }
      if (this.isOnScreenForPhones(poll)) {
        this.publicDirty.add(poll);
        this.participantUpdates.request();
      }
    }
  }

  private async flushParticipants(): Promise<void> {
    const polls = [...this.publicDirty];
    this.publicDirty.clear();
    for (const poll of polls) {
      if (this.uncounted.delete(poll)) await this.recompute(poll);
      let serialised: { results: PollResults; bytes: Buffer } | null = null;
      // Pinned to the poll's state when the sending starts: after a change (a reset, hidden) the rest
      // of the phones get nothing from here; the change brings its own results, after its state.
      let pinned: PollState | undefined;
      await this.room.phones.send(
        () => {
          const state = this.room.states.get(poll);
          pinned ??= state;
          const results = this.room.publicResults.get(poll);
          if (this.stopped || !results || state !== pinned || !this.isOnScreenForPhones(poll)) return null;
          if (serialised?.results !== results)
            serialised = { results, bytes: Buffer.from(JSON.stringify({ type: 'results', results })) };
          return serialised.bytes;
        },
        { share: PHONE_UPDATE_SHARE, droppable: true },
      );
    }
  }

  /** Phones show only the current poll, and its results only while they are revealed. */
  private isOnScreenForPhones(poll: string): boolean {
    return this.room.current === poll && this.room.states.get(poll)?.revealed === true;
  }

  private sendPublic(poll: string): void {
    const results = this.room.publicResults.get(poll);
    if (results && this.isOnScreenForPhones(poll)) this.room.sendToParticipants({ type: 'results', results });
  }
}
