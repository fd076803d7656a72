import { defineStore } from 'pinia'
import { shallowRef } from 'vue'

/** Messages for screen readers, read out by the polite live region in App.vue. */
export const useAnnouncerStore = defineStore('announcer', () => {
  const message = shallowRef('')
  function announce(text: string) {
    // Clearing first makes a repeated message be read again.
    message.value = ''
    queueMicrotask(() => {
      message.value = text
    })
  }
  return { message, announce }
})
