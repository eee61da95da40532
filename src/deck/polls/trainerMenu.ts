import { announce } from '../announcer.ts';
import { infoDialog } from './dialogs.ts';
import { downloadResults, RESULT_DOWNLOADS } from './exportDownload.ts';
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
      const downloads = document.createElement('div');
      downloads.className = 'deck-dialog-buttons';
      downloads.append(
        ...RESULT_DOWNLOADS.map(({ format, label, done }) =>
          actionButton(label, () => {
            downloadResults(current.room, current.key, format).then(
              () => announce(done),
              (error: unknown) =>
                announce(`Downloaden lukte niet: ${error instanceof Error ? error.message : String(error)}.`),
            );
          }),
        ),
      );
      body.append(
        section(
          'Resultaten',
          text(
            'p',
            `Sessie ${current.room}: alle polls en rondes, zonder namen. Het verslag is voor de opdrachtgever.`,
          ),
          downloads,
        ),
      );
      body.append(remoteControlSection(joinBase, current.room, remoteLink));
    });
  });
  return toggle;
}
