import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { ActionTiming } from './presenterActions.ts';
import type { ScreenUpdate } from './loadGenerator.ts';
import type { PresenterCommand, PresenterReport, PresenterSetup } from './presenterProcess.ts';

// Starts presenterProcess.ts and collects what its screens show.

export interface Presenters {
  rooms: string[];
  /** Per room, the bench poll's results messages as its presenter received them, in order. */
  screens: ScreenUpdate[][];
  /** Runs the presenter actions in the first room (see presenterActions.ts). */
  actions(): Promise<{ baselineMs: number; actions: ActionTiming[] }>;
  stop(): void;
}

export function startPresenters(setup: PresenterSetup): Promise<Presenters> {
  const child = fork(fileURLToPath(new URL('./presenterProcess.ts', import.meta.url)), [JSON.stringify(setup)], {
    execArgv: ['--import', 'tsx'],
    // stdout is the bench's result alone; anything the presenter prints goes to stderr.
    stdio: ['ignore', 2, 2, 'ipc'],
  });
  const screens: ScreenUpdate[][] = setup.presenterInstances.map(() => []);
  let failed: (error: Error) => void = () => {};
  let actionsDone: (result: { baselineMs: number; actions: ActionTiming[] }) => void = () => {};
  return new Promise((resolve, reject) => {
    failed = reject;
    child.on('message', (message: PresenterReport) => {
      if (message.type === 'screen') screens[message.room]?.push(message.update);
      else if (message.type === 'failed') failed(new Error(`presenter: ${message.message}`));
      else if (message.type === 'actions') actionsDone(message);
      else
        resolve({
          rooms: message.rooms,
          screens,
          actions: () =>
            new Promise((resolveActions, rejectActions) => {
              actionsDone = resolveActions;
              failed = rejectActions;
              child.send({ type: 'actions' } satisfies PresenterCommand);
            }),
          stop: () => child.connected && child.disconnect(),
        });
    });
    child.once('exit', (code) => failed(new Error(`the presenter process exited (${code})`)));
  });
}
