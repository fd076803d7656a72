import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { defineComponent, nextTick } from 'vue'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { createMemoryHistory, createRouter } from 'vue-router'
import GapList from '@/components/results/GapList.vue'
import { buildGaps, type Gap } from '@/domain/gaps'
import { riskRefs } from '@/domain/wording'
import { useAnnouncerStore } from '@/stores/announcer'
import { largeWorkspace } from '../../bench/largeWorkspace'
import { assessmentInput, halfway } from '../e2e/support/verdictFixtures'

const Empty = defineComponent({ template: '<div />' })
const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/', component: Empty },
    { path: '/w/:workspaceId/risks', name: 'risks', component: Empty },
    { path: '/w/:workspaceId/clauses/:clause?', name: 'clauses', component: Empty },
    { path: '/w/:workspaceId/annex-a', name: 'annex-a', component: Empty },
  ],
})

/** 1,000 risks: a few hundred findings on risks, beside every gap on clauses and controls. */
const LARGE_INPUT = largeWorkspace(1_000)
const LARGE = buildGaps(LARGE_INPUT)
const REFS = riskRefs(LARGE_INPUT.risks ?? [])
const onRisks = (gaps: readonly Gap[]) => gaps.filter((g) => g.riskId !== null)
const onRecords = (gaps: readonly Gap[]) => gaps.filter((g) => g.riskId === null)

function mountList(gaps: readonly Gap[] = LARGE) {
  return mount(GapList, {
    props: { gaps, workspaceId: 'w', riskRefs: REFS },
    global: { plugins: [router] },
    attachTo: document.body,
  })
}

const text = (wrapper: VueWrapper, selector: string) =>
  wrapper.get(selector).text().replace(/\s+/g, ' ').trim()
const rowsIn = (wrapper: VueWrapper, region: string) =>
  wrapper.get(`[role="region"][aria-label="${region}"]`).findAll('tbody tr')
const riskRows = (wrapper: VueWrapper) => rowsIn(wrapper, 'Findings on risks (scrolls sideways)')
const recordRows = (wrapper: VueWrapper) => rowsIn(wrapper, 'Gap list (scrolls sideways)')
const moreButton = (wrapper: VueWrapper) =>
  wrapper.findAll('button').find((b) => /^Show \d+ more findings on risks$/.test(b.text()))
const headings = (wrapper: VueWrapper) => wrapper.findAll('h4').map((h) => h.text())

beforeEach(() => {
  setActivePinia(createPinia())
})
enableAutoUnmount(afterEach)

describe('GapList with a large risk register', () => {
  it('lists every gap on clauses and controls and the first 50 findings on risks, counting all', () => {
    expect(onRisks(LARGE).length).toBeGreaterThan(150)
    const wrapper = mountList()
    expect(text(wrapper, '[role="status"]')).toBe(`Showing ${LARGE.length} of ${LARGE.length}`)
    expect(headings(wrapper)).toEqual([
      `Clauses and Annex A controls (${onRecords(LARGE).length})`,
      `Findings on risks (${onRisks(LARGE).length})`,
    ])
    expect(recordRows(wrapper)).toHaveLength(onRecords(LARGE).length)
    expect(riskRows(wrapper)).toHaveLength(50)
    expect(wrapper.text()).toContain(`Listing 50 of ${onRisks(LARGE).length} findings on risks.`)
    // The first rows are the most severe findings, in the domain's order.
    expect(riskRows(wrapper)[0]?.text()).toContain(onRisks(LARGE)[0]?.text)
  })

  it('shows 50 more on request, moves focus to the first new one and announces the count', async () => {
    const wrapper = mountList()
    const announcer = useAnnouncerStore()
    await moreButton(wrapper)?.trigger('click')
    await flushPromises()
    expect(riskRows(wrapper)).toHaveLength(100)
    const first = onRisks(LARGE)[50]
    expect(document.activeElement?.textContent?.trim()).toBe(
      `${REFS.get(first?.riskId ?? '')} ${first?.title}`,
    )
    expect(document.activeElement?.closest('tr')?.textContent).toContain(first?.text)
    expect(announcer.message).toBe(`Listing 100 of ${onRisks(LARGE).length} findings on risks.`)
  })

  // Renders every finding of the large register, a few thousand rows in happy-dom: seconds of
  // work that a loaded machine can stretch several times.
  it(
    'names the last, shorter step and drops the button once everything is listed',
    { timeout: 60_000 },
    async () => {
      const wrapper = mountList()
      const total = onRisks(LARGE).length
      while (riskRows(wrapper).length + 50 < total) {
        await moreButton(wrapper)?.trigger('click')
        await nextTick()
      }
      expect(moreButton(wrapper)?.text()).toBe(
        `Show ${total - riskRows(wrapper).length} more findings on risks`,
      )
      await moreButton(wrapper)?.trigger('click')
      await nextTick()
      expect(riskRows(wrapper)).toHaveLength(total)
      expect(moreButton(wrapper)).toBeUndefined()
      expect(wrapper.text()).not.toContain('Listing')
    },
  )

  it('counts every match of a filter, not only the rows listed, and starts again at 50', async () => {
    const wrapper = mountList()
    await moreButton(wrapper)?.trigger('click')
    const [severity, area] = wrapper.findAll('select')
    await severity?.setValue('high')
    const high = LARGE.filter((g) => g.severity === 'high')
    expect(onRisks(high).length).toBeGreaterThan(50)
    expect(text(wrapper, '[role="status"]')).toBe(`Showing ${high.length} of ${LARGE.length}`)
    expect(riskRows(wrapper)).toHaveLength(50)
    expect(riskRows(wrapper).every((row) => row.text().includes('High'))).toBe(true)

    await severity?.setValue('any')
    await area?.setValue('risks')
    expect(text(wrapper, '[role="status"]')).toBe(
      `Showing ${onRisks(LARGE).length} of ${LARGE.length}`,
    )
    expect(headings(wrapper)).toEqual([`Findings on risks (${onRisks(LARGE).length})`])
    await area?.setValue('controls')
    expect(headings(wrapper)).toEqual([
      `Clauses and Annex A controls (${LARGE.filter((g) => g.questionId === null && g.riskId === null).length})`,
    ])
    expect(moreButton(wrapper)).toBeUndefined()
  })

  it('links a finding on a risk by its reference and name to the risk on the Risks screen', () => {
    const wrapper = mountList()
    const first = onRisks(LARGE)[0]
    const link = riskRows(wrapper)[0]?.get('a')
    expect(link?.text()).toBe(`${REFS.get(first?.riskId ?? '')} ${first?.title}`)
    expect(link?.text()).toMatch(/^R-\d{4} /)
    expect(link?.attributes('href')).toBe(`/w/w/risks?risk=${first?.riskId}`)
  })
})

describe('GapList with a small register', () => {
  it('lists every gap, with no button, when the findings on risks fit in one step', () => {
    const gaps = buildGaps(assessmentInput(halfway()))
    expect(onRisks(gaps).length).toBeGreaterThan(0)
    const wrapper = mountList(gaps)
    expect(recordRows(wrapper).length + riskRows(wrapper).length).toBe(gaps.length)
    expect(moreButton(wrapper)).toBeUndefined()
  })
})
