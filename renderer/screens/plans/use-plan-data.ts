import { useCallback } from 'react';
import type { ParticipantPlans } from '../../../core/schemas/action-plan';
import type { PartnershipConfig } from '../../../core/schemas/config/partnership-config';
import { ok, type Result } from '../../../core/result';
import { useApi } from '../../api/api-context';
import { useLoaded } from '../../use-loaded';

export interface PlanData {
  readonly plans: ParticipantPlans;
  readonly config: PartnershipConfig;
}

/**
 * Loads a person's plan history and the partnership configuration its choices come from: the
 * current episode's plan, or an earlier episode's when `episode` names it (issue 20 item 4).
 */
export function usePlanData(participantId: string, episode?: number) {
  const api = useApi();
  const {
    value: data,
    error,
    reload,
  } = useLoaded(
    useCallback(async (): Promise<Result<PlanData>> => {
      const [plans, config] = await Promise.all([
        api.call('plans.get', episode === undefined ? { participantId } : { participantId, episode }),
        api.call('config.get', {}),
      ]);
      if (!plans.ok) return plans;
      if (!config.ok) return config;
      return ok({ plans: plans.value, config: config.value });
    }, [api, participantId, episode]),
  );
  return { data, error, reload };
}

/** Names for ids in a plan: team members, services and disciplines, inactive ones included (old plans name them). */
export function planLabels(config: PartnershipConfig) {
  const members = new Map(config.teamMembers.map((member) => [member.id, member.fullName]));
  const services = new Map(config.services.map((service) => [service.id, service.name]));
  const disciplines = new Map(config.disciplines.map((discipline) => [discipline.code, discipline.label]));
  return {
    member: (id: string | null) => (id === null ? 'Not chosen' : (members.get(id) ?? 'Unknown')),
    service: (id: string | null) => (id === null ? '' : (services.get(id) ?? 'Unknown service')),
    discipline: (code: string) => disciplines.get(code) ?? code,
  };
}
export type PlanLabels = ReturnType<typeof planLabels>;
