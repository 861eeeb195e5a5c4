import type { ParticipantStatus } from '../core/schemas/participants';
import { listParticipantsPage } from '../db/repositories/participant-repository';
import { recordConsent, withdrawConsent } from './consent-service';
import { signedInCaller, type Handlers } from './handlers';
import { getParticipantRecord } from './participant-record';
import { checkDuplicates, registerParticipant } from './participant-registration';
import type { SessionHolder } from './session-holder';

type ParticipantHandlers = Pick<
  Handlers,
  'participants.list' | 'participants.checkDuplicates' | 'participants.register' | 'participants.get' | 'consents.record' | 'consents.withdraw'
>;

/** The caseload, registration, the participant record and consent. */
export function participantHandlers(session: SessionHolder, now: () => Date): ParticipantHandlers {
  return {
    'participants.list': async ({ page, pageSize }) => {
      const { store } = session.require();
      const { total, rows } = await listParticipantsPage(store.db, { offset: (page - 1) * pageSize, limit: pageSize });
      return {
        total,
        page,
        pageSize,
        items: rows.map((row) => ({
          id: row.id,
          reference: row.reference,
          givenName: row.given_name,
          familyName: row.family_name,
          dateOfBirth: row.date_of_birth,
          nhsNumber: row.nhs_number,
          status: row.status as ParticipantStatus,
          hasOpenRiskFlag: row.has_open_risk_flag === 1,
        })),
      };
    },
    'participants.checkDuplicates': async (input) => checkDuplicates(session.require().store, input),
    'participants.register': async (input, context) => {
      const user = signedInCaller(context);
      return registerParticipant(session.require().store, input, { userId: user.userId, role: user.role }, now());
    },
    'participants.get': async ({ id }) => getParticipantRecord(session.require().store, id),
    'consents.record': async (input, context) => recordConsent(session.require().store, input, signedInCaller(context).userId, now()),
    'consents.withdraw': async (input, context) => withdrawConsent(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
