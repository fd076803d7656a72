// @ts-check
import js from '@eslint/js'
import tseslint from 'typescript-eslint'
import pluginVue from 'eslint-plugin-vue'
import globals from 'globals'

const NODE_GLOBALS = [
  'process',
  'Buffer',
  'global',
  'require',
  'module',
  '__dirname',
  '__filename',
  'setImmediate',
  'clearImmediate',
]
const vueAndStorage = ['vue', 'vue-router', 'pinia', 'dexie', 'dexie/*', '@vue/*']

export default tseslint.config(
  { ignores: ['dist/**', 'dist-bench/**', 'dev-dist/**', 'node_modules/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...pluginVue.configs['flat/recommended'],
  {
    files: ['**/*.vue'],
    languageOptions: { parserOptions: { parser: tseslint.parser } },
  },
  {
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' },
    },
    rules: {
      'vue/no-v-html': 'error',
      'vue/multi-word-component-names': 'off',
      'vue/max-attributes-per-line': 'off',
      'vue/singleline-html-element-content-newline': 'off',
      'vue/html-self-closing': 'off',
      'vue/html-indent': 'off',
      'vue/html-closing-bracket-newline': 'off',
      'vue/multiline-html-element-content-newline': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The app runs in the browser. The type check reads src together with the tests, whose
    // types include Node's, so Node's globals, modules and types are kept out of src here.
    files: ['src/**'],
    rules: {
      'no-console': ['error', { allow: ['warn', 'error'] }],
      'no-restricted-globals': [
        'error',
        ...NODE_GLOBALS.map((name) => ({
          name,
          message: 'src runs in the browser: no Node globals.',
        })),
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: 'ImportDeclaration[source.value=/^node:|^(fs|path|os|crypto|buffer|stream)$/]',
          message: 'src runs in the browser: no Node modules.',
        },
        {
          selector: 'TSQualifiedName[left.name="NodeJS"]',
          message: 'src runs in the browser: no Node types.',
        },
      ],
    },
  },
  {
    // Only src/db talks to Dexie.
    files: ['src/**/*.ts', 'src/**/*.vue'],
    ignores: ['src/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: ['dexie', 'dexie/*'], message: 'Use a repository in src/db.' }] },
      ],
    },
  },
  {
    // The domain core is pure TypeScript: no Vue, no storage, no DOM framework.
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: vueAndStorage, message: 'src/domain is pure TypeScript: no Vue or Dexie.' },
            {
              group: [
                '@/db/*',
                '@/stores/*',
                '@/views/*',
                '@/components/*',
                '@/reports/*',
                '@/composables/*',
              ],
              message: 'src/domain may import only src/content and itself.',
            },
          ],
        },
      ],
      'no-console': 'error',
    },
  },
  {
    // Content is data: it imports only its own types.
    files: ['src/content/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [{ group: [...vueAndStorage, '@/*'], message: 'src/content is data only.' }] },
      ],
    },
  },
  {
    // Views and components go through stores, never straight to the database.
    files: ['src/views/**', 'src/components/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['dexie', 'dexie/*', '@/db/*'],
              message: 'Views use stores, not the database.',
            },
          ],
        },
      ],
    },
  },
)
