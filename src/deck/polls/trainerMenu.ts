import { infoDialog } from './dialogs.ts';
import { actionButton, section, text } from './menuElements.ts';
import { resultsDownloads } from './resultsDownloads.ts';
import type { PresenterRoom } from './presenterRoomStore.ts';
import { remoteControlSection, type RemoteLink } from './remoteControlSection.ts';

/**
 * The "Trainer" button in the console's bar: it opens a menu with the poll keys, the results downloads
 * and, only on request, the remote-control QR code (it carries a remote token).
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
      body.append(resultsDownloads(current.room, current.key));
      body.append(remoteControlSection(joinBase, current.room, remoteLink));
    });
  });
  return toggle;
}
