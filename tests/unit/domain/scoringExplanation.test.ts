import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { describe, expect, it } from 'vitest'
import { MANDATORY_DOCUMENTS } from '@/content'
import { READINESS_BANDS, SCORE_WEIGHTS } from '@/domain/readiness'
import { SCORING_EXPLANATION, SCORING_EXPLANATION_TITLE } from '@/domain/scoringExplanation'

// Vitest runs from the project root (where vite.config.ts is).
const DOC = resolve(process.cwd(), 'docs/scoring.md')

/** The explanation as Markdown: the title, then each heading and its paragraphs. */
function asMarkdown(): string {
  return [
    `# ${SCORING_EXPLANATION_TITLE}`,
    ...SCORING_EXPLANATION.flatMap((s) => [`## ${s.heading}`, ...s.paragraphs]),
  ].join('\n\n')
}

/** Line wrapping is free in Markdown; only the words and the blocks matter. */
const normalize = (text: string) =>
  text
    .trim()
    .split(/\n\s*\n/)
    .map((block) => block.replace(/\s+/g, ' ').trim())

describe('scoring explanation', () => {
  it('says the same as docs/scoring.md, word for word', () => {
    // If this fails, the score's rules or wording changed: update docs/scoring.md to match.
    expect(normalize(readFileSync(DOC, 'utf8'))).toEqual(normalize(asMarkdown()))
  })

  it('quotes the weights, bands and documents the score is computed with', () => {
    const text = asMarkdown()
    for (const weight of Object.values(SCORE_WEIGHTS)) expect(text).toContain(`${weight} points`)
    for (const band of READINESS_BANDS) expect(text).toContain(`${band.label} from ${band.min}`)
    for (const document of MANDATORY_DOCUMENTS) expect(text).toContain(document.title)
  })

  it('is plain text: no Markdown or HTML inside the paragraphs', () => {
    for (const section of SCORING_EXPLANATION) {
      expect(section.heading).not.toMatch(/[#*_<>`]/)
      for (const paragraph of section.paragraphs) {
        expect(paragraph.trim().length).toBeGreaterThan(0)
        expect(paragraph).not.toMatch(/[*_<>`]|\n/)
      }
    }
  })
})
