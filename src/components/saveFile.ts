import { downloadText } from './download'

/** How a file the app saved for the user ended up. */
export type SaveFileResult =
  /** Written through the browser's save dialog: the browser confirmed the file is on disk. */
  | { readonly kind: 'written'; readonly fileName: string }
  /** Handed to the browser's downloads, which can block it without telling the app. */
  | { readonly kind: 'downloaded'; readonly fileName: string }
  /** The user closed the save dialog without saving. */
  | { readonly kind: 'cancelled' }
  | { readonly kind: 'failed'; readonly error: string }

/** The contents of the file, or a message saying why there are none. */
export type FileContents =
  { readonly ok: true; readonly value: string } | { readonly ok: false; readonly error: string }

// The File System Access API (Chromium on desktop); TypeScript's DOM types do not have it yet.
interface WritableFile {
  write(data: string): Promise<void>
  close(): Promise<void>
  abort(): Promise<void>
}
interface SaveFileHandle {
  readonly name: string
  createWritable(): Promise<WritableFile>
}
type ShowSaveFilePicker = (options: {
  suggestedName: string
  types: { description: string; accept: Record<string, string[]> }[]
}) => Promise<SaveFileHandle>

function savePicker(): ShowSaveFilePicker | null {
  const picker: unknown = Reflect.get(window, 'showSaveFilePicker')
  return typeof picker === 'function' ? (picker.bind(window) as ShowSaveFilePicker) : null
}

const reason = (error: unknown) =>
  error instanceof Error && error.message ? ` (${error.message})` : ''

/**
 * Saves a JSON file and says whether it is known to have arrived. Where the browser has a save
 * dialog the app can write through (the File System Access API), the user picks the place and
 * the file is written there: a resolved write means it is on disk. Elsewhere it goes to the
 * browser's downloads, which can be blocked without the page knowing, so the caller must ask
 * the user whether it arrived. The dialog is opened before `contents` runs, while the click that
 * asked for it still counts (browsers open it only then).
 */
export async function saveJsonFile(
  fileName: string,
  contents: () => Promise<FileContents>,
): Promise<SaveFileResult> {
  const picker = savePicker()
  if (!picker) {
    const file = await contents()
    if (!file.ok) return { kind: 'failed', error: file.error }
    downloadText(fileName, file.value)
    return { kind: 'downloaded', fileName }
  }
  let handle: SaveFileHandle
  try {
    handle = await picker({
      suggestedName: fileName,
      types: [{ description: 'Backup file', accept: { 'application/json': ['.json'] } }],
    })
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') return { kind: 'cancelled' }
    return { kind: 'failed', error: `The browser did not open its save dialog${reason(error)}.` }
  }
  const file = await contents()
  if (!file.ok) return { kind: 'failed', error: file.error }
  let writable: WritableFile | null = null
  try {
    writable = await handle.createWritable()
    await writable.write(file.value)
    await writable.close()
    return { kind: 'written', fileName: handle.name }
  } catch (error) {
    // Leave no half-written file behind that could later pass for a complete copy.
    await writable?.abort().catch(() => undefined)
    return {
      kind: 'failed',
      error: `The file ${handle.name} could not be written${reason(error)}.`,
    }
  }
}
