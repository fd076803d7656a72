import { computed, nextTick, shallowRef, watch, type Ref } from 'vue'
import { useRoute, useRouter } from 'vue-router'
import { CLAUSE_IDS, CLAUSE_SECTIONS, questionsFor, type ClauseId } from '@/content'
import { useAnnouncerStore } from '@/stores/announcer'

export interface QuestionWalkOptions {
  workspaceId: () => string
  /** The sub-clause in the address, null while there is none. */
  current: Ref<ClauseId | null>
  /** Presenter view: one question at a time. */
  presenter: Ref<boolean>
}

/**
 * Walking the clause questions by keyboard and in presenter view: which questions are shown,
 * where focus goes after a move, and moves that continue into the previous or next sub-clause.
 */
export function useQuestionWalk({ workspaceId, current, presenter }: QuestionWalkOptions) {
  const route = useRoute()
  const router = useRouter()
  const announcer = useAnnouncerStore()

  const presenterIndex = shallowRef(0)
  const questions = computed(() => (current.value ? questionsFor(current.value) : []))
  const index = computed(() => (current.value ? CLAUSE_IDS.indexOf(current.value) : -1))
  const previousSection = computed(() => CLAUSE_SECTIONS[index.value - 1])
  const nextSection = computed(() => CLAUSE_SECTIONS[index.value + 1])

  const atFirst = computed(() => !previousSection.value && presenterIndex.value === 0)
  const atLast = computed(
    () => !nextSection.value && presenterIndex.value === questions.value.length - 1,
  )
  const position = computed(
    () => `Question ${presenterIndex.value + 1} of ${questions.value.length} in ${current.value}`,
  )

  /** The sub-clause Previous/Next is moving to: they choose the question to focus there. */
  let pagerTarget: ClauseId | null = null
  watch(current, (clause, before) => {
    presenterIndex.value = 0
    if (pagerTarget === clause) {
      pagerTarget = null
      return
    }
    // The screen opening (from nothing to its sub-clause) keeps the route's own focus.
    if (before === null || clause === null) return
    // Opened from the index (or any link): the keyboard lands on its first question, not above it.
    focusQuestion(0, true)
  })
  const visibleQuestions = computed(() =>
    presenter.value
      ? questions.value.slice(presenterIndex.value, presenterIndex.value + 1)
      : questions.value,
  )

  /** Focuses the status choice of the i-th question shown (the checked one, else the first). */
  function focusQuestion(i: number, afterNavigation = false) {
    const focus = () => {
      const question = visibleQuestions.value[i]
      if (!question) return
      const group = document.querySelector(
        `[data-question-id="${CSS.escape(question.id)}"] [role="radiogroup"]`,
      )
      const radio =
        group?.querySelector<HTMLInputElement>('input:checked') ??
        group?.querySelector<HTMLInputElement>('input')
      radio?.focus()
    }
    // After a navigation, wait for the router's own focus handling (App.vue) to run first.
    if (afterNavigation) setTimeout(focus, 0)
    else void nextTick(focus)
  }

  async function setPresenter(on: boolean) {
    const query = { ...route.query }
    if (on) query.presenter = '1'
    else delete query.presenter
    const at = presenterIndex.value
    if (on) presenterIndex.value = 0
    await router.replace({ query })
    // The button pressed is gone with the layout it was in: focus follows the question.
    focusQuestion(on ? 0 : at)
  }

  async function goToSection(clause: ClauseId | undefined, focus: 'first' | 'last') {
    if (!clause) return
    pagerTarget = clause
    await router.push({
      name: 'clauses',
      params: { workspaceId: workspaceId(), clause },
      query: route.query,
    })
    await nextTick()
    const count = questionsFor(clause).length
    if (presenter.value) presenterIndex.value = focus === 'first' ? 0 : count - 1
    if (!presenter.value) focusQuestion(focus === 'first' ? 0 : count - 1, true)
  }

  /**
   * Moves by one question. In presenter view focus stays where it was (the Next button, in the
   * same place for the next press) and the new question is announced; a move asked for from a
   * question's status choice (Enter, N, P), or one that disables the button, takes focus to the
   * new question's status choice.
   */
  async function move(step: 1 | -1, i = 0) {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null
    const at = presenter.value ? presenterIndex.value : i
    const target = at + step
    if (target >= 0 && target < questions.value.length) {
      if (!presenter.value) return focusQuestion(target)
      presenterIndex.value = target
    } else {
      const clause = (step > 0 ? nextSection : previousSection).value?.id
      await goToSection(clause, step > 0 ? 'first' : 'last')
    }
    if (!presenter.value) return
    const question = visibleQuestions.value[0]
    if (question) announcer.announce(`${position.value}: ${question.text}`)
    // After the router's own focus handling (a move into another sub-clause), as focusQuestion.
    setTimeout(() => {
      const keep = before?.isConnected && !(before as HTMLButtonElement).disabled
      if (keep && !before.closest('[data-question-id]')) before.focus()
      else focusQuestion(0)
    }, 0)
  }

  return {
    previousSection,
    nextSection,
    presenterIndex,
    visibleQuestions,
    atFirst,
    atLast,
    position,
    focusQuestion,
    move,
    setPresenter,
  }
}
