import type { SaveTeamMemberInput } from '../../core/schemas/config/team-members';

/** Local disciplines of the demo team, to show how a partnership adds its own; one is not in use. */
export const DEMO_LOCAL_DISCIPLINES: ReadonlyArray<{ readonly label: string; readonly active: boolean }> = [
  { label: 'Welfare rights', active: true },
  { label: 'Peer support', active: true },
  { label: 'Dietetics', active: false },
];

/**
 * The demo team: one member for each demo user with a clinical or coaching role, plus people with
 * no app account. Names are made up; registration numbers have the right shape but are obviously
 * fake (runs of 9s); contacts use example.org and Ofcom's drama numbers.
 */
export const DEMO_TEAM: ReadonlyArray<
  Omit<SaveTeamMemberInput, 'userId' | 'disciplineCode'> & { readonly username?: string; readonly discipline: string }
> = [
  {
    username: 'demo.coordinator',
    fullName: 'Morgan Haldane',
    discipline: 'mental_health',
    jobTitle: 'MDT coordinator and clinical lead (registered mental health nurse)',
    professionalBody: 'nmc',
    registrationNumber: '99A9999E',
    email: 'morgan.haldane@workwell-demo.example.org',
    phone: '0114 496 0201',
  },
  {
    username: 'demo.coach',
    fullName: 'Sam Okafor-Reid',
    discipline: 'employment_support',
    jobTitle: 'Work and Health Coach',
    professionalBody: 'none',
    email: 'sam.okafor-reid@workwell-demo.example.org',
    phone: '0114 496 0202',
  },
  {
    username: 'demo.physio',
    fullName: 'Priya Lindqvist',
    discipline: 'physiotherapy',
    jobTitle: 'Musculoskeletal physiotherapist',
    professionalBody: 'hcpc',
    registrationNumber: 'PH999901',
    email: 'priya.lindqvist@workwell-demo.example.org',
    phone: '0114 496 0203',
  },
  {
    username: 'demo.mh',
    fullName: 'Tom Achterberg',
    discipline: 'mental_health',
    jobTitle: 'Counsellor',
    professionalBody: 'bacp',
    registrationNumber: '999902',
    email: 'tom.achterberg@workwell-demo.example.org',
    phone: '0114 496 0204',
  },
  {
    username: 'demo.ot',
    fullName: 'Aisha Brennan',
    discipline: 'occupational_therapy',
    jobTitle: 'Occupational therapist (vocational rehabilitation)',
    professionalBody: 'hcpc',
    registrationNumber: 'OT99903',
    email: 'aisha.brennan@workwell-demo.example.org',
    phone: '0114 496 0205',
  },
  {
    fullName: 'Chris Demetriou',
    discipline: 'Welfare rights',
    jobTitle: 'Welfare rights adviser',
    professionalBody: 'none',
    email: 'chris.demetriou@workwell-demo.example.org',
    phone: '0114 496 0206',
  },
  {
    fullName: 'Jamie Thorne',
    discipline: 'physiotherapy',
    jobTitle: 'Physiotherapist (left the team)',
    professionalBody: 'hcpc',
    registrationNumber: 'PH999904',
    email: 'jamie.thorne@workwell-demo.example.org',
    active: false,
  },
];
