import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { registerServiceWorker } from './pwa'
import { useAppStatusStore } from './stores/appStatus'
import './styles/main.css'

const app = createApp(App)
const pinia = createPinia()
const router = createAppRouter()
app.use(pinia)
app.use(router)
app.mount('#app')

void router.isReady().then(() => registerServiceWorker(useAppStatusStore(pinia)))
