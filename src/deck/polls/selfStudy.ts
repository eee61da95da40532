import { buildAnswerForm } from '../../client/forms/answerForm.ts';
import { answersOnPick } from '../../client/forms/formBodies.ts';
import { FORM_WORDS_NL, fillIn, type FormWords, type Translate } from '../../client/forms/formWords.ts';
import type { VoteValue } from '../../shared/protocol.ts';
import { announce } from '../announcer.ts';
import type { PollSlide } from './pollSlides.ts';
import { browserStorage } from './presenterRoomStore.ts';
import { describeAnswer, isAnswerTo, loadAnswers, saveAnswer } from './selfStudyAnswers.ts';

// A poll in a deck without server: the reader answers in the phone's answer form, on the slide, and the
// answer stays in this browser.

/** The phone's Dutch words, but no trainer waits to approve, and a group writes for itself. */
const SELF_STUDY_WORDS: Partial<FormWords> = {
  moderated: '',
  groupHint: 'Schrijf de naam van je groep en jullie antwoorden op. Ze blijven in deze browser.',
};
const selfStudyWords: Translate = (key, values) => fillIn(SELF_STUDY_WORDS[key] ?? FORM_WORDS_NL[key], values);

function enableSelfStudy({ poll, element }: PollSlide, storage: Storage | null): void {
  const place = element.querySelector<HTMLElement>('.poll-answer');
  const saved = element.querySelector<HTMLElement>('.poll-saved');
  if (!place || !saved) return;
  element.classList.add('is-self-study');
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'poll-clear';
  clear.textContent = 'Wis mijn antwoord';
  const note = document.createElement('p');
  note.className = 'poll-self-note';
  note.textContent = 'Je antwoord blijft alleen in deze browser; niemand anders ziet het.';
  saved.after(clear, note);

  const show = (value: VoteValue | null): void => {
    saved.textContent = value === null ? '' : describeAnswer(poll, value);
    clear.hidden = value === null;
    element.dataset.answered = String(value !== null);
  };
  const store = (value: VoteValue | null): void => {
    saveAnswer(storage, poll.id, value);
    show(value);
  };
  // A choice or a point is kept as it is picked; text and a ranking with the button.
  const instant = answersOnPick(poll);
  const questionId = element.querySelector('.poll-question')?.id;
  const draw = (start: VoteValue | null): void => {
    const form = buildAnswerForm({
      poll,
      start,
      t: selfStudyWords,
      onSlide: true,
      submitLabel: instant ? null : 'Bewaar',
      onDraft: (value) => {
        if (instant) store(value);
      },
      onSubmit: store,
      announce,
    });
    if (questionId) form.element.setAttribute('aria-labelledby', questionId);
    place.replaceChildren(form.element);
  };

  const stored = loadAnswers(storage)[poll.id];
  const answer = isAnswerTo(poll, stored) ? stored : null;
  draw(answer);
  show(answer);
  clear.addEventListener('click', () => {
    store(null);
    draw(null);
    // The button hides itself: the focus goes back to the first answer.
    place.querySelector<HTMLElement>('input, textarea, button')?.focus();
  });
}

/** The deck without poll server: every poll slide lets the reader answer for themselves. */
export function startSelfStudy(slides: PollSlide[]): void {
  const storage = browserStorage();
  for (const slide of slides) enableSelfStudy(slide, storage);
}
