import type { VitePWAOptions } from 'vite-plugin-pwa'

export const THEME_COLOR = '#1d4e89'

/**
 * Service worker and web app manifest. registerType 'prompt': a new version waits until the user
 * accepts it (see src/stores/appUpdate.ts); it never reloads the app by itself.
 */
export const pwaOptions: Partial<VitePWAOptions> = {
  registerType: 'prompt',
  injectRegister: false,
  strategies: 'generateSW',
  includeAssets: ['favicon-32x32.png', 'apple-touch-icon-180x180.png'],
  manifest: {
    id: '/',
    name: 'ISMS Readiness',
    short_name: 'ISMS Readiness',
    description:
      'Prepare for an ISO/IEC 27001:2022 certification audit: clause questionnaire, Annex A decisions, gap report and Statement of Applicability, all on your device.',
    lang: 'en',
    start_url: '/',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    theme_color: THEME_COLOR,
    background_color: '#ffffff',
    categories: ['business', 'productivity'],
    icons: [
      { src: 'pwa-192x192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: 'pwa-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: 'maskable-512x512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,png,svg,webmanifest,ttf}'],
    // jsPDF pulls optional html2canvas/canvg/purify chunks for html() rendering, which this app
    // never uses; keep them out of the precache.
    globIgnores: ['**/html2canvas*', '**/purify*', '**/index.es-*', '**/canvg*'],
    navigateFallback: 'index.html',
    cleanupOutdatedCaches: true,
    // On the first install (no version running yet) the new worker takes control of the open
    // page as soon as it activates, so the app works offline from the visit that installed it,
    // without a reload. A later version still waits for the user (registerType 'prompt': no
    // skipWaiting), and only then claims the page.
    clientsClaim: true,
    maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
  },
  devOptions: { enabled: false },
}
