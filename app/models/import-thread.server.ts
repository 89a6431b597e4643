// The body of the web server's import thread (started by `importArticleOffThread`): it extracts,
// stores and matches an article on a connection of its own, so a large article (seconds of
// extraction, tens of thousands of claims) never holds up the server's event loop.
//   in:  { id, input, withApi } → out: { id, result } or { id, error, code }
import { parentPort, workerData } from 'node:worker_threads'
import { openDatabase, setDb } from '../../db/client.server'
import { articleToApi } from '../api/serialize'
import { importArticle, listArticleClaims, type NewArticle } from './article.server'
import { countClaimsByStatus } from './claim.server'

export type ImportRequest = { id: number; input: NewArticle; withApi: boolean }
export type ImportReply =
  | { id: number; result: { articleId: number; title: string; created: boolean; claimCount: number; api: string | null } }
  | { id: number; error: string; code?: string }

setDb(openDatabase((workerData as { databaseFile: string }).databaseFile))

parentPort?.on('message', ({ id, input, withApi }: ImportRequest) => {
  try {
    const { article, created } = importArticle(input)
    const claimCount = Object.values(countClaimsByStatus({ articleId: article.id })).reduce((sum, n) => sum + (n ?? 0), 0)
    // The API answers with every claim: serialised here too, as it is megabytes for a large article.
    const api = withApi ? JSON.stringify({ ...articleToApi(article, listArticleClaims({ articleId: article.id })), created }) : null
    parentPort?.postMessage({ id, result: { articleId: article.id, title: article.title, created, claimCount, api } } satisfies ImportReply)
  } catch (error) {
    const code = (error as { code?: unknown; cause?: { code?: unknown } }).code ?? (error as { cause?: { code?: unknown } }).cause?.code
    parentPort?.postMessage({ id, error: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : undefined } satisfies ImportReply)
  }
})
