import { readFileSync } from 'node:fs';

// Every participant is one open socket in this process and one in the server, which inherits this
// process's limit. Checked up front: running out half-way shows up as baffling connection errors.

/** Sockets, files and pipes besides the participants' sockets. */
const HEADROOM = 100;

/** Throws when `ulimit -n` is too low for this many participants. */
export function checkFileDescriptorLimit(participants: number): void {
  const limits = readFileSync('/proc/self/limits', 'utf8');
  const soft = /^Max open files\s+(\d+|unlimited)/m.exec(limits)?.[1];
  if (soft === undefined || soft === 'unlimited') return;
  const needed = participants + HEADROOM;
  if (Number(soft) < needed) {
    throw new Error(`ulimit -n is ${soft}; ${participants} participants need ${needed}. Raise it: ulimit -n ${needed}`);
  }
}
