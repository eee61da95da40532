import { announce } from '../announcer.ts';
import { infoDialog } from './dialogs.ts';
import { downloadResults, type ExportFormat } from './exportDownload.ts';
import { actionButton, section, text } from './menuElements.ts';
import type { PresenterRoom } from './presenterRoomStore.ts';
import { remoteControlSection, type RemoteLink } from './remoteControlSection.ts';

/**
 * The small "Trainer" button in a corner of the presenter's deck: it opens a menu with the keys,
 * the results downloads and, only on request, the remote-control QR code (it carries a remote token).
 */
export function createTrainerMenu(
  joinBase: string,
  room: () => PresenterRoom | null,
  retry: () => void,
  remoteLink: RemoteLink,
): HTMLButtonElement {
  const toggle = document.createElement('button');
  toggle.type = 'button';
  toggle.className = 'trainer-menu-button';
  toggle.textContent = 'Trainer';
  toggle.setAttribute('aria-haspopup', 'dialog');
  toggle.addEventListener('click', () => {
    const current = room();
    const dialog = infoDialog('Trainersmenu', (body) => {
      const keys = document.createElement('ul');
      keys.append(
        text('li', 'A: stemmen openen of sluiten'),
        text('li', 'U: resultaten tonen of verbergen'),
        text('li', 'W: nieuwe ronde (de vorige ronde blijft bewaard)'),
      );
      body.append(section('Sneltoetsen op een poll-slide', keys));
      if (!current) {
        const start = actionButton('Sessie starten', () => {
          dialog.close();
          retry();
        });
        body.append(section('Sessie', text('p', 'Er is nog geen sessie met live polls.'), start));
        return;
      }
      const download = (format: ExportFormat) => () => {
        downloadResults(current.room, current.key, format).then(
          () => announce(`De resultaten zijn gedownload als ${format.toUpperCase()}.`),
          (error: unknown) =>
            announce(`Downloaden lukte niet: ${error instanceof Error ? error.message : String(error)}.`),
        );
      };
      const downloads = document.createElement('div');
      downloads.className = 'deck-dialog-buttons';
      downloads.append(
        actionButton('Download CSV (Excel)', download('csv')),
        actionButton('Download JSON', download('json')),
      );
      body.append(
        section('Resultaten', text('p', `Sessie ${current.room}: alle polls en rondes, zonder namen.`), downloads),
      );
      body.append(remoteControlSection(joinBase, current.room, remoteLink));
    });
  });
  return toggle;
}
