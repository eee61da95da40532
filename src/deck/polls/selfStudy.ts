import type { Poll } from '../../shared/deck.ts';
import type { VoteValue } from '../../shared/protocol.ts';
import type { PollSlide } from './pollSlides.ts';
import { browserStorage } from './presenterRoomStore.ts';
import { describeAnswer, isAnswerTo, loadAnswers, saveAnswer } from './selfStudyAnswers.ts';

function checkedValues(form: HTMLFormElement): number[] {
  return Array.from(form.querySelectorAll<HTMLInputElement>('input[name="answer"]:checked'), (input) =>
    Number(input.value),
  );
}

function rankingOrder(form: HTMLFormElement): number[] {
  return Array.from(form.querySelectorAll<HTMLElement>('.poll-ranking li'), (item) => Number(item.dataset.option));
}

/** Puts a stored answer back into the form. */
function fillForm(form: HTMLFormElement, poll: Poll, value: VoteValue): void {
  if (typeof value === 'string') {
    const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>('[name="answer"]');
    if (field) field.value = value;
    return;
  }
  if (poll.type === 'ranking' && Array.isArray(value)) {
    const list = form.querySelector('.poll-ranking');
    const items = new Map(
      Array.from(list?.querySelectorAll<HTMLElement>('li') ?? [], (item) => [Number(item.dataset.option), item]),
    );
    list?.replaceChildren(...value.map((k) => items.get(k)).filter((item) => item !== undefined));
    return;
  }
  const chosen = new Set((Array.isArray(value) ? value : [value]).map(String));
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="answer"]')) {
    input.checked = chosen.has(input.value);
  }
}

/** With multiple choice, once the maximum is picked the other options wait until one is unpicked. */
function limitPicks(form: HTMLFormElement, max: number): void {
  const full = checkedValues(form).length >= max;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="answer"]')) {
    input.disabled = full && !input.checked;
  }
}

/** Moves a ranking item one place up or down, keeping the focus on the button that moved it. */
function move(button: HTMLButtonElement): void {
  const item = button.closest('li');
  const step = Number(button.dataset.move);
  if (!item) return;
  const sibling = step < 0 ? item.previousElementSibling : item.nextElementSibling;
  if (!sibling) return;
  if (step < 0) sibling.before(item);
  else sibling.after(item);
  button.focus();
}

/** A poll in a deck without server: the reader answers for themselves; the answer stays in this browser. */
function enableSelfStudy({ poll, element }: PollSlide, storage: Storage | null): void {
  const form = element.querySelector<HTMLFormElement>('form.poll-form');
  const saved = form?.querySelector<HTMLElement>('.poll-saved');
  if (!form || !saved) return;
  element.classList.add('is-self-study');
  const clear = document.createElement('button');
  clear.type = 'button';
  clear.className = 'poll-clear';
  clear.textContent = 'Wis mijn antwoord';
  const note = document.createElement('p');
  note.className = 'poll-self-note';
  note.textContent = 'Je antwoord blijft alleen in deze browser; niemand anders ziet het.';
  saved.after(clear, note);

  const show = (value: VoteValue | null, message?: string): void => {
    saved.textContent = message ?? (value === null ? '' : describeAnswer(poll, value));
    clear.hidden = value === null;
    element.dataset.answered = String(value !== null);
  };
  const store = (value: VoteValue | null): void => {
    saveAnswer(storage, poll.id, value);
    show(value);
  };

  const stored = loadAnswers(storage)[poll.id];
  if (isAnswerTo(poll, stored)) {
    fillForm(form, poll, stored);
    show(stored);
  } else {
    show(null);
  }
  if (poll.type === 'multiple') limitPicks(form, poll.max);

  form.addEventListener('change', (event) => {
    if (!(event.target instanceof HTMLInputElement) || event.target.name !== 'answer') return;
    if (poll.type === 'single' || poll.type === 'scale') store(Number(event.target.value));
    if (poll.type === 'multiple') {
      limitPicks(form, poll.max);
      const picked = checkedValues(form);
      store(picked.length > 0 ? picked : null);
    }
  });
  form.addEventListener('click', (event) => {
    const button =
      event.target instanceof Element ? event.target.closest<HTMLButtonElement>('button[data-move]') : null;
    if (button) move(button);
  });
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    if (poll.type === 'ranking') {
      store(rankingOrder(form));
      return;
    }
    const field = form.querySelector<HTMLInputElement | HTMLTextAreaElement>('[name="answer"]');
    const text = field?.value.trim() ?? '';
    if (poll.type === 'wordcloud' || poll.type === 'open') {
      if (text) store(text);
      else show(null, 'Typ eerst je antwoord.');
    }
  });
  clear.addEventListener('click', () => {
    form.reset();
    if (poll.type === 'ranking')
      fillForm(
        form,
        poll,
        poll.options.map((_, k) => k),
      );
    if (poll.type === 'multiple') limitPicks(form, poll.max);
    store(null);
    // The button hides itself: the focus goes back to the first answer.
    form.querySelector<HTMLElement>('input, textarea, button')?.focus();
  });
}

/** The deck without poll server: every poll slide lets the reader answer for themselves. */
export function startSelfStudy(slides: PollSlide[]): void {
  const storage = browserStorage();
  for (const slide of slides) enableSelfStudy(slide, storage);
}
