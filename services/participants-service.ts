import type { ParticipantStatus } from '../core/schemas/participants';
import { listParticipantsPage } from '../db/repositories/participant-repository';
import type { Handlers } from './handlers';
import type { SessionHolder } from './session-holder';

type ParticipantHandlers = Pick<Handlers, 'participants.list'>;

/** The caseload. */
export function participantHandlers(session: SessionHolder): ParticipantHandlers {
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
        })),
      };
    },
  };
}
