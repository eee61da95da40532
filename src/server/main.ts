import QRCode from 'qrcode';
import { readSettings } from './settings.ts';
import { startServer } from './startServer.ts';

// `npm start`: reads the settings from the environment, starts the server and tells the trainer, in
// Dutch, where the deck is and how participants join.

async function main(): Promise<void> {
  const settings = readSettings(process.env);
  const server = await startServer({ ...settings, host: settings.host ?? '0.0.0.0' });

  const joinPage = `${server.joinBase}/join.html`;
  const qr = await QRCode.toString(joinPage, { type: 'terminal', small: true });
  console.log(
    [
      '',
      `De deck draait.`,
      `  Presentator (op deze computer): http://localhost:${server.port}/`,
      `  Deelnemers: ${server.joinBase}/<code> (de code staat op het scherm zodra de deck open is)`,
      `  of ${joinPage}, en daar de code intypen. Scan om dat te testen:`,
      '',
      qr,
      `Resultaten blijven ${settings.retentionDays} dagen bewaard. Stoppen: Ctrl+C.`,
      '',
    ].join('\n'),
  );

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: de server stopt…`);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        console.error(error);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'EADDRINUSE')
    console.error(`Poort ${process.env.PORT ?? 8080} is al in gebruik. Kies een andere: PORT=8081 npm start`);
  else console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
