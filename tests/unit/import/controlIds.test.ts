import { describe, expect, it } from 'vitest'
import { ANNEX_A_CONTROLS } from '@/content'
import { CONTROLS_2013, parseControlNumber, replacedBy } from '@/domain/soaImport'

describe('parseControlNumber', () => {
  it.each([
    'A.9.2.3',
    'A9.2.3',
    'A 9.2.3',
    '9.2.3',
    'A.09.02.03',
    'a.9.2.3',
    ' A.9.2.3 ',
    'A.9.2.3 Management of privileged access rights',
    'A.9.2.3: Management of privileged access rights',
    'A.9.2.3 - Management of privileged access rights',
    'Annex A.9.2.3',
  ])('reads %j as the 2013 control A.9.2.3', (cell) => {
    expect(parseControlNumber(cell)).toEqual({ edition: '2013', id: 'A.9.2.3' })
  })

  it.each(['A.5.15', '5.15', 'A5.15', 'A.05.15', 'A.5.15 Access control', '5.15 – Access control'])(
    'reads %j as the 2022 control 5.15',
    (cell) => {
      expect(parseControlNumber(cell)).toEqual({ edition: '2022', id: '5.15' })
    },
  )

  it.each([
    '',
    'A.5 Information security policies',
    'A.5',
    'Access control',
    'A.9.2.3.1',
    '9.2.3.4',
    '123.4',
    '5.150',
    'A.0.1',
    'B.5.1',
  ])('finds no control number in %j', (cell) => {
    expect(parseControlNumber(cell)).toBeNull()
  })
})

describe('the 2013 control list', () => {
  it('holds the 114 controls of ISO/IEC 27001:2013 Annex A, each once', () => {
    expect(CONTROLS_2013).toHaveLength(114)
    expect(new Set(CONTROLS_2013).size).toBe(114)
    for (const id of CONTROLS_2013) expect(parseControlNumber(id)).toEqual({ edition: '2013', id })
  })

  it('feeds one 2013 control to every 2022 control that names it', () => {
    expect(replacedBy('A.18.2.3')).toEqual(['5.36', '8.8'])
    expect(replacedBy('A.9.2.3')).toEqual(['8.2'])
    expect(replacedBy('A.9.2.7')).toEqual([])
    const fed = ANNEX_A_CONTROLS.filter((c) => !c.newIn2022).map((c) => c.id)
    expect(new Set(CONTROLS_2013.flatMap(replacedBy))).toEqual(new Set(fed))
  })
})
