import type { ResumePoint } from '../../core/schemas/resume-point';
import type { SignedInUser } from '../../core/schemas/session';

/**
 * Where a person was when a lock they did not ask for (idle, the OS lock screen) closed the store,
 * so their next unlock returns them there: the chair of a meeting comes back to the same case with
 * its timer. Kept in this process's memory only, never on disk, and only for the person it was
 * interrupted for; signing out, or someone else unlocking, forgets it.
 */
export class ResumePoints {
  #interrupted: { readonly userId: string; readonly username: string } | undefined;
  #point: { readonly userId: string; readonly point: ResumePoint } | undefined;

  /** The renderer's place, saved when the lock warning shows. */
  save(user: SignedInUser, point: ResumePoint): void {
    this.#point = { userId: user.userId, point };
  }

  /** A lock the person did not choose: their place is kept and their name offered at unlock. */
  interrupted(user: SignedInUser): void {
    this.#interrupted = { userId: user.userId, username: user.username };
  }

  /** The username to pre-select on the unlock screen, if a lock interrupted someone. */
  get interruptedUsername(): string | undefined {
    return this.#interrupted?.username;
  }

  /** After `user` unlocks: their own saved place, once; anyone else's is dropped. */
  take(user: SignedInUser): ResumePoint | null {
    const saved = this.#point;
    const wasInterrupted = this.#interrupted?.userId === user.userId;
    this.forget();
    return wasInterrupted && saved?.userId === user.userId ? saved.point : null;
  }

  /** An explicit sign-out or another person's unlock: nothing to return to. */
  forget(): void {
    this.#interrupted = undefined;
    this.#point = undefined;
  }
}
