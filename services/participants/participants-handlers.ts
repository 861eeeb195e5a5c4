import { recordConsent, withdrawConsent } from './consent-service';
import { signedInCaller, type Handlers } from '../handlers';
import { getParticipantRecord } from './participant-record';
import { participantViewFor } from './participant-view';
import { checkDuplicates, registerParticipant } from './participant-registration';
import { editParticipantDetails } from './participant-details-edit';
import { addContact } from './contact-log-service';
import { assignCoach, closeCase } from './case-lifecycle-service';
import type { SessionHolder } from '../session-holder';

type ParticipantHandlers = Pick<
  Handlers,
  | 'participants.checkDuplicates'
  | 'participants.register'
  | 'participants.get'
  | 'participants.editDetails'
  | 'contacts.add'
  | 'participants.assignCoach'
  | 'participants.close'
  | 'consents.record'
  | 'consents.withdraw'
>;

/** Registration, the participant record and consent. */
export function participantHandlers(session: SessionHolder, now: () => Date): ParticipantHandlers {
  return {
    'participants.checkDuplicates': async (input) => checkDuplicates(session.require().store, input),
    'participants.register': async (input, context) => {
      const user = signedInCaller(context);
      return registerParticipant(session.require().store, input, { userId: user.userId, role: user.role }, now());
    },
    'participants.get': async ({ id }, context) =>
      participantViewFor(await getParticipantRecord(session.require().store, id), signedInCaller(context)),
    'participants.editDetails': async (input, context) =>
      editParticipantDetails(session.require().store, input, signedInCaller(context).userId, now()),
    'contacts.add': async (input, context) => addContact(session.require().store, input, signedInCaller(context), now()),
    'participants.assignCoach': async (input) => assignCoach(session.require().store, input, now()),
    'participants.close': async (input, context) => closeCase(session.require().store, input, signedInCaller(context).userId, now()),
    'consents.record': async (input, context) => recordConsent(session.require().store, input, signedInCaller(context).userId, now()),
    'consents.withdraw': async (input, context) => withdrawConsent(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
