import { announce } from '../announcer.ts';
import { infoDialog } from './dialogs.ts';
import { downloadResults, type ExportFormat } from './exportDownload.ts';
import { controlUrl } from './joinAddress.ts';
import type { PresenterRoom } from './presenterRoomStore.ts';
import { qrCodeSvg } from './qrCode.ts';

function actionButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}

function section(title: string, ...content: (Node | string)[]): HTMLElement {
  const element = document.createElement('section');
  const heading = document.createElement('h3');
  heading.textContent = title;
  element.append(heading, ...content);
  return element;
}

function text(tag: 'p' | 'li', content: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
}

/**
 * The small "Trainer" button in a corner of the presenter's deck: it opens a menu with the keys,
 * the results downloads and, only on request, the remote-control QR code (it carries the key).
 */
export function createTrainerMenu(
  joinBase: string,
  room: () => PresenterRoom | null,
  retry: () => void,
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
      const remote = document.createElement('div');
      remote.className = 'control-qr';
      const show = actionButton('Bediening op telefoon', () => {
        show.disabled = true;
        void qrCodeSvg(
          controlUrl(joinBase, current.room, current.key),
          'QR-code voor de bediening op je telefoon',
        ).then((qr) => {
          remote.replaceChildren(
            qr,
            text(
              'p',
              'Scan deze code met je eigen telefoon. Laat hem niet aan de groep zien: wie hem scant, kan de polls bedienen.',
            ),
          );
          show.remove();
          // The button is gone: the focus moves to the code and its warning.
          remote.tabIndex = -1;
          remote.focus();
        });
      });
      body.append(section('Bediening op telefoon', text('p', 'Bedien de polls vanaf je telefoon.'), show, remote));
    });
  });
  return toggle;
}
