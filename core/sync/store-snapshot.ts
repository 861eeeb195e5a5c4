/**
 * Everything `server init` takes from a laptop store to the partnership server: read on the laptop
 * (services/sync/store-snapshot.ts), written to PostgreSQL by server/sync-init.ts.
 */
export interface StoreSnapshot {
  readonly partnership: { readonly id: string; readonly name: string };
  readonly keyring: { readonly storeId: string; readonly partnershipName: string; readonly isDemo: boolean; readonly createdAt: string };
  /** Users that can sign in: those with a keyring slot that holds a key pair. */
  readonly users: ReadonlyArray<{
    readonly id: string;
    readonly username: string;
    readonly role: string;
    readonly disabledAt: string | null;
    readonly publicKey: string;
    readonly slot: unknown;
  }>;
  /** The administrator doing it: the store becomes their first enrolled laptop. */
  readonly adminUserId: string;
  /** Every synced table's rows, parents first. */
  readonly tables: ReadonlyArray<{
    readonly table: string;
    readonly key: readonly string[];
    readonly rows: ReadonlyArray<Record<string, string | number | null>>;
  }>;
}
