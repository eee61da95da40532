import type { RawData } from 'ws';
import type { ClientMessage } from '../shared/protocol.ts';
import { clientMessageSchema } from './protocolSchemas.ts';

// The first gate for every message from a browser: text, JSON, and a known message that matches its
// schema exactly. The size limit sits before this, in the WebSocket server (maxPayload).

export type ParsedMessage = { ok: true; message: ClientMessage } | { ok: false; ref?: number; message: string };

const MESSAGE_TYPES: ReadonlySet<string> = new Set(
  clientMessageSchema.options.map((option) => option.shape.type.value),
);

function toText(data: RawData): string {
  if (Buffer.isBuffer(data)) return data.toString('utf8');
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  return Buffer.from(data).toString('utf8');
}

/** The request's `ref`, when it has a usable one, so even a refused request can be matched to its answer. */
function refOf(value: unknown): number | undefined {
  if (typeof value !== 'object' || value === null || !('ref' in value)) return undefined;
  const ref = value.ref;
  return typeof ref === 'number' && Number.isSafeInteger(ref) && ref >= 0 ? ref : undefined;
}

export function parseClientMessage(data: RawData, isBinary: boolean): ParsedMessage {
  if (isBinary) return { ok: false, message: 'messages must be JSON text' };
  let value: unknown;
  try {
    value = JSON.parse(toText(data));
  } catch {
    return { ok: false, message: 'the message is not valid JSON' };
  }
  const ref = refOf(value);
  const type = typeof value === 'object' && value !== null && 'type' in value ? value.type : undefined;
  if (typeof type !== 'string' || !MESSAGE_TYPES.has(type)) return { ok: false, ref, message: 'unknown message type' };

  const parsed = clientMessageSchema.safeParse(value);
  if (parsed.success) return { ok: true, message: parsed.data };
  const issue = parsed.error.issues[0];
  const field = issue?.path.length ? `"${issue.path.join('.')}"` : 'the message';
  const problem = issue?.code === 'unrecognized_keys' ? `unknown field ${issue.keys.join(', ')}` : `invalid ${field}`;
  return { ok: false, ref, message: `${type}: ${problem}` };
}
