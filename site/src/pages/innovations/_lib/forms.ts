// The innovation pages' forms read into the same shapes the API takes, so the same zod schemas and
// use cases decide; what a person typed comes back with the errors when something is wrong.
// (In `_lib/`: Astro makes no page of what sits under an underscore.)
import type { PersonShare } from '#domain/innovations/innovation.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** A number as typed, or the text itself so the schema names what is wrong with it. */
function numberOrText(value: string): number | string {
  return /^-?\d+(\.\d+)?$/.test(value) ? Number(value) : value;
}

/**
 * Holders as lines of "<member id> [percent]": "demo-ada 60" or "demo-ada 60%". Without percentages
 * everyone gets an equal share. Percent may have two decimals: 33.34% is 3,334 basis points.
 */
export function parseHolders(value: string): Array<{ personId: string; basisPoints?: number | string }> {
  return value
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const [personId = '', share] = line.split(/\s+/);
      if (share === undefined) return { personId };
      const match = /^(\d{1,3})(?:\.(\d{1,2}))?%?$/.exec(share);
      return {
        personId,
        basisPoints: match ? Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0')) : share,
      };
    });
}

export function holdersText(holders: ReadonlyArray<{ personId: string; basisPoints?: number | string | undefined }>) {
  return holders
    .map((h) => (typeof h.basisPoints === 'number' ? `${h.personId} ${h.basisPoints / 100}%` : h.personId))
    .join('\n');
}

export const skillRows = 3;

export function innovationFromForm(form: FormData): Record<string, unknown> {
  const practice = text(form, 'practice');
  return {
    title: text(form, 'title'),
    problem: text(form, 'problem'),
    improvement: text(form, 'improvement'),
    ...(practice ? { practice } : {}),
    skills: Array.from({ length: skillRows }, (_, i) => text(form, `skill${i}`)).filter(Boolean),
    effect: {
      unit: text(form, 'effectUnit'),
      before: numberOrText(text(form, 'effectBefore')),
      after: numberOrText(text(form, 'effectAfter')),
      method: text(form, 'effectMethod'),
    },
    evidence: text(form, 'evidence').split(/\s+/).filter(Boolean),
    inventors: parseHolders(text(form, 'inventors')),
    license: text(form, 'license'),
  };
}

/** "250", "250.5" or "250.50" Bound as minor units in digits ("25050"); anything else as typed. */
export function minorUnits(value: string): string {
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(value.trim());
  if (!match) return value.trim();
  const minor = BigInt(match[1] ?? '0') * 100n + BigInt((match[2] ?? '').padEnd(2, '0'));
  return minor.toString();
}

/** Implementers ticked in the adoption form, each with an optional percentage. */
/** The members ticked, with their shares, then any named in the box for members the page did not list. */
export function implementersFromForm(form: FormData) {
  const ticked = form
    .getAll('implementer')
    .map(String)
    .map((personId) => {
      const share = text(form, `share-${personId}`);
      return share ? (parseHolders(`${personId} ${share}`)[0] ?? { personId }) : { personId };
    });
  return [...ticked, ...parseHolders(text(form, 'moreImplementers'))];
}

export function sharesLabel(shares: readonly PersonShare[], names: ReadonlyMap<string, string>): string {
  return shares.map((s) => `${names.get(s.personId) ?? s.personId} (${s.basisPoints / 100}%)`).join(', ');
}
