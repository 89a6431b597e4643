// Entry of the web server's import thread (app/models/import-thread.server.ts). Workers do not
// share the server bundle, so the thread loads the models from source through tsx.
import { register } from 'tsx/esm/api'

register()
await import('../app/models/import-thread.server.ts')
