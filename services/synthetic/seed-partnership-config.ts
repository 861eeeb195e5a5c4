import { contract } from '../../core/contract';
import { findUserByUsername } from '../../db/repositories/user-repository';
import type { Store } from '../../db/store';
import { saveLibraryAction } from '../settings/action-library-service';
import { saveDirectoryService, saveDiscipline, saveTeamMember } from '../settings/partnership-config-service';
import { DEMO_ACTION_LIBRARY } from './demo-action-library';
import { DEMO_DIRECTORY } from './demo-directory';
import { DEMO_LOCAL_DISCIPLINES, DEMO_TEAM } from './demo-team';
import { seedDemoRetentionExamples } from './seed-retention';

/**
 * Fills the demo partnership's configuration: local disciplines, the team (linked to the demo
 * users), the directory and the library of common actions. Every entry goes through the contract's input schema and the same
 * service as the settings screens, so the demo cannot hold anything the app would refuse.
 */
export async function seedDemoPartnershipConfig(store: Store, adminUserId: string, now: Date): Promise<void> {
  const localCodes = new Map<string, string>();
  for (const discipline of DEMO_LOCAL_DISCIPLINES) {
    const saved = await saveDiscipline(store, contract['config.saveDiscipline'].input.parse(discipline), adminUserId, now);
    localCodes.set(discipline.label, saved.code);
  }
  for (const { username, discipline, ...member } of DEMO_TEAM) {
    const userId = username === undefined ? undefined : (await findUserByUsername(store.db, username))?.id;
    const input = { ...member, disciplineCode: localCodes.get(discipline) ?? discipline, userId };
    await saveTeamMember(store, contract['config.saveTeamMember'].input.parse(input), adminUserId, now);
  }
  for (const service of DEMO_DIRECTORY) {
    await saveDirectoryService(store, contract['config.saveService'].input.parse(service), adminUserId, now);
  }
  for (const action of DEMO_ACTION_LIBRARY) {
    await saveLibraryAction(store, contract['config.saveLibraryAction'].input.parse(action), adminUserId, now);
  }
  seedDemoRetentionExamples(store, adminUserId, now);
}
