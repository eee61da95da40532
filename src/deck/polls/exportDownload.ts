// Downloads a room's results and its session report. The export needs the presenter key, which travels
// in a header (never in a URL), so the file is fetched here and handed to the browser as a blob. Every
// place with downloads (the Trainer menu, the remote control) offers RESULT_DOWNLOADS, so a new one shows
// everywhere at once.

export type ExportFormat = 'csv' | 'json' | 'report';

interface Download {
  format: ExportFormat;
  /** The button's text. */
  label: string;
  /** Said when the file is there. */
  done: string;
}

export const RESULT_DOWNLOADS: readonly Download[] = [
  { format: 'csv', label: 'Download CSV (Excel)', done: 'De resultaten zijn gedownload als CSV.' },
  { format: 'json', label: 'Download JSON', done: 'De resultaten zijn gedownload als JSON.' },
  {
    format: 'report',
    label: 'Verslag (HTML, om te printen als PDF)',
    done: 'Het verslag is gedownload. Open het in de browser; printen als PDF kan daar ook.',
  },
];

const FILES: Record<ExportFormat, { path: string; name: string }> = {
  csv: { path: 'results.csv', name: 'poll-resultaten' },
  json: { path: 'results.json', name: 'poll-resultaten' },
  report: { path: 'report.html', name: 'verslag' },
};

function exportPath(room: string, format: ExportFormat): string {
  return `/api/rooms/${encodeURIComponent(room)}/${FILES[format].path}`;
}

function exportFileName(room: string, format: ExportFormat, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  const { path, name } = FILES[format];
  return `${name}-${room}-${day}.${path.split('.').at(-1) ?? ''}`;
}

export async function downloadResults(room: string, key: string, format: ExportFormat): Promise<void> {
  const response = await fetch(exportPath(room, format), { headers: { Authorization: `Bearer ${key}` } });
  if (!response.ok) throw new Error(`de server antwoordde ${response.status}`);
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = exportFileName(room, format);
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  // The browser has taken the file once the click is handled.
  window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
