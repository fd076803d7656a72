import { createRouter, createWebHistory, type RouteRecordRaw } from 'vue-router'
import WorkspaceListView from '@/views/WorkspaceListView.vue'
import { WORKSPACE_SECTIONS, type WorkspaceSectionName } from '@/navigation'

declare module 'vue-router' {
  interface RouteMeta {
    /** Page title shown in the tab and announced on navigation. */
    title?: string
  }
}

const sectionViews = {
  overview: () => import('@/views/OverviewView.vue'),
  clauses: () => import('@/views/ClausesView.vue'),
  'annex-a': () => import('@/views/AnnexAView.vue'),
  risks: () => import('@/views/RisksView.vue'),
  documents: () => import('@/views/DocumentsView.vue'),
  report: () => import('@/views/ReportView.vue'),
} satisfies Record<WorkspaceSectionName, () => Promise<unknown>>

const routes: RouteRecordRaw[] = [
  { path: '/', name: 'workspaces', component: WorkspaceListView, meta: { title: 'Assessments' } },
  {
    path: '/about',
    name: 'about',
    component: () => import('@/views/AboutView.vue'),
    meta: { title: 'About and storage' },
  },
  {
    path: '/w/:workspaceId',
    component: () => import('@/views/WorkspaceShellView.vue'),
    props: true,
    children: [
      { path: '', redirect: { name: 'overview' } },
      ...WORKSPACE_SECTIONS.map((section) => ({
        path: section.name === 'clauses' ? 'clauses/:clause?' : section.path,
        name: section.name,
        component: sectionViews[section.name],
        meta: { title: section.label },
      })),
      {
        path: 'compare',
        name: 'compare',
        component: () => import('@/views/CompareView.vue'),
        meta: { title: 'What changed' },
      },
      {
        path: 'fast-start',
        name: 'fast-start',
        component: () => import('@/views/FastStartView.vue'),
        meta: { title: 'Fast start' },
      },
    ],
  },
  {
    path: '/:pathMatch(.*)*',
    name: 'not-found',
    component: () => import('@/views/NotFoundView.vue'),
    meta: { title: 'Page not found' },
  },
]

export function createAppRouter() {
  const router = createRouter({
    history: createWebHistory(import.meta.env.BASE_URL),
    routes,
    scrollBehavior: (_to, _from, saved) => saved ?? { top: 0 },
  })
  router.afterEach((to) => {
    document.title = to.meta.title ? `${to.meta.title} · ISMS Readiness` : 'ISMS Readiness'
  })
  return router
}
