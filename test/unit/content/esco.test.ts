import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { danglingEscoIssues } from '#domain/content/esco-check.ts';
import { escoSkillUris, parseEscoData, writeEscoData } from '#domain/content/esco-data.ts';
import { EscoSourceError, readExtractorCsv } from '#domain/content/esco-import.ts';
import { learnLexicon, splitEscoText } from '#domain/content/esco-split.ts';

const data = parseEscoData(
  gunzipSync(readFileSync(new URL('../../../content/esco/esco.json.gz', import.meta.url))).toString('utf8'),
);
const uuid = '0005c151-5b5a-4a66-8aac-60e734beb1ab';

describe('the committed ESCO data file', () => {
  it('reads back to the same data after it is written again', () => {
    expect(parseEscoData(writeEscoData(data))).toEqual(data);
    expect(data.skills).toHaveLength(13_939);
    expect(data.occupations).toHaveLength(3_658);
    expect(data.attribution).toContain('ESCO, © European Union, CC BY 4.0');
  });

  it('gives each of 200 seeded random concepts a non-empty label that opens its text', () => {
    const all = [...data.skills, ...data.occupations];
    let seed = 42;
    for (let i = 0; i < 200; i++) {
      seed = (seed * 48271) % 2147483647;
      const [id, label, , text] = all[seed % all.length] ?? [];
      expect(label?.trim(), id).not.toBe('');
      expect(text?.toLowerCase().startsWith(label?.toLowerCase() ?? '?'), id).toBe(true);
    }
  });
});

describe('reading an extractor CSV', () => {
  const row = `http://data.europa.eu/esco/skill/${uuid},"manage musical staff Assign staff tasks."`;

  it('reads a row into an id and its text', () => {
    expect(readExtractorCsv(`id,description\n${row}\n`, 'skills.csv', 'skill')).toEqual([
      { id: `skill/${uuid}`, text: 'manage musical staff Assign staff tasks.' },
    ]);
  });

  it('refuses a file whose header is not id,description, saying which header it found', () => {
    expect(() => readExtractorCsv(`uri,text\n${row}\n`, 'skills.csv', 'skill')).toThrow(
      new EscoSourceError('skills.csv: the header must be "id,description", not "uri,text".'),
    );
  });

  it('refuses a row without an ESCO URI, naming the file and line', () => {
    expect(() => readExtractorCsv(`id,description\n${row}\n,"a text"\n`, 'skills.csv', 'skill')).toThrow(
      /^skills\.csv line 3: each row must be an ESCO skill URI and a text/,
    );
    expect(() => readExtractorCsv(`id,description\n"unclosed\n`, 'skills.csv', 'skill')).toThrow(
      'skills.csv line 2: a quoted field is never closed.',
    );
  });
});

describe('splitting an extractor text into a label', () => {
  const lexicon = learnLexicon(
    [...data.skills, ...data.occupations].filter(([id]) => !id.startsWith('isco/')).map(([, , , text]) => text),
    [...data.skills, ...data.occupations].flatMap(([, label, alt]) => (alt ? [label, ...alt] : [])),
  );
  it.each([
    [
      'manage musical staff manage staff of music coordinate duties of musical staff Assign tasks.',
      'manage musical staff',
    ],
    [
      'supervise correctional procedures oversee prison procedures manage prison procedures Supervise the operations.',
      'supervise correctional procedures',
    ],
    [
      'tobacco products products of tobacco cigar tobacco tobacco product The varieties of products.',
      'tobacco products',
    ],
    ['prepare rubber plies preparing rubber plies arrange rubber plies Prepare the plies.', 'prepare rubber plies'],
    ['credit manager senior credit officer credit controller Credit managers are in charge.', 'credit manager'],
    ['Haskell Haskell techniques The techniques and principles of software development.', 'Haskell'],
    ['aerospace engineering The engineering discipline that combines technologies.', 'aerospace engineering'],
  ])('takes the preferred label from %j', (text, label) => {
    expect(splitEscoText(text, lexicon).label).toBe(label);
  });

  it.each([
    [
      'a name the text repeats is not where the description starts',
      'interact verbally in Estonian speak Estonian verbally interact in Estonian be fluent in Estonian Communicate orally in Estonian.',
      'interact verbally in Estonian',
    ],
    [
      'a bracketed qualifier stays with the name it qualifies',
      'Java (computer programming) Java The techniques and principles of software development, such as analysis.',
      'Java (computer programming)',
    ],
    [
      'a label does not end on a comma',
      'browse, search and filter data, information and digital content search, browse, and filter information and digital content Articulate information needs.',
      'browse, search and filter data, information and digital content',
    ],
    [
      'the label runs on as far as the description names it',
      'Apache Maven Maven The tool Apache Maven is a software program to perform configuration identification.',
      'Apache Maven',
    ],
    [
      'a word that opens the next label as the run repeats the label is not the label’s last',
      'initiate contact with sellers inaugurate contact with sellers commence contact with sellers institute contact with sellers initiate contacts with sellers initiating contact with sellers begin contact with sellers initiate a contact with a seller Identify sellers of goods.',
      'initiate contact with sellers',
    ],
    [
      'a common verb alone is not a label: it takes its object',
      'use paint safety equipment operate paint safety equipment apply paint safety equipment use of paint safety equipment handle paint safety equipment adopt paint safety equipment using paint safety equipment paint safety equipment use Wear safety equipment appropriately.',
      'use paint safety equipment',
    ],
    [
      'a label does not repeat a word in the plural',
      'pest biology study of the biological aspects of pests biology of pests Biological characteristics of insect pests.',
      'pest biology',
    ],
    [
      'a lone first word takes the words the run repeats after it',
      'report facts detail the facts write minutes give an account of the facts communicate facts reporting facts report report facts or ideas Relay information.',
      'report facts',
    ],
    [
      'a lone first word takes the words the run repeats after it in the singular',
      'animal positions animal position animal stance animal posture animal deportment position of animal The various positions animals take.',
      'animal positions',
    ],
    [
      'a lone first word takes what the run repeats after it in the plural',
      'business law the law of business business laws business regulation business legislation The field of law concerned with trade.',
      'business law',
    ],
  ])('takes the preferred label when %s', (_, text, label) => {
    expect(splitEscoText(text, lexicon).label).toBe(label);
  });

  it.each([
    [
      'gaming dealer game operator gaming operator table gaming dealer casino dealer croupier Gaming dealers operate table games.',
      'gaming dealer',
    ],
    [
      'police officer state police officer policewoman law enforcement officer Police officers use investigation methods.',
      'police officer',
    ],
    [
      'import export specialist in watches and jewellery assistant import export specialist in watches and jewellery Import export specialists in watches and jewellery apply knowledge.',
      'import export specialist in watches and jewellery',
    ],
  ])('ends an occupation label where its description names it in the plural: %j', (text, label) => {
    expect(splitEscoText(text, lexicon, 'occupation').label).toBe(label);
  });

  it.each([
    [
      'Textile, fur and leather products machine operators not elsewhere classified This unit group covers textile machine operators not classified elsewhere in Minor Group 815: Textile, Fur and Leather Products Machine Operators.',
      'Textile, fur and leather products machine operators not elsewhere classified',
    ],
    [
      'Traditional chiefs and heads of village Traditional chiefs and heads of villages perform a variety of legislative duties.',
      'Traditional chiefs and heads of village',
    ],
    [
      'Fire-fighters Firefighters prevent, fight and extinguish fires. Tasks include - (a) responding to alarms.',
      'Fire-fighters',
    ],
  ])('takes the whole title of an ISCO group that does not repeat it exactly: %j', (text, label) => {
    expect(splitEscoText(text, lexicon, 'isco').label).toBe(label);
  });

  it('takes an ISCO group title from the repeat that opens its description', () => {
    expect(splitEscoText('Dentists Dentists diagnose, treat and prevent diseases.', lexicon, 'isco').label).toBe(
      'Dentists',
    );
  });
});

describe('the dangling ESCO URI rule', () => {
  const skill = (esco?: string) =>
    new Map([
      ['soldering', { id: 'soldering', trade: 'repair', label: 'Soldering', description: 'x', related: [], esco }],
    ]);
  const known = escoSkillUris(data);

  it('passes a skill whose ESCO URI is in the data file', () => {
    expect(danglingEscoIssues(skill(`http://data.europa.eu/esco/skill/${uuid}`) as never, known)).toEqual([]);
  });

  it('names the file and the skill whose ESCO URI is not in the data file', () => {
    const dangling = 'http://data.europa.eu/esco/skill/00000000-0000-0000-0000-000000000000';
    expect(danglingEscoIssues(skill(dangling) as never, known)).toEqual([
      {
        file: 'skills/repair.yaml',
        field: 'soldering.esco',
        message: `${dangling} is not an ESCO skill in content/esco/esco.json.gz; check the URI on esco.ec.europa.eu or remove it`,
      },
    ]);
  });
});
