import { announce } from '../announcer.ts';
import { downloadResults, type ExportFormat } from './exportDownload.ts';
import { actionButton, section, text } from './menuElements.ts';

/**
 * The session's downloads, one component wherever the console shows them (the Trainer menu on the
 * laptop, the remote control on the phone): fetched with the room key or the remote token.
 */
export function resultsDownloads(room: string, secret: string): HTMLElement {
  const download = (format: ExportFormat) => () => {
    downloadResults(room, secret, format).then(
      () => announce(`De resultaten zijn gedownload als ${format.toUpperCase()}.`),
      (error: unknown) => announce(`Downloaden lukte niet: ${error instanceof Error ? error.message : String(error)}.`),
    );
  };
  const downloads = document.createElement('div');
  downloads.className = 'deck-dialog-buttons';
  downloads.append(
    actionButton('Download CSV (Excel)', download('csv')),
    actionButton('Download JSON', download('json')),
  );
  return section('Resultaten', text('p', `Sessie ${room}: alle polls en rondes, zonder namen.`), downloads);
}
