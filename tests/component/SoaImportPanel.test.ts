import { afterEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import { ANNEX_A_CONTROLS } from '@/content'
import SoaImportPanel from '@/components/fast-start/SoaImportPanel.vue'
import { proposalProblem } from '@/domain/proposals'
import type { SoaImportReview } from '@/domain/soaImport'
import { readTableFile } from '@/import/readTableFile'
import { SOA_2013_CSV, csvOf } from '../unit/import/soaImportFixture'

vi.mock('@/import/readTableFile', async (original) => {
  const actual = await original<typeof import('@/import/readTableFile')>()
  return { ...actual, readTableFile: vi.fn(actual.readTableFile) }
})

enableAutoUnmount(afterEach)

async function choose(wrapper: VueWrapper, file: File) {
  const input = wrapper.get<HTMLInputElement>('input[type="file"]')
  Object.defineProperty(input.element, 'files', { value: [file], configurable: true })
  await input.trigger('change')
  await flushPromises()
}

/** The select a label names, found the way a screen reader finds it. */
function select(wrapper: VueWrapper, label: string) {
  const found = wrapper.findAll('label').find((l) => l.text() === label)
  if (!found) throw new Error(`No label ${label}`)
  return wrapper.get<HTMLSelectElement>(`[id="${found.attributes('for')}"]`)
}
const selectedText = (wrapper: VueWrapper, label: string) => {
  const el = select(wrapper, label).element
  return el.options[el.selectedIndex]?.text.trim()
}
const reviewButton = (wrapper: VueWrapper) =>
  wrapper.findAll('button').find((b) => b.text().startsWith('Review'))
const alertText = (wrapper: VueWrapper) => wrapper.find('[role="alert"]').text()
const emitted = (wrapper: VueWrapper) =>
  (wrapper.emitted('review') ?? []).map((args) => args[0] as SoaImportReview)

describe('SoaImportPanel', () => {
  it('offers a labelled file input for CSV and xlsx files', () => {
    const wrapper = mount(SoaImportPanel)
    const input = wrapper.get('input[type="file"]')
    expect(input.attributes('accept')).toContain('.csv,.xlsx')
    expect(wrapper.get(`label[for="${input.attributes('id')}"]`).text()).toBe(
      'SoA file (CSV or .xlsx)',
    )
    expect(reviewButton(wrapper)).toBeUndefined()
  })

  it('prefills the columns, previews the rows and emits the review items', async () => {
    const wrapper = mount(SoaImportPanel)
    await choose(wrapper, new File([SOA_2013_CSV], 'soa-2013.csv', { type: 'text/csv' }))

    expect(selectedText(wrapper, 'Control id')).toBe('A: Control')
    expect(selectedText(wrapper, 'Applicable')).toBe('C: Applicable')
    expect(selectedText(wrapper, 'Justification')).toBe('D: Justification')
    expect(selectedText(wrapper, 'Implementation status')).toBe('E: Implementation status')

    const previewRows = wrapper.findAll('tbody tr')
    expect(previewRows).toHaveLength(8)
    expect(previewRows[0]!.findAll('td, th').map((c) => c.text())).toEqual([
      '4',
      'A.5.1.1',
      'A.5.1',
      'Yes',
      'Implemented',
    ])
    expect(wrapper.find('[role="alert"]').exists()).toBe(false)

    const button = reviewButton(wrapper)!
    expect(button.text()).toBe('Review 81 suggestions')
    await button.trigger('click')
    const [review] = emitted(wrapper)
    expect(review!.source).toBe('soa-2013.csv')
    expect(review!.edition).toBe('2013')
    expect(review!.items.map((i) => i.controlId)).toEqual(ANNEX_A_CONTROLS.map((c) => c.id))
    for (const option of review!.items.flatMap((i) => i.options)) {
      expect(proposalProblem(option)).toBeNull()
    }
  })

  it('follows the mapping the user corrects', async () => {
    const wrapper = mount(SoaImportPanel)
    await choose(wrapper, new File([SOA_2013_CSV], 'soa-2013.csv'))
    await select(wrapper, 'Implementation status').setValue('')
    await reviewButton(wrapper)!.trigger('click')
    const items = emitted(wrapper)[0]!.items
    const statuses = items.flatMap((i) => i.options).map((o) => o.implementationStatus)
    // Only 8.7, kept applicable although excluded, gets a status of its own.
    expect(new Set(statuses)).toEqual(new Set([null, 'not-implemented']))

    await select(wrapper, 'Applicable').setValue('')
    expect(alertText(wrapper)).toMatch(/^Choose the column that says whether each control applies/)
    expect(reviewButton(wrapper)).toBeUndefined()
  })

  it('names the columns by letter when the first row holds no names', async () => {
    const wrapper = mount(SoaImportPanel)
    await choose(wrapper, new File([SOA_2013_CSV], 'soa-2013.csv'))
    await wrapper.get('input[type="checkbox"]').setValue(false)
    expect(selectedText(wrapper, 'Control id')).toBe('Column A')
  })

  it('says in an alert why a file is refused, and offers no review', async () => {
    const wrapper = mount(SoaImportPanel)
    await choose(wrapper, new File(['%PDF-1.7'], 'soa.pdf'))
    expect(alertText(wrapper)).toMatch(/^This is a PDF/)
    expect(wrapper.find('select').exists()).toBe(false)
    expect(reviewButton(wrapper)).toBeUndefined()
  })

  it('says so when no column holds control numbers', async () => {
    const wrapper = mount(SoaImportPanel)
    await choose(wrapper, new File(['Name,Amount\r\nRent,1200\r\n'], 'budget.csv'))
    expect(alertText(wrapper)).toMatch(/^No column of this sheet holds control numbers/)
  })

  it('refuses a file that mixes editions', async () => {
    const wrapper = mount(SoaImportPanel)
    await choose(
      wrapper,
      new File([csvOf(['A.9.1.1', 'Yes', '', ''], ['A.5.15', 'Yes', '', ''])], 'mixed.csv'),
    )
    expect(alertText(wrapper)).toMatch(/^The file mixes the two editions/)
    expect(reviewButton(wrapper)).toBeUndefined()
  })

  it('lets the user pick the sheet of a workbook, starting on the first with control numbers', async () => {
    vi.mocked(readTableFile).mockResolvedValueOnce({
      ok: true,
      sheets: [
        { name: 'Cover', rows: [['ACME Ltd SoA']] },
        {
          name: 'SoA 2022',
          rows: [
            ['Control', 'Applicable'],
            ['A.5.15', 'Yes'],
          ],
        },
        {
          name: 'Old',
          rows: [
            ['Ref', 'Applicable'],
            ['A.9.2.3', 'Yes'],
          ],
        },
      ],
    })
    const wrapper = mount(SoaImportPanel)
    await choose(wrapper, new File(['x'], 'soa.xlsx'))
    expect(selectedText(wrapper, 'Sheet')).toBe('SoA 2022')
    expect(reviewButton(wrapper)!.text()).toBe('Review 1 suggestion')
    await select(wrapper, 'Sheet').setValue('2')
    await reviewButton(wrapper)!.trigger('click')
    const review = emitted(wrapper)[0]!
    expect(review.edition).toBe('2013')
    expect(review.items.find((i) => i.controlId === '8.2')!.options).toHaveLength(1)
  })
})
