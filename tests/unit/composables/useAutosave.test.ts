import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { effectScope } from 'vue'
import { useAutosave } from '@/composables/useAutosave'
import { hasFailedChanges, hasUnsavedChanges } from '@/composables/unsavedEdits'

type SaveResult = { ok: true } | { ok: false; error: string }

/** A save whose calls stay in flight until the test settles them, one by one. */
function controlledSave() {
  const calls: { value: string; settle: (result: SaveResult) => void }[] = []
  const save = vi.fn(
    (value: string) =>
      new Promise<SaveResult>((resolve) => {
        calls.push({ value, settle: resolve })
      }),
  )
  let inFlight = 0
  let maxInFlight = 0
  const tracked = vi.fn(async (value: string) => {
    inFlight++
    maxInFlight = Math.max(maxInFlight, inFlight)
    try {
      return await save(value)
    } finally {
      inFlight--
    }
  })
  return {
    save: tracked,
    calls,
    saved: () => tracked.mock.calls.map(([value]) => value),
    maxInFlight: () => maxInFlight,
    /** Settles the oldest unsettled call. */
    async settle(result: SaveResult = { ok: true }) {
      const call = calls.shift()
      if (!call) throw new Error('no save in flight')
      call.settle(result)
      await flushPromises()
    },
  }
}

async function flushPromises() {
  for (let i = 0; i < 5; i++) await Promise.resolve()
}

beforeEach(() => {
  vi.useFakeTimers()
})

afterEach(() => {
  vi.useRealTimers()
})

describe('useAutosave', () => {
  it('writes a value scheduled during a save once, after its debounce, not twice', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    void autosave.saveNow('x')
    autosave.schedule('typed')
    await store.settle()
    expect(store.saved()).toEqual(['x'])
    expect(autosave.pending.value).toBe(true) // the typed value still waits for its debounce
    await vi.advanceTimersByTimeAsync(500)
    await store.settle()
    await vi.advanceTimersByTimeAsync(500)
    expect(store.saved()).toEqual(['x', 'typed'])
    expect(autosave.pending.value).toBe(false)
  })

  it('recovers when the save function throws instead of resolving an error', async () => {
    let fail = true
    const save = vi.fn(async (): Promise<SaveResult> => {
      if (fail) throw new Error('boom')
      return { ok: true }
    })
    const autosave = useAutosave<string>({ save })
    await autosave.saveNow('a')
    expect(autosave.state.value).toBe('error')
    expect(autosave.error.value).toMatch(/Not saved/)
    expect(autosave.pending.value).toBe(false)
    fail = false
    await autosave.saveNow('b')
    expect(autosave.state.value).toBe('saved')
    expect(save).toHaveBeenCalledTimes(2)
  })

  it('cancel drops a change still waiting for its debounce', async () => {
    const save = vi.fn(async (): Promise<SaveResult> => ({ ok: true }))
    const autosave = useAutosave<string>({ save })
    autosave.schedule('stale')
    autosave.cancel()
    expect(autosave.pending.value).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).not.toHaveBeenCalled()
  })

  it('starts idle with nothing pending', () => {
    const autosave = useAutosave<string>({ save: async () => ({ ok: true }) })
    expect(autosave.state.value).toBe('idle')
    expect(autosave.error.value).toBeNull()
    expect(autosave.pending.value).toBe(false)
  })

  it('shows saving while the write runs, then saved', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    const done = autosave.saveNow('a')
    expect(autosave.state.value).toBe('saving')
    expect(autosave.pending.value).toBe(true)
    await store.settle()
    await done
    expect(autosave.state.value).toBe('saved')
    expect(autosave.pending.value).toBe(false)
    expect(store.saved()).toEqual(['a'])
  })

  it('keeps only one save in flight at a time', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    void autosave.saveNow('a')
    void autosave.saveNow('b')
    void autosave.saveNow('c')
    await flushPromises()
    expect(store.saved()).toEqual(['a'])
    await store.settle()
    await store.settle()
    expect(store.maxInFlight()).toBe(1)
  })

  it('saves only the newest of the values that arrived during a save', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    void autosave.saveNow('a')
    void autosave.saveNow('b')
    void autosave.saveNow('c')
    void autosave.saveNow('d')
    await store.settle()
    expect(store.saved()).toEqual(['a', 'd'])
    // still saving: the newest value is being written
    expect(autosave.state.value).toBe('saving')
    await store.settle()
    expect(store.saved()).toEqual(['a', 'd'])
    expect(autosave.state.value).toBe('saved')
    expect(autosave.pending.value).toBe(false)
  })

  it('reports saving, not saved, while a newer value waits behind a finished save', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    void autosave.saveNow('a')
    void autosave.saveNow('b')
    const states: string[] = []
    store.calls.shift()?.settle({ ok: true })
    for (let i = 0; i < 5; i++) {
      await Promise.resolve()
      states.push(autosave.state.value)
    }
    expect(states).not.toContain('saved')
    await store.settle()
    expect(autosave.state.value).toBe('saved')
  })

  it('resolves saveNow once everything queued has been written', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    let finished = false
    void autosave.saveNow('a').then(() => (finished = true))
    void autosave.saveNow('b')
    await store.settle()
    expect(finished).toBe(false)
    await store.settle()
    expect(finished).toBe(true)
  })

  it('shows the error message of a failed save and keeps it until a later save succeeds', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    void autosave.saveNow('a')
    await store.settle({ ok: false, error: 'Not saved: disk full.' })
    expect(autosave.state.value).toBe('error')
    expect(autosave.error.value).toBe('Not saved: disk full.')
    expect(autosave.pending.value).toBe(false)

    void autosave.saveNow('b')
    expect(autosave.state.value).toBe('saving')
    expect(autosave.error.value).toBe('Not saved: disk full.')
    await store.settle()
    expect(autosave.state.value).toBe('saved')
    expect(autosave.error.value).toBeNull()
  })

  it('goes on to save the newest value after a failed one', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    void autosave.saveNow('a')
    void autosave.saveNow('b')
    await store.settle({ ok: false, error: 'Not saved: disk full.' })
    expect(store.saved()).toEqual(['a', 'b'])
    await store.settle()
    expect(autosave.state.value).toBe('saved')
    expect(autosave.error.value).toBeNull()
  })

  it('debounces scheduled values and writes only the last one', async () => {
    const save = vi.fn(async (_value: string): Promise<SaveResult> => ({ ok: true }))
    const autosave = useAutosave<string>({ save })
    autosave.schedule('a')
    await vi.advanceTimersByTimeAsync(300)
    autosave.schedule('ab')
    await vi.advanceTimersByTimeAsync(300)
    autosave.schedule('abc')
    expect(autosave.pending.value).toBe(true)
    await vi.advanceTimersByTimeAsync(399)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith('abc')
    expect(autosave.state.value).toBe('saved')
    expect(autosave.pending.value).toBe(false)
  })

  it('uses the debounce delay given in the options', async () => {
    const save = vi.fn(async (_value: string): Promise<SaveResult> => ({ ok: true }))
    const autosave = useAutosave<string>({ save, debounceMs: 1000 })
    autosave.schedule('a')
    await vi.advanceTimersByTimeAsync(999)
    expect(save).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)
    expect(save).toHaveBeenCalledWith('a')
  })

  it('flush writes a scheduled value at once and cancels the timer', async () => {
    const save = vi.fn(async (_value: string): Promise<SaveResult> => ({ ok: true }))
    const autosave = useAutosave<string>({ save })
    autosave.schedule('typed')
    await autosave.flush()
    expect(save).toHaveBeenCalledTimes(1)
    expect(save).toHaveBeenCalledWith('typed')
    expect(autosave.state.value).toBe('saved')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save).toHaveBeenCalledTimes(1)
  })

  it('flush with nothing scheduled writes nothing', async () => {
    const save = vi.fn(async (_value: string): Promise<SaveResult> => ({ ok: true }))
    const autosave = useAutosave<string>({ save })
    await autosave.flush()
    expect(save).not.toHaveBeenCalled()
    expect(autosave.state.value).toBe('idle')
  })

  it('saveNow replaces a scheduled value instead of writing it later', async () => {
    const save = vi.fn(async (_value: string): Promise<SaveResult> => ({ ok: true }))
    const autosave = useAutosave<string>({ save })
    autosave.schedule('typed')
    await autosave.saveNow('chosen')
    await vi.advanceTimersByTimeAsync(1000)
    expect(save.mock.calls.map(([v]) => v)).toEqual(['chosen'])
  })

  it('never writes an older value after a newer one', async () => {
    const store = controlledSave()
    const autosave = useAutosave<string>({ save: store.save })
    autosave.schedule('a')
    await vi.advanceTimersByTimeAsync(400)
    autosave.schedule('ab')
    await vi.advanceTimersByTimeAsync(400)
    autosave.schedule('abc')
    await vi.advanceTimersByTimeAsync(400)
    while (store.calls.length > 0) {
      await store.settle()
      await vi.advanceTimersByTimeAsync(400)
    }
    const saved = store.saved()
    expect(saved.at(-1)).toBe('abc')
    for (let i = 1; i < saved.length; i++) {
      expect((saved[i] ?? '').length).toBeGreaterThanOrEqual((saved[i - 1] ?? '').length)
    }
    expect(store.maxInFlight()).toBe(1)
  })

  it('writes a scheduled value when its owner goes away', async () => {
    const save = vi.fn(async (_value: string): Promise<SaveResult> => ({ ok: true }))
    const scope = effectScope()
    const autosave = scope.run(() => useAutosave<string>({ save }))
    autosave?.schedule('last words')
    scope.stop()
    await vi.advanceTimersByTimeAsync(0)
    expect(save).toHaveBeenCalledWith('last words')
  })
})

describe('useAutosave and leaving the screen', () => {
  beforeEach(() => {
    vi.useFakeTimers()
  })
  afterEach(() => {
    vi.useRealTimers()
  })

  it('reports typing not yet written, and a failed write until the editor goes', async () => {
    const scope = effectScope()
    const autosave = scope.run(() =>
      useAutosave<string>({ save: async () => ({ ok: false, error: 'Not saved: disk full.' }) }),
    )
    expect(hasUnsavedChanges()).toBe(false)
    autosave?.schedule('typed')
    await vi.advanceTimersByTimeAsync(0)
    expect(hasUnsavedChanges()).toBe(true)
    expect(hasFailedChanges()).toBe(false)
    await vi.advanceTimersByTimeAsync(1000)
    expect(autosave?.state.value).toBe('error')
    expect(hasFailedChanges()).toBe(true)
    scope.stop()
    await vi.advanceTimersByTimeAsync(0)
    expect(hasUnsavedChanges()).toBe(false)
    expect(hasFailedChanges()).toBe(false)
  })
})
