// schema.org JobPosting for an opening page, with every field Google for Jobs requires (title,
// description, datePosted, hiringOrganization, jobLocation or TELECOMMUTE with applicant locations,
// validThrough) and the pay. Expired and closed openings get none: they must drop out of job search.
import type { Syndicate } from '../syndicates/syndicate.ts';
import type { Opening } from './opening.ts';
import type { OccupationChoice } from './opening-occupation.ts';

const units: Record<string, string> = { hour: 'HOUR', day: 'DAY', week: 'WEEK', month: 'MONTH', job: 'YEAR' };

/** "Rotterdam, NL" → locality and country; a place without a country code keeps only the locality. */
export function splitPlace(place: string): { locality: string; country?: string } {
  const match = /^(.*?),\s*([A-Z]{2})$/.exec(place.trim());
  return match?.[1] && match[2] ? { locality: match[1], country: match[2] } : { locality: place.trim() };
}

/** An ESCO occupation as schema.org writes a code from a classification. */
function escoCategory(occupation: OccupationChoice) {
  return {
    '@type': 'CategoryCode',
    codeValue: occupation.uri,
    name: occupation.label,
    inCodeSet: {
      '@type': 'CategoryCodeSet',
      name: 'ESCO occupations',
      url: 'https://esco.ec.europa.eu/en/classification/occupation_main',
    },
  };
}

export function jobPosting(
  opening: Opening,
  syndicate: Syndicate,
  siteUrl: string,
  descriptionHtml: string,
  occupation?: OccupationChoice,
) {
  const place = splitPlace(opening.place);
  // Google reads baseSalary only in ISO 4217 currencies; Bound and hours of labour stay in the text.
  const money = opening.pay.find((p) => /^[A-Z]{3}$/.test(p.currency) && p.currency !== 'BOUND' && p.per !== 'job');
  return {
    '@context': 'https://schema.org/',
    '@type': 'JobPosting',
    title: opening.title,
    description: descriptionHtml,
    identifier: { '@type': 'PropertyValue', name: syndicate.name, value: opening.id },
    datePosted: opening.datePosted ?? opening.createdAt,
    validThrough: `${opening.validThrough}T23:59:59Z`,
    employmentType: opening.employmentType,
    hiringOrganization: {
      '@type': 'Organization',
      name: syndicate.name,
      sameAs: `${siteUrl}/syndicates/${syndicate.id}/`,
    },
    ...(opening.remote
      ? {
          jobLocationType: 'TELECOMMUTE',
          applicantLocationRequirements: (opening.applicantCountries.length > 0
            ? opening.applicantCountries
            : [place.country ?? place.locality]
          ).map((name) => ({ '@type': 'Country', name })),
        }
      : {
          jobLocation: {
            '@type': 'Place',
            address: {
              '@type': 'PostalAddress',
              addressLocality: place.locality,
              ...(place.country ? { addressCountry: place.country } : {}),
            },
          },
        }),
    ...(money
      ? {
          baseSalary: {
            '@type': 'MonetaryAmount',
            currency: money.currency,
            value: { '@type': 'QuantitativeValue', value: money.amount / 100, unitText: units[money.per] },
          },
        }
      : {}),
    ...(occupation
      ? {
          occupationalCategory: escoCategory(occupation),
          relevantOccupation: {
            '@type': 'Occupation',
            name: occupation.label,
            occupationalCategory: escoCategory(occupation),
          },
        }
      : {}),
    workHours: `${opening.hoursPerWeek} hours per week`,
    totalJobOpenings: opening.positions - opening.filled,
    directApply: true,
    url: `${siteUrl}/jobs/${opening.id}/`,
  };
}

/** JSON for a <script type="application/ld+json">: `<` escaped so no text can close the tag. */
export function jsonLdScript(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
