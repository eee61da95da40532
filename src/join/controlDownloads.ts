import { downloadResults, RESULT_DOWNLOADS } from '../deck/polls/exportDownload.ts';
import type { ControlLink } from './controlLink.ts';
import { h } from './dom.ts';

type Button = (label: string, focus: string, onClick: () => void) => HTMLButtonElement;

/**
 * The downloads on the remote control: the same as in the deck's Trainer menu (the results and the
 * session report), fetched with the remote token (the export takes it like the room key). `tell` says
 * how it went.
 */
export function downloadsSection(link: ControlLink, button: Button, tell: (notice: string) => void): HTMLElement {
  return h(
    'section',
    { class: 'downloads', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, 'Resultaten'),
    h(
      'p',
      { class: 'hint' },
      'Alle polls en rondes van deze sessie, zonder namen. Het verslag is voor de opdrachtgever.',
    ),
    ...RESULT_DOWNLOADS.map(({ format, label, done }) =>
      button(label, `download-${format}`, () => {
        downloadResults(link.room, link.token, format).then(
          () => tell(done),
          (error: unknown) => tell(`Downloaden lukte niet: ${error instanceof Error ? error.message : String(error)}.`),
        );
      }),
    ),
  );
}
