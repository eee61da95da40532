import { h } from '../client/dom.ts';
import { infoDialog } from '../deck/polls/dialogs.ts';
import { joinUrl, shortJoinAddress } from '../deck/polls/joinAddress.ts';
import { qrCodeSvg } from '../deck/polls/qrCode.ts';

// The console's dialogs: every key (?), and the join link with its QR code on demand (Q).

/** Every key of the console, in the order a session uses them. */
export const CONSOLE_KEYS: readonly [string, string][] = [
  ['→ / Spatie', 'volgende slide'],
  ['←', 'vorige slide'],
  ['S', 'publieksweergave openen (voor de beamer)'],
  ['B', 'scherm in de zaal zwart, en weer terug'],
  ['A', 'poll: stemmen openen of sluiten'],
  ['U', 'poll: resultaten tonen of verbergen'],
  ['W', 'poll: nieuwe ronde (de vorige ronde blijft bewaard)'],
  ['Y', 'alle wachtende antwoorden goedkeuren'],
  ['G', 'het oudste wachtende antwoord goedkeuren'],
  ['X', 'het oudste wachtende antwoord afwijzen (het komt niet op het scherm en niet in de resultaten)'],
  ['T', 'timer: starten of pauzeren'],
  ['R', 'timer: opnieuw'],
  ['M', 'timer: een minuut erbij'],
  ['J', 'slide zoeken op titel'],
  ['Q', 'deelnamelink en QR-code tonen'],
  ['?', 'deze sneltoetsen'],
];

export function showKeys(): void {
  infoDialog('Sneltoetsen', (body) => {
    body.append(
      h(
        'dl',
        { class: 'console-keys' },
        ...CONSOLE_KEYS.flatMap(([key, what]) => [h('dt', {}, h('kbd', {}, key)), h('dd', {}, what)]),
      ),
    );
  });
}

export function showJoin(joinBase: string, room: string | null): void {
  infoDialog('Deelnemen', (body) => {
    if (!room) {
      body.append(h('p', {}, 'Er is nog geen sessie met live polls.'));
      return;
    }
    const url = joinUrl(joinBase, room);
    const holder = h('div', { class: 'console-join-qr' });
    body.append(
      holder,
      h(
        'p',
        {},
        'Doe mee via ',
        h('a', { href: url, target: '_blank', rel: 'noopener' }, shortJoinAddress(joinBase, room).text),
      ),
    );
    void qrCodeSvg(url, `QR-code: scan om mee te doen (${shortJoinAddress(joinBase, room).text})`).then((qr) =>
      holder.append(qr),
    );
  });
}
