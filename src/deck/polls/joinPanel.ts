import { connectedText } from './dutchText.ts';
import { joinUrl, shortJoinAddress } from './joinAddress.ts';
import { qrCodeSvg } from './qrCode.ts';

export type JoinPanelSize = 'small' | 'big';

interface Panel {
  element: HTMLElement;
  /** A link in the console; on the audience view nothing to click, the same QR code in a plain box. */
  link: HTMLElement;
  host: HTMLElement;
  code: HTMLElement;
  count: HTMLElement;
  status: HTMLElement;
}

function part(tag: string, className: string, text = ''): HTMLElement {
  const element = document.createElement(tag);
  element.className = className;
  element.textContent = text;
  return element;
}

/**
 * Every "join here" panel of the deck: the QR code, the short address in large type for those who
 * type it, and how many people are connected. One room, so one QR code, copied into each panel.
 */
export class JoinPanels {
  private readonly panels: Panel[] = [];
  private room: string | null = null;
  private participants = 0;

  constructor(private readonly links = true) {}

  create(size: JoinPanelSize): HTMLElement {
    const element = part('div', `join-panel is-${size}`);
    const link = part(this.links ? 'a' : 'div', 'join-link');
    if (link instanceof HTMLAnchorElement) {
      link.target = '_blank';
      link.rel = 'noopener';
    }
    const address = part('p', 'join-address');
    const host = part('span', 'join-host');
    const code = part('span', 'join-code');
    address.append(part('span', 'join-lead', 'Doe mee via'), ' ', host, document.createElement('wbr'), code);
    const count = part('p', 'join-count');
    const status = part('p', 'join-status', 'Verbinden met de pollserver…');
    element.append(link, address, count, status);
    const panel = { element, link, host, code, count, status };
    this.panels.push(panel);
    this.fill(panel, null);
    return element;
  }

  /** Shows the room's join link in every panel. */
  async setRoom(joinBase: string, room: string): Promise<void> {
    if (room === this.room) return;
    this.room = room;
    const url = joinUrl(joinBase, room);
    const address = shortJoinAddress(joinBase, room);
    const qr = await qrCodeSvg(url, `QR-code: scan om mee te doen (${address.text})`);
    if (this.room !== room) return;
    for (const panel of this.panels) {
      if (panel.link instanceof HTMLAnchorElement) panel.link.href = url;
      panel.link.dataset.joinUrl = url;
      panel.link.replaceChildren(qr.cloneNode(true));
      panel.host.textContent = address.host;
      panel.code.textContent = address.code;
      this.fill(panel, room);
    }
  }

  setParticipants(participants: number): void {
    this.participants = participants;
    for (const panel of this.panels) panel.count.textContent = connectedText(participants);
  }

  /** A line under the address while there is no working connection; null clears it. */
  setStatus(text: string | null): void {
    for (const panel of this.panels) {
      panel.status.textContent = text ?? '';
      panel.status.hidden = text === null;
    }
  }

  private fill(panel: Panel, room: string | null): void {
    panel.element.classList.toggle('has-room', room !== null);
    panel.count.textContent = connectedText(this.participants);
  }
}
