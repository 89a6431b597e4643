import type { Claim } from '~/models/claim.server'

/** The dates with their ISO values, numbers, names, propositions, attribution and quotes found in the claim. */
function Facets({ claim }: { claim: Claim }) {
  const f = claim.facets
  const none = !f.dates.length && !f.numbers.length && !f.entities.length && !f.quotes.length && !f.attribution
  if (none) return <p className="muted">No dates, numbers, names or quotes were found in this claim.</p>
  return (
    <dl className="facets">
      {f.dates.length ? (
        <>
          <dt>Dates</dt>
          <dd>
            {f.dates.map((d, i) => (
              <span key={i} className="chip">
                {d.text} <code>{d.value}</code>
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {f.numbers.length ? (
        <>
          <dt>Numbers</dt>
          <dd>
            {f.numbers.map((n, i) => (
              <span key={i} className="chip">
                {n.text} <span className="muted">{[n.kind, n.unit].filter(Boolean).join(', ')}</span>
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {f.entities.length ? (
        <>
          <dt>Names</dt>
          <dd>
            {f.entities.map((e, i) => (
              <span key={i} className="chip">
                {e.text} <span className="muted">{e.type}</span>
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {f.propositions && f.propositions.length > 1 ? (
        <>
          <dt>Asserts</dt>
          <dd>
            <ul className="propositions">
              {f.propositions.map((p, i) => (
                <li key={i}>{p.text}</li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {f.types?.length ? (
        <>
          <dt>Kind</dt>
          <dd>
            {f.types.map((t) => (
              <span key={t} className="chip">
                {t}
              </span>
            ))}
          </dd>
        </>
      ) : null}
      {f.context?.length ? (
        <>
          <dt>Added to read alone</dt>
          <dd>
            <ul className="propositions">
              {f.context.map((c, i) => (
                <li key={i}>
                  {c.kind === 'filler' ? (
                    <>
                      left out <q>{c.text}</q>
                    </>
                  ) : c.replaces ? (
                    <>
                      <q>{c.text}</q> for <q>{c.replaces}</q>
                    </>
                  ) : (
                    <>
                      <q>{c.text}</q> <span className="muted">{c.kind === 'speaker' ? 'speaker of the quotation' : c.kind === 'time' ? 'when, from the sentences before' : 'from elsewhere in the sentence'}</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </dd>
        </>
      ) : null}
      {f.attribution ? (
        <>
          <dt>Attributed to</dt>
          <dd>
            {f.attribution.source} <span className="muted">— {f.attribution.verb}</span>
          </dd>
        </>
      ) : null}
      {f.quotes.length ? (
        <>
          <dt>Quotes</dt>
          <dd>
            {f.quotes.map((q, i) => (
              <q key={i}>{q.text}</q>
            ))}
          </dd>
        </>
      ) : null}
    </dl>
  )
}

/** What the claim contains, and why it was judged check-worthy. */
export function FacetsPanel({ claim }: { claim: Claim }) {
  return (
    <section className="card" aria-labelledby="facets-heading">
      <h2 id="facets-heading" style={{ marginTop: 0 }}>
        What it contains
      </h2>
      <Facets claim={claim} />
      <h3>Why it is check-worthy</h3>
      <ul className="reasons">
        {claim.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
    </section>
  )
}
