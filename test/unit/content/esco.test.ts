import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { danglingEscoIssues } from '#domain/content/esco-check.ts';
import { escoSkillUris, parseEscoData, writeEscoData } from '#domain/content/esco-data.ts';
import {
  buildEscoData,
  type EscoSources,
  EscoSourceError,
  type ExactLabel,
  readExtractorCsv,
  readLaiserSkillsCsv,
  readNestaEscoCsv,
} from '#domain/content/esco-import.ts';
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

describe('exact skill labels from further packages', () => {
  const skillUri = 'http://data.europa.eu/esco/skill/';
  const roughCut = '3375cf3c-7090-4394-8896-58b1fb1dc540';
  const roadTesting = '923dc3f7-5e76-4159-a736-402be592fbfe';
  const customs = '00ff06cc-103f-4c85-b5df-6f75acff6abf';
  // Three texts of the extractor (ESCO v1.2.0), as its CSV runs them.
  const skills = [
    {
      id: `skill/${roughCut}`,
      text: 'create rough cut assemble different clips create rough cut create a rough cut make a rough cut creating a rough cut Deliver a programme/film following the first editing process. Indicate future improvements.',
    },
    {
      id: `skill/${roadTesting}`,
      text: 'perform road testing of vehicles undertake road testing implement road testing perform a road test complete road testing perform road testing performing road testing performing a road test Perform road tests with vehicles; ensure that all functions are working safely and correctly.',
    },
    {
      id: `skill/${customs}`,
      text: 'advise on customs regulations guide on import and export regulations advise customers on tariff systems counsel on custom-related topics advise customers counsel on trade regulations Give information to people regarding import and export restrictions.',
    },
  ];
  const build = (exactLabels: EscoSources['exactLabels']) =>
    buildEscoData({
      skills,
      occupations: [],
      playgroundSkills: [],
      playgroundOccupations: [],
      exactLabels,
      header: { ...data, skills: undefined, occupations: undefined, occupationSkills: undefined } as never,
    }).skills;
  const exact = (uuid: string, label: string, alternatives: string[] = []): ExactLabel => ({
    id: `skill/${uuid}`,
    label,
    alternatives,
  });

  it("reads Nesta's ESCO rows into each skill's preferred label and alternatives, leaving skill groups out", () => {
    const csv = [
      'id,description,hierarchy_levels,type',
      `${roadTesting},perform road testing,"[['S', 'S6']]",preferredLabel`,
      `${roadTesting},undertake road testing,"[['S', 'S6']]",altLabels`,
      `${roadTesting},perform  a road test,"[['S', 'S6']]",altLabels`,
      'S1.2,liaising and networking,,level_2',
    ].join('\n');
    expect(readNestaEscoCsv(csv, 'esco.csv')).toEqual([
      exact(roadTesting, 'perform road testing', ['undertake road testing', 'perform a road test']),
    ]);
  });

  it("reads LAiSER's ESCO rows with their spacing made plain and their aliases one a line, leaving other taxonomies out", () => {
    const csv = [
      'skill_id,skill_name,aliases,description,taxonomy,original_id',
      `SKILL_0004567,assess\u00a0candidates,"evaluate candidates vocational skills\nevaluate applicants",Assess.,ESCO,${skillUri}550e2d00-bd89-4614-8e15-330ae5277af3`,
      `SKILL_0000002,use e-services,"apply e-services, use electronic services",Participate.,ESCO,${skillUri}${customs}`,
      'SKILL_0010716,Reading Comprehension,,,ONET_SKILL,https://www.onetcenter.org/dictionary/30.2/excel/skills.html',
    ].join('\n');
    expect(readLaiserSkillsCsv(csv, 'faiss_skills.csv')).toEqual([
      exact('550e2d00-bd89-4614-8e15-330ae5277af3', 'assess candidates', [
        'evaluate candidates vocational skills',
        'evaluate applicants',
      ]),
      exact(customs, 'use e-services', ['apply e-services', 'use electronic services']),
    ]);
  });

  it('refuses a further source of the wrong shape, naming the file and what is wrong', () => {
    expect(() => readNestaEscoCsv('id,label\n', 'esco.csv')).toThrow(
      new EscoSourceError('esco.csv: the header must be "id,description,hierarchy_levels,type", not "id,label".'),
    );
    expect(() =>
      readLaiserSkillsCsv(
        'skill_id,skill_name,aliases,description,taxonomy,original_id\nS1,a,,,ESCO,http://example.org/x\n',
        'faiss_skills.csv',
      ),
    ).toThrow('faiss_skills.csv line 2: "http://example.org/x" is not an ESCO skill\'s id.');
  });

  it('labels a skill the playground does not know with the first further label that opens its text', () => {
    // Ordered by id: the customs skill, then these two.
    const [, rough, road] = build([
      [exact(roughCut, 'create rough cut', ['assemble different clips', 'make a rough cut', 'cut roughly'])],
      [exact(roadTesting, 'perform road testing'), exact(roughCut, 'create a cut')],
      [exact(roadTesting, 'perform road testing of vehicles')],
    ]);
    // The split alone gave "create rough"; an alternative the text does not hold is left out.
    expect(rough?.slice(1, 3)).toEqual(['create rough cut', ['assemble different clips', 'make a rough cut']]);
    expect(road?.[1]).toBe('perform road testing');
  });

  it("keeps the split where a further label (another ESCO version's) does not open the text", () => {
    const [split] = build([]);
    const [further] = build([[exact(customs, 'advise customers', ['advise customers on tariff systems'])]]);
    expect(further?.[1]).not.toBe('advise customers');
    expect(further).toEqual(split);
    expect(further?.[2]).toBeNull();
  });

  it('gives exact labels to at least 97% of the skills in the committed file', () => {
    expect(data.skills.filter(([, , alt]) => alt !== null).length).toBeGreaterThanOrEqual(13_500);
  });
});

describe('splitting an extractor text into a label', () => {
  const lexicon = learnLexicon(
    [...data.skills, ...data.occupations].filter(([id]) => !id.startsWith('isco/')).map(([, , , text]) => text),
    // The file's exact preferred labels: the import learns from the playground's labels and alternatives
    // only, which the file no longer tells apart from LAiSER's and Nesta's (whose alternatives would count
    // "use" as ending labels: "paint safety equipment use").
    [...data.skills, ...data.occupations].flatMap(([, label, alt]) => (alt ? [label] : [])),
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
