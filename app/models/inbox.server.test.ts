import { beforeEach, describe, expect, test } from 'vitest'
import { useFreshDatabase } from '../../tests/db'
import { makeArticleWithClaims, makeUser } from '../../tests/factories'
import { addEvidence } from './evidence.server'
import { countUnreadInbox, listInbox } from './inbox.server'
import { completeSnapshot, createPendingSnapshot } from './snapshot.server'

beforeEach(() => {
  useFreshDatabase()
})

const page = (text: string) => ({
  status: 'ok' as const,
  finalUrl: 'https://stats.example/t1',
  httpStatus: 200,
  contentType: 'text/html',
  title: 'Table 1',
  text,
  sha256: text.length.toString(16).padStart(64, '0'),
  content: Buffer.from(text),
  contentLength: text.length,
})

describe('inbox: evidence whose source changed or went away', () => {
  test('who added the evidence is told once per change, and the item is settled when the source is unchanged again', async () => {
    const rita = await makeUser({ name: 'Rita' })
    const { claims } = makeArticleWithClaims({ sentences: ['Turnout was 61 percent.', 'Prices rose 4 percent.'] })
    const first = addEvidence({ claimId: claims[0]!.id, actorId: rita.id, stance: 'supports', excerpt: 'Turnout: 61%', note: '', source: { url: 'https://stats.example/t1', title: 'Table 1' } })
    if (!first.ok) throw new Error('no evidence')
    const sourceId = first.sourceId
    addEvidence({ claimId: claims[1]!.id, actorId: rita.id, stance: 'context', excerpt: '', note: '', sourceId })
    const check = (result: Parameters<typeof completeSnapshot>[0]['result']) => completeSnapshot({ id: createPendingSnapshot({ sourceId })!.id, result })

    check(page('Turnout: 61%'))
    expect(countUnreadInbox({ userId: rita.id })).toBe(0)
    check(page('Turnout: 58%'))
    const items = listInbox({ userId: rita.id })
    expect(items.map((i) => [i.kind, i.claimId]).sort()).toEqual([
      ['source_changed', claims[0]!.id],
      ['source_changed', claims[1]!.id],
    ])
    expect(items[0]!.note).toMatch(/changed/)
    check(page('Turnout: 57%'))
    expect(countUnreadInbox({ userId: rita.id })).toBe(2)
    check({ status: 'failed', error: 'HTTP 404', httpStatus: 404, unreachable: false, finalUrl: 'https://stats.example/t1' })
    expect(listInbox({ userId: rita.id }).filter((i) => /gone/.test(i.note))).toHaveLength(2)
    check(page('Turnout: 61%'))
    expect(listInbox({ userId: rita.id })).toEqual([])
  })
})
