// The catalogue is kept in areas so that each part of the interface is translated (and reviewed) in its own
// files: the core (en.ts, es.ts, nl.ts: the layout, the pages every visitor reads) and one folder per area
// with its own en.ts, es.ts and nl.ts. catalogue.ts joins them; a key may live in one area only (a test
// checks), so joining can never quietly replace a message.
import * as accountEn from './account/en.ts';
import * as accountEs from './account/es.ts';
import * as accountNl from './account/nl.ts';
import * as emailEn from './email/en.ts';
import * as emailEs from './email/es.ts';
import * as emailNl from './email/nl.ts';
import * as learningEn from './learning/en.ts';
import * as learningEs from './learning/es.ts';
import * as learningNl from './learning/nl.ts';
import * as recordsEn from './records/en.ts';
import * as recordsEs from './records/es.ts';
import * as recordsNl from './records/nl.ts';
import * as workEn from './work/en.ts';
import * as workEs from './work/es.ts';
import * as workNl from './work/nl.ts';

export const areas = {
  account: { en: accountEn.en, es: accountEs, nl: accountNl },
  records: { en: recordsEn.en, es: recordsEs, nl: recordsNl },
  work: { en: workEn.en, es: workEs, nl: workNl },
  learning: { en: learningEn.en, es: learningEs, nl: learningNl },
  email: { en: emailEn.en, es: emailEs, nl: emailNl },
} as const;

export const areasEn = {
  ...accountEn.en,
  ...recordsEn.en,
  ...workEn.en,
  ...learningEn.en,
  ...emailEn.en,
};
export const areasEs = { ...accountEs.es, ...recordsEs.es, ...workEs.es, ...learningEs.es, ...emailEs.es };
export const areasNl = { ...accountNl.nl, ...recordsNl.nl, ...workNl.nl, ...learningNl.nl, ...emailNl.nl };
