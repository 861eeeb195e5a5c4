import type { PartnershipConfig } from '../../core/schemas/config/partnership-config';

/** The team member record of a demo user (`demo.ot`...), found through their account; fails the test if there is none. */
export function demoTeamMember(config: PartnershipConfig, username: string): PartnershipConfig['teamMembers'][number] {
  const account = config.accounts.find((candidate) => candidate.username === username);
  const member = config.teamMembers.find((candidate) => candidate.userId === account?.id);
  if (member === undefined) throw new Error(`no team member for ${username}`);
  return member;
}

/** The demo team's member ids by role, as plans, meetings and documents name their owners and attendees. */
export function demoTeam(config: PartnershipConfig) {
  const id = (username: string) => demoTeamMember(config, username).id;
  return { coordinator: id('demo.coordinator'), coach: id('demo.coach'), physio: id('demo.physio'), mh: id('demo.mh'), ot: id('demo.ot') };
}
