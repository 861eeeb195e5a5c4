import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ChannelOutput, ParsedInput } from '../../core/contract';
import { DISCIPLINE_LABELS } from '../../core/schemas/assessment';
import type { DirectoryServiceEntry, ReferralMethod, ServiceCategory } from '../../core/schemas/config/directory-services';
import { isBuiltinDiscipline, localDisciplineCode, type DisciplineEntry } from '../../core/schemas/config/disciplines';
import { PROFESSIONAL_BODY_SHORT_NAMES, type ProfessionalBody } from '../../core/schemas/config/professional-registration';
import type { TeamMemberEntry } from '../../core/schemas/config/team-members';
import type { Role } from '../../core/roles';
import {
  findDirectoryService,
  findDirectoryServiceByName,
  insertDirectoryService,
  listDirectoryServices,
  updateDirectoryServiceAtVersion,
} from '../../db/repositories/directory-service-repository';
import {
  findDiscipline,
  findDisciplineByLabel,
  insertDiscipline,
  listDisciplines,
  updateDisciplineAtVersion,
} from '../../db/repositories/discipline-repository';
import {
  findTeamMember,
  findTeamMemberByRegistration,
  findTeamMemberByUser,
  insertTeamMember,
  listTeamMembers,
  updateTeamMemberAtVersion,
} from '../../db/repositories/team-member-repository';
import { findUserById, listEnabledUsers } from '../../db/repositories/user-repository';
import type { Database, DirectoryServiceTable, DisciplineTable, TeamMemberTable } from '../../db/schema';
import type { Store } from '../../db/store';
import { listLibraryActions } from '../../db/repositories/action-library-repository';
import { toLibraryActionEntry } from './action-library-service';
import { conflict, editableRow, inTransaction, invalid, requireRow } from './config-entry-save';
import { readClinicalLeads } from './clinical-leads-service';

/** The name a discipline shows: built-ins by their national name, local ones by theirs. */
function disciplineLabel(row: Pick<DisciplineTable, 'code' | 'label'>): string {
  return isBuiltinDiscipline(row.code) ? DISCIPLINE_LABELS[row.code] : (row.label ?? row.code);
}

function toDisciplineEntry(row: DisciplineTable): DisciplineEntry {
  return {
    code: row.code,
    label: disciplineLabel(row),
    builtin: row.is_builtin === 1,
    active: row.active === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function toTeamMemberEntry(row: TeamMemberTable): TeamMemberEntry {
  return {
    id: row.id,
    fullName: row.full_name,
    disciplineCode: row.discipline_code,
    jobTitle: row.job_title,
    professionalBody: row.professional_body as ProfessionalBody,
    registrationNumber: row.registration_number,
    email: row.email,
    phone: row.phone,
    userId: row.user_id,
    active: row.active === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

function toDirectoryServiceEntry(row: DirectoryServiceTable): DirectoryServiceEntry {
  return {
    id: row.id,
    name: row.name,
    category: row.category as ServiceCategory,
    description: row.description,
    eligibility: row.eligibility,
    phone: row.phone,
    email: row.email,
    website: row.website,
    referralMethods: JSON.parse(row.referral_methods_json) as ReferralMethod[],
    active: row.active === 1,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The partnership's whole configuration, for every screen that names disciplines, people or services. */
export async function getPartnershipConfig(store: Store, userId: string): Promise<ChannelOutput<'config.get'>> {
  const disciplines = await listDisciplines(store.db);
  const members = await listTeamMembers(store.db);
  const services = await listDirectoryServices(store.db);
  const users = await listEnabledUsers(store.db);
  const clinicalLeads = await readClinicalLeads(store.db);
  const library = await listLibraryActions(store.db);
  return {
    disciplines: disciplines.map(toDisciplineEntry),
    teamMembers: members.map(toTeamMemberEntry),
    services: services.map(toDirectoryServiceEntry),
    actionLibrary: library.map(toLibraryActionEntry),
    accounts: users.map((user) => ({ id: user.id, username: user.username, displayName: user.display_name, role: user.role as Role })),
    clinicalLeads,
    myTeamMemberId: members.find((member) => member.user_id === userId)?.id ?? null,
  };
}

/** Adds a local discipline, or renames, deactivates or reactivates one. */
export async function saveDiscipline(
  store: Store,
  input: ParsedInput<'config.saveDiscipline'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveDiscipline'>> {
  const at = now.toISOString();
  return inTransaction(store, async (trx) => {
    const current =
      input.code === undefined
        ? undefined
        : editableRow(await findDiscipline(trx, input.code), input.version, 'discipline', disciplineLabel);
    const label = current?.is_builtin === 1 ? null : (input.label ?? '');
    if (label !== null) await refuseDuplicateDisciplineName(trx, label, current?.code);
    if (current === undefined) {
      const taken = new Set((await listDisciplines(trx)).map((row) => row.code));
      const newCode = localDisciplineCode(label ?? '', taken);
      await insertDiscipline(trx, {
        code: newCode,
        label,
        is_builtin: 0,
        active: input.active ? 1 : 0,
        version: 1,
        created_at: at,
        updated_at: at,
        updated_by: userId,
      });
      return toDisciplineEntry(await requireRow(findDiscipline(trx, newCode)));
    }
    const saved = await updateDisciplineAtVersion(trx, current.code, current.version, {
      label,
      active: input.active ? 1 : 0,
      updated_at: at,
      updated_by: userId,
    });
    if (!saved) throw conflict(disciplineLabel(current));
    return toDisciplineEntry(await requireRow(findDiscipline(trx, current.code)));
  });
}

async function refuseDuplicateDisciplineName(db: Kysely<Database>, label: string, exceptCode: string | undefined): Promise<void> {
  const builtin = Object.values(DISCIPLINE_LABELS).find((name) => name.toLowerCase() === label.toLowerCase());
  const existing = builtin ?? (await findDisciplineByLabel(db, label, exceptCode))?.label;
  if (existing !== undefined && existing !== null) throw invalid('label', `There is already a discipline called “${existing}”`);
}

/** Adds a team member or changes one; people who leave are deactivated, never deleted. */
export async function saveTeamMember(
  store: Store,
  input: ParsedInput<'config.saveTeamMember'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveTeamMember'>> {
  const at = now.toISOString();
  return inTransaction(store, async (trx) => {
    const current =
      input.id === undefined
        ? undefined
        : editableRow(await findTeamMember(trx, input.id), input.version, 'team member', (row) => row.full_name);
    await checkTeamMemberLinks(trx, input, current);
    const row = {
      full_name: input.fullName,
      discipline_code: input.disciplineCode,
      job_title: input.jobTitle,
      professional_body: input.professionalBody,
      registration_number: input.registrationNumber === '' ? null : input.registrationNumber,
      email: input.email,
      phone: input.phone,
      user_id: input.userId,
      active: input.active ? 1 : 0,
      updated_at: at,
      updated_by: userId,
    };
    if (current === undefined) {
      const newId = randomUUID();
      await insertTeamMember(trx, { id: newId, ...row, version: 1, created_at: at });
      return toTeamMemberEntry(await requireRow(findTeamMember(trx, newId)));
    }
    if (!(await updateTeamMemberAtVersion(trx, current.id, current.version, row))) throw conflict(current.full_name);
    return toTeamMemberEntry(await requireRow(findTeamMember(trx, current.id)));
  });
}

/** The discipline, the linked account and the registration must each make sense with the rest of the team. */
async function checkTeamMemberLinks(
  db: Kysely<Database>,
  input: ParsedInput<'config.saveTeamMember'>,
  current: TeamMemberTable | undefined,
): Promise<void> {
  const discipline = await findDiscipline(db, input.disciplineCode);
  if (discipline === undefined) throw invalid('disciplineCode', 'Choose a discipline from the list');
  if (discipline.active === 0 && discipline.code !== current?.discipline_code) {
    throw invalid(
      'disciplineCode',
      `${disciplineLabel(discipline)} is not active in this team. Reactivate it under Disciplines first, or choose another.`,
    );
  }
  if (input.userId !== null) {
    const user = await findUserById(db, input.userId);
    if (user === undefined || user.disabled_at !== null) throw invalid('userId', 'Choose an app account from the list');
    const linked = await findTeamMemberByUser(db, input.userId);
    if (linked !== undefined && linked.id !== current?.id) throw invalid('userId', `That account is already linked to ${linked.full_name}`);
  }
  if (input.registrationNumber !== '') {
    const holder = await findTeamMemberByRegistration(db, {
      body: input.professionalBody,
      number: input.registrationNumber,
      exceptId: current?.id,
    });
    if (holder !== undefined)
      throw invalid(
        'registrationNumber',
        `That ${PROFESSIONAL_BODY_SHORT_NAMES[input.professionalBody]} number is already recorded for ${holder.full_name}`,
      );
  }
}

/** Adds an onward service to the directory or changes one; deactivated, never deleted. */
export async function saveDirectoryService(
  store: Store,
  input: ParsedInput<'config.saveService'>,
  userId: string,
  now: Date,
): Promise<ChannelOutput<'config.saveService'>> {
  const at = now.toISOString();
  return inTransaction(store, async (trx) => {
    const current =
      input.id === undefined
        ? undefined
        : editableRow(await findDirectoryService(trx, input.id), input.version, 'service', (row) => row.name);
    const namesake = await findDirectoryServiceByName(trx, input.name, current?.id);
    if (namesake !== undefined) throw invalid('name', `There is already a service called “${namesake.name}” in the directory`);
    const row = {
      name: input.name,
      category: input.category,
      description: input.description,
      eligibility: input.eligibility,
      phone: input.phone,
      email: input.email,
      website: input.website,
      referral_methods_json: JSON.stringify(input.referralMethods),
      active: input.active ? 1 : 0,
      updated_at: at,
      updated_by: userId,
    };
    if (current === undefined) {
      const newId = randomUUID();
      await insertDirectoryService(trx, { id: newId, ...row, version: 1, created_at: at });
      return toDirectoryServiceEntry(await requireRow(findDirectoryService(trx, newId)));
    }
    if (!(await updateDirectoryServiceAtVersion(trx, current.id, current.version, row))) throw conflict(current.name);
    return toDirectoryServiceEntry(await requireRow(findDirectoryService(trx, current.id)));
  });
}
