import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * A real, small file system for full-disk tests: a tmpfs of `megabytes` mounted on a fresh
 * folder. Only root can mount, so `tinyDiskAvailable()` says whether this machine can run them.
 * A tmpfs refuses a write past its size with ENOSPC exactly as a full laptop disk does, which is
 * what SQLite turns into SQLITE_FULL.
 */
export interface TinyDisk {
  readonly dir: string;
  /** Writes filler files until the disk refuses another byte; returns how many bytes it wrote. */
  fill(): number;
  /** Removes the filler, so writes succeed again. */
  free(): void;
  /** Unmounts and removes the mount point. Safe to call more than once. */
  unmount(): void;
}

const FILLER_PREFIX = 'filler-';

/** True when this process may mount a tmpfs (root on Linux). */
export function tinyDiskAvailable(): boolean {
  return process.platform === 'linux' && process.getuid?.() === 0;
}

/** Mounts a `megabytes` tmpfs; call `unmount()` in afterAll. */
export function mountTinyDisk(megabytes: number): TinyDisk {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'workwell-tiny-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${megabytes}m,mode=0700`, 'tmpfs', dir]);
  let mounted = true;
  return {
    dir,
    fill() {
      let written = 0;
      // Big chunks first, then small ones down to a single byte, so nothing is left over.
      for (const chunk of [1 << 16, 1 << 12, 1 << 8, 1]) {
        for (let n = 0; ; n += 1) {
          try {
            writeFileSync(path.join(dir, `${FILLER_PREFIX}${chunk}-${n}`), Buffer.alloc(chunk));
            written += chunk;
          } catch (error) {
            if ((error as NodeJS.ErrnoException).code !== 'ENOSPC') throw error;
            break;
          }
        }
      }
      return written;
    },
    free() {
      for (const name of readdirSync(dir)) if (name.startsWith(FILLER_PREFIX)) rmSync(path.join(dir, name), { force: true });
    },
    unmount() {
      if (!mounted) return;
      mounted = false;
      execFileSync('umount', [dir]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
