import { describe, expect, it } from 'vitest'
import {
  ANNEX_A_CONTROLS,
  SCOPING_DECISION_RULES,
  SCOPING_QUESTIONS,
  SCOPING_REASON_RULES,
  controlById,
  nonExcludableReason,
} from '@/content'
import type { ScopingCondition, ScopingReasonRule, ScopingRule } from '@/content'

const RULES: readonly (ScopingRule | ScopingReasonRule)[] = [
  ...SCOPING_DECISION_RULES,
  ...SCOPING_REASON_RULES,
]

function checkCondition(condition: ScopingCondition, rule: string) {
  const question = SCOPING_QUESTIONS.find((q) => q.id === condition.question)
  expect(question, `${rule}: ${condition.question}`).toBeDefined()
  const values = question!.options.map((o) => o.value as string)
  for (const value of condition.is)
    expect(values, `${rule}: ${condition.question}`).toContain(value)
}

describe('the scoping interview and its rule table', () => {
  it('asks 12 to 15 questions with unique ids, each with at least two unique options', () => {
    expect(SCOPING_QUESTIONS.length).toBeGreaterThanOrEqual(12)
    expect(SCOPING_QUESTIONS.length).toBeLessThanOrEqual(15)
    expect(new Set(SCOPING_QUESTIONS.map((q) => q.id)).size).toBe(SCOPING_QUESTIONS.length)
    for (const q of SCOPING_QUESTIONS) {
      const values = q.options.map((o) => o.value)
      expect(values.length, q.id).toBeGreaterThanOrEqual(2)
      expect(new Set(values).size, q.id).toBe(values.length)
      if ('askedWhen' in q) checkCondition(q.askedWhen, q.id)
    }
  })

  it('gives every rule a unique id, known controls and conditions on real answers', () => {
    expect(new Set(RULES.map((r) => r.id)).size).toBe(RULES.length)
    for (const rule of RULES) {
      expect(rule.controls.length, rule.id).toBeGreaterThan(0)
      for (const id of rule.controls) expect(controlById(id), `${rule.id}: ${id}`).toBeDefined()
      expect(rule.when.length, `${rule.id} needs a condition`).toBeGreaterThan(0)
      for (const c of rule.when) checkCondition(c, rule.id)
    }
  })

  it('excludes only with one of the control’s own exclusion reasons, never a control that cannot be excluded', () => {
    for (const rule of SCOPING_DECISION_RULES) {
      if (rule.then.applicability !== 'excluded') continue
      for (const id of rule.controls) {
        expect(nonExcludableReason(id), `${rule.id} excludes ${id}`).toBeNull()
        const reason = controlById(id)!.exclusionReasons[rule.then.exclusionReason]
        expect(
          reason,
          `${rule.id}: ${id} exclusion reason ${rule.then.exclusionReason}`,
        ).toBeTruthy()
      }
    }
  })

  it('hands a control to a supplier only through a question that asks for the supplier’s name', () => {
    for (const rule of SCOPING_DECISION_RULES as readonly ScopingRule[]) {
      const then = rule.then
      if (then.applicability !== 'applicable' || then.suppliedBy === undefined) continue
      const question = SCOPING_QUESTIONS.find((q) => q.id === then.suppliedBy)!
      const asking = question.options.filter((o) => 'asksFor' in o).map((o) => o.value as string)
      const condition = rule.when.find((c) => c.question === question.id)
      expect(condition, rule.id).toBeDefined()
      for (const value of condition!.is) expect(asking, rule.id).toContain(value)
      expect(then.justification, rule.id).toContain('{supplier}')
    }
  })

  it('covers only controls of the catalog', () => {
    const ids = new Set(ANNEX_A_CONTROLS.map((c) => c.id))
    for (const rule of RULES) for (const id of rule.controls) expect(ids.has(id)).toBe(true)
  })
})
