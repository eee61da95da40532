import { announce } from '../announcer.ts';
import { downloadResults, RESULT_DOWNLOADS } from './exportDownload.ts';
import { actionButton, section, text } from './menuElements.ts';

/**
 * The session's downloads (RESULT_DOWNLOADS: the results and the session report), one component wherever
 * the console shows them (the Trainer menu on the laptop, the remote control on the phone): fetched with
 * the room key or the remote token.
 */
export function resultsDownloads(room: string, secret: string): HTMLElement {
  const downloads = document.createElement('div');
  downloads.className = 'deck-dialog-buttons';
  downloads.append(
    ...RESULT_DOWNLOADS.map(({ format, label, done }) =>
      actionButton(label, () => {
        downloadResults(room, secret, format).then(
          () => announce(done),
          (error: unknown) =>
            announce(`Downloaden lukte niet: ${error instanceof Error ? error.message : String(error)}.`),
        );
      }),
    ),
  );
  return section(
    'Resultaten',
    text('p', `Sessie ${room}: alle polls en rondes, zonder namen. Het verslag is voor de opdrachtgever.`),
    downloads,
  );
}
