import { defineStore, storeToRefs } from 'pinia'
import { computed } from 'vue'
import { indexAssessment, type AssessmentInput } from '@/domain/assessment'
import { localDate } from '@/components/format'
import { buildGaps } from '@/domain/gaps'
import { rankImprovementsOf } from '@/domain/improvements'
import { readinessOf, verdictBasis } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import { useAssessmentStore } from './assessment'
import { useCurrentWorkspaceStore } from './currentWorkspace'
import { useRisksStore } from './risks'
import { useRegisterStore } from './register'

/**
 * What the open workspace's records add up to: the readiness verdict, the gap list, the draft
 * SoA and the actions that raise the score most. Computed by the domain, again whenever an
 * answer, decision, risk, register row or the workspace's scope and risk criteria change (in this
 * tab or another).
 */
export const useResultsStore = defineStore('results', () => {
  const assessment = useAssessmentStore()
  const { answers, decisions, answersLoaded, decisionsLoaded } = storeToRefs(assessment)
  const { risks, loaded: risksLoaded } = storeToRefs(useRisksStore())
  const { workspace } = storeToRefs(useCurrentWorkspaceStore())
  const { entries: registerEntries, loaded: registerLoaded } = storeToRefs(useRegisterStore())

  const input = computed<AssessmentInput>(() => ({
    answers: [...answers.value.values()],
    decisions: [...decisions.value.values()],
    risks: risks.value,
    workspace: workspace.value
      ? {
          scopeStatement: workspace.value.scopeStatement,
          riskCriteria: workspace.value.riskCriteria,
        }
      : undefined,
    // The register of documents is the record of the mandatory documents (read as of today).
    register: { entries: registerEntries.value, today: localDate() },
  }))
  const loaded = computed(
    () => answersLoaded.value && decisionsLoaded.value && risksLoaded.value && registerLoaded.value,
  )
  const index = computed(() => indexAssessment(input.value))
  const basis = computed(() => verdictBasis(index.value))
  const readiness = computed(() => readinessOf(index.value, basis.value))
  const gaps = computed(() => buildGaps(input.value, index.value, basis.value.records))
  const soa = computed(() => buildSoa(input.value, index.value))
  const improvements = computed(() => rankImprovementsOf(index.value, basis.value, 5, localDate()))

  return { loaded, input, readiness, gaps, soa, improvements }
})
