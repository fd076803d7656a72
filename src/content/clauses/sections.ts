/**
 * The clauses 4–10 of ISO/IEC 27001:2022 and their 30 assessable sub-clauses, in the standard's
 * order. Numbers and short titles are references.
 */
import type { ClauseChapterInfo, ClauseSection } from '../types'

export const CLAUSE_CHAPTERS = [
  { chapter: 4, title: 'Context of the organization' },
  { chapter: 5, title: 'Leadership' },
  { chapter: 6, title: 'Planning' },
  { chapter: 7, title: 'Support' },
  { chapter: 8, title: 'Operation' },
  { chapter: 9, title: 'Performance evaluation' },
  { chapter: 10, title: 'Improvement' },
] as const satisfies readonly ClauseChapterInfo[]

export const CLAUSE_SECTIONS = [
  { id: '4.1', chapter: 4, title: 'Understanding the organization and its context' },
  {
    id: '4.2',
    chapter: 4,
    title: 'Understanding the needs and expectations of interested parties',
  },
  {
    id: '4.3',
    chapter: 4,
    title: 'Determining the scope of the information security management system',
  },
  { id: '4.4', chapter: 4, title: 'Information security management system' },
  { id: '5.1', chapter: 5, title: 'Leadership and commitment' },
  { id: '5.2', chapter: 5, title: 'Policy' },
  { id: '5.3', chapter: 5, title: 'Organizational roles, responsibilities and authorities' },
  { id: '6.1.1', chapter: 6, title: 'Actions to address risks and opportunities: general' },
  { id: '6.1.2', chapter: 6, title: 'Information security risk assessment' },
  { id: '6.1.3', chapter: 6, title: 'Information security risk treatment' },
  { id: '6.2', chapter: 6, title: 'Information security objectives and planning to achieve them' },
  { id: '6.3', chapter: 6, title: 'Planning of changes' },
  { id: '7.1', chapter: 7, title: 'Resources' },
  { id: '7.2', chapter: 7, title: 'Competence' },
  { id: '7.3', chapter: 7, title: 'Awareness' },
  { id: '7.4', chapter: 7, title: 'Communication' },
  { id: '7.5.1', chapter: 7, title: 'Documented information: general' },
  { id: '7.5.2', chapter: 7, title: 'Creating and updating' },
  { id: '7.5.3', chapter: 7, title: 'Control of documented information' },
  { id: '8.1', chapter: 8, title: 'Operational planning and control' },
  { id: '8.2', chapter: 8, title: 'Information security risk assessment' },
  { id: '8.3', chapter: 8, title: 'Information security risk treatment' },
  { id: '9.1', chapter: 9, title: 'Monitoring, measurement, analysis and evaluation' },
  { id: '9.2.1', chapter: 9, title: 'Internal audit: general' },
  { id: '9.2.2', chapter: 9, title: 'Internal audit programme' },
  { id: '9.3.1', chapter: 9, title: 'Management review: general' },
  { id: '9.3.2', chapter: 9, title: 'Management review inputs' },
  { id: '9.3.3', chapter: 9, title: 'Management review results' },
  { id: '10.1', chapter: 10, title: 'Continual improvement' },
  { id: '10.2', chapter: 10, title: 'Nonconformity and corrective action' },
] as const satisfies readonly ClauseSection[]
