import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ScreenUpdate } from './loadGenerator.ts';
import type { PresenterReport } from './presenterProcess.ts';

// Starts presenterProcess.ts and collects what its screen shows.

export interface Presenter {
  room: string;
  /** The bench poll's results messages as the presenter received them, in order. */
  screen: ScreenUpdate[];
  stop(): void;
}

export function startPresenter(url: string, poll: string): Promise<Presenter> {
  const child = fork(fileURLToPath(new URL('./presenterProcess.ts', import.meta.url)), [url, poll], {
    execArgv: ['--import', 'tsx'],
    // stdout is the bench's result alone; anything the presenter prints goes to stderr.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const screen: ScreenUpdate[] = [];
  return new Promise((resolve, reject) => {
    child.on('message', (message: PresenterReport) => {
      if (message.type === 'screen') screen.push(message.update);
      else if (message.type === 'failed') reject(new Error(`presenter: ${message.message}`));
      else resolve({ room: message.room, screen, stop: () => child.connected && child.disconnect() });
    });
    child.once('exit', (code) => reject(new Error(`the presenter process exited (${code})`)));
  });
}
