import { withStore } from './sync-session';

/**
 * A user holding the data key passes off another user's waiting change on `channel` (made in the
 * app by someone whose role allows it) as their own, rewriting its outbox row behind the app to
 * name `forger`. Since roles are signed (issue 18 item 1) the app no longer takes a role edited in
 * `users`, so this is how a laptop can still offer the server a change its user's role forbids.
 * Returns the forger's user id.
 */
export async function passOffOutboxChange(dataDir: string, channel: string, forger: string): Promise<string> {
  return withStore(dataDir, forger, (opened) => {
    const changed = opened.store.sqlite
      .prepare("UPDATE sync_outbox SET user_id = ? WHERE channel = ? AND status = 'waiting'")
      .run(opened.slot.userId, channel).changes;
    if (changed === 0) throw new Error(`No waiting ${channel} change to pass off.`);
    return opened.slot.userId;
  });
}
