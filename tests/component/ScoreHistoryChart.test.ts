import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { enableAutoUnmount, flushPromises, mount, type VueWrapper } from '@vue/test-utils'
import ScoreHistoryChart from '@/components/snapshots/ScoreHistoryChart.vue'
import { formatDateTime } from '@/components/format'
import type { Snapshot, SnapshotVerdict } from '@/domain/model'
import { bandLabel, SCORE_PART_KEYS, SCORE_PART_LABELS } from '@/domain/readiness'

/** What the fake chart.js was asked to draw, and whether it should refuse (as if not loaded). */
const drawn = vi.hoisted(() => ({
  configs: [] as { data: { labels: string[]; datasets: { label: string; data: unknown[] }[] } }[],
  refuse: false,
}))

vi.mock('chart.js', () => {
  class Chart {
    static register() {
      if (drawn.refuse) throw new Error('chart.js could not be loaded')
    }
    canvas: HTMLCanvasElement
    data: unknown
    constructor(canvas: HTMLCanvasElement, config: (typeof drawn.configs)[number]) {
      this.canvas = canvas
      this.data = config.data
      drawn.configs.push(config)
    }
    update() {}
    destroy() {}
  }
  return {
    Chart,
    LineController: {},
    LineElement: {},
    PointElement: {},
    CategoryScale: {},
    LinearScale: {},
    Tooltip: {},
    Legend: {},
  }
})

const parts = (c: number, r: number, s: number, a: number): SnapshotVerdict['parts'] => ({
  clauseConformance: c,
  riskRegister: r,
  soaCompleteness: s,
  annexAImplementation: a,
})

function snapshot(
  id: string,
  takenAt: string,
  verdict: Pick<SnapshotVerdict, 'score' | 'band' | 'parts'>,
): Snapshot {
  return {
    id,
    workspaceId: 'w',
    takenAt,
    label: `Workshop ${id}`,
    verdict: { ...verdict, blockers: [] },
    records: null,
    soaApproval: null,
  }
}

const FIRST = snapshot('1', '2026-11-03T09:00:00.000Z', {
  score: 32,
  band: 'not-ready',
  parts: parts(20.3, 4, 5.2, 2.5),
})
const SECOND = snapshot('2', '2026-11-17T09:00:00.000Z', {
  score: 45,
  band: 'partly-ready',
  parts: parts(25, 6.1, 8, 5.9),
})
// Taken before snapshots kept their records: the score only.
const OLDEST = snapshot('0', '2026-10-20T09:00:00.000Z', {
  score: 20,
  band: 'not-ready',
  parts: null,
})
const NOW: SnapshotVerdict = {
  score: 61,
  band: 'partly-ready',
  parts: parts(30, 9, 12, 10),
  blockers: [],
}

function mountChart(snapshots: readonly Snapshot[], current = NOW) {
  return mount(ScoreHistoryChart, { props: { snapshots, current }, attachTo: document.body })
}

const cells = (wrapper: VueWrapper) =>
  wrapper
    .findAll('tbody tr')
    .map((row) => row.findAll('th, td').map((cell) => cell.text().replace(/\s+/g, ' ').trim()))

beforeEach(() => {
  drawn.configs = []
  drawn.refuse = false
})
enableAutoUnmount(afterEach)

describe('ScoreHistoryChart', () => {
  it('lists the snapshots oldest first, then now, with score, band and points per part', async () => {
    const wrapper = mountChart([SECOND, OLDEST, FIRST])
    await flushPromises()
    expect(wrapper.findAll('thead th').map((th) => th.text())).toEqual([
      'Date',
      'Snapshot',
      'Score',
      'Band',
      ...SCORE_PART_KEYS.map((key) => SCORE_PART_LABELS[key]),
    ])
    expect(cells(wrapper)).toEqual([
      [formatDateTime(OLDEST.takenAt), 'Workshop 0', '20', bandLabel('not-ready')].concat(
        SCORE_PART_KEYS.map(() => 'Not kept'),
      ),
      [
        formatDateTime(FIRST.takenAt),
        'Workshop 1',
        '32',
        bandLabel('not-ready'),
        '20.3 of 45',
        '4 of 15',
        '5.2 of 15',
        '2.5 of 25',
      ],
      [
        formatDateTime(SECOND.takenAt),
        'Workshop 2',
        '45',
        bandLabel('partly-ready'),
        '25 of 45',
        '6.1 of 15',
        '8 of 15',
        '5.9 of 25',
      ],
      ['Now', 'Current assessment', '61', bandLabel('partly-ready'), '30 of 45', '9 of 15'].concat([
        '12 of 15',
        '10 of 25',
      ]),
    ])
  })

  it('draws the score and each part in the same order, a gap where a snapshot kept no parts', async () => {
    const wrapper = mountChart([SECOND, OLDEST, FIRST])
    await flushPromises()
    const [config] = drawn.configs
    expect(config?.data.labels).toHaveLength(4)
    expect(config?.data.labels.at(-1)).toBe('Now')
    expect(config?.data.datasets.map((d) => d.label)).toEqual([
      'Score',
      ...SCORE_PART_KEYS.map((key) => SCORE_PART_LABELS[key]),
    ])
    expect(config?.data.datasets[0]?.data).toEqual([20, 32, 45, 61])
    expect(config?.data.datasets[1]?.data).toEqual([null, 20.3, 25, 30])
    const label = wrapper.get('canvas[role="img"]').attributes('aria-label')
    expect(label).toMatch(/^Score over 3 snapshots: 20 on .+, 32 on .+, 45 on .+, now 61\./)
  })

  it('draws the score alone when no moment kept its parts', async () => {
    mountChart([OLDEST], { ...NOW, parts: null })
    await flushPromises()
    expect(drawn.configs[0]?.data.datasets.map((d) => d.label)).toEqual(['Score'])
  })

  it('keeps the table and says so when the chart cannot be drawn', async () => {
    drawn.refuse = true
    const wrapper = mountChart([FIRST, SECOND])
    await flushPromises()
    expect(wrapper.find('canvas').exists()).toBe(false)
    expect(wrapper.text()).toContain('The chart could not be drawn')
    expect(cells(wrapper).map((row) => row[2])).toEqual(['32', '45', '61'])
  })

  it('shows nothing without a snapshot, and draws once the first one is taken', async () => {
    const wrapper = mountChart([])
    await flushPromises()
    expect(wrapper.find('section').exists()).toBe(false)
    await wrapper.setProps({ snapshots: [FIRST] })
    await flushPromises()
    expect(cells(wrapper).map((row) => row[1])).toEqual(['Workshop 1', 'Current assessment'])
    expect(drawn.configs).toHaveLength(1)
  })
})
