import { defineStore, storeToRefs } from 'pinia'
import { computed } from 'vue'
import type { AssessmentInput } from '@/domain/assessment'
import { buildGaps } from '@/domain/gaps'
import { rankImprovements } from '@/domain/improvements'
import { computeReadiness } from '@/domain/readiness'
import { buildSoa } from '@/domain/soa'
import { useAssessmentStore } from './assessment'
import { useRisksStore } from './risks'

/**
 * What the open workspace's answers and decisions add up to: the readiness score, the gap
 * list, the draft SoA and the actions that raise the score most. Computed by the domain,
 * again whenever an answer or decision changes (in this tab or another).
 */
export const useResultsStore = defineStore('results', () => {
  const assessment = useAssessmentStore()
  const { answers, decisions, answersLoaded, decisionsLoaded } = storeToRefs(assessment)
  const { risks, loaded: risksLoaded } = storeToRefs(useRisksStore())

  const input = computed<AssessmentInput>(() => ({
    answers: [...answers.value.values()],
    decisions: [...decisions.value.values()],
    risks: risks.value,
  }))
  const loaded = computed(() => answersLoaded.value && decisionsLoaded.value && risksLoaded.value)
  const readiness = computed(() => computeReadiness(input.value))
  const gaps = computed(() => buildGaps(input.value))
  const soa = computed(() => buildSoa(input.value))
  const improvements = computed(() => rankImprovements(input.value, 5))

  return { loaded, readiness, gaps, soa, improvements }
})
