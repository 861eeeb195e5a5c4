import type { Handlers } from '../handlers';
import type { SessionHolder } from '../session-holder';
import type { ResumePoints } from './resume-points';

/** Saving the place before an idle lock, and taking it back after the same person unlocks. */
export function resumeHandlers(
  session: SessionHolder,
  resume: ResumePoints,
): Pick<Handlers, 'session.saveResumePoint' | 'session.takeResumePoint'> {
  return {
    'session.saveResumePoint': async (input) => {
      resume.save(session.require().user, input);
      return {};
    },
    'session.takeResumePoint': async () => ({ resumePoint: resume.take(session.require().user) }),
  };
}
