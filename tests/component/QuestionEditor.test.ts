import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { nextTick } from 'vue'
import { enableAutoUnmount, mount, type DOMWrapper, type VueWrapper } from '@vue/test-utils'
import QuestionEditor from '@/components/clauses/QuestionEditor.vue'
import { CONTENT_VERSION, mandatoryDocument, QUESTIONS, type Question } from '@/content'
import type { AnswerStatus, ClauseAnswer } from '@/domain/model'

type SaveResult =
  { ok: true; value: { record: ClauseAnswer; conflicts: [] } } | { ok: false; error: string }
type Save = (baseline: ClauseAnswer, next: ClauseAnswer) => Promise<SaveResult>
/** What a field-level save resolves to when nothing else changed the record. */
const stored = (record: ClauseAnswer): SaveResult => ({
  ok: true,
  value: { record, conflicts: [] },
})

const WORKSPACE_ID = 'ws-1'
const question = QUESTIONS[0] as Question
const STATUS_LABELS = ['Not started', 'Partly', 'In place', "Don't know"]

function storedAnswer(overrides: Partial<ClauseAnswer> = {}): ClauseAnswer {
  return {
    workspaceId: WORKSPACE_ID,
    questionId: question.id,
    status: 'partly',
    note: 'Stored note',
    evidence: ['Context analysis v1'],
    action: null,
    contentVersion: CONTENT_VERSION,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...overrides,
  }
}

function mountEditor(
  options: { answer?: ClauseAnswer; save?: Save; question?: Question; attach?: boolean } = {},
) {
  const save = vi.fn(
    options.save ?? (async (_baseline: ClauseAnswer, next: ClauseAnswer) => stored(next)),
  )
  const wrapper = mount(QuestionEditor, {
    props: {
      question: options.question ?? question,
      workspaceId: WORKSPACE_ID,
      answer: options.answer,
      save,
    },
    ...(options.attach ? { attachTo: document.body } : {}),
  })
  return { wrapper, save }
}

/** Lets pending promises and the re-render run (timers are fake). */
async function settle() {
  await vi.advanceTimersByTimeAsync(0)
  await nextTick()
}

/** What a screen reader announces for a radio wrapped in its label. */
function accessibleName(input: DOMWrapper<Element>): string {
  const label = input.element.closest('label')
  if (!label) return ''
  const copy = label.cloneNode(true) as HTMLElement
  copy.querySelectorAll('[aria-hidden="true"], input').forEach((el) => el.remove())
  return (copy.textContent ?? '').replace(/\s+/g, ' ').trim()
}

const radios = (wrapper: VueWrapper) => wrapper.findAll<HTMLInputElement>('input[type="radio"]')

function radio(wrapper: VueWrapper, label: string) {
  const found = radios(wrapper).find((r) => accessibleName(r) === label)
  if (!found) throw new Error(`No radio labelled ${label}`)
  return found
}

const checkedLabels = (wrapper: VueWrapper) =>
  radios(wrapper)
    .filter((r) => r.element.checked)
    .map(accessibleName)

function field(wrapper: VueWrapper, label: string) {
  const labelEl = wrapper.findAll('label').find((l) => l.text() === label)
  const id = labelEl?.attributes('for')
  if (!id) throw new Error(`No field labelled ${label}`)
  return wrapper.get<HTMLTextAreaElement | HTMLInputElement>(`[id="${id}"]`)
}

const lastSaved = (save: ReturnType<typeof mountEditor>['save']) => save.mock.calls.at(-1)?.[1]

enableAutoUnmount(afterEach)

beforeEach(() => {
  vi.useFakeTimers()
  vi.setSystemTime(new Date('2026-11-05T09:00:00.000Z'))
})

afterEach(() => {
  vi.useRealTimers()
})

describe('QuestionEditor status choice', () => {
  it('offers the statuses as a radio group named by the question', () => {
    const { wrapper } = mountEditor()
    const group = wrapper.get('[role="radiogroup"]')
    const labelledBy = group.attributes('aria-labelledby')
    expect(labelledBy).toBeTruthy()
    expect(wrapper.get(`[id="${labelledBy}"]`).text()).toBe(question.text)
    expect(group.findAll('input[type="radio"]').map(accessibleName)).toEqual(STATUS_LABELS)
  })

  it('puts all four radios in one group so arrow keys move between them', () => {
    const { wrapper } = mountEditor()
    const names = new Set(radios(wrapper).map((r) => r.attributes('name')))
    expect(names.size).toBe(1)
    expect([...names][0]).toBeTruthy()
  })

  it('checks no status before the question is answered', () => {
    const { wrapper } = mountEditor()
    expect(checkedLabels(wrapper)).toEqual([])
  })

  it('shows a stored answer', () => {
    const { wrapper } = mountEditor({
      answer: storedAnswer({ status: 'in-place', evidence: ['Policy v2', 'JIRA-12'] }),
    })
    expect(checkedLabels(wrapper)).toEqual(['In place'])
    expect(field(wrapper, 'Note').element.value).toBe('Stored note')
    expect(field(wrapper, 'Evidence references').element.value).toBe('Policy v2\nJIRA-12')
  })

  it('saves a chosen status at once with the evidence one reference per line', async () => {
    const { wrapper, save } = mountEditor()
    await field(wrapper, 'Evidence references').setValue('\nPolicy v2\n\n  JIRA-12  \n')
    await field(wrapper, 'Note').setValue('We did a workshop')
    save.mockClear()

    await radio(wrapper, 'Partly').setValue(true)

    expect(save).toHaveBeenCalledTimes(1)
    expect(lastSaved(save)).toMatchObject({
      workspaceId: WORKSPACE_ID,
      questionId: question.id,
      status: 'partly',
      note: 'We did a workshop',
      evidence: ['Policy v2', 'JIRA-12'],
      action: null,
      contentVersion: CONTENT_VERSION,
    })
    await settle()
    expect(checkedLabels(wrapper)).toEqual(['Partly'])
  })

  it('keeps fields of the stored answer it does not edit', async () => {
    const action = { what: 'Run the context workshop', owner: 'CEO', due: '2026-12-01' }
    const { wrapper, save } = mountEditor({ answer: storedAnswer({ action }) })
    await radio(wrapper, "Don't know").setValue(true)
    expect(lastSaved(save)).toMatchObject({
      status: 'dont-know',
      note: 'Stored note',
      evidence: ['Context analysis v1'],
      action,
    })
  })
})

describe('QuestionEditor keyboard', () => {
  it.each([
    ['1', 'Not started', 'not-started'],
    ['2', 'Partly', 'partly'],
    ['3', 'In place', 'in-place'],
    ['4', "Don't know", 'dont-know'],
  ] as const)(
    'key %s on the status chooses %s and saves it',
    async (key, label, status: AnswerStatus) => {
      const { wrapper, save } = mountEditor({ attach: true })
      await radio(wrapper, 'Not started').trigger('keydown', { key })
      expect(save).toHaveBeenCalledTimes(1)
      expect(lastSaved(save)?.status).toBe(status)
      await settle()
      expect(checkedLabels(wrapper)).toEqual([label])
      expect(document.activeElement).toBe(radio(wrapper, label).element)
    },
  )

  it('ignores number keys pressed with a modifier (browser shortcuts)', async () => {
    const { wrapper, save } = mountEditor()
    await radio(wrapper, 'Partly').trigger('keydown', { key: '3', ctrlKey: true })
    await radio(wrapper, 'Partly').trigger('keydown', { key: '3', altKey: true })
    await radio(wrapper, 'Partly').trigger('keydown', { key: '3', metaKey: true })
    expect(save).not.toHaveBeenCalled()
    expect(checkedLabels(wrapper)).toEqual([])
  })

  it.each(['Enter', 'n', 'N'])('key %s on the status moves to the next question', async (key) => {
    const { wrapper, save } = mountEditor()
    await radio(wrapper, 'Partly').trigger('keydown', { key })
    expect(wrapper.emitted('next')).toHaveLength(1)
    expect(wrapper.emitted('previous')).toBeUndefined()
    expect(save).not.toHaveBeenCalled()
  })

  it.each(['p', 'P'])('key %s on the status moves to the previous question', async (key) => {
    const { wrapper } = mountEditor()
    await radio(wrapper, 'Partly').trigger('keydown', { key })
    expect(wrapper.emitted('previous')).toHaveLength(1)
    expect(wrapper.emitted('next')).toBeUndefined()
  })

  it('does not change the status when digits or n/p are typed in the note', async () => {
    const { wrapper, save } = mountEditor()
    const note = field(wrapper, 'Note')
    for (const key of ['3', '1', 'n', 'p', 'Enter']) await note.trigger('keydown', { key })
    await note.setValue('Page 3 of the policy')
    await vi.advanceTimersByTimeAsync(400)
    await settle()

    expect(checkedLabels(wrapper)).toEqual([])
    expect(wrapper.emitted('next')).toBeUndefined()
    expect(wrapper.emitted('previous')).toBeUndefined()
    expect(save).toHaveBeenCalledTimes(1)
    expect(lastSaved(save)?.status).not.toBe('in-place')
    expect(lastSaved(save)?.note).toBe('Page 3 of the policy')
  })
})

describe('QuestionEditor autosave of text', () => {
  it('saves a note after a pause in typing', async () => {
    const { wrapper, save } = mountEditor({ answer: storedAnswer() })
    await field(wrapper, 'Note').setValue('Workshop held in May')
    await vi.advanceTimersByTimeAsync(399)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledTimes(1)
    expect(lastSaved(save)).toMatchObject({ note: 'Workshop held in May', status: 'partly' })
  })

  it('saves at once when the field loses focus', async () => {
    const { wrapper, save } = mountEditor({ answer: storedAnswer() })
    const note = field(wrapper, 'Note')
    await note.setValue('Workshop held in May')
    expect(save).not.toHaveBeenCalled()
    await note.trigger('blur')
    expect(save).toHaveBeenCalledTimes(1)
    expect(lastSaved(save)?.note).toBe('Workshop held in May')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('saves evidence typed one per line', async () => {
    const { wrapper, save } = mountEditor({ answer: storedAnswer() })
    await field(wrapper, 'Evidence references').setValue('Policy v2\n\nhttps://wiki.example.com')
    await field(wrapper, 'Evidence references').trigger('blur')
    expect(lastSaved(save)?.evidence).toEqual(['Policy v2', 'https://wiki.example.com'])
  })

  it('never saves an older text after a newer one while saves are slow', async () => {
    const pending: (() => void)[] = []
    const { wrapper, save } = mountEditor({
      answer: storedAnswer(),
      save: (_baseline: ClauseAnswer, next: ClauseAnswer) =>
        new Promise<SaveResult>((resolve) => pending.push(() => resolve(stored(next)))),
    })
    const note = field(wrapper, 'Note')
    const texts = ['W', 'Wo', 'Wor', 'Work', 'Works', 'Worksh', 'Workshop']
    for (const [i, text] of texts.entries()) {
      await note.setValue(text)
      // every other keystroke waits long enough for a save to start
      await vi.advanceTimersByTimeAsync(i % 2 === 0 ? 450 : 100)
    }
    await note.trigger('blur')
    while (pending.length > 0) {
      pending.shift()?.()
      await vi.advanceTimersByTimeAsync(500)
    }

    const notes = save.mock.calls.map(([, answer]) => answer.note)
    expect(notes.at(-1)).toBe('Workshop')
    for (let i = 1; i < notes.length; i++) {
      expect(texts.indexOf(notes[i] ?? '')).toBeGreaterThanOrEqual(
        texts.indexOf(notes[i - 1] ?? ''),
      )
    }
    expect(notes.length).toBeLessThan(texts.length)
  })
})

describe('QuestionEditor save state', () => {
  it('shows a failed save and keeps the typed text', async () => {
    const { wrapper, save } = mountEditor({
      answer: storedAnswer(),
      save: async () => ({ ok: false, error: 'Not saved: disk full.' }),
    })
    const note = field(wrapper, 'Note')
    await note.setValue('Text I must not lose')
    await note.trigger('blur')
    await settle()

    expect(save).toHaveBeenCalledTimes(1)
    expect(wrapper.get('[role="status"]').text()).toContain('Not saved: disk full.')
    expect(wrapper.get('[role="status"]').text()).not.toContain('Saved')
    expect(note.element.value).toBe('Text I must not lose')
  })

  it('shows Saved after a later save succeeds', async () => {
    let fail = true
    const { wrapper } = mountEditor({
      answer: storedAnswer(),
      save: async (_baseline: ClauseAnswer, next: ClauseAnswer) =>
        fail ? { ok: false, error: 'Not saved: disk full.' } : stored(next),
    })
    const note = field(wrapper, 'Note')
    await note.setValue('Text I must not lose')
    await note.trigger('blur')
    await settle()
    expect(wrapper.get('[role="status"]').text()).toContain('Not saved: disk full.')

    fail = false
    await note.setValue('Text I must not lose, now saved')
    await vi.advanceTimersByTimeAsync(400)
    await settle()
    const status = wrapper.get('[role="status"]').text()
    expect(status).toContain('Saved')
    expect(status).not.toContain('disk full')
  })

  it('keeps the draft when a failed save is followed by an answer from elsewhere', async () => {
    const { wrapper } = mountEditor({
      answer: storedAnswer(),
      save: async () => ({ ok: false, error: 'Not saved: disk full.' }),
    })
    const note = field(wrapper, 'Note')
    await note.setValue('Text I must not lose')
    await note.trigger('blur')
    await settle()
    await wrapper.setProps({ answer: storedAnswer({ note: 'From another tab' }) })
    expect(note.element.value).toBe('Text I must not lose')
  })
})

describe('QuestionEditor and answers from elsewhere', () => {
  it('shows a newer stored answer when nothing is being edited', async () => {
    const { wrapper } = mountEditor({ answer: storedAnswer() })
    await wrapper.setProps({
      answer: storedAnswer({
        status: 'in-place',
        note: 'Updated in another tab',
        evidence: ['Policy v3'],
      }),
    })
    expect(checkedLabels(wrapper)).toEqual(['In place'])
    expect(field(wrapper, 'Note').element.value).toBe('Updated in another tab')
    expect(field(wrapper, 'Evidence references').element.value).toBe('Policy v3')
  })

  it('shows the first stored answer when it arrives after mounting', async () => {
    const { wrapper } = mountEditor()
    await wrapper.setProps({ answer: storedAnswer({ status: 'dont-know' }) })
    expect(checkedLabels(wrapper)).toEqual(["Don't know"])
  })

  it('does not overwrite text the user is still typing', async () => {
    const { wrapper, save } = mountEditor({ answer: storedAnswer() })
    const note = field(wrapper, 'Note')
    await note.setValue('Half-typed sentence')
    await wrapper.setProps({ answer: storedAnswer({ note: 'From another tab' }) })
    expect(note.element.value).toBe('Half-typed sentence')

    await vi.advanceTimersByTimeAsync(400)
    expect(lastSaved(save)?.note).toBe('Half-typed sentence')
  })
})

describe('QuestionEditor evidence links', () => {
  it('links only http(s) references, opening them safely in a new tab', async () => {
    const { wrapper } = mountEditor()
    await field(wrapper, 'Evidence references').setValue(
      [
        'https://wiki.example.com/isms/context',
        'javascript:alert(document.cookie)',
        'data:text/html,<script>alert(1)</script>',
        'Context analysis v1',
        'http://intranet.local/risks',
      ].join('\n'),
    )
    const links = wrapper.findAll('a')
    expect(links.map((a) => a.attributes('href'))).toEqual([
      'https://wiki.example.com/isms/context',
      'http://intranet.local/risks',
    ])
    expect(links.map((a) => a.text())).toEqual([
      'https://wiki.example.com/isms/context',
      'http://intranet.local/risks',
    ])
    for (const link of links) {
      expect(link.attributes('rel')).toBe('noopener noreferrer')
      expect(link.attributes('target')).toBe('_blank')
    }
    expect(wrapper.html()).not.toMatch(/href="(javascript|data):/i)
  })

  it('shows no link list when no reference is a URL', async () => {
    const { wrapper } = mountEditor()
    await field(wrapper, 'Evidence references').setValue('Policy v2\njavascript:alert(1)')
    expect(wrapper.findAll('a')).toHaveLength(0)
  })
})

describe('QuestionEditor guidance', () => {
  it('explains why the question matters and what evidence would show it', () => {
    const { wrapper } = mountEditor()
    const why = wrapper.findAll('details').find((d) => d.text().includes(question.why))
    expect(why).toBeDefined()
    for (const example of question.evidence) expect(why?.text()).toContain(example)
    expect(why?.find('summary').text()).toBeTruthy()
  })

  it('names the mandatory document a question asks for', () => {
    const withDocument = QUESTIONS.find((q) => q.documents.includes('isms-scope'))
    if (!withDocument) throw new Error('expected a question about the ISMS scope')
    const { wrapper } = mountEditor({ question: withDocument })
    const scope = mandatoryDocument('isms-scope')
    expect(wrapper.text()).toContain('Mandatory document')
    expect(wrapper.text()).toContain(`${scope.title} (${scope.clauseRef})`)
  })
})

describe('QuestionEditor and the records', () => {
  it('says where the records contradict the answer, and ties it to the status choice', async () => {
    const finding =
      'The answer to 6.1.3 says in place, but 12 of the 93 controls are still undecided.'
    const wrapper = mount(QuestionEditor, {
      props: {
        question,
        workspaceId: WORKSPACE_ID,
        answer: storedAnswer({ status: 'in-place' }),
        save: vi.fn(async (_baseline: ClauseAnswer, next: ClauseAnswer) => stored(next)),
        recordFinding: finding,
      },
    })
    const note = wrapper.find('[role="note"]')
    expect(note.text()).toContain(finding)
    const group = wrapper.find('[role="radiogroup"]')
    expect(group.attributes('aria-describedby')?.split(' ')).toContain(note.attributes('id'))
    await wrapper.setProps({ recordFinding: null })
    expect(wrapper.find('[role="note"]').exists()).toBe(false)
    expect(group.attributes('aria-describedby')).not.toContain('records')
  })
})
