/**
 * The approval history of the Statement of Applicability, as the SoA document prints it after
 * its table: every approved version with who approved it, when, what changed and why, and for a
 * draft the decisions changed since the latest approved version. Worded by soaStatus
 * (src/domain/soaApproval.ts), the same as on the Report screen.
 */
import type { DecisionChangeItem } from '@/domain/comparison'
import { decisionChangeLine, type SoaStatus } from '@/domain/soaApproval'
import { columns } from './document'
import type { Block, CellLine } from './document'

/** The decisions a version changed, named by control: "A.5.7: Undecided → Excluded". */
function changeLines(changes: readonly DecisionChangeItem[]): CellLine[] {
  return changes.map((c) => ({ text: decisionChangeLine(c) }))
}

function changesTable(changes: readonly DecisionChangeItem[], summary: string): Block {
  return {
    kind: 'table',
    summary,
    dense: true,
    columns: columns(['Control', 0.3], ['Before', 0.2], ['Now', 0.2], ['Justification', 0.3]),
    rows: changes.map((c) => [c.control, c.from, c.to, c.justification]),
  }
}

export function soaApprovalBlocks(status: SoaStatus): Block[] {
  if (status.history.length === 0) return []
  const blocks: Block[] = [
    { kind: 'heading', level: 2, text: 'Approval history' },
    {
      kind: 'paragraph',
      text: 'Every version of this Statement of Applicability approved so far, the latest first, with what changed since the version before and why.',
      style: 'normal',
    },
    {
      kind: 'table',
      summary: 'The approved versions of the Statement of Applicability',
      columns: columns(
        ['Version', 0.1, 40],
        ['Approved by', 0.17],
        ['Date', 0.12, 62],
        ['What changed and why', 0.33],
        ['Decisions changed', 0.28],
      ),
      rows: status.history.map((v) => [
        v.version,
        v.approver,
        v.approvedOn,
        v.changeNote || (v.first ? 'First approved version' : ''),
        v.first
          ? [{ text: 'First version approved in the app', style: 'muted' }]
          : v.changes.length
            ? changeLines(v.changes)
            : [{ text: 'No decision changed', style: 'muted' }],
      ]),
    },
  ]
  if (status.state === 'draft' && status.latest) {
    blocks.push(
      {
        kind: 'heading',
        level: 2,
        text: `Changes since version ${status.latest.version} (not approved yet)`,
      },
      changesTable(
        status.changedSince,
        `The decisions changed since version ${status.latest.version} was approved`,
      ),
    )
  }
  return blocks
}
