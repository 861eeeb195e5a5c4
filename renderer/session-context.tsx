import { createContext, useContext } from 'react';
import type { SignedInUser } from '../core/schemas/session';

/** Who is signed in to which partnership, for every screen of the unlocked app. */
export interface SessionInfo {
  readonly partnershipName: string;
  readonly isDemo: boolean;
  readonly user: SignedInUser;
  /** Set when the store was found damaged after unlock: the message naming the backup to restore. */
  readonly storeDamage?: string | undefined;
  /** Set at an administrator's unlock when roles were changed outside the app (forged or unsigned). */
  readonly securityWarning?: string | undefined;
  readonly lock: () => void;
}

export const SessionContext = createContext<SessionInfo | null>(null);

export function useSession(): SessionInfo {
  const session = useContext(SessionContext);
  if (session === null) throw new Error('useSession must be used inside the unlocked app');
  return session;
}
