import { afterEach, describe, expect, it, vi } from 'vitest'
import { saveJsonFile } from '@/components/saveFile'
import { downloadText } from '@/components/download'

vi.mock('@/components/download', () => ({ downloadText: vi.fn() }))

const NAME = 'isms-readiness-backup-before-replace-2026-11-29.json'
const contents = async () => ({ ok: true as const, value: '{"format":"isms-readiness-backup"}' })

/** A stand-in for the File System Access API's save dialog and the file it hands back. */
function picker(options: { pick?: () => Promise<void>; write?: () => Promise<void> } = {}) {
  const file = {
    written: '' as string,
    aborted: false,
    write: vi.fn(async (data: string) => {
      await options.write?.()
      file.written = data
    }),
    close: vi.fn(async () => undefined),
    abort: vi.fn(async () => {
      file.aborted = true
    }),
  }
  const show = vi.fn(async (_options: { suggestedName: string }) => {
    await options.pick?.()
    return { name: 'safety.json', createWritable: async () => file }
  })
  vi.stubGlobal('showSaveFilePicker', show)
  return { show, file }
}

afterEach(() => {
  vi.unstubAllGlobals()
  vi.mocked(downloadText).mockClear()
})

describe('saveJsonFile', () => {
  it('hands the file to the downloads where there is no save dialog, and says it cannot know more', async () => {
    expect(await saveJsonFile(NAME, contents)).toEqual({ kind: 'downloaded', fileName: NAME })
    expect(downloadText).toHaveBeenCalledWith(NAME, '{"format":"isms-readiness-backup"}')
  })

  it('writes through the save dialog and reports the file written once the write resolved', async () => {
    const { show, file } = picker()
    expect(await saveJsonFile(NAME, contents)).toEqual({ kind: 'written', fileName: 'safety.json' })
    expect(show.mock.calls[0]?.[0].suggestedName).toBe(NAME)
    expect(file.written).toBe('{"format":"isms-readiness-backup"}')
    expect(file.close).toHaveBeenCalledOnce()
    expect(downloadText).not.toHaveBeenCalled()
  })

  it('opens the save dialog before reading what to save, while the click still counts', async () => {
    const order: string[] = []
    picker({ pick: async () => void order.push('dialog') })
    await saveJsonFile(NAME, async () => {
      order.push('contents')
      return contents()
    })
    expect(order).toEqual(['dialog', 'contents'])
  })

  it('reports a closed save dialog as cancelled, and a refused one as failed', async () => {
    picker({ pick: () => Promise.reject(new DOMException('The user aborted.', 'AbortError')) })
    expect(await saveJsonFile(NAME, contents)).toEqual({ kind: 'cancelled' })
    picker({ pick: () => Promise.reject(new DOMException('No user gesture.', 'SecurityError')) })
    expect(await saveJsonFile(NAME, contents)).toEqual({
      kind: 'failed',
      error: 'The browser did not open its save dialog (No user gesture.).',
    })
  })

  it('reports a failed write and leaves no half-written file', async () => {
    const { file } = picker({
      write: () => Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError')),
    })
    expect(await saveJsonFile(NAME, contents)).toEqual({
      kind: 'failed',
      error: 'The file safety.json could not be written (The disk is full.).',
    })
    expect(file.aborted).toBe(true)
    expect(file.close).not.toHaveBeenCalled()
  })

  it('passes on why there is nothing to save, and saves nothing', async () => {
    const nothing = async () => ({ ok: false as const, error: 'The database could not be read.' })
    expect(await saveJsonFile(NAME, nothing)).toEqual({
      kind: 'failed',
      error: 'The database could not be read.',
    })
    expect(downloadText).not.toHaveBeenCalled()
  })
})
