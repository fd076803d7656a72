import { computed, reactive, shallowRef, type InjectionKey } from 'vue'
import { CONTENT_VERSION, type ControlId } from '@/content'
import type {
  Applicability,
  ControlDecision,
  ControlProvider,
  ImplementationStatus,
  JustificationReason,
  WorkspaceId,
} from '@/domain/model'
import {
  JUSTIFICATION_REASONS,
  chooseApplicability,
  chooseJustification,
  decisionProblems,
  emptyDecision,
  type JustificationChoice,
} from '@/domain/controlDecision'
import { DECISION_FIELDS } from '@/domain/editableFields'
import { parseEvidence } from '@/domain/clauseAnswer'
import { cleanName } from '@/domain/workspace'
import { useMergingAutosave, type MergingSave } from './useMergingAutosave'

/** What an editor of one control decision holds while the user changes it. */
export interface ControlDecisionDraft {
  applicability: Applicability
  provider: ControlProvider
  supplierName: string
  reasons: JustificationReason[]
  justification: string
  implementationStatus: ImplementationStatus
  owner: string
  evidenceText: string
}

/**
 * What a flip set aside, and a draft that could not be saved yet (an exclusion still without
 * its justification), kept while the user moves between a control's row and its full editor,
 * so both follow one decision instead of each starting afresh.
 */
export interface DecisionChoiceMemory {
  readonly setAsideReasons: readonly JustificationReason[]
  readonly setAsideTexts: JustificationChoice['setAside']
  readonly setAsideText: string | null
  readonly unsaved: ControlDecisionDraft | null
}

/** The memories of one screen, by control; created by the list that shows the controls. */
export type DecisionChoiceMemories = Map<ControlId, DecisionChoiceMemory>

export interface ControlDecisionDraftOptions {
  controlId: ControlId
  workspaceId: () => WorkspaceId
  /** The decision as the store holds it now (followed live). */
  decision: () => ControlDecision | undefined
  save: MergingSave<ControlDecision>
  memories?: DecisionChoiceMemories
}

function draftFrom(decision: ControlDecision | undefined): ControlDecisionDraft {
  return {
    applicability: decision?.applicability ?? 'undecided',
    provider: decision?.provider ?? 'in-house',
    supplierName: decision?.supplierName ?? '',
    reasons: [...(decision?.reasons ?? [])],
    justification: decision?.justification ?? '',
    implementationStatus: decision?.implementationStatus ?? 'not-implemented',
    owner: decision?.owner ?? '',
    evidenceText: decision?.evidence.join('\n') ?? '',
  }
}

/**
 * The draft of one control decision and its field-by-field autosave, shared by the row's
 * inline choices and the full editor so both save the same way: only changed fields, never
 * over what the user is typing, and never an incomplete decision. Choosing the applicability
 * follows chooseApplicability and chooseJustification: a flip sets aside the reasons and the
 * text written for the other side.
 */
export function useControlDecisionDraft(options: ControlDecisionDraftOptions) {
  const { controlId, memories } = options
  const remembered = memories?.get(controlId)
  const draft = reactive<ControlDecisionDraft>(
    remembered?.unsaved ? { ...remembered.unsaved } : draftFrom(options.decision()),
  )

  function toDecision(): ControlDecision {
    const now = new Date().toISOString()
    const base = options.decision() ?? emptyDecision(options.workspaceId(), controlId, now)
    return {
      ...base,
      applicability: draft.applicability,
      contentVersion: CONTENT_VERSION,
      provider: draft.provider,
      supplierName: cleanName(draft.supplierName),
      reasons: JUSTIFICATION_REASONS.map((r) => r.value).filter((r) => draft.reasons.includes(r)),
      justification: draft.justification.trim(),
      implementationStatus: draft.implementationStatus,
      owner: cleanName(draft.owner),
      evidence: parseEvidence(draft.evidenceText),
      updatedAt: now,
    }
  }

  const problems = computed(() => decisionProblems(toDecision()))

  // Saves field by field; a decision changed elsewhere replaces the draft unless the user has
  // unsaved or incomplete edits here.
  const autosave = useMergingAutosave<ControlDecision>({
    stored: options.decision,
    empty: () => emptyDecision(options.workspaceId(), controlId, new Date().toISOString()),
    current: toDecision,
    load: (decision) => Object.assign(draft, draftFrom(decision)),
    save: (baseline, next) => options.save(baseline, next),
    fields: DECISION_FIELDS,
    canLoad: () => problems.value.length === 0,
  })

  /** Reasons for applying the control, cleared by a switch to excluded (see chooseApplicability). */
  let setAsideReasons: readonly JustificationReason[] = remembered?.setAsideReasons ?? []
  /** Justifications set aside by a flip (see chooseJustification), by the side they were written for. */
  let setAsideTexts: JustificationChoice['setAside'] = remembered?.setAsideTexts ?? {}
  /** The text the last flip set aside, offered back under the field; null when none. */
  const setAsideText = shallowRef<string | null>(remembered?.setAsideText ?? null)

  function remember() {
    memories?.set(controlId, {
      setAsideReasons,
      setAsideTexts,
      setAsideText: setAsideText.value,
      unsaved: problems.value.length > 0 ? { ...draft, reasons: [...draft.reasons] } : null,
    })
  }

  /** Saves unless the decision is incomplete; an incomplete one stays on screen, unsaved. */
  function commit(mode: 'now' | 'typed') {
    remember()
    if (problems.value.length > 0) {
      // A change typed a moment ago may still be waiting to be written; it is no longer valid.
      autosave.cancel()
      return
    }
    if (mode === 'now') void autosave.saveNow(toDecision())
    else autosave.schedule(toDecision())
  }

  function decide(value: Applicability) {
    const from = draft.applicability
    const next = chooseApplicability(
      { applicability: from, reasons: draft.reasons, setAsideReasons },
      value,
    )
    const text = chooseJustification(
      {
        justification: draft.justification,
        writtenFor: from === 'undecided' ? null : from,
        setAside: setAsideTexts,
      },
      value,
    )
    const leftSide = from === 'applicable' || from === 'excluded' ? from : null
    setAsideText.value =
      leftSide &&
      text.setAside[leftSide] !== undefined &&
      text.justification !== draft.justification
        ? (text.setAside[leftSide] ?? null)
        : null
    draft.applicability = next.applicability
    draft.reasons = [...next.reasons]
    draft.justification = text.justification
    setAsideReasons = next.setAsideReasons
    setAsideTexts = text.setAside
    commit('now')
  }

  /** Puts the justification a flip set aside back in the field, as the user asked. */
  function restoreSetAside() {
    if (setAsideText.value === null) return
    draft.justification = setAsideText.value
    setAsideText.value = null
    commit('now')
  }

  return { draft, autosave, problems, setAsideText, commit, decide, restoreSetAside }
}

export type ControlDecisionForm = ReturnType<typeof useControlDecisionDraft>

/** How the full editor hands its draft to the parts of its form. */
export const CONTROL_DECISION_FORM: InjectionKey<ControlDecisionForm> =
  Symbol('controlDecisionForm')
