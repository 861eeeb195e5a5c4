import { contract } from '../../core/contract';
import { DISCIPLINES } from '../../core/schemas/assessment';
import type { Store } from '../../db/store';
import { saveDirectoryService, saveTeamMember } from '../settings/partnership-config-service';
import { DEMO_DIRECTORY } from './demo-directory';
import { DEMO_TEAM } from './demo-team';

/** Who the synthetic history can name: users who record, team members who own actions, services to refer to. */
export interface SyntheticTeam {
  /** User ids that record things (coaches when there are any, else the user running the seed). */
  readonly recorderIds: readonly string[];
  readonly seedUserId: string;
  /** Active team member ids by built-in discipline code. */
  readonly ownersByDiscipline: ReadonlyMap<string, readonly string[]>;
  readonly allOwnerIds: readonly string[];
  readonly serviceIds: readonly string[];
}

const BUILT_IN: ReadonlySet<string> = new Set(DISCIPLINES);

/**
 * Reads the partnership's team and directory, first adding the demo team (built-in disciplines
 * only, no sign-in accounts) and the demo directory when the partnership has none, through the same
 * services and schemas as the settings screens.
 */
export async function ensureSyntheticTeam(store: Store, seedUserId: string, now: Date): Promise<SyntheticTeam> {
  const sqlite = store.sqlite;
  const hasTeam = (sqlite.prepare('SELECT count(*) FROM team_members WHERE active = 1').pluck().get() as number) > 0;
  if (!hasTeam) {
    for (const { username: _username, discipline, ...member } of DEMO_TEAM) {
      if (!BUILT_IN.has(discipline)) continue;
      await saveTeamMember(
        store,
        contract['config.saveTeamMember'].input.parse({ ...member, disciplineCode: discipline }),
        seedUserId,
        now,
      );
    }
  }
  const hasDirectory = (sqlite.prepare('SELECT count(*) FROM directory_services WHERE active = 1').pluck().get() as number) > 0;
  if (!hasDirectory) {
    for (const service of DEMO_DIRECTORY)
      await saveDirectoryService(store, contract['config.saveService'].input.parse(service), seedUserId, now);
  }
  const members = sqlite.prepare('SELECT id, discipline_code AS discipline FROM team_members WHERE active = 1 ORDER BY id').all() as Array<{
    id: string;
    discipline: string;
  }>;
  const ownersByDiscipline = new Map<string, string[]>();
  for (const member of members)
    ownersByDiscipline.set(member.discipline, [...(ownersByDiscipline.get(member.discipline) ?? []), member.id]);
  const coaches = sqlite.prepare("SELECT id FROM users WHERE role = 'coach' AND disabled_at IS NULL ORDER BY id").pluck().all() as string[];
  return {
    recorderIds: coaches.length > 0 ? coaches : [seedUserId],
    seedUserId,
    ownersByDiscipline,
    allOwnerIds: members.map((member) => member.id),
    serviceIds: sqlite.prepare('SELECT id FROM directory_services WHERE active = 1 ORDER BY id').pluck().all() as string[],
  };
}
