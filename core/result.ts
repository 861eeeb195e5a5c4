import type { AppErrorShape } from './app-error';

/** What every channel returns over every transport. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppErrorShape };

export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

export function failure<T = never>(error: AppErrorShape): Result<T> {
  return { ok: false, error };
}
