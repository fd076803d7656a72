import { computed, shallowRef, watch, type Ref } from 'vue'
import type { Risk } from '@/domain/model'
import { filterRisks, type RiskCriteria, type RiskFilter } from '@/domain/risk'

/** Risks listed per page of the register. */
export const RISK_PAGE_SIZE = 25

/**
 * What the risk register lists: the risks matching the search, treatment and heat-map cell, in
 * the domain's order, a page at a time. While a risk is open the list keeps the order it had
 * when it opened (and keeps listing the open risk even if an edit takes it out of the filter):
 * re-rating a risk must not move the card being edited away from under the user. Closing it
 * lets the list sort again.
 */
export function useRiskListing(options: {
  risks: Readonly<Ref<readonly Risk[]>>
  criteria: Readonly<Ref<RiskCriteria>>
  loaded: Readonly<Ref<boolean>>
  /** The open risk's id, or null. */
  openId: Readonly<Ref<string | null>>
}) {
  const { risks, criteria, loaded, openId } = options
  const text = shallowRef('')
  const treatment = shallowRef<RiskFilter['treatment']>('any')
  const cell = shallowRef<RiskFilter['cell']>(null)
  const page = shallowRef(0)
  watch([text, treatment, cell], () => {
    page.value = 0
  })

  const frozenOrder = shallowRef<ReadonlyMap<string, number> | null>(null)
  const sorted = computed(() =>
    filterRisks(
      risks.value,
      { text: text.value, treatment: treatment.value, cell: cell.value },
      criteria.value,
    ),
  )
  const shown = computed(() => {
    const order = frozenOrder.value
    if (!order) return sorted.value
    const list = [...sorted.value]
    const open = risks.value.find((r) => r.id === openId.value)
    if (open && !list.includes(open)) list.push(open)
    const rank = (r: Risk) => order.get(r.id) ?? Number.MAX_SAFE_INTEGER
    return list.sort((a, b) => rank(a) - rank(b))
  })
  /** Keeps today's order (with `first` at the head) until no risk is open. */
  function freeze(first?: string) {
    const ids = sorted.value.map((r) => r.id).filter((riskId) => riskId !== first)
    frozenOrder.value = new Map((first ? [first, ...ids] : ids).map((riskId, i) => [riskId, i]))
  }
  watch(
    [openId, loaded],
    ([riskId, ready]) => {
      if (!riskId) frozenOrder.value = null
      else if (ready && !frozenOrder.value) freeze()
    },
    { immediate: true },
  )

  const pages = computed(() => Math.max(1, Math.ceil(shown.value.length / RISK_PAGE_SIZE)))
  const pageRisks = computed(() =>
    shown.value.slice(page.value * RISK_PAGE_SIZE, (page.value + 1) * RISK_PAGE_SIZE),
  )
  // A link to a risk (from the Report or Annex A) turns to the page that lists it.
  watch(
    [openId, loaded],
    ([riskId, ready]) => {
      if (!riskId || !ready) return
      const index = shown.value.findIndex((r) => r.id === riskId)
      if (index >= 0) page.value = Math.floor(index / RISK_PAGE_SIZE)
    },
    { immediate: true },
  )

  function clearFilters() {
    text.value = ''
    cell.value = null
    treatment.value = 'any'
  }

  return { text, treatment, cell, page, pages, shown, pageRisks, freeze, clearFilters }
}
