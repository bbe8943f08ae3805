// The profile form's fields, read into the body `PATCH /api/me` takes (the command then parses it with
// the API's own schema, see command-form.ts). Empty boxes mean "none": an empty link or hours box
// clears it, as null does in the API.
import { linkKinds, profileSections } from '#domain/people/profile.ts';

const text = (form: FormData, name: string) => String(form.get(name) ?? '').trim();
/** Digits become a number; anything else stays as typed so the schema names the field. */
const whole = (value: string) => (/^\d{1,9}$/.test(value) ? Number(value) : value);

export function profileFromForm(form: FormData): unknown {
  const status = text(form, 'availability');
  const hours = text(form, 'hoursPerWeek');
  return {
    version: whole(text(form, 'version')),
    name: text(form, 'name'),
    place: text(form, 'place'),
    // The bio keeps its line breaks; the schema's normaliser trims its ends.
    bio: String(form.get('bio') ?? ''),
    availability: status === 'available-from' ? { status, from: text(form, 'availableFrom') } : { status },
    hoursPerWeek: hours === '' ? null : whole(hours),
    languages: form.getAll('languages').map(String),
    links: Object.fromEntries(linkKinds.map((kind) => [kind, text(form, `link-${kind}`) || null])),
    privacy: Object.fromEntries(profileSections.map((section) => [section, text(form, `privacy-${section}`)])),
    // Absent from a form that has no such field (an older copy): the stored language stays.
    ...(form.has('language') ? { language: text(form, 'language') } : {}),
    // A box sends nothing when it is not ticked: the form says it has the box, so unticked means off.
    ...(form.has('fediverse-field') ? { fediverse: form.has('fediverse') } : {}),
  };
}

/** A declared skill's form (add, or change its level and evidence) read into the body of its PUT. */
export function declarationFromForm(form: FormData): unknown {
  const link = text(form, 'link');
  const note = String(form.get('note') ?? '');
  return {
    level: text(form, 'level'),
    ...(link ? { link } : {}),
    ...(note.trim() ? { note } : {}),
  };
}

/** A section's short name, for sentences ("credentials: only me"). */
export const sectionNames = {
  about: 'About',
  credentials: 'Credentials',
  skills: 'Declared skills',
  courses: 'Completed courses',
  syndicates: 'Syndicates',
  innovations: 'Published innovations',
} as const;

/** A section as the privacy form names it: the short name, spelled out where it gathers several things. */
export const sectionLabels: Record<keyof typeof sectionNames, string> = {
  ...sectionNames,
  about: 'About me: place, bio, availability, hours, languages and links',
};

export const visibilityLabels = {
  public: 'Anyone',
  members: 'Members of my syndicates',
  private: 'Only me',
} as const;

export const availabilityLabels = {
  available: 'Available now',
  'available-from': 'Available from a date',
  unavailable: 'Not available',
} as const;
