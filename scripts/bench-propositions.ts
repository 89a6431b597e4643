/**
 * CPU time of proposition segmentation per word: splitPropositions over the sentences of the
 * fixture article and of PropSegmEnt dev (read at run time from ../shared), with the tags computed
 * beforehand as extraction does once per article. CPU time (process.cpuUsage), not wall clock, so
 * a busy machine changes it little.   npx tsx scripts/bench-propositions.ts
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { splitPropositions } from '../app/extraction/propositions'
import { splitSentences } from '../app/extraction/sentences'
import { tag } from '../app/extraction/tagger'

const shared = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', 'shared')
const article = fs.readFileSync(path.join(shared, 'fixtures', 'articles', 'interpol-syria.txt'), 'utf8')
const fromArticle = splitSentences(article).map((s) => article.slice(s.start, s.end))
const fromPropSegmEnt = fs
  .readFileSync(path.join(shared, 'eval', 'propsegment', 'dev.jsonl'), 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => (JSON.parse(l) as { sentence: string }).sentence)
const sentences = [...fromArticle, ...fromPropSegmEnt].map((s) => ({ s, tags: tag(s) }))
const words = sentences.reduce((n, x) => n + x.s.split(/\s+/).filter(Boolean).length, 0)

const rounds = Number(process.argv[2] ?? 20)
for (let i = 0; i < 3; i++) for (const x of sentences) splitPropositions(x.s, x.tags)
const before = process.cpuUsage()
let shown = 0
for (let i = 0; i < rounds; i++) for (const x of sentences) shown += splitPropositions(x.s, x.tags).length
const used = process.cpuUsage(before)
const micros = used.user + used.system
console.log(
  `splitPropositions: ${sentences.length} sentences, ${words} words, ${rounds} rounds: ${(micros / (rounds * words)).toFixed(3)} µs CPU per word (${(shown / rounds).toFixed(0)} shown per round)`,
)
