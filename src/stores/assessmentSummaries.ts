/**
 * The one-line summary of each assessment on the start page. Loaded only once the list is on
 * screen: it brings the content and the verdict's rules, which the start page does not need to
 * appear.
 */
import { readAssessmentInput } from '@/db/assessmentRepository'
import type { Workspace } from '@/domain/model'
import { assessmentSummary, type AssessmentSummary } from '@/domain/summary'

export async function summaryOf(workspace: Workspace): Promise<AssessmentSummary> {
  return assessmentSummary(await readAssessmentInput(workspace))
}
