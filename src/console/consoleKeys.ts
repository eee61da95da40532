import type { RevealApi } from 'reveal.js';
import { announce } from '../deck/announcer.ts';
import type { Poll } from '../shared/deck.ts';
import type { ConsoleApp } from './consoleApp.ts';
import { showJoin, showKeys } from './consoleDialogs.ts';
import { openAudienceView } from './audienceWindow.ts';

// The console's keys (reveal's keyboard handling, so a focused field or open dialog keeps its own keys):
// each action of the console has one; `?` lists them all (consoleDialogs.ts). The countdown's T, R and M
// come with the countdowns (src/deck/countdown).

const KEY = { A: 65, U: 85, W: 87, Y: 89, G: 71, X: 88, B: 66, S: 83, J: 74, Q: 81, help: 191 } as const;

export class ConsoleKeys {
  constructor(
    private readonly app: ConsoleApp,
    private readonly search: HTMLInputElement,
    private readonly joinBase: string | null,
  ) {}

  bind(deck: Pick<RevealApi, 'addKeyBinding'>): void {
    const onPoll = (run: (poll: Poll) => void) => () => {
      const poll = this.app.pollOnScreen;
      if (poll && this.app.liveState) run(poll);
      else announce('Op deze slide staat geen live poll.');
    };
    const bind = (keyCode: number, key: string, description: string, run: () => void) =>
      deck.addKeyBinding({ keyCode, key, description }, run);
    bind(
      KEY.A,
      'A',
      'Poll: stemmen openen of sluiten',
      onPoll((poll) => this.app.toggleOpen(poll)),
    );
    bind(
      KEY.U,
      'U',
      'Poll: resultaten tonen of verbergen',
      onPoll((poll) => this.app.toggleResults(poll)),
    );
    bind(
      KEY.W,
      'W',
      'Poll: nieuwe ronde',
      onPoll((poll) => this.app.newRound(poll)),
    );
    bind(
      KEY.Y,
      'Y',
      'Alle wachtende antwoorden goedkeuren',
      onPoll((poll) => {
        const state = this.app.liveState;
        const approved = state ? this.app.panel.approveAll(state, poll) : 0;
        announce(approved === 0 ? 'Er wachten geen antwoorden.' : `${approved} antwoorden goedgekeurd.`);
      }),
    );
    const moderateOldest = (approved: boolean) =>
      onPoll((poll) => {
        const state = this.app.liveState;
        const answer = state ? this.app.panel.moderateOldest(state, poll, approved) : null;
        announce(answer ? `${approved ? 'Goedgekeurd' : 'Afgewezen'}: ${answer.text}` : 'Er wachten geen antwoorden.');
      });
    // G: reveal's own jump to a slide gives way; J searches the slides.
    bind(KEY.G, 'G', 'Het oudste wachtende antwoord goedkeuren', moderateOldest(true));
    bind(KEY.X, 'X', 'Het oudste wachtende antwoord afwijzen', moderateOldest(false));
    bind(KEY.B, 'B', 'Scherm in de zaal zwart of terug', () => this.app.toggleBlack());
    bind(KEY.S, 'S', 'Publieksweergave openen', () => openAudienceView());
    bind(KEY.J, 'J', 'Slide zoeken op titel', () => this.search.focus());
    if (this.joinBase !== null) {
      const joinBase = this.joinBase;
      bind(KEY.Q, 'Q', 'Deelnamelink en QR-code', () => showJoin(joinBase, this.app.liveState?.room ?? null));
    }
    bind(KEY.help, '?', 'Sneltoetsen', () => showKeys());
  }
}
