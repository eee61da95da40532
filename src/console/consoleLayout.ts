import { h } from '../client/dom.ts';

// The console's page: the deck's own slide (reveal, embedded) as the room sees it, and around it the
// panels the trainer runs the session with. Laid out for a 1280×800 laptop screen and usable at
// 1024×768; on a phone (the remote control) only the panels to run the session show (console.css).

export interface ConsoleElements {
  room: HTMLElement;
  connection: HTMLElement;
  toolbar: HTMLElement;
  stage: HTMLElement;
  blackNote: HTMLElement;
  next: HTMLElement;
  notes: HTMLElement;
  time: HTMLElement;
  nav: HTMLElement;
  poll: HTMLElement;
  moderation: HTMLElement;
  countdown: HTMLElement;
  jump: HTMLElement;
}

function panel(className: string, title: string, ...content: Node[]): { section: HTMLElement; body: HTMLElement } {
  const id = `${className}-title`;
  const body = h('div', { class: 'console-panel-body' });
  const section = h(
    'section',
    { class: `console-panel ${className}`, 'aria-labelledby': id },
    h('h2', { id }, title),
    ...content,
    body,
  );
  return { section, body };
}

/** Builds the console around the deck's `.reveal` element, which moves into the stage. */
export function buildConsoleLayout(reveal: HTMLElement, title: string): ConsoleElements {
  const room = h('span', { class: 'console-room' });
  const connection = h('p', { class: 'console-connection', role: 'status' });
  const toolbar = h('div', { class: 'console-toolbar', role: 'group', 'aria-label': 'Sessie' });
  const header = h(
    'header',
    { class: 'console-bar' },
    h('h1', { class: 'console-title' }, `${title} `, room),
    connection,
    toolbar,
  );
  const blackNote = h('p', { class: 'console-black-note', hidden: true }, 'Het scherm in de zaal is zwart (B).');
  const stage = panel('console-stage', 'Nu in de zaal', blackNote);
  const next = panel('console-next', 'Hierna');
  const notes = panel('console-notes', 'Aantekeningen');
  const time = panel('console-time', 'Tijd');
  const nav = panel('console-nav', 'Slides');
  const poll = panel('console-poll', 'Poll');
  const moderation = panel('console-moderation', 'Moderatie');
  const countdown = panel('console-countdown', 'Timer');
  const jump = panel('console-jump', 'Ga naar');
  reveal.replaceWith(
    h(
      'div',
      { class: 'console' },
      header,
      h(
        'div',
        { class: 'console-main' },
        stage.section,
        h('div', { class: 'console-under' }, next.section, notes.section),
      ),
      h(
        'div',
        { class: 'console-side' },
        time.section,
        poll.section,
        moderation.section,
        countdown.section,
        nav.section,
        jump.section,
      ),
    ),
  );
  stage.body.append(reveal);
  return {
    room,
    connection,
    toolbar,
    stage: stage.body,
    blackNote,
    next: next.body,
    notes: notes.body,
    time: time.body,
    nav: nav.body,
    poll: poll.body,
    moderation: moderation.body,
    countdown: countdown.body,
    jump: jump.body,
  };
}
