/**
 * An exclusive lock on a batch output file (Node only): `<output>.lock`, created with O_EXCL semantics (written
 * whole under a temporary name, then hard-linked into place, which fails if the lock exists), holding the owner's
 * pid and host name. A lock whose owner is on this host and no longer running is stale and is taken over.
 */
import fs from 'node:fs';
import os from 'node:os';
import { InputError } from '../errors';

export interface LockInfo {
  pid: number;
  hostname: string;
  started: string;
}

export interface OutputLock {
  path: string;
  release(): void;
}

export const lockPathFor = (output: string): string => `${output}.lock`;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by someone else
  }
}

function readLock(path: string): LockInfo | undefined {
  try {
    const info = JSON.parse(fs.readFileSync(path, 'utf8')) as Partial<LockInfo>;
    if (typeof info.pid === 'number' && typeof info.hostname === 'string')
      return { pid: info.pid, hostname: info.hostname, started: String(info.started ?? '') };
  } catch {
    // unreadable or vanished: treated below
  }
  return undefined;
}

function tryCreate(path: string, body: string): boolean {
  const tmp = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  fs.writeFileSync(tmp, body, { flag: 'wx' });
  try {
    fs.linkSync(tmp, path);
    return true;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw e;
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Takes the lock on `output`, or throws InputError naming the lock and its owner. */
export function lockOutput(output: string): OutputLock {
  const path = lockPathFor(output);
  const me: LockInfo = { pid: process.pid, hostname: os.hostname(), started: new Date().toISOString() };
  const body = JSON.stringify(me) + '\n';
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(path, body)) {
      let released = false;
      return {
        path,
        release: () => {
          if (released) return;
          released = true;
          // Only remove our own lock.
          const now = readLock(path);
          if (now && now.pid === me.pid && now.hostname === me.hostname) fs.rmSync(path, { force: true });
        },
      };
    }
    const owner = readLock(path);
    if (!owner) {
      if (!fs.existsSync(path)) continue; // released in between
      throw new InputError(
        `${output} is locked by ${path}, which cannot be read; if no "slant batch" is writing to ${output}, remove ${path}`,
      );
    }
    if (owner.hostname === me.hostname && !alive(owner.pid)) {
      // Stale: its owner is gone. Rename it away (atomic) so that two runs taking it over do not both succeed.
      const aside = `${path}.stale.${process.pid}`;
      try {
        fs.renameSync(path, aside);
        fs.rmSync(aside, { force: true });
      } catch {
        // someone else took it over first; try again
      }
      continue;
    }
    throw new InputError(
      `${output} is in use by another "slant batch" (pid ${owner.pid} on ${owner.hostname}, since ${owner.started}; lock file ${path})`,
    );
  }
  throw new InputError(`could not take the lock ${path} on ${output}; try again`);
}
