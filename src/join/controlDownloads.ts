import { downloadResults } from '../deck/polls/exportDownload.ts';
import type { ControlLink } from './controlLink.ts';
import { h } from './dom.ts';

type Button = (label: string, focus: string, onClick: () => void) => HTMLButtonElement;

/**
 * The results download on the remote control: the same CSV as in the deck's Trainer menu, fetched with
 * the remote token (the export takes it like the room key). `tell` says how it went.
 */
export function downloadsSection(link: ControlLink, button: Button, tell: (notice: string) => void): HTMLElement {
  const download = (): void => {
    downloadResults(link.room, link.token, 'csv').then(
      () => tell('De resultaten zijn gedownload als CSV.'),
      (error: unknown) => tell(`Downloaden lukte niet: ${error instanceof Error ? error.message : String(error)}.`),
    );
  };
  return h(
    'section',
    { class: 'downloads', 'aria-labelledby': 'downloads-title' },
    h('h2', { id: 'downloads-title' }, 'Resultaten'),
    h('p', { class: 'hint' }, 'Alle polls en rondes van deze sessie, zonder namen.'),
    button('Download CSV (Excel)', 'download-csv', download),
  );
}
