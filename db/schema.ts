import type { Generated } from 'kysely';

/**
 * The typed shape of the store for Kysely. Migrations define the tables; this interface must
 * match them (a test compares the two).
 */
export interface PartnershipTable {
  id: string;
  name: string;
  icb_code: string | null;
  is_demo: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  username: string;
  display_name: string;
  role: string;
  created_at: string;
  disabled_at: string | null;
}

export interface ParticipantTable {
  id: string;
  reference: string;
  given_name: string;
  family_name: string;
  date_of_birth: string;
  nhs_number: string | null;
  status: string;
  created_at: string;
  updated_at: string;
}

export interface ReferenceCounterTable {
  name: string;
  value: Generated<number>;
}

export interface Database {
  partnership: PartnershipTable;
  users: UserTable;
  participants: ParticipantTable;
  reference_counters: ReferenceCounterTable;
}
