// Downloads a room's results. The export needs the presenter key, which travels in a header (never
// in a URL), so the file is fetched here and handed to the browser as a blob.

export type ExportFormat = 'csv' | 'json';

function exportPath(room: string, format: ExportFormat): string {
  return `/api/rooms/${encodeURIComponent(room)}/results.${format}`;
}

function exportFileName(room: string, format: ExportFormat, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10);
  return `poll-resultaten-${room}-${day}.${format}`;
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
