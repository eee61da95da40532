import { randomBytes } from 'node:crypto';
import { connect } from 'node:net';
import { WS_PATH } from '../../../src/shared/protocol.ts';

// A WebSocket client by hand, on a plain TCP socket: for frames a proper client library never sends
// (unmasked, reserved bits or opcodes, lengths that lie). Sends the handshake, then the given bytes.

/** Masks a client frame's payload (RFC 6455 5.3). */
export function maskedFrame(firstByte: number, payload: Buffer, lengthBytes?: Buffer): Buffer {
  const mask = randomBytes(4);
  const masked = Buffer.from(payload.map((byte, k) => byte ^ (mask[k % 4] ?? 0)));
  let header: Buffer;
  if (lengthBytes)
    header = Buffer.concat([Buffer.from([firstByte, 0x80 | (lengthBytes.length === 2 ? 126 : 127)]), lengthBytes]);
  else if (payload.length < 126) header = Buffer.from([firstByte, 0x80 | payload.length]);
  else {
    const length = Buffer.alloc(2);
    length.writeUInt16BE(payload.length);
    header = Buffer.concat([Buffer.from([firstByte, 0x80 | 126]), length]);
  }
  return Buffer.concat([header, mask, masked]);
}

export interface RawOutcome {
  /** The status code of the server's close frame, when it sent one. */
  closeCode: number | null;
  /** Opcodes of the frames the server sent before closing (1: text). */
  opcodes: number[];
}

/** Opens a WebSocket on `url`, writes `bytes`, and reads until the server closes (or ends when `endAfterMs` passes). */
export function sendRaw(url: string, bytes: Buffer, endAfterMs = 5000): Promise<RawOutcome> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  let received = Buffer.alloc(0);
  let upgraded = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => socket.end(), endAfterMs);
    socket.on('connect', () => {
      socket.write(
        `GET ${WS_PATH} HTTP/1.1\r\nHost: ${hostname}:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
    });
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      if (upgraded) return;
      const end = received.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = received.subarray(0, end).toString('latin1');
      if (!head.startsWith('HTTP/1.1 101')) return reject(new Error(`no upgrade: ${head}`));
      upgraded = true;
      received = received.subarray(end + 4);
      socket.write(bytes);
    });
    socket.on('error', () => {}); // a reset after the close frame: the outcome is in what was read
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(readFrames(received));
    });
  });
}

/** The server's frames (unmasked): their opcodes, and the close code of a close frame. */
function readFrames(data: Buffer): RawOutcome {
  const opcodes: number[] = [];
  let closeCode: number | null = null;
  let at = 0;
  while (at + 2 <= data.length) {
    const opcode = (data[at] ?? 0) & 0x0f;
    let length = (data[at + 1] ?? 0) & 0x7f;
    let start = at + 2;
    if (length === 126) {
      length = data.readUInt16BE(start);
      start += 2;
    } else if (length === 127) {
      length = Number(data.readBigUInt64BE(start));
      start += 8;
    }
    opcodes.push(opcode);
    if (opcode === 8 && length >= 2) closeCode = data.readUInt16BE(start);
    at = start + length;
  }
  return { closeCode, opcodes };
}
