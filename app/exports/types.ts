import type { ClaimStatus, Stance, Verdict } from '../workflow'

export type ExportEvidence = {
  stance: Stance
  excerpt: string
  note: string
  source: {
    url: string
    title: string
    publisher: string | null
    publishedAt: string | null
    archivedUrl: string | null
    /** The source's newest good snapshot: when it was fetched (ISO) and the SHA-256 of its bytes. */
    snapshot: { fetchedAt: string; sha256: string } | null
  }
}

/** A public correction of a published claim. */
export type ExportCorrection = {
  /** ISO timestamp. */
  at: string
  oldVerdict: Verdict | null
  newVerdict: Verdict | null
  /** What changed and why, as published. */
  note: string
  by: string | null
}

/** One claim with everything an export needs, as read from the database. */
export type ExportClaim = {
  id: number
  text: string
  quote: string
  status: ClaimStatus
  verdict: Verdict | null
  rationale: string
  checkworthiness: number
  dates: { text: string; value: string }[]
  attribution: { source: string; verb: string } | null
  article: {
    id: number
    title: string
    url: string | null
    publisher: string | null
    author: string | null
    publishedAt: string | null
  }
  verdictBy: string | null
  approvedBy: string | null
  /** ISO timestamps. */
  approvedAt: string | null
  /** When an export first carried the claim approved (ISO timestamp), or null if none has. */
  publishedAt: string | null
  updatedAt: string
  evidence: ExportEvidence[]
  /** Oldest first. */
  corrections: ExportCorrection[]
}

export type ExportContext = {
  /** The fact-checking organisation publishing the reviews. */
  organization: { name: string; url: string }
  /** Where claim pages live, e.g. https://factcheck.example.org */
  baseUrl: string
  generatedAt: string
}

export const EXPORT_FORMATS = ['csv', 'json', 'md', 'claimreview'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]
