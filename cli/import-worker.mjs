// Entry of the import thread: workers do not inherit the parent's TypeScript loader, so it is
// registered here before the worker proper is loaded.
import { register } from 'tsx/esm/api'

register()
await import('./import-worker.ts')
