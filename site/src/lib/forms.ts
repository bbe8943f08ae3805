// Turning HTML form posts into the shapes the API's bodies take (a command then parses them with the
// API's own schemas, see command-form.ts), and its refusals into errors per field, so a form can say
// exactly what is wrong and keep what the person typed.

import { issueIn } from '#domain/i18n/translate-plain.ts';
import type { WordsIn } from '#domain/errors.ts';
import { typedAmountMessage } from '#domain/plain-words.ts';
import { currentLocale } from './i18n.ts';

export type FieldErrors = Record<string, string>;

/**
 * The first message per field, from the domain's issues (`body.title`) or zod's (`['title']`). A form
 * takes money as typed ("12.50") and sends minor units, so an amount it could not read is asked for as typed.
 * Each is said in the language of the page being rendered (translate-plain.ts; a rule's own words where it
 * keeps them, as the training place's do).
 */
export function fieldErrors(
  issues: ReadonlyArray<{ field?: string; path?: PropertyKey[]; message: string; wordsIn?: WordsIn | undefined }>,
): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.field?.replace(/^(body|path)\./, '') ?? (issue.path ?? []).map(String).join('.');
    const message = typedAmountMessage(field, issue.message);
    errors[field || 'form'] ??= issueIn({ message, wordsIn: issue.wordsIn }, currentLocale());
  }
  return errors;
}

/** The message for a field, or for the first of its parts (`skills` finds `skills.0.skill`). */
export function fieldError(errors: FieldErrors, field: string): string | undefined {
  return errors[field] ?? Object.entries(errors).find(([key]) => key.startsWith(`${field}.`))?.[1];
}

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();

/** Major units as typed ("42.50") to minor units (4250); anything else stays as typed so zod names it. */
export function minorUnits(value: string): number | string {
  return /^\d{1,9}(\.\d{1,2})?$/.test(value) ? Math.round(Number(value) * 100) : value;
}

export const skillRows = 5;
export const payRows = 2;

/**
 * The words of the opening form's skill finder when its Find button sent the form (the form then comes
 * back with ESCO's matches offered, nothing saved); undefined when the form was sent to be saved.
 */
export const skillFinder = (form: FormData): string | undefined =>
  form.get('find') === 'skill' ? text(form, 'skillQuery').slice(0, 100) : undefined;

const addedSkill = (form: FormData) => text(form, 'addSkill').slice(0, 200);

/**
 * When the opening form was sent by "Suggest skills from the description" or by one suggestion's Add
 * button: the form comes back with the suggestions listed (and the added skill in a row), nothing saved.
 * Undefined when the form was sent for anything else.
 */
export function descriptionSuggest(form: FormData): { added?: string } | undefined {
  const added = addedSkill(form);
  if (added !== '') return { added };
  return form.get('find') === 'description' ? {} : undefined;
}

/** The opening form's fields, read into the shape of the API's body. */
export function openingFromForm(form: FormData): unknown {
  const skills = Array.from({ length: skillRows }, (_, i) => ({
    skill: text(form, `skill${i}`),
    level: text(form, `level${i}`),
  })).filter((row) => row.skill !== '');
  // A skill the description suggested and the admin added goes in the first empty row, once; with every
  // row used it is left out (the form says so). It is checked like any other row when the form is saved.
  const added = addedSkill(form);
  if (added && skills.length < skillRows && !skills.some((row) => row.skill === added)) {
    skills.push({ skill: added, level: 'working' });
  }
  const pay = Array.from({ length: payRows }, (_, i) => ({
    amount: minorUnits(text(form, `payAmount${i}`)),
    currency: text(form, `payCurrency${i}`).toUpperCase(),
    per: text(form, `payPer${i}`),
  })).filter((row) => row.amount !== '');
  const whole = (name: string) => (/^\d+$/.test(text(form, name)) ? Number(text(form, name)) : text(form, name));
  // A training place (training-place.ts): its course, and its mentor chosen from the listed members or,
  // past those the select lists, named by id (training-form.ts).
  const training =
    form.get('training') === 'on'
      ? {
          training: {
            courseId: text(form, 'trainingCourse'),
            mentorId: text(form, 'trainingMentorId') || text(form, 'trainingMentor'),
          },
        }
      : {};
  return {
    title: text(form, 'title'),
    description: text(form, 'description'),
    skills,
    positions: whole('positions'),
    hoursPerWeek: whole('hoursPerWeek'),
    pay,
    place: text(form, 'place'),
    remote: form.get('remote') === 'on',
    applicantCountries: text(form, 'applicantCountries')
      .split(/[\s,]+/)
      .filter(Boolean)
      .map((code) => code.toUpperCase()),
    employmentType: text(form, 'employmentType'),
    validThrough: text(form, 'validThrough'),
    occupation: text(form, 'occupation') || null,
    ...training,
  };
}
