import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, test } from 'vitest'
import { extract } from './index'
import { findDates, parseReference } from './dates'
import { splitPropositions } from './propositions'
import { splitSentences } from './sentences'
import { pastOf, tag } from './tagger'

const fixture = fs.readFileSync(path.resolve(__dirname, '../../../shared/fixtures/articles/interpol-syria.txt'), 'utf8')

function claimsOf(text: string, published?: string) {
  return extract(text, { published }).claims
}

function expectValidOffsets(text: string) {
  const r = extract(text)
  for (const s of r.sentences) expect(text.slice(s.start, s.end)).toBe(s.text)
  for (const c of r.claims) {
    expect(c.start).toBeGreaterThanOrEqual(0)
    expect(c.end).toBeLessThanOrEqual(text.length)
    for (const f of [...c.dates, ...c.numbers, ...c.entities, ...c.quotes]) expect(text.slice(f.start, f.end)).toBe(f.text)
  }
  return r
}

describe('the defining example', () => {
  test('lifting decided (2021-06) and implementation completed (2021-10) are two claims with their own spans', () => {
    const sentence =
      'In June 2021, the Executive Committee decided to lift these measures, with implementation completed in October 2021 following additional training for NCB Damascus staff.'
    const offset = fixture.indexOf(sentence)
    expect(offset).toBeGreaterThan(0)
    const claims = claimsOf(fixture).filter((c) => c.start >= offset && c.end <= offset + sentence.length)
    expect(claims).toHaveLength(2)
    const [lift, done] = claims
    expect(lift!.text).toBe('In June 2021, the Executive Committee decided to lift these measures.')
    expect(lift!.dates.map((d) => d.value)).toEqual(['2021-06'])
    expect(fixture.slice(lift!.start, lift!.end)).toBe('In June 2021, the Executive Committee decided to lift these measures')
    expect(done!.text).toBe('Implementation was completed in October 2021 following additional training for NCB Damascus staff.')
    expect(done!.dates.map((d) => d.value)).toEqual(['2021-10'])
    expect(fixture.slice(done!.start, done!.end)).toBe(
      'implementation completed in October 2021 following additional training for NCB Damascus staff.',
    )
  })

  test('the fixture: headings are not claims, offsets are exact, 1953 and December of 2012 are normalised', () => {
    const r = expectValidOffsets(fixture)
    const headings = r.sentences.filter((s) => s.heading).map((s) => s.text)
    expect(headings).toEqual(['A Multi-Pronged Strategy for Cooperation', 'A Broader Global Security Context'])
    expect(r.claims.some((c) => headings.includes(c.text))).toBe(false)
    const values = r.claims.flatMap((c) => c.dates.map((d) => d.value))
    expect(values).toEqual(expect.arrayContaining(['1953', '2012-12', '2021-06', '2021-10']))
    const aims = r.claims.find((c) => c.text.includes('aims to gain'))!
    const decided = r.claims.find((c) => c.text.includes('decided to lift'))!
    expect(aims.checkworthiness).toBeLessThan(decided.checkworthiness)
    expect(aims.reasons.join(' ')).toContain('intention')
  })
})

describe('sentences', () => {
  test.each([
    ['Maj. Gen. Tahhan met Dr. Smith on Tuesday. They talked.', 2],
    ['The U.S. Army said 3.5 percent of troops left. No. 5 was next.', 2],
    ['Shares in Acme Inc. rose. Investors cheered.', 2],
    ['He said: "We will win. We always do." Then he left.', 2],
    ['J. K. Rowling wrote the book in 1997. It sold well.', 2],
    ['Prices rose 2.5% in May. Wages did not.', 2],
    ["Sales fell in March. ``It's too early to see a trend,'' he said.", 2],
  ])('%s → %i sentences', (text, n) => {
    expect(splitSentences(text)).toHaveLength(n)
  })

  test('list items and headings each stand alone', () => {
    const text = 'Key figures\n- 40 officers were trained in 2021.\n- 12 analysts joined the unit.\nThe report was published on Friday.'
    const s = splitSentences(text)
    expect(s.map((x) => text.slice(x.start, x.end))).toEqual([
      'Key figures',
      '- 40 officers were trained in 2021.',
      '- 12 analysts joined the unit.',
      'The report was published on Friday.',
    ])
    expect(s[0]!.heading).toBe(true)
    expect(s[1]!.heading).toBe(false)
  })

  test('"Inc." before a role and a name does not end the sentence; before "The" it does', () => {
    const t = '"We love the Beatles," said Apple Inc. CEO Steve Jobs. The deal was signed by Apple Inc. The company was pleased.'
    expect(splitSentences(t).map((x) => t.slice(x.start, x.end))).toEqual(['"We love the Beatles," said Apple Inc. CEO Steve Jobs.', 'The deal was signed by Apple Inc.', 'The company was pleased.'])
  })

  test('a headline is one heading even with an abbreviation inside it', () => {
    const text = 'Apple Inc. CEO Steve Jobs on medical leave\nJanuary 17, 2011\nSteve Jobs announced on Monday that he would be on medical leave.'
    const r = extract(text, { published: '2011-01-17' })
    expect(r.sentences[0]).toMatchObject({ text: 'Apple Inc. CEO Steve Jobs on medical leave', heading: true })
    expect(r.claims.map((c) => c.text)).toEqual(['Steve Jobs announced on Monday that he would be on medical leave.'])
  })
})

describe('atomic claims from real news sentences', () => {
  test.each([
    [
      'While Syria has been a member of INTERPOL since 1953, corrective measures were imposed on the bureau in December of 2012.',
      ['Syria has been a member of INTERPOL since 1953.', 'Corrective measures were imposed on the bureau in December of 2012.'],
    ],
    [
      'I have great confidence that Tim and the rest of the executive team will do a terrific job.',
      ['I have great confidence that Tim and the rest of the executive team will do a terrific job.'],
    ],
    ['The report said prices and profits fell sharply in May.', ['The report said prices and profits fell sharply in May.']],
    [
      'Ford said that its share of the US car market rose to 17%, up from 14% a year ago.',
      ['Ford said that its share of the US car market rose to 17%.', 'Ford said that its share of the US car market was 14% a year ago.'],
    ],
    ['Quarterly sales were up 4% at 900 units, up from 850 units in 2008.', ['Quarterly sales were up 4% at 900 units.', 'Quarterly sales were 850 units in 2008.']],
    ['Sales fell 5%, down from a record.', ['Sales fell 5%, down from a record.']],
    [
      'It was a milestone in aviation history: the first A380 landed at Changi Airport at 6:40 p.m.',
      ['It was a milestone in aviation history: the first A380 landed at Changi Airport at 6:40 p.m.'],
    ],
    [
      'Opponents argued that the project was too expensive, and that the money should go to schools.',
      ['Opponents argued that the project was too expensive.', 'Opponents argued that the money should go to schools.'],
    ],
    ['Prices rose 3% in Germany, 2% in France and 1% in Spain.', ['Prices rose 3% in Germany.', 'Prices rose 2% in France.', 'Prices rose 1% in Spain.']],
    ['The phones cost $99 and $149 respectively for the 8 GB and 16 GB models.', ['The phones cost $99 for the 8 GB models.', 'The phones cost $149 for the 16 GB models.']],
    [
      'Under the agreement, Apple Inc. will own all Apple trademarks and will license some to Apple Corps.',
      ['Under the agreement, Apple Inc. will own all Apple trademarks.', 'Under the agreement, Apple Inc. will license some to Apple Corps.'],
    ],
    [
      'The settlement replaces the 1991 agreement between the two companies, which defined how the two companies could use the trademark.',
      ['The settlement replaces the 1991 agreement between the two companies, which defined how the two companies could use the trademark.'],
    ],
    [
      "Ryanair is the world's most profitable airline, having reported record profits of $269m earlier this year, and is pursuing an expansion plan.",
      ["Ryanair is the world's most profitable airline.", 'Ryanair had reported record profits of $269m earlier this year.', 'Ryanair is pursuing an expansion plan.'],
    ],
    [
      'The index fell 1.4% on Thursday after the earthquake and tsunami hit the country a week ago.',
      ['The index fell 1.4% on Thursday after the earthquake and tsunami hit the country a week ago.'],
    ],
    [
      'The phone has a color display for viewing album art and features built-in stereo speakers.',
      ['The phone has a color display for viewing album art and features built-in stereo speakers.'],
    ],
    [
      'Jobs has not yet mentioned what prompted his decision this time around, but said he will still be the CEO.',
      ['Jobs has not yet mentioned what prompted his decision this time around.', 'Jobs said he will still be the CEO.'],
    ],
    [
      'The council voted 7 to 2 on Tuesday and approved a new bridge over the river.',
      ['The council voted 7 to 2 on Tuesday.', 'The council approved a new bridge over the river.'],
    ],
    [
      'Unemployment fell to 4.1 percent in March, but wages grew by only 1.2 percent.',
      ['Unemployment fell to 4.1 percent in March.', 'Wages grew by only 1.2 percent.'],
    ],
    [
      'The company reported a loss of $3 billion; its chief executive resigned the next day.',
      ['The company reported a loss of $3 billion.', 'Its chief executive resigned the next day.'],
    ],
    [
      // the verb phrase after "and" shares the subject of the verb before it, not the sentence's
      'Acme chose another route; rather than storing films on the box, Acme TV connects to a computer and plays all films stored there.',
      ['Acme chose another route; rather than storing films on the box, Acme TV connects to a computer.', 'Acme TV plays all films stored there.'],
    ],
    [
      'The sources claimed that Lind was not used to the culture and did not possess the skills the firm wanted.',
      ['The sources claimed that Lind was not used to the culture.', 'The sources claimed that Lind did not possess the skills the firm wanted.'],
    ],
    [
      'In the first hour of trading, the Dow surged 200 points, the Nasdaq was up nine points, and the S&P 500 was up 15 points.',
      ['In the first hour of trading, the Dow surged 200 points.', 'In the first hour of trading, the Nasdaq was up nine points.', 'In the first hour of trading, the S&P 500 was up 15 points.'],
    ],
    [
      'Bank shares were lower by nine percent, with Acme Bank losing 11.7% and Citigroup falling by 9.7%.',
      ['Bank shares were lower by nine percent.', 'Acme Bank lost 11.7%.', 'Citigroup fell by 9.7%.'],
    ],
    [
      'European markets are lower again, with the FTSE index losing 3%.',
      ['European markets are lower again.', 'The FTSE index is losing 3%.'],
    ],
    [
      'The Nasdaq lost 54 points, or 4%, while the Standard & Poor\'s 500 plunged by 30 points.',
      ['The Nasdaq lost 54 points, or 4%.', 'The Standard & Poor\'s 500 plunged by 30 points.'],
    ],
    [
      'The phone is about the size of an iPod, it has a 3.5-inch screen that is used for all features.',
      ['The phone is about the size of an iPod.', 'It has a 3.5-inch screen that is used for all features.'],
    ],
    [
      'The new features have gained high praise, but, analysts point out, rival systems are expected to have many of them.',
      ['The new features have gained high praise.', 'Analysts point out that rival systems are expected to have many of them.'],
    ],
    [
      'The Dow Jones average has recovered by 300 points, with it climbing over 250 points again before dropping off.',
      ['The Dow Jones average has recovered by 300 points.', 'The Dow Jones average is climbing over 250 points again before dropping off.'],
    ],
  ])('%s', (sentence, expected) => {
    expect(claimsOf(sentence).map((c) => c.text)).toEqual(expected)
  })

  test.each([
    'When the plant closed last year, it cut 300 jobs in the town.',
    'Prices rose sharply in May, they said in a statement.',
    'The contract was fought for between Boeing and Lockheed Martin over three years.',
    'The agency said it had trained 40 officers and 12 analysts in 2021.',
    'Northrop Grumman and Airbus parent EADS defeated Boeing for the $40 billion contract.',
    'The project is expected to cost $48.5 million, with 60% paid by the state government.',
    'Police arrested 14 people in Paris and Lyon on Monday.',
  ])('not split: %s', (sentence) => {
    const claims = claimsOf(sentence)
    expect(claims).toHaveLength(1)
    expect(claims[0]!.start).toBe(0)
    expect(claims[0]!.end).toBe(sentence.length)
  })
})

describe('facets', () => {
  test('dates at the precision stated, relative ones against the publication date', () => {
    const ref = parseReference('2024-03-15') // a Friday
    const values = (t: string) => findDates(t, ref).map((d) => `${d.text}=${d.value}`)
    expect(values('It began in December of 2012 and ended on June 14, 2021.')).toEqual([
      'December of 2012=2012-12',
      'June 14, 2021=2021-06-14',
    ])
    expect(values('Last year sales fell; last Monday the board met; yesterday it resigned; on Thursday it said so.')).toEqual([
      'Last year=2023',
      'last Monday=2024-03-11',
      'yesterday=2024-03-14',
      'Thursday=2024-03-14',
    ])
    expect(values('the fourth quarter of 2020 and the 1990s')).toEqual(['the fourth quarter of 2020=2020-Q4', 'the 1990s=199'])
    expect(findDates('on Monday and last year', null)).toEqual([])
  })

  test('numbers with their kind and unit, entities, quotes and attribution', () => {
    const text =
      'Mayor Helen Ortiz said the old bridge carries about 14,000 vehicles a day, costs $48.5 million and is the 3rd oldest, a rise of 18 percent. "We have waited ten years for this," Ortiz told reporters.'
    const [first, second] = claimsOf(text)
    const kinds = first!.numbers.map((n) => `${n.text}:${n.kind}:${n.value}`)
    expect(kinds).toEqual(
      expect.arrayContaining(['14,000 vehicles:quantity:14000', '$48.5 million:money:48500000', '3rd:ordinal:3', '18 percent:percent:18']),
    )
    expect(first!.entities).toEqual(expect.arrayContaining([expect.objectContaining({ text: 'Mayor Helen Ortiz', type: 'person' })]))
    expect(first!.attribution).toMatchObject({ source: 'Mayor Helen Ortiz', verb: 'said' })
    expect(second!.quotes.map((q) => q.text)).toEqual(['We have waited ten years for this,'])
    expect(claimsOf('Inflation reached 9 percent, according to the national statistics office.')[0]!.attribution).toMatchObject({
      verb: 'according to',
      source: 'national statistics office',
    })
  })
})

describe('robustness', () => {
  test('empty, whitespace, binary junk, emoji and right-to-left text', () => {
    expect(extract('')).toEqual({ sentences: [], claims: [] })
    expect(extract(' \n\t \n').claims).toEqual([])
    expectValidOffsets('\u0000\u0001\uFFFD\uD800 garbage ÿþ \u0007'.repeat(50))
    expectValidOffsets('Turnout rose to 61% 🎉🇫🇷 in the 2022 election. Officials said 🗳️ 3 million votes were counted.')
    const arabic = 'أعلنت الحكومة السورية عن خطة جديدة في عام 2021. وقال الوزير إن الخطة ستنفذ خلال عامين.'
    const r = expectValidOffsets(arabic)
    expect(r.sentences).toHaveLength(2)
    expect(r.claims.length).toBeGreaterThanOrEqual(1)
  })

  test('a 1 MB line without punctuation and 5 MB of text complete with valid offsets', () => {
    const line = 'word Capital 2021 and the council '.repeat(30_000)
    expect(line.length).toBeGreaterThan(1_000_000)
    const r = expectValidOffsets(line)
    expect(r.sentences).toHaveLength(1)
    const big = (fixture + '\n').repeat(Math.ceil(5_000_000 / fixture.length))
    const result = extract(big)
    expect(result.sentences.length).toBeGreaterThan(1000)
    const last = result.claims[result.claims.length - 1]!
    expect(big.slice(last.start, last.end).length).toBeGreaterThan(0)
  }, 90_000)
})

describe('propositions', () => {
  const shown = (sentence: string) => splitPropositions(sentence).map((p) => p.text)

  test('a sentence with a date and a place gives one proposition for each, sharing subject and verb', () => {
    const texts = shown('The film premiered on May 28, 2014 in Hollywood, and was released in the United States on May 30.')
    expect(texts).toContain('The film premiered on May 28, 2014')
    expect(texts).toContain('The film premiered in Hollywood')
    expect(texts).toContain('The film was released in the United States')
    expect(texts).toContain('The film was released on May 30')
  })

  test('"according to" stays with what it sources; "between A and B" stays whole', () => {
    expect(shown("According to the council's transport report, average commute times rose by 18 percent between 2015 and 2023.")).toEqual([
      "According to the council's transport report average commute times rose by 18 percent between 2015 and 2023",
    ])
  })

  test('after a copula the predicate is kept with its modifier; an appositive gives no proposition of its own', () => {
    expect(shown('The 49ers are an American football team based in Santa Clara, California.')).toEqual([
      'The 49ers are an American football team based in Santa Clara, California',
    ])
    const appositive = shown('The award went to Maria Ortiz, the head of the agency, in 2019.')
    expect(appositive).toContain('The award went to Maria Ortiz')
    expect(appositive.join(' | ')).not.toMatch(/Maria Ortiz the head/)
  })
  test('every part is a span of the input whose words make up the proposition, and claims carry them', () => {
    const text = fixture
    const result = extract(text)
    const all = result.claims.flatMap((c) => c.propositions)
    // Most claims assert something that can be shown as a sentence of its own words.
    expect(all.length).toBeGreaterThan(result.claims.length / 2)
    for (const p of all) {
      const words = p.parts.map((part) => text.slice(part.start, part.end)).join(' ')
      const norm = (s: string) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '')
      expect(norm(words)).toBe(norm(p.text))
      for (let i = 1; i < p.parts.length; i++) expect(p.parts[i]!.start).toBeGreaterThan(p.parts[i - 1]!.end - 1)
    }
  })
})

describe('proposition rules', () => {
  const shown = (sentence: string) => splitPropositions(sentence).map((p) => p.text)

  test('members of a list joined by "and" each make a proposition with what leads to the list', () => {
    expect(shown('The festival attracted visitors from Spain, Italy and France.')).toEqual([
      'The festival attracted visitors from Spain',
      'The festival attracted visitors from Italy',
      'The festival attracted visitors from France',
    ])
  })

  test('no proposition opens on "Although" or a participle, and a relative clause on the subject is its own', () => {
    expect(shown('Although Gallois said he hoped to achieve this through attrition, the unions were displeased.')).toEqual([
      'Gallois said he hoped to achieve this through attrition',
      'The unions were displeased',
    ])
    expect(shown('He took six months off in early 2009, later revealing he had undergone a liver transplant.')).toEqual(['He took six months off in early 2009'])
    expect(shown('The insider, who asked to remain anonymous, said that his health was deteriorating.')).toEqual([
      'The insider asked to remain anonymous',
      'The insider said that his health was deteriorating',
    ])
    expect(shown("150px Airbus, Europe's biggest aircraft maker, has announced 10,000 job cuts.")).toEqual(['Airbus has announced 10,000 job cuts'])
  })

  test('a subordinate clause opened by "After" is a proposition without it; a particle stays with its verb; a length of time keeps its phrase', () => {
    expect(shown('After the plane was delivered in Singapore, it was flown to Toulouse.')).toEqual(['The plane was delivered in Singapore', 'It was flown to Toulouse'])
    expect(shown('After the vote, the council approved the bridge.')).toEqual(['After the vote the council approved the bridge'])
    expect(shown('The first flight will take off from Singapore on October 25.')).not.toContain('The first flight will take on October 25')
    expect(shown('The first A380 was delivered to Singapore Airlines 18 months behind schedule.')).toEqual(['The first A380 was delivered to Singapore Airlines 18 months behind schedule'])
  })

  test('a range of figures stays whole, and a relative clause is never cut off from its noun', () => {
    expect(shown('The rash usually heals within two to four weeks.')).toEqual(['The rash usually heals within two to four weeks'])
    expect(shown('The measure comes on top of plans announced in January, in which 25,000 to 30,000 positions should be cut.')).toEqual([
      'The measure comes on top of plans announced in January',
    ])
  })

  test('a participle inside an opening phrase is not the main verb', () => {
    expect(shown('In a ceremony attended by European leaders and 5,000 guests, Airbus unveiled plans for the A380.')).toEqual([
      'In a ceremony attended by European leaders and 5,000 guests Airbus unveiled plans for the A380',
    ])
  })

  test('discourse filler opens no proposition, and "was one that …" gives only what the relative clause says', () => {
    expect(shown('In addition, Chrysler will cut the Aspen from production.')).toEqual(['Chrysler will cut the Aspen from production'])
    expect(shown('The Dow Jones index was one that fared particularly poorly today.')).toEqual(['The Dow Jones index fared particularly poorly today'])
  })

  test('a phrase after a list goes with its last member; a percentage keeps its sign; no subject ends on "and"', () => {
    expect(shown('At present Ryanair has 91 aircraft and 230 on order.')).not.toContain('At present Ryanair has 91 aircraft on order')
    expect(shown('Slovenia joined the EU and NATO in 2004.')).toEqual(['Slovenia joined the EU', 'Slovenia joined NATO in 2004'])
    expect(shown('The new planes will be fitted with winglets to boost fuel efficiency by as much as 3%.')).toEqual([
      'The new planes will be fitted with winglets to boost fuel efficiency by as much as 3%',
    ])
    expect(shown('The player is capable of holding 500 and 1,000 songs and will cost $199.').some((p) => /^1,000 songs and/.test(p))).toBe(false)
  })

  test('"or" never splits: the sale or closure of three plants is one assertion', () => {
    expect(shown('The board is weighing the sale or closure of three plants in the region.')).toEqual([
      'The board is weighing the sale or closure of three plants in the region',
    ])
  })

  test('coordinated modifiers share the noun they modify; "a" is not put before a vowel', () => {
    expect(shown('The report describes a slow, costly and unreliable process.')).toEqual([
      'The report describes a slow process',
      'The report describes a costly process',
    ])
    expect(shown('The council approved a new and larger budget.')).toEqual(['The council approved a new budget', 'The council approved a larger budget'])
  })

  test('a clause with its own subject and a leading "when" clause stand on their own; a coordinated verb phrase repeats the subject', () => {
    expect(shown('Exports rose in March, while imports fell sharply after the new tariffs.').sort()).toEqual([
      'Exports rose in March',
      'Imports fell sharply after the new tariffs',
    ])
    expect(shown('Prices rose in January, and the central bank raised interest rates in February.').sort()).toEqual([
      'Prices rose in January',
      'The central bank raised interest rates in February',
    ])
    expect(shown('When the storm hit the coast, thousands of residents lost power.').sort()).toEqual(['The storm hit the coast', 'Thousands of residents lost power'])
    expect(shown('The system has been upgraded and it will be tested in May.').sort()).toEqual(['It will be tested in May', 'The system has been upgraded'])
  })

  test('a participial addition that cannot be made a finite statement from the sentence is not shown', () => {
    expect(shown('The company reported higher sales, raising its forecast for the year.')).toEqual(['The company reported higher sales'])
    expect(shown('Revenue reached $4.3 billion in 2022, earning the firm a place in the index.')).toEqual(['Revenue reached $4.3 billion in 2022'])
  })

  test('coordinated subjects split only where the verb agrees with each; a parenthesis is left out; a relative clause is about its noun', () => {
    expect(shown('The senator and the governor signed the agreement in Boston.')).toEqual([
      'The senator signed the agreement in Boston',
      'The governor signed the agreement in Boston',
    ])
    expect(shown('The senator and the governor have signed the agreement.')).toEqual(['The senator and the governor have signed the agreement'])
    expect(shown('Jane Doe (born March 3, 1970) is a British economist.')).toEqual(['Jane Doe is a British economist'])
    expect(shown('The bridge is a steel structure that spans the river near the old harbour.').sort()).toEqual([
      'The bridge is a steel structure',
      'The bridge spans the river near the old harbour',
    ])
    expect(shown('The mayor, who took office in 2019, has cut the budget by 4,300 jobs.').sort()).toEqual([
      'The mayor has cut the budget by 4,300 jobs',
      'The mayor took office in 2019',
    ])
  })

  test('a phrase after a noun stays with it; one after a complete name or date is a modifier of its own', () => {
    expect(shown('Implementation was completed in October 2021 following additional training for NCB Damascus staff.')).toEqual([
      'Implementation was completed in October 2021 following additional training for NCB Damascus staff',
    ])
    expect(shown('She worked as a reporter for the BBC in London.')).toEqual(['She worked as a reporter for the BBC', 'She worked in London'])
  })

  test('no phrase hung on a bare reporting verb, no bare "that" clause, no verbless fragment, no cut quotation', () => {
    expect(shown('The minister said for Trade.')).toEqual([])
    expect(shown('The minister said on Monday that the plant would close.')).toEqual(['The minister said on Monday that the plant would close'])
    expect(shown('The agency announced that it had opened an office.')).toEqual(['The agency announced that it had opened an office'])
    expect(shown('A list of stolen travel documents from across Europe.')).toEqual([])
    expect(shown('He said "we will not back down" on Friday.')).toEqual(['He said "we will not back down" on Friday'])
    for (const p of shown('The minister said on Monday that the plant would close.')) expect(p).not.toMatch(/^That /)
  })

  test('a clause the tagger gives no verb has its verb found ("form", "flows", "involved" read as nouns)', () => {
    expect(shown("Slovenes form the vast majority of the country's population, while Serbs are the largest minority.").sort()).toEqual([
      'Serbs are the largest minority',
      "Slovenes form the vast majority of the country's population",
    ])
    expect(shown('The Urubamba River flows below it.')).toEqual(['The Urubamba River flows below it'])
    expect(shown('The development of the aircraft involved collaboration with suppliers around the world.')).toEqual([
      'The development of the aircraft involved collaboration with suppliers around the world',
    ])
    // a subject set off by commas keeps its noun a noun
    expect(tag('Crude prices for December delivery, the benchmark, rose 2%.').find((t) => t.text === 'prices')?.pos).toBe('NOUN')
  })

  test('a coordinated verb takes the auxiliary it shares; where active and passive cannot be told apart, nothing', () => {
    expect(shown('The firm has cut 300 jobs and closed two plants.').sort()).toEqual(['The firm has closed two plants', 'The firm has cut 300 jobs'])
    expect(shown('The company will cut 600 jobs and close its plant.').sort()).toEqual(['The company will close its plant', 'The company will cut 600 jobs'])
    expect(shown('He was arrested on Monday and charged by police with murder.').sort()).toEqual(['He was arrested on Monday', 'He was charged by police with murder'])
    expect(shown('Carter was elected governor in 1970 and served two terms.').sort()).toEqual(['Carter served two terms', 'Carter was elected governor in 1970'])
    // "the country raised to the Duchy" would read as active
    expect(shown('The country was incorporated into the empire and raised to a duchy in 1364.')).toEqual(['The country was incorporated into the empire'])
    expect(shown('It has a population of around 5 million and covers an area of 111,369 square kilometers.').sort()).toEqual([
      'It covers an area of 111,369 square kilometers',
      'It has a population of around 5 million',
    ])
    expect(shown('From 1963 to 1967, Carter served in the State Senate, and in 1970 was elected governor of Georgia.').sort()).toEqual([
      'Carter in 1970 was elected governor of Georgia',
      'From 1963 to 1967 Carter served in the State Senate',
    ])
  })

  test('", including A, B and C" names examples, one proposition each; a phrase set off after the subject does not hide the verb', () => {
    expect(shown('He has received several awards, including an Academy Award, three BAFTA Film Awards, two Golden Globe Awards, four Screen Actors Guild Awards, and four Critics\' Choice Awards.')).toEqual([
      'He has received several awards, including an Academy Award',
      'He has received several awards, including three BAFTA Film Awards',
      'He has received several awards, including two Golden Globe Awards',
      'He has received several awards, including four Screen Actors Guild Awards',
      "He has received several awards, including four Critics' Choice Awards",
    ])
    expect(shown('He acted in nineteen films, including The Patriot (2000), Candy (2006) and The Dark Knight (2008).')).toEqual([
      'He acted in nineteen films, including The Patriot',
      'He acted in nineteen films, including Candy',
      'He acted in nineteen films, including The Dark Knight',
    ])
    expect(shown('The company, based in Santa Clara, California, said it cut 300 jobs.')).toEqual(['The company said it cut 300 jobs'])
  })

  test('a clause after a colon stands alone; a name with "in a …" stays whole; "As of 2020" is a phrase, "As its name indicates" no statement', () => {
    expect(shown('The film received mixed reviews from critics: experts praised the acting of Jolie, but commented on the plot.')).toEqual([
      'Experts praised the acting of Jolie',
      'The film received mixed reviews from critics',
    ])
    expect(shown('He said: "We will act."')).toEqual([])
    expect(shown('The company has three units: cars, trucks and buses.')).toEqual(['The company has three units'])
    expect(shown('He won the BAFTA Award for Best Actor in a Leading Role.')).toEqual(['He won the BAFTA Award for Best Actor in a Leading Role'])
    expect(shown('As of January 2020, the film has grossed $491 million.')).toEqual(['As of January 2020 the film has grossed $491 million'])
    expect(shown("As its name indicates, the country's territory is mostly flat.")).not.toContain('As its name indicates')
  })

  test('an adverb before a coordinated verb goes with it; one before the first verb stays with the first', () => {
    expect(shown('The airline already offers flights to Dubai, and recently launched three routes to Orlando and Washington.')).toEqual([
      'The airline recently launched three routes to Orlando',
      'The airline recently launched three routes to Washington',
      'The airline already offers flights to Dubai',
    ])
    expect(shown('In 2002, Spirited Away received a Golden Bear and an Oscar.')).toContain('Spirited Away received an Oscar')
  })

  test('no proposition on a relative clause\'s verb ("Airbus whose A380 first flew"), none that ends a "with" phrase cut by a comma', () => {
    for (const p of shown('The 787 illustrates the strategies adopted by Boeing and Airbus whose A380 first flew in April 2005.')) expect(p).not.toMatch(/whose/)
    expect(shown('The first flight is expected in September, with the first customer, All Nippon Airways, due to receive its aircraft in May 2008.')).toEqual([
      'The first flight is expected in September',
    ])
  })

  test('"between 210 and 250 passengers" is one range', () => {
    expect(shown('The 787-8 holds between 210 and 250 passengers.')).toEqual(['The 787-8 holds between 210 and 250 passengers'])
  })

  test('"Since" before two noun phrases is a preposition; no proposition opens on a conjunction', () => {
    expect(shown('Since its 1967 debut 5,700 737s have been delivered to date, with orders for 2,200 more.')).toEqual([
      'Since its 1967 debut 5,700 737s have been delivered to date',
    ])
    expect(shown('After the vote the board resigned, and the chairman left.')).not.toContain('And the chairman left')
  })

  test('the verb after an appositive name is the main verb, not a set-off participle', () => {
    expect(shown("The bank's CEO, Ken Lewis, said in a statement that credit costs remain high.")).toEqual([
      "The bank's CEO said in a statement that credit costs remain high",
    ])
    expect(shown('Javier Hernández, born June 1, 1988, is a Mexican footballer.')).toEqual(['Javier Hernández is a Mexican footballer'])
  })

  test('a lead-in phrase before a coordinated clause\'s subject, a relative clause inside a lead-in, no subordinate clause alone', () => {
    expect(shown('The company cut 300 jobs, and in 2019 the firm closed two plants.').sort()).toEqual(['In 2019 the firm closed two plants', 'The company cut 300 jobs'])
    expect(shown('Despite being a candidate who was unknown outside Georgia, Carter won the nomination.')).toEqual([
      'Despite being a candidate who was unknown outside Georgia, Carter won the nomination',
    ])
    const busby = shown('Busby was named Player of the Year, and in the same season he reached the final, where his team lost to Barcelona, becoming runner-up.')
    expect(busby.sort()).toEqual(['Busby was named Player of the Year', 'In the same season he reached the final'])
  })
})

describe('dates read in context', () => {
  const at = (t: string, published: string) => findDates(t, parseReference(published)).map((d) => `${d.text}=${d.value}`)

  test('"January next year" is the January of next year, as TimeML writes the two expressions', () => {
    expect(at('Terminal 3 will open its doors in January next year.', '2007-10-17')).toEqual(['January=2008-01', 'next year=2008'])
    expect(at('The plant closed in March of last year.', '2007-10-17')).toEqual(['March=2006-03', 'last year=2006'])
  })

  test('"since December" looks back whatever the tense; a date inside a "since …" clause is not the time told about', () => {
    expect(claimsOf('Ryanair has been attempting to take over Aer Lingus since December.', '2007-06-09')[0]!.dates.map((d) => d.value)).toEqual(['2006-12'])
    const claims = claimsOf(
      'Aer Lingus had made the purchase a top priority since the company was floated in September 2006.\nThe airline had approached Boeing, but chief executive Dermot Mannion stated that he believed the Airbus aircraft were better.',
      '2007-06-09',
    )
    expect(claims[claims.length - 1]!.text).toBe('Chief executive Dermot Mannion stated that he believed the Airbus aircraft were better.')
    expect(claims[claims.length - 1]!.dates).toEqual([])
  })

  test('a decimal number is no year ("to 1847.27")', () => {
    expect(at('The Nasdaq index has fallen by 100.12 points to 1847.27, its lowest since 2003.', '2008-10-06')).toEqual(['2003=2003'])
  })

  test('"the past decade" is the decade before; "in the past few weeks" and "as soon as" are not past or future references', () => {
    expect(at('It was the third time in the past decade that Jobs took medical leave.', '2011-01-17')).toEqual(['the past decade=200'])
    expect(at('In the past, prices rose. Over the past few weeks they fell.', '2011-01-17')).toEqual(['the past=PAST_REF'])
    expect(at('I hope to be back as soon as I can. Talks will resume soon.', '2011-01-17')).toEqual(['soon=FUTURE_REF'])
  })

  test('"the same day" and "the day" take the day named before them, not the publication date', () => {
    expect(at('The plant closed on Friday. Its owner filed for bankruptcy the same day.', '2024-03-20')).toEqual([
      'Friday=2024-03-15',
      'the same day=2024-03-15',
    ])
    expect(at('The index fell 3% on the day.', '2024-03-20')).toEqual(['the day=2024-03-20'])
    expect(at('Stocks fell on Friday. After a large fall at the start of the day, the Dow recovered.', '2024-03-20')).toEqual([
      'Friday=2024-03-15',
      'the start of the day=2024-03-15',
    ])
  })

  test('a day compared with ("from March 12") is neither the day "the day" means nor the time carried', () => {
    expect(at('The Dow finished at 7,223, up 54 points from March 12 2009. On the day, the S&P 500 gained 6 points.', '2009-03-13')).toEqual([
      'March 12 2009=2009-03-12',
      'the day=2009-03-13',
    ])
    const claims = claimsOf('The Dow finished at 7,223, up 54 points from March 12 2009. The Nasdaq gained five points.', '2009-03-13')
    expect(claims[1]!.text).toBe('The Nasdaq gained five points.')
  })

  test('"the start of the day" is a part of the day, not a time carried to the claims after it', () => {
    const claims = claimsOf('Stocks fell on Friday. After a large fall at the start of the day, the Dow recovered. The index fell to its lowest level in five years.', '2024-03-20')
    expect(claims[1]!.dates.map((d) => d.value)).toEqual(['2024-03-15'])
    expect(claims[2]!.text).toBe('On Friday, the Dow fell to its lowest level in five years.')
  })

  test('a year earlier and the same month last year count back from the date named before', () => {
    expect(at('Sales fell in June 2019, and rose a year earlier.', '2024-03-20')).toEqual(['June 2019=2019-06', 'a year earlier=2018'])
    expect(at('Sales fell in June 2019 from the same month a year ago.', '2024-03-20')).toEqual([
      'June 2019=2019-06',
      'the same month a year ago=2018-06',
    ])
  })

  test('a quarter without its year in a past-tense results story is the one that has begun', () => {
    expect(at('The company reported a loss in the fourth quarter.', '2024-02-10')).toEqual(['the fourth quarter=2023-Q4'])
    expect(at('The company will report results for the second quarter.', '2024-02-10')).toEqual(['the second quarter=2024-Q2'])
    expect(at('Profit doubled in the first quarter of last year.', '2024-02-10')).toEqual(['the first quarter of last year=2023-Q1'])
  })

  test('a week of a month, a range of years, and "three years afterwards"', () => {
    expect(at('Sales fell in the last week of March.', '2009-04-01')).toEqual(['the last week of March=2009-W13'])
    expect(at('Output moves to Mobile by 2010-11.', '2009-04-01')).toEqual(['2010-11=2010'])
    expect(at('It will be tested in 2010 and in operation three years afterwards.', '2009-04-01')).toEqual(['2010=2010', 'three years afterwards=2013'])
  })

  test('the year of a month range, mid-year, decades, now', () => {
    expect(at('Prices rose between September and October of 2007.', '2024-02-10')).toEqual(['September=2007-09', 'October of 2007=2007-10'])
    expect(at('The plant opens in mid-2011.', '2010-02-10')).toEqual(['2011=2011'])
    expect(at('Inflation was higher in the 70s and in the 1980s.', '2010-02-10')).toEqual(['the 70s=197', 'the 1980s=198'])
    expect(at('The company now employs 4,300 people.', '2010-02-10')).toEqual(['now=2010-02-10'])
  })

  test('a weekday is the last one before the publication date, or the next one in a clause about the future', () => {
    // 2024-03-20 is a Wednesday
    expect(at('The minister resigned on Monday.', '2024-03-20')).toEqual(['Monday=2024-03-18'])
    expect(at('The minister will resign on Monday.', '2024-03-20')).toEqual(['Monday=2024-03-25'])
  })
})

describe('claims split where a fact-checker would, and only there', () => {
  const texts = (t: string) => claimsOf(t).map((c) => c.text)

  test('", adding that …", ", Boeing saying that …": a verb of saying in its -ing form says something of its own, in the main verb\'s tense', () => {
    expect(texts('The company reported a loss of $2 billion, adding that sales would fall next year.')).toEqual([
      'The company reported a loss of $2 billion.',
      'The company added that sales would fall next year.',
    ])
    expect(texts('Ford says sales rose 43%, noting that the Fusion led the gains.')).toEqual(['Ford says sales rose 43%.', 'Ford notes that the Fusion led the gains.'])
    expect(texts('Boeing has announced that the project has been pushed back several years, Boeing saying that more research is required.')).toEqual([
      'Boeing has announced that the project has been pushed back several years.',
      'Boeing said that more research is required.',
    ])
    // a participle that is not a verb of saying adds no claim
    expect(texts('Prices rose on Monday, wiping out gains.')).toEqual(['Prices rose on Monday, wiping out gains.'])
  })

  test('"respectively" pairs whole items only: a number inside a name ("Adam Air Flight 574") is none, and a relative clause with it is about both', () => {
    const sentence = 'The EU banned the carriers after the losses of Adam Air Flight 574 and Garuda Indonesia Flight 200, which killed 102 and 21 people respectively.'
    expect(texts(sentence)).toEqual([sentence])
    expect(splitPropositions(sentence).map((p) => p.text)).not.toContainEqual(expect.stringMatching(/killed 102/))
    expect(claimsOf('Adam Air Flight 574 crashed.\n“We are worried,” he continued.')[1]!.text).toBe('“We are worried,” he continued.')
  })

  test('two verbs sharing what follows them each get it ("are selected and purchased by the government")', () => {
    const claims = claimsOf('Prices rose and fell on Monday.')
    expect(claims.map((c) => c.text)).toEqual(['Prices rose on Monday.', 'Prices fell on Monday.'])
    expect(claims[0]!.context).toContainEqual({ kind: 'shared', text: 'on Monday' })
    expect(splitPropositions('In China, airliners are selected and purchased by the government.').map((p) => p.text)).toEqual([
      'In China airliners are selected and purchased by the government',
    ])
  })

  test('a figure named before keeps its time in the sentence right after, even told in the present ("the losses are …")', () => {
    const claims = claimsOf('The bank lost $2.2 billion in the third quarter. According to the bank, the losses are equal to 26 cents per share. The bank employs 200,000 people.', '2009-10-16')
    expect(claims[1]!.text).toBe('In the third quarter, according to the bank, the losses are equal to 26 cents per share.')
    expect(claims[1]!.dates.map((d) => d.value)).toEqual(['2009-Q3'])
    // a present-tense claim about something else gets no time
    expect(claims[2]!.dates).toEqual([])
  })

  test('a clause on a demonstrative subject ("and that is our major challenge") stays with the clause it points at', () => {
    expect(texts("Lewis said that credit costs remain high, and that is our major financial challenge going forward.")).toEqual([
      'Lewis said that credit costs remain high, and that is our major financial challenge going forward.',
    ])
    expect(texts('Prices rose 3%, and this is the biggest rise since 2008.')).toEqual(['Prices rose 3%, and this is the biggest rise since 2008.'])
  })

  test('figures sharing one verb are one claim each, the noun carried to the others', () => {
    expect(texts('The group will cut 1,200 jobs in Lyon, 800 in Turin and 300 in Porto.')).toEqual([
      'The group will cut 1,200 jobs in Lyon.',
      'The group will cut 800 jobs in Turin.',
      'The group will cut 300 jobs in Porto.',
    ])
  })

  test('a verb phrase with its own object repeats the subject; a non-restrictive relative clause is its own fact', () => {
    expect(texts('The firm cut 300 jobs and closed two plants in Ohio.')).toEqual(['The firm cut 300 jobs.', 'The firm closed two plants in Ohio.'])
    expect(texts('The contract went to Norvik Foods, which employs 4,000 people.')).toEqual([
      'The contract went to Norvik Foods.',
      'Norvik Foods employs 4,000 people.',
    ])
  })

  test('an appositive that states a fact about a named thing is its own claim; one that says who a person is stays', () => {
    expect(texts('Tiger, the newest version of the operating system, went on sale on Friday.')).toEqual([
      'Tiger is the newest version of the operating system.',
      'Tiger went on sale on Friday.',
    ])
    expect(texts('Ana Ruiz, the city’s mayor, said the depot would close.')).toHaveLength(1)
  })

  test('a colon before a clause cuts; a shared verb phrase takes the subject of its own clause; "both" marks one coordinated subject', () => {
    expect(texts('New features arrived in this release: Spotlight scanned every file and copied its metadata.')).toEqual([
      'New features arrived in this release.',
      'Spotlight scanned every file.',
      'Spotlight copied its metadata.',
    ])
    expect(claimsOf('Sales fell in March as Chrysler and Toyota both reported a 39% loss in the month.')).toHaveLength(1)
  })

  test('a report keeps its speaker in every part', () => {
    expect(texts('The minister said that exports rose 3% in May, and imports fell 2%.')).toEqual([
      'The minister said that exports rose 3% in May.',
      'The minister said that imports fell 2%.',
    ])
  })

  test.each([
    'The central banks of Canada, Norway and Sweden, and the Reserve Bank of India jointly announced the cut.',
    'Both the euro and the yen stayed flat against the dollar on Monday.',
    'The board is weighing the sale or closure of three plants in the region.',
    'He said: "We cut costs and we hired 200 engineers last year."',
    'The council decided to lift and review the measures in June.',
    "You can't simply shrink the plane and expect the same savings on a smaller jet.",
  ])('not split: %s', (sentence) => {
    expect(claimsOf(sentence)).toHaveLength(1)
  })
})

describe('claims read alone', () => {
  test('the organisation a sentence is about may follow an opening adverb phrase ("Earlier in the day, Boeing …")', () => {
    const claims = claimsOf('The Dreamliner is aimed at smaller airports.\nEarlier in the day, Boeing received a letter.\nThe company said it was pleased.')
    expect(claims[2]!.text).toBe('Boeing said it was pleased.')
  })

  test('"It" doing something after a sentence on a thing is that thing; an expletive or copular "It" is left', () => {
    const claims = claimsOf('The final Boeing 717 was the 15,599th plane built by the Long Beach plant.\nIt also marked the end of the DC-9 family.')
    expect(claims[1]!.text).toBe('The final Boeing 717 also marked the end of the DC-9 family.')
    expect(claims[1]!.context).toContainEqual({ kind: 'referent', text: 'The final Boeing 717', replaces: 'It' })
    expect(claimsOf('The measure passed on Friday. It will take effect in May.').map((c) => c.text)).toEqual(['The measure passed on Friday.', 'The measure will take effect in May.'])
    expect(claimsOf('The index fell 3%. It was the biggest drop since 2008.')[1]!.text).toBe('It was the biggest drop since 2008.')
    expect(claimsOf('The report was published on Monday. It seems the board knew.')[1]!.text).toBe('It seems the board knew.')
    // a time put before it takes the phrase in lower case
    expect(claimsOf('The final 717 was delivered on Tuesday.\nIt also marked the end of the DC-9 family.', '2006-05-29')[1]!.text).toBe(
      'On Tuesday, the final 717 also marked the end of the DC-9 family.',
    )
  })

  test('any verb of saying names a speaker ("enthused", "quipped", "conceded"), and the quotation after it is theirs', () => {
    const claims = claimsOf(
      "``We are rolling out the first delivery airplane,'' enthused Scott Fancher, the project manager.\n``That's an amazing thing for those who have worked on the program.''",
    )
    expect(claims[0]!.attribution?.source).toBe('Scott Fancher')
    expect(claims[1]!.text).toBe('Scott Fancher said: “That\'s an amazing thing for those who have worked on the program.”')
    expect(claimsOf('“We lost the match,” conceded Maria Lopez.')[0]!.attribution?.source).toBe('Maria Lopez')
  })

  test('a sentence-initial pronoun, surname or "the company" takes its referent from an earlier sentence, and says so', () => {
    const text =
      'Norvik Foods Ltd hired Anna Berg as chief executive in 2019. Berg said the plant would close. She announced 300 job cuts on Monday. The company reported a loss of $2 million.'
    const claims = claimsOf(text, '2024-03-20')
    expect(claims.map((c) => c.text)).toEqual([
      'Norvik Foods Ltd hired Anna Berg as chief executive in 2019.',
      'Anna Berg said the plant would close.',
      'Anna Berg announced 300 job cuts on Monday.',
      'Norvik Foods Ltd reported a loss of $2 million.',
    ])
    expect(claims[2]!.context).toEqual([{ kind: 'referent', text: 'Anna Berg', replaces: 'She' }])
    // the span is still the article's own words
    expect(text.slice(claims[2]!.start, claims[2]!.end)).toBe('She announced 300 job cuts on Monday.')
  })

  test('"It said" after a sentence about an organisation names it; "It is expected that" is left alone', () => {
    expect(claimsOf('Boeing lost the contract on Friday. It said it would protest the award.').map((c) => c.text)).toEqual([
      'Boeing lost the contract on Friday.',
      'Boeing said it would protest the award.',
    ])
    expect(claimsOf('Boeing lost the contract on Friday. It is expected that the firm will protest.')[1]!.text).toBe('It is expected that the firm will protest.')
  })

  test('the quarter a results story reports on is carried; a date in a relative clause or a forecast is not', () => {
    const claims = claimsOf(
      'Results from Apple beat forecasts.\nApple reported revenue of $7.1 billion for the last quarter, which ended December 30, 2006.\nThe company gained a record $1 billion in profit.\nApple expects revenue of $5 billion in the current quarter, the company said.\nMac sales grew 50%.',
      '2007-01-18',
    )
    expect(claims[2]!.text).toBe('In the last quarter, Apple gained a record $1 billion in profit.')
    expect(claims[2]!.dates.map((d) => d.value)).toEqual(['2006-Q4'])
    expect(claims[4]!.text).toBe('Mac sales grew 50%.')
  })

  test('"The company" is the organisation of the sentence before last when the last was about something else, never a common noun opening a sentence', () => {
    const claims = claimsOf('Norvik Foods reported a net profit of €120 million for 2024.\nRevenue rose 4% to €3.1 billion.\nThe company will cut 600 jobs and close its plant in Bergen.', '2025-02-12')
    expect(claims.map((c) => c.text).slice(2)).toEqual(['Norvik Foods will cut 600 jobs.', 'Norvik Foods will close its plant in Bergen.'])
  })

  test('"today" quoted right after a day the article tells about is that day', () => {
    const claims = claimsOf('The parliament on Tuesday passed a climate bill.\n"Today we chose a future for our children," Rob Jetten said after the vote.', '2023-06-03')
    expect(claims[1]!.dates.map((d) => d.value)).toEqual(['2023-05-30'])
    expect(claimsOf('"Today we chose a future for our children," Rob Jetten said.', '2023-06-03')[0]!.dates.map((d) => d.value)).toEqual(['2023-06-03'])
  })

  test('a month later in the year than publication, in a sentence told in the past, is last year\'s', () => {
    expect(claimsOf('The firm\'s chairman resigned in November after a dispute.', '2025-02-12')[0]!.dates.map((d) => d.value)).toEqual(['2024-11'])
    expect(claimsOf('The firm will open a plant in November.', '2025-02-12')[0]!.dates.map((d) => d.value)).toEqual(['2025-11'])
  })

  test('"He" after a title standing for the person is "The Prime Minister"', () => {
    const claims = claimsOf('In his speech, the Prime Minister applauded Singapore Airlines.\nHe also said that the landing was a milestone for the airport.')
    expect(claims[1]!.text).toBe('The Prime Minister also said that the landing was a milestone for the airport.')
  })

  test('a claim lists only the dates its words state', () => {
    const claims = claimsOf('Mayor Ana Ruiz, who proposed the plan last year, said the bridge would cut commuting times by a third.', '2019-03-04')
    expect(claims.map((c) => [c.text, c.dates.map((d) => d.value)])).toEqual([
      ['Mayor Ana Ruiz proposed the plan last year.', ['2018']],
      ['Mayor Ana Ruiz said the bridge would cut commuting times by a third.', []],
    ])
  })

  test('filler is left out, and a quotation continued in the next sentence keeps its speaker', () => {
    const text = 'Mayor Ana Ruiz said “The depot will close in May.\nIt will reopen as a school in 2026.”\nMeanwhile, the council approved the sale of the site.'
    const claims = claimsOf(text)
    expect(claims[1]!.text).toBe('Mayor Ana Ruiz said: “It will reopen as a school in 2026.”')
    expect(claims[1]!.attribution?.source).toBe('Mayor Ana Ruiz')
    expect(claims[2]!.text).toBe('The council approved the sale of the site.')
    expect(claims[2]!.context).toEqual([{ kind: 'filler', text: 'Meanwhile,' }])
  })

  test('"It" after a sentence naming one market index is that index when it moves', () => {
    const claims = claimsOf('One of the worst indexes of the day was the Brazilian Bovespa index.\nIt has already fallen by 14.45% today.', '2008-10-06')
    expect(claims[1]!.text).toBe('The Brazilian Bovespa index has already fallen by 14.45% today.')
    expect(claimsOf('The Merval index fared badly today.\nIt is not clear why the market fell.', '2008-10-06')[1]!.text).toBe('It is not clear why the market fell.')
  })

  test('a quotation whose speaker is named after it, in a later sentence, is that speaker\'s from its first sentence', () => {
    for (const [open, close] of [['“', '”'], ['``', "''"]]) {
      const claims = claimsOf(`The first A380 was delivered today.\n${open}This is a major milestone for the programme.\nI want to thank our teams for their commitment,${close} said Airbus President and Chief Executive Officer, Tom Enders.`)
      expect(claims.map((c) => c.text)).toEqual([
        'The first A380 was delivered today.',
        'Tom Enders said: “This is a major milestone for the programme.”',
        'Tom Enders said: “I want to thank our teams for their commitment.”',
      ])
    }
  })

  test('a quotation opened with \'\' after one with a speaker is that speaker\'s, and "he continued" after it names him', () => {
    const claims = claimsOf(
      "Peter Cardillo, chief market economist at Avalon Partners, commented on the market.\n``What we've seen here was one big margin call.\nBut you need a catalyst,'' he said.\n''I'm more convinced now than ever that this market has made a bottom.\nThe capitulation came when we breached 8,000,'' he continued.",
    )
    expect(claims.slice(2).map((c) => c.text)).toEqual([
      'Peter Cardillo said: “But you need a catalyst.”',
      "Peter Cardillo said: “I'm more convinced now than ever that this market has made a bottom.”",
      'Peter Cardillo continued: “The capitulation came when we breached 8,000.”',
    ])
    expect(claimsOf('Prices continued to fall on Monday after the report.')[0]!.attribution).toBeNull()
  })

  test('a sentence that closes a quotation opened before it is quoted from its start and is not split', () => {
    for (const close of ['”', "''"]) {
      const claims = claimsOf(`Mayor Ana Ruiz said “Everyone told us we were crazy.\nBut we took a big swing and in this case, we hit a home run.${close}`)
      expect(claims.map((c) => c.text)).toEqual(['Mayor Ana Ruiz said “Everyone told us we were crazy.', 'Mayor Ana Ruiz said: “But we took a big swing and in this case, we hit a home run.”'])
    }
  })

  test('"It" after a sentence opening with a participle phrase is the organisation after its comma', () => {
    const claims = claimsOf('Totaling US$ 180 billion, the Federal Reserve raised its swap lines with the ECB. It opened new swap lines with the Bank of Japan.')
    expect(claims[1]!.text).toBe('The Federal Reserve opened new swap lines with the Bank of Japan.')
  })

  test('"He" after a sentence opened by a surname alone is that person, not the one named before', () => {
    const text = 'Ola Lind is stepping down. His post will be filled by Bob Mansfield, a vice president. Bob Mansfield was already involved in design. Lind had been with the firm since 2008. He had previously held a senior post at IBM.'
    expect(claimsOf(text)[4]!.text).toBe('Ola Lind had previously held a senior post at IBM.')
  })

  test('a sentence-initial "Both" is the two people the sentence before named', () => {
    const claims = claimsOf('The inquiry found that Anna Berg arranged a job for Tomas Lind. Both served jail sentences for fraud.')
    expect(claims[1]!.text).toBe('Anna Berg and Tomas Lind both served jail sentences for fraud.')
    expect(claims[1]!.context).toEqual([{ kind: 'referent', text: 'Anna Berg and Tomas Lind', replaces: 'Both' }])
    expect(claimsOf('The inquiry found that Anna Berg arranged a job. Both of them served jail sentences.')[1]!.text).toBe('Both of them served jail sentences.')
  })

  test('a quotation the article leaves open is not carried into a sentence that does not read as speech', () => {
    const text = 'General Ana Ruiz said “This will be a tanker built here.\nThe company had agreed to lease 100 tankers in 2003.'
    const claims = claimsOf(text)
    expect(claims[1]!.text).toBe('The company had agreed to lease 100 tankers in 2003.')
    expect(claims[1]!.attribution).toBeNull()
  })

  test('a relative clause on the subject is a fact of its own; an auxiliary-led verb phrase repeats the subject; a capitalised name after "and" starts a clause', () => {
    expect(claimsOf('Norvik Foods, which employs 4,000 people, will close its Oslo plant.').map((c) => c.text)).toEqual([
      'Norvik Foods employs 4,000 people.',
      'Norvik Foods will close its Oslo plant.',
    ])
    expect(claimsOf('The line opened in 1998 and was extended in 2011.').map((c) => c.text)).toEqual(['The line opened in 1998.', 'The line was extended in 2011.'])
    // "&" inside the name before "who"
    expect(claimsOf('There was good news from Morgan Stanley & Co., who announced a profit of $1 billion.').map((c) => c.text)).toEqual([
      'There was good news from Morgan Stanley & Co.',
      'Morgan Stanley & Co. announced a profit of $1 billion.',
    ])
    expect(claimsOf('The player went on sale in Japan in March but is now available in Europe.').map((c) => c.text)).toEqual([
      'The player went on sale in Japan in March.',
      'The player is now available in Europe.',
    ])
    expect(claimsOf('Other carmakers also saw sales slip: Kessler and Orvo both reported a 39% loss, and Ford Motor Company sales fell 41%.').map((c) => c.text)).toEqual([
      'Other carmakers also saw sales slip: Kessler and Orvo both reported a 39% loss.',
      'Ford Motor Company sales fell 41%.',
    ])
    // inside a report the shared subject is not the speaker's: left whole
    expect(claimsOf('Police said the driver was drunk and had no licence.').map((c) => c.text)).toEqual(['Police said the driver was drunk and had no licence.'])
    // "since May" bounds the closures; it is not when the cuts happened
    expect(claimsOf('The company cut 300 jobs and has closed two plants since May.', '2024-03-20').map((c) => c.text)[0]).toBe('The company cut 300 jobs.')
  })

  test('a clause after "but" or "and" may open with a phrase of time or place; "even though" stays; a cleft is not a relative clause', () => {
    expect(claimsOf('Boeing had agreed to lease 100 tankers, but in 2003 a scandal erupted over the deal.').map((c) => c.text)).toEqual([
      'Boeing had agreed to lease 100 tankers.',
      'In 2003 a scandal erupted over the deal.',
    ])
    const whole = 'They said that it was Jobs, not Papermaster, who made the decision even though the company knew of the problems.'
    expect(claimsOf(whole).map((c) => c.text)).toEqual([whole])
  })

  test('a quotation opened with no speaker right after a quoted speaker is theirs, to its end; "These measures" after a later sentence', () => {
    const text =
      'Rain fell all day in the city.\n“We cut our design effort,” said Sandy Angers. “We need breakthroughs in engines.\nYou cannot simply shrink the plane.\nWe have hard challenges.”\nThe council imposed corrective measures on the club in 2019. These measures were lifted in June 2021.'
    const claims = claimsOf(text, '2024-03-20')
    expect(claims[1]!.attribution?.source).toBe('Sandy Angers')
    expect(claims.slice(2, 5).map((c) => c.text)).toEqual([
      'Sandy Angers said: “We need breakthroughs in engines.”',
      'Sandy Angers said: “You cannot simply shrink the plane.”',
      'Sandy Angers said: “We have hard challenges.”',
    ])
    expect(claims[6]!.text).toBe('The corrective measures were lifted in June 2021.')
  })

  test('a participle after "and" shares the auxiliaries and the place the sentence opens with; a capitalised "verb" in a list of names is a name', () => {
    expect(claimsOf('In China, airliners are selected and purchased by the government.').map((c) => c.text)).toEqual([
      'In China, airliners are selected by the government.',
      'In China, airliners are purchased by the government.',
    ])
    const names = "Boeing's Launch Systems, Launch Services and Delta Program units are to be allowed to bid for contracts again."
    expect(claimsOf(names).map((c) => c.text)).toEqual([names])
    // "It will seat 300 people" is about the aircraft, not the company named before
    expect(claimsOf('Boeing will begin production in 2006, and the aircraft should enter service in 2008. It will seat 200 to 300 people.')[2]!.text).toBe(
      'It will seat 200 to 300 people.',
    )
  })

  test('"he" after a quoted speaker is the speaker; "said that, although …" and "X whose Y flew … and is" stay whole; page junk is dropped', () => {
    const claims = claimsOf(
      'Aer Lingus Chief Executive Dermot Mannion stated that the aircraft were better on fuel. He also said that, although the aircraft cost € 1.78 billion, Airbus had offered a discount.',
    )
    expect(claims[1]!.text).toBe('Dermot Mannion also said that, although the aircraft cost € 1.78 billion, Airbus had offered a discount.')
    const whole = 'The 787 shows the strategies of Boeing and Airbus whose A380 first flew in April 2005 and is expected to enter service this year.'
    expect(claimsOf(whole).map((c) => c.text)).toEqual([whole])
    expect(claimsOf('150px Airbus has announced 10,000 job cuts over four years.')[0]!.text).toBe('Airbus has announced 10,000 job cuts over four years.')
  })

  test('"he" is the person the last sentences were about, not a name that only modifies a noun; no shared "were" from a progressive', () => {
    const text =
      'Steve Jobs opened the conference on Monday. Jobs said that sales rose. Current PowerPC programs can be run on Intel chips. He said that Apple is ready for the transition.'
    expect(claimsOf(text, '2005-06-08')[3]!.text).toBe('Steve Jobs said that Apple is ready for the transition.')
    expect(claimsOf('Jobs admitted that some users were having antenna issues, but dismissed the existence of a crisis.').map((c) => c.text)[1]).toBe(
      'Jobs dismissed the existence of a crisis.',
    )
  })

  test('"…," he said names the speaker; a speaker introduced with who they are is the attribution', () => {
    const claims = claimsOf('Peter Cardillo, chief market economist at Avalon Partners, said the market had made a bottom. “But you need a catalyst,” he said.')
    expect(claims[0]!.attribution?.source).toBe('Peter Cardillo')
    expect(claims[1]!.text).toBe('“But you need a catalyst,” Peter Cardillo said.')
    expect(claims[1]!.context).toEqual([{ kind: 'referent', text: 'Peter Cardillo', replaces: 'he' }])
  })

  test('an appositive about a name with "of" in it is a fact of its own', () => {
    expect(claimsOf('The Bank of Kessel Corporation, the second-largest bank in the region, has announced a loss of $2 billion.').map((c) => c.text)).toEqual([
      'The Bank of Kessel Corporation is the second-largest bank in the region.',
      'The Bank of Kessel Corporation has announced a loss of $2 billion.',
    ])
  })

  test('"respectively" pairs two lists item by item, one claim each', () => {
    expect(claimsOf('The 8 GB and 16 GB models are available for $99 and $149, respectively.').map((c) => c.text)).toEqual([
      'The 8 GB models are available for $99.',
      'The 16 GB models are available for $149.',
    ])
    expect(claimsOf('Kessel and Orvo were founded in 1925 and 1937 respectively, the report said.').map((c) => c.text)).toEqual([
      'Kessel was founded in 1925, the report said.',
      'Orvo was founded in 1937, the report said.',
    ])
  })

  test('"Their" after a sentence naming two people is theirs, titles and all', () => {
    const claims = claimsOf(
      'The council reviews major trends each year. Major General Ana Ruiz met with Norvik Bank President Lars Holm in Oslo. Their talks focused on fraud and money laundering.',
    )
    expect(claims[2]!.text).toBe('Major General Ana Ruiz and Lars Holm’s talks focused on fraud and money laundering.')
    expect(claims[2]!.context).toEqual([{ kind: 'referent', text: 'Major General Ana Ruiz and Lars Holm’s', replaces: 'Their' }])
  })

  test('"They" after a sentence with a plural subject is that subject', () => {
    expect(claimsOf('The sources claimed the chief was pushed out. They also said that the board decided.').map((c) => c.text)[1]).toBe(
      'The sources also said that the board decided.',
    )
    expect(claimsOf('Chrysler and Toyota reported a 39% loss in March. They blamed high fuel prices.', '2024-04-20').map((c) => c.text)[1]).toBe(
      'In March, Chrysler and Toyota blamed high fuel prices.',
    )
  })

  test('a past event with no date of its own takes the time the article is telling about, and says so', () => {
    const claims = claimsOf('Retail sales in Norway rose 4% in February. Car sales fell 2%. Kia sold 1,200 cars.', '2024-03-20')
    expect(claims.map((c) => c.text)).toEqual([
      'Retail sales in Norway rose 4% in February.',
      'In February, car sales fell 2%.',
      'In February, Kia sold 1,200 cars.',
    ])
    expect(claims[1]!.context).toEqual([{ kind: 'time', text: 'In February' }])
    expect(claims[1]!.dates.map((d) => d.value)).toEqual(['2024-02'])
    // the span stays the article's words
    expect(claims[1]!.start).toBe(44)
    // the day something was said is not when it happened
    expect(claimsOf('Ford said on Tuesday that its sales rose 43% in February. Sales to retail customers increased 28%.', '2024-03-06')[1]!.text).toBe(
      'In February, sales to retail customers increased 28%.',
    )
  })

  test('what a speaker said happened takes the time after "that"; a comparison date does not end the time told about', () => {
    const claims = claimsOf(
      'Ford said on Tuesday that its sales rose 43% in February. Ford said that total sales improved to 142,285 units. Its share rose to 17%, up from 14% a year ago. Ford\'s sales were influenced by fleet sales. Rental car agencies accounted for 30,000 units.',
      '2010-03-03',
    )
    expect(claims.map((c) => c.text).slice(1)).toEqual([
      'Ford said that in February total sales improved to 142,285 units.',
      'In February, its share rose to 17%.',
      'Its share was 14% a year ago.',
      'In February, Ford\'s sales were influenced by fleet sales.',
      // a word of the English vocabulary opening the claim is lowered, a name keeps its capital
      'In February, rental car agencies accounted for 30,000 units.',
    ])
    expect(claims[1]!.dates.map((d) => d.value)).toEqual(['2010-02'])
    expect(claims[1]!.context).toEqual([{ kind: 'time', text: 'in February' }])
    expect(claims[1]!.start).toBe(claims[0]!.end + 1)
  })

  test('a quotation in the present tense does not end the time told about', () => {
    const claims = claimsOf(
      "Nordcar said on Wednesday that its sales fell 45% in March.\n``The market is starting to show small signs of life,'' said its chairman.\n``It's too early to see a trend.''\nOther carmakers also saw their sales slip.\nThe market is small.\nKessler also saw its sales slip.",
      '2009-04-01',
    )
    expect(claims.find((c) => /other carmakers/i.test(c.text))!.text).toBe('In March, other carmakers also saw their sales slip.')
    // a present-tense sentence of the article's own words still does
    expect(claims.at(-1)!.text).toBe('Kessler also saw its sales slip.')
  })

  test('"reported February sales today": February is what was reported, today the day of reporting', () => {
    const claims = claimsOf('Other carmakers also reported February sales today. Toyota was the sole exception, as its sales declined 8.7%.', '2010-03-03')
    expect(claims[1]!.text).toBe('In February, Toyota was the sole exception, as its sales declined 8.7%.')
    expect(claims[1]!.dates.map((d) => d.value)).toEqual(['2010-02'])
  })

  test('a past event is not put after the publication date ("tomorrow")', () => {
    const claims = claimsOf('Obama will address the nation tomorrow. He described the hardship as a sacrifice.', '2009-06-01')
    expect(claims[1]!.text).not.toMatch(/^Tomorrow/)
    expect(claims[1]!.dates).toEqual([])
  })

  test('a time looked forward to is not the time told about', () => {
    const claims = claimsOf('Users wait for the first update, which is expected in late May. Four versions were released in five years.', '2005-05-07')
    expect(claims[claims.length - 1]!.text).toBe('Four versions were released in five years.')
    expect(claims[claims.length - 1]!.dates).toEqual([])
  })

  test('the simple past of a verb from its -ing form, irregular ones read back from the model', () => {
    expect(['losing', 'falling', 'dropping', 'plunging', 'gaining', 'shutting', 'rallying'].map(pastOf)).toEqual(['lost', 'fell', 'dropped', 'plunged', 'gained', 'shut', 'rallied'])
  })

  test('a capitalised name before a verb or a possessive is tagged as a name', () => {
    expect(tag("Ford said it. Ford's sales fell.").filter((t) => t.text === 'Ford').map((t) => t.pos)).toEqual(['PROPN', 'PROPN'])
  })

  test('no time is put into a present, pluperfect or reported statement, nor after the article turns to now', () => {
    const texts = claimsOf('The plant closed on Friday. The company employs 300 people. The firm had warned of losses. Its owner said sales fell.', '2024-03-20').map((c) => c.text)
    expect(texts.slice(1)).toEqual(['The company employs 300 people.', 'The firm had warned of losses.', 'Its owner said sales fell.'])
    const later = claimsOf('Exports rose 5% in March. The index is at a record high. Imports to Norway fell 3%.', '2024-04-20').map((c) => c.text)
    expect(later[2]).toBe('Imports to Norway fell 3%.')
  })

  test('a verbless fragment scores low; a figure is a quantity claim', () => {
    const [fragment] = claimsOf('A list of stolen travel documents and criminal intelligence from across Europe.')
    expect(fragment!.checkworthiness).toBeLessThan(0.3)
    expect(fragment!.reasons.join(' ')).toContain('no finite verb')
    const [quantity] = claimsOf('Unemployment fell to 4.1 percent in March because exports rose.')
    expect(quantity!.types).toEqual(expect.arrayContaining(['quantity', 'cause']))
  })
})

describe('shown propositions are grammatical and faithful', () => {
  test('none cuts a number or a quotation, none drops an object while keeping what modified it, each has a subject and finite verb', () => {
    const sentences = [
      'The company expects to cut approximately 4,300 jobs by 2025.',
      'Their talks focused on “enhancing cooperation in security and policing,” officials said.',
      'Discussions highlighted the development of training programs for police staff.',
    ]
    for (const s of sentences) {
      for (const p of splitPropositions(s)) {
        expect(p.text).not.toMatch(/\b4$|approximately 4\b(?!,)/)
        expect((p.text.match(/[“”]/g) ?? []).length % 2).toBe(0)
        expect(p.text).not.toMatch(/^Their talks focused in|highlighted for/)
      }
    }
    expect(splitPropositions('Discussions highlighted the development of training programs for police staff.').map((p) => p.text)).not.toContain(
      'Discussions highlighted for police staff',
    )
  })
})
