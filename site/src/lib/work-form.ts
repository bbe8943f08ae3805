// The log-hours form: the rate-card lines a member may pick (only lines in Bound per hour, a skill's
// every-level line once per level), and the form read into the body POST /api/work-logs takes, so the
// page runs the same command and shows its refusals beside the fields they name.
import { skillLevels } from '#domain/content/commons.ts';
import { type RateLine, workRate } from '#domain/ledger/work-pay.ts';
import type { FieldErrors } from './forms.ts';
import { type PageLanguage, pageLanguage } from './i18n.ts';

export interface RateOption {
  value: string;
  label: string;
}

/**
 * The lines of a rate card that pay work, as options: `skill:<skillId>:<level>` or `service:<name>`, in
 * the page's language (English unless given).
 */
export function rateOptions(
  card: readonly RateLine[],
  { t, format, level: levelWord }: Pick<PageLanguage, 't' | 'format' | 'level'> = pageLanguage({}),
): RateOption[] {
  return card.flatMap((line) => {
    const keys =
      line.skillId === undefined
        ? [{ value: `service:${line.service}`, work: { service: line.service }, level: undefined }]
        : (line.level === undefined ? skillLevels : [line.level]).map((level) => ({
            value: `skill:${line.skillId}:${level}`,
            work: { skillId: line.skillId, level },
            level: line.level === undefined ? levelWord(level) : undefined,
          }));
    return keys.flatMap(({ value, work, level }) => {
      const rate = workRate(card, work);
      if ('problem' in rate || rate.line !== line) return [];
      const label = t('myWork.rateOption', line.service, level, format.bound(rate.hourly), line.unpleasant === true);
      return [{ value, label }];
    });
  });
}

/** A rate option's value as the body's fields; anything else is left for the command to refuse. */
function rateFields(value: string): Record<string, string> {
  const [kind, ...rest] = value.split(':');
  if (kind === 'skill' && rest.length === 2) return { skillId: rest[0] ?? '', level: rest[1] ?? '' };
  if (kind === 'service') return { service: rest.join(':') };
  return { service: value };
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** The form's fields in the body's shape; `position` is `<syndicateId>/<openingId>`. */
export function workFromForm(form: FormData) {
  const [syndicateId = '', openingId = ''] = text(form, 'position').split('/');
  const values = {
    position: text(form, 'position'),
    rate: text(form, 'rate'),
    date: text(form, 'date'),
    hours: text(form, 'hours'),
    note: text(form, 'note'),
  };
  const body = {
    syndicateId,
    for: { kind: 'position', openingId },
    date: values.date,
    hours: values.hours,
    ...rateFields(values.rate),
    note: values.note,
  };
  return { values, body };
}

/** The command's refusals by the form's fields: the rate line and the position are one field each. */
export function workErrors(errors: FieldErrors): FieldErrors {
  const shown: FieldErrors = {};
  for (const [field, message] of Object.entries(errors)) {
    const at = ['skillId', 'level', 'service'].includes(field)
      ? 'rate'
      : field === 'syndicateId' || field.startsWith('for')
        ? 'position'
        : field;
    shown[at] ??= message;
  }
  return shown;
}
