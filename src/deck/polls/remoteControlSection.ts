import { announce } from '../announcer.ts';
import { controlUrl, travelsInTheClear } from './joinAddress.ts';
import { actionButton, section, text } from './menuElements.ts';
import { qrCodeSvg } from './qrCode.ts';

/** The remote-control token for the QR code: the known one, or a new one that replaces it (`renew`). */
export type RemoteLink = (renew: boolean) => Promise<string>;

const CLEAR_TEXT_WARNING =
  'Let op: deze verbinding is niet beveiligd (http). Anderen op hetzelfde wifi-netwerk kunnen de link ' +
  'dan zien en de polls bedienen. Gebruik de bediening alleen op een netwerk dat je vertrouwt, of gebruik ' +
  'een adres met https.';

/**
 * The Trainer menu's part for the remote control: on request, the QR code to the console on the phone with the
 * room's remote token (not the room key), and a button that makes a new link, so the old one stops
 * working. Warns first when the link would travel unencrypted over a shared network.
 */
export function remoteControlSection(joinBase: string, room: string, remoteLink: RemoteLink): HTMLElement {
  const remote = document.createElement('div');
  remote.className = 'control-qr';
  const warning = travelsInTheClear(joinBase) ? text('p', CLEAR_TEXT_WARNING) : null;
  warning?.classList.add('control-warning');

  const showLink = (renew: boolean, button: HTMLButtonElement): void => {
    button.disabled = true;
    remoteLink(renew)
      .then((token) => {
        const plan = new URLSearchParams(window.location.search).get('plan');
        return qrCodeSvg(controlUrl(joinBase, room, token, plan), 'QR-code voor de bediening op je telefoon');
      })
      .then(
        (qr) => {
          const renewButton = actionButton('Nieuwe link maken', () => showLink(true, renewButton));
          remote.replaceChildren(
            qr,
            text(
              'p',
              'Scan deze code met je eigen telefoon. Laat hem niet aan de groep zien: wie hem scant, kan de polls bedienen.',
            ),
            text('p', 'Heeft iemand anders de code gezien? Maak een nieuwe link. De oude link werkt dan niet meer.'),
            renewButton,
          );
          if (renew) announce('Er is een nieuwe link. De oude link werkt niet meer.');
          button.remove();
          // The button is gone: the focus moves to the code and its warning.
          remote.tabIndex = -1;
          remote.focus();
        },
        (error: unknown) => {
          button.disabled = false;
          announce(`De link maken lukte niet: ${error instanceof Error ? error.message : String(error)}.`);
        },
      );
  };
  const show = actionButton('Bediening op telefoon', () => showLink(false, show));
  const parts: Node[] = [text('p', 'Bedien de polls vanaf je telefoon.')];
  if (warning) parts.push(warning);
  return section('Bediening op telefoon', ...parts, show, remote);
}
