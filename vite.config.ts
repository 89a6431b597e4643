import { vitePlugin as remix } from '@remix-run/dev'
import { defineConfig } from 'vitest/config'
import tsconfigPaths from 'vite-tsconfig-paths'
import remixConfig from './remix.config.js'

declare module '@remix-run/node' {
  interface Future {
    v3_singleFetch: true
  }
}

const isVitest = Boolean(process.env.VITEST)

export default defineConfig({
  plugins: [...(isVitest ? [] : [remix(remixConfig)]), tsconfigPaths()],
  server: { port: 3000 },
  test: {
    include: ['app/**/*.test.{ts,tsx}', 'db/**/*.test.ts', 'cli/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['tests/e2e/**', 'node_modules/**'],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
  },
})
