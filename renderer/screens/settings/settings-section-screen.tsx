import type { SettingsSection } from '../../routing';
import { ActionLibraryScreen } from './action-library-screen';
import { AreaCodeScreen } from './area-code-screen';
import { ClinicalLeadsScreen } from './clinical-leads-screen';
import { DirectoryScreen } from './directory-screen';
import { DisciplinesScreen } from './disciplines-screen';
import { EligibilityScreen } from './eligibility-screen';
import { TeamMembersScreen } from './team-members-screen';
import { WaitingTargetsScreen } from './waiting-targets-screen';

/** One page of the partnership settings, by its address. */
export function SettingsSectionScreen({ section }: { section: SettingsSection }) {
  switch (section) {
    case 'disciplines':
      return <DisciplinesScreen />;
    case 'team':
      return <TeamMembersScreen />;
    case 'directory':
      return <DirectoryScreen />;
    case 'action-library':
      return <ActionLibraryScreen />;
    case 'clinical-leads':
      return <ClinicalLeadsScreen />;
    case 'eligibility':
      return <EligibilityScreen />;
    case 'waiting-targets':
      return <WaitingTargetsScreen />;
    case 'area-code':
      return <AreaCodeScreen />;
  }
}
