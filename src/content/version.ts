/**
 * The version of the assessment content. Saved answers record the version they were given
 * against, so a later release can map them forward when a question is renamed or split.
 *
 * Whenever any content changes (a question, a control's guidance, a document), bump
 * CONTENT_VERSION and add its fingerprint, printed by the failing content test, to
 * CONTENT_FINGERPRINTS. Released entries are never edited.
 */
export const CONTENT_VERSION = 2

/** SHA-256 of the serialized content at each released version (see tests/unit/content). */
export const CONTENT_FINGERPRINTS: Readonly<Record<number, string>> = {
  1: '0d95cc8f941cb71c07159adfc5afeaf170c46b1a70c4878f0d8dedbf69c82df6',
  2: '05018d1b58644820185d737f61d76dea3053b4f6448f99f89858f7e772f9c9d3',
}
