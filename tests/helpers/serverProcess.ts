import { spawn, type ChildProcess } from 'node:child_process';
import { PROJECT_ROOT } from './buildDeck.ts';

// `npm start`'s server (src/server/main.ts) as a process of its own, for the tests that kill it.

export interface ServerProcess {
  child: ChildProcess;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  /** SIGKILL: no shutdown code runs, as in a crash. */
  kill(): Promise<void>;
}

/** Starts it with these settings on top of the test's environment; resolves once it listens. */
export function startServerProcess(settings: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, HOST: '127.0.0.1', PUBLIC_URL: '', PORT: '0', ...settings },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const port = Number(/http:\/\/localhost:(\d+)\//.exec(output)?.[1] ?? NaN);
      if (!Number.isNaN(port)) {
        resolve({
          child,
          url: `http://127.0.0.1:${port}`,
          port,
          kill: async () => {
            if (child.exitCode === null) child.kill('SIGKILL');
            await exited;
          },
        });
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`server exited (${code}):\n${output}`)));
  });
}
