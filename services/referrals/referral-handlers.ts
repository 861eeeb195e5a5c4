import { signedInCaller, type Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import { readEligibility, saveEligibility } from './eligibility-settings';
import { acceptReferral, declineReferral, importReferrals, listInbox } from './referral-inbox-service';

type ReferralChannels =
  'referrals.list' | 'referrals.import' | 'referrals.accept' | 'referrals.decline' | 'config.eligibility' | 'config.saveEligibility';

/** The referral inbox and the eligibility rules it is judged against. */
export function referralHandlers(session: SessionHolder, now: () => Date): Pick<Handlers, ReferralChannels> {
  return {
    'referrals.list': async (input) => listInbox(session.require().store, input),
    'referrals.import': async (input, context) => importReferrals(session.require().store, input, signedInCaller(context).userId, now()),
    'referrals.accept': async (input, context) => acceptReferral(session.require().store, input, signedInCaller(context), now()),
    'referrals.decline': async (input, context) => {
      await declineReferral(session.require().store, input, signedInCaller(context).userId, now());
      return {};
    },
    'config.eligibility': async () => readEligibility(session.require().store.db),
    'config.saveEligibility': async (input, context) =>
      saveEligibility(session.require().store, input, signedInCaller(context).userId, now()),
  };
}
