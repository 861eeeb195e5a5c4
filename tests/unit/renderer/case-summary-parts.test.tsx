import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { DisciplineAssessment } from '../../../core/schemas/discipline-assessment';
import type { ParticipantRecord } from '../../../core/schemas/participant-record';
import { CaseDisciplineAssessments } from '../../../renderer/screens/meetings/case-discipline-assessments';
import { ageOn } from '../../../core/calendar-date';
import { MeasureSparkline } from '../../../renderer/screens/meetings/measure-sparkline';

function assessment(discipline: DisciplineAssessment['discipline'], status: 'draft' | 'signed', findings: string): DisciplineAssessment {
  return {
    id: `${discipline}-${status}`,
    version: 1,
    status,
    authorId: 'author',
    authorName: 'Priya Lindqvist',
    recordedAt: '2026-11-30T10:00:00.000Z',
    signedAt: status === 'signed' ? '2026-12-01T09:00:00.000Z' : null,
    signedByName: status === 'signed' ? 'Priya Lindqvist' : null,
    amendment: null,
    discipline,
    assessedOn: '2026-11-30',
    findings,
    workImpact: '',
    recommendations: status === 'signed' ? 'Graded return over four weeks' : '',
    earlierVersions: [],
  };
}

/** Only the fields the component reads; the rest of a record does not matter here. */
function record(parts: Pick<ParticipantRecord, 'disciplineAssessments' | 'draftsByOthers'>): ParticipantRecord {
  return parts as ParticipantRecord;
}

describe('the case summary in meeting mode', () => {
  it('shows each discipline: signed (by whom), the reader’s own draft, another’s draft by its author only, or none yet', () => {
    const html = renderToStaticMarkup(
      <CaseDisciplineAssessments
        person={record({
          disciplineAssessments: [
            assessment('physiotherapy', 'signed', 'Lumbar pain on lifting'),
            assessment('occupational_therapy', 'draft', 'My own notes on fatigue'),
          ],
          draftsByOthers: [{ id: 'mh', discipline: 'mental_health', authorName: 'Tom Achterberg', recordedAt: '2026-12-02T11:00:00.000Z' }],
        })}
      />,
    );
    expect(html).toContain('Signed by Priya Lindqvist');
    expect(html).toContain('Lumbar pain on lifting');
    expect(html).toContain('Recommends: </span>Graded return over four weeks');
    expect(html).toContain('Your draft, not signed');
    expect(html).toContain('My own notes on fatigue');
    expect(html).toContain('Draft by Tom Achterberg');
    expect(html).toContain('its text stays with its author');
  });

  it('says "None yet" for a discipline with nothing recorded', () => {
    const html = renderToStaticMarkup(<CaseDisciplineAssessments person={record({ disciplineAssessments: [], draftsByOthers: [] })} />);
    expect(html.match(/None yet/g)).toHaveLength(3);
  });

  it('counts age in whole years, the birthday itself included', () => {
    expect(ageOn('1980-12-06', '2026-12-06')).toBe(46);
    expect(ageOn('1980-12-07', '2026-12-06')).toBe(45);
    expect(ageOn('2000-02-29', '2027-02-28')).toBe(26);
  });

  it('draws a small trend only from two scored results, hidden from screen readers', () => {
    expect(renderToStaticMarkup(<MeasureSparkline points={[{ takenOn: '2026-10-01', total: 16, bandLabel: null }]} />)).toBe('');
    const html = renderToStaticMarkup(
      <MeasureSparkline
        points={[
          { takenOn: '2026-10-01', total: 16, bandLabel: null },
          { takenOn: '2026-11-01', total: 12, bandLabel: null },
          { takenOn: '2026-12-01', total: 9, bandLabel: null },
        ]}
      />,
    );
    expect(html).toMatch(/^<svg[^>]*aria-hidden="true"/);
    expect(html.match(/<circle /g)).toHaveLength(3);
  });
});
