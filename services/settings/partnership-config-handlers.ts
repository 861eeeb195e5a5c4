import { signedInCaller, type Handlers } from '../handlers';
import { saveLibraryAction } from './action-library-service';
import { saveClinicalLeads } from './clinical-leads-service';
import { readAreaCode, saveAreaCode } from './area-code-settings';
import { getPartnershipConfig, saveDirectoryService, saveDiscipline, saveTeamMember } from './partnership-config-service';
import type { SessionHolder } from '../session-holder';

/** Partnership configuration: read by every role, changed by administrators (the contract says who). */
export function partnershipConfigHandlers(
  session: SessionHolder,
  now: () => Date,
): Pick<
  Handlers,
  | 'config.get'
  | 'config.saveDiscipline'
  | 'config.saveTeamMember'
  | 'config.saveService'
  | 'config.saveLibraryAction'
  | 'config.saveClinicalLeads'
  | 'config.areaCode'
  | 'config.saveAreaCode'
> {
  return {
    'config.get': async (_input, context) => getPartnershipConfig(session.require().store, signedInCaller(context).userId),
    'config.saveDiscipline': async (input, context) =>
      saveDiscipline(session.require().store, input, signedInCaller(context).userId, now()),
    'config.saveTeamMember': async (input, context) =>
      saveTeamMember(session.require().store, input, signedInCaller(context).userId, now()),
    'config.saveService': async (input, context) =>
      saveDirectoryService(session.require().store, input, signedInCaller(context).userId, now()),
    'config.saveLibraryAction': async (input, context) =>
      saveLibraryAction(session.require().store, input, signedInCaller(context).userId, now()),
    'config.saveClinicalLeads': async (input, context) =>
      saveClinicalLeads(session.require().store, input, signedInCaller(context).userId, now()),
    'config.areaCode': async () => readAreaCode(session.require().store),
    'config.saveAreaCode': async (input, context) => saveAreaCode(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
