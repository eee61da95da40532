import type { ParticipantState } from '../client/participantState.ts';
import { participantViewKey, type ParticipantView } from '../client/participantView.ts';
import type { VoteValue } from '../shared/protocol.ts';
import type { PageLanguage } from './language.ts';
import { buildAnswerForm, type AnswerForm } from '../client/forms/answerForm.ts';
import { closedView, codeFormView, messageView, votedView } from './views.ts';

/** What the content area asks of the phone's app. */
export interface ContentActions {
  /** What the code field held, to give it back after a refused code. */
  typedCode(): string;
  submitCode(typed: string): void;
  /** The person wants to change the vote they sent. */
  edit(): void;
  /** What the person entered but did not send (kept without drawing again). */
  draft(key: string, value: VoteValue | null): void;
  vote(value: VoteValue): void;
  announce(text: string): void;
}

/**
 * The phone's content area: the code field, a message, or the poll with its form or the stored vote,
 * drawn from the participant view. It is rebuilt only when the view changes, so typing is never wiped.
 */
export class ParticipantContent {
  private form: AnswerForm | null = null;
  private renderedKey = '';
  /** The room view on screen: `waiting`, a poll round's key, or null before the first one. */
  private shownView: string | null = null;
  private focusConfirmation = false;

  constructor(
    private readonly content: HTMLElement,
    private readonly language: PageLanguage,
    private readonly actions: ContentActions,
  ) {}

  /** The form on screen, if any: to say it is sending, or what went wrong. */
  get pollForm(): AnswerForm | null {
    return this.form;
  }

  /** The next time the stored vote shows, focus goes to its confirmation (the server just took it). */
  confirmNext(): void {
    this.focusConfirmation = true;
  }

  /** Draws again even if nothing changed (the same mistake, said again). */
  redraw(): void {
    this.renderedKey = '';
  }

  /** Draws `view` when what it shows changed, keeping focus where the person is. */
  render(view: ParticipantView, state: ParticipantState): void {
    const key = `${this.language.current}|${state.code ?? ''}|${participantViewKey(view)}`;
    if (key === this.renderedKey) return;
    this.renderedKey = key;
    const { t } = this.language;
    const { content } = this;
    const hadFocus = content.contains(document.activeElement);
    this.form = null;
    switch (view.kind) {
      case 'self-study':
        content.replaceChildren(messageView(t, 'noServerTitle', 'noServer'));
        return;
      case 'code':
        content.replaceChildren(
          codeFormView(t, { value: this.actions.typedCode(), error: view.error, onSubmit: this.actions.submitCode }),
        );
        return;
      case 'joining':
      case 'polls-loading':
        content.replaceChildren(messageView(t, 'connecting', 'waitingText'));
        return;
      case 'polls-failed':
        content.replaceChildren(messageView(t, 'deckFailed', 'waitingText'));
        return;
      case 'waiting':
        this.shownView = 'waiting';
        content.replaceChildren(messageView(t, 'waitingTitle', 'waitingText', 'joined'));
        this.focusHeading(hadFocus);
        return;
      case 'poll':
        this.renderPoll(view, state, hadFocus);
    }
  }

  private renderPoll(
    view: Extract<ParticipantView, { kind: 'poll' }>,
    state: ParticipantState,
    hadFocus: boolean,
  ): void {
    const { t } = this.language;
    const { content } = this;
    const { poll, key, vote } = view;
    if (this.shownView !== key) {
      // The presenter moved on: say so, unless focus moves to the new question (then it is read anyway)
      // or this is the first thing shown after joining.
      if (this.shownView !== null && !hadFocus) this.actions.announce(t('newQuestion', { question: poll.question }));
      this.shownView = key;
    }
    if (view.mode === 'closed') {
      content.replaceChildren(closedView(t, { poll, vote }));
      this.focusHeading(hadFocus);
    } else if (view.mode === 'voted' && vote !== null) {
      const voted = votedView(t, {
        poll,
        vote,
        onChange: () => {
          this.actions.edit();
          // Back on the form, the keyboard lands where Tab would: on the chosen option if there is one.
          const chosen = content.querySelector<HTMLElement>('input:checked');
          (chosen ?? content.querySelector<HTMLElement>('input, textarea, button:not([disabled])'))?.focus();
        },
      });
      content.replaceChildren(voted.element);
      if (this.focusConfirmation) voted.focusTarget.focus();
      else this.focusHeading(hadFocus);
    } else {
      const { drafts } = state;
      this.form = buildAnswerForm({
        poll,
        start: drafts.has(key) ? (drafts.get(key) ?? null) : vote,
        t,
        // A draft changes nothing on screen: kept without drawing again.
        onDraft: (value) => this.actions.draft(key, value),
        onSubmit: this.actions.vote,
        announce: this.actions.announce,
      });
      if (state.pending) this.form.setBusy(true);
      content.replaceChildren(this.form.element);
      this.focusHeading(hadFocus);
    }
    this.focusConfirmation = false;
  }

  /** When the presenter's move took away the element that had focus, focus goes to the new heading. */
  private focusHeading(hadFocus: boolean): void {
    if (!hadFocus) return;
    const heading = this.content.querySelector<HTMLElement>('h1');
    heading?.setAttribute('tabindex', '-1');
    heading?.focus();
  }
}
