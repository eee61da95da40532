import { resolve } from 'node:path';
import QRCode from 'qrcode';
import { startServer } from './startServer.ts';

// `npm start`: reads the settings from the environment, starts the server and tells the trainer, in
// Dutch, where the deck is and how participants join.

function numberSetting(name: string, fallback: number, min: number, max: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`${name}=${text} kan niet: geef een heel getal van ${min} tot ${max}.`);
  }
  return value;
}

function textSetting(name: string): string | null {
  const text = process.env[name]?.trim();
  return text ? text : null;
}

function publicUrlSetting(): string | null {
  const text = textSetting('PUBLIC_URL');
  if (text === null) return null;
  if (!URL.canParse(text) || !/^https?:$/.test(new URL(text).protocol)) {
    throw new Error(`PUBLIC_URL=${text} is geen geldig adres; bijvoorbeeld https://polls.voorbeeld.nl`);
  }
  return text;
}

async function main(): Promise<void> {
  const port = numberSetting('PORT', 8080, 0, 65535);
  const server = await startServer({
    port,
    host: textSetting('HOST') ?? '0.0.0.0',
    dataDir: resolve(textSetting('DATA_DIR') ?? 'data'),
    distDir: resolve(textSetting('DIST_DIR') ?? 'dist'),
    publicUrl: publicUrlSetting(),
    presenterPassword: textSetting('PRESENTER_PASSWORD'),
    retentionDays: numberSetting('RETENTION_DAYS', 30, 1, 3650),
  });

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
      `Resultaten blijven ${process.env.RETENTION_DAYS || 30} dagen bewaard. Stoppen: Ctrl+C.`,
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
