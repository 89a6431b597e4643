/** Demo accounts and the sample article seeded into an empty database. */
export const DEMO_PASSWORD = 'claimdesk-demo'

export const DEMO_USERS = [
  { email: 'admin@example.com', name: 'Ada Admin', role: 'admin' },
  { email: 'editor@example.com', name: 'Eddie Editor', role: 'editor' },
  { email: 'reviewer@example.com', name: 'Rita Reviewer', role: 'reviewer' },
] as const

/** Written for the demo: a fictional town and council, not real reporting. */
export const SAMPLE_ARTICLE = {
  title: 'Riverton council approves new bridge after decade of delays (sample text)',
  publisher: 'Claimdesk Sample Gazette',
  author: 'Sample Desk',
  publishedAt: '2024-03-15',
  url: null,
  body: `Riverton council approves new bridge after decade of delays
This is sample text written for the Claimdesk demo. The town, people and figures are fictional.
On Tuesday, the Riverton town council voted 7 to 2 to approve a new bridge over the Mill River, ending a dispute that began in 2013. The project is expected to cost $48.5 million, with 60% paid by the state government.
Mayor Helen Ortiz said the old bridge, built in 1958, carries about 14,000 vehicles a day. "We have waited ten years for this decision, and our residents have paid for every one of those years in traffic," Ortiz told reporters after the vote.
According to the council's transport report, average commute times in Riverton rose by 18 percent between 2015 and 2023. Construction is scheduled to begin in September 2024 and to finish by the end of 2026.
Opponents, led by councillor James Whitfield, argued that the money should go to repairing local roads instead. Whitfield said last year that the town had underspent on road maintenance by $3 million since 2019.
The state transport department confirmed on March 12, 2024 that it had set aside the funds.`,
}
