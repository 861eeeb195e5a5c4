/** @jsxRuntime automatic */
/** @jsxImportSource react */
import { describe, expect, it } from 'vitest';
import { PlanDocument } from '../../../../services/documents/plan-document';
import type { PlanDocumentModel } from '../../../../services/documents/plan-document-model';
import { renderPdf } from '../../../../services/documents/render-pdf';
import { pdfText } from '../../../support/pdf-text';

/** A synthetic plan long enough that its table of actions runs over several pages. */
function longPlan(): PlanDocumentModel {
  return {
    personName: 'Alex Testperson',
    reference: 'WW-000001',
    versionNumber: 1,
    statusLabel: 'Agreed by the MDT',
    goals: ['Back to full shifts by February'],
    actions: Array.from({ length: 60 }, (_, index) => ({
      what: `Action number ${index + 1}: a session with the team, described in a sentence of some length`,
      kind: 'Support from the team',
      who: 'Pat Physio',
      discipline: 'Physiotherapy',
      dueOn: '2027-01-15',
      status: 'Not started',
      goal: null,
      service: null,
    })),
    reviewOn: '2027-02-01',
    agreedByMdtOn: '2026-12-01',
    agreedWithPersonOn: null,
    contacts: [{ name: 'Sam Coach', role: 'Work and Health Coach', phone: '0114 496 0000', email: 'sam.coach@example.nhs.uk' }],
  };
}

describe('document tables (issue 15, defect 11)', () => {
  it('repeat their header row on every page they run onto', { timeout: 60_000 }, async () => {
    const meta = {
      title: 'Action plan',
      version: 'Version 1',
      organisation: 'Demo',
      generatedBy: 'Sam Coach',
      generatedAt: '2026-12-06T10:00:00.000Z',
      draft: false,
    };
    const pages = (await pdfText(await renderPdf(<PlanDocument model={longPlan()} meta={meta} largePrint={false} />))).split('\f');
    const withActions = pages.filter((page) => page.includes('Action number'));
    expect(withActions.length).toBeGreaterThan(1);
    for (const page of withActions) expect(page).toContain('What will happen');
  });
});
