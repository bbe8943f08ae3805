// Search documents from what Guildhall stores: pure builders, one per kind of thing. Ids are stable
// (`<type>:<id>`) so indexing the same thing twice replaces it instead of adding a copy.
import type { Commons } from '../content/commons.ts';
import type { InnovationRecord, InnovationVersion } from '../innovations/innovation.ts';
import { markdownToText } from '../content/markdown.ts';
import type { Offer } from '../market/offer.ts';
import type { Want } from '../market/want.ts';
import { isListed, type Opening } from '../openings/opening.ts';
import type { Syndicate } from '../syndicates/syndicate.ts';
import type { SearchDocument } from './search-port.ts';

/** Bodies are cut so that one long text cannot dominate memory or ranking. */
const bodyLimit = 4000;
const cut = (text: string) => (text.length > bodyLimit ? text.slice(0, bodyLimit) : text);

export function contentDocuments(commons: Commons, updatedAt: string): SearchDocument[] {
  const documents: SearchDocument[] = [];
  for (const course of commons.courses.values()) {
    documents.push({
      id: `course:${course.id}`,
      type: 'course',
      title: course.title,
      summary: course.summary,
      body: cut(markdownToText(course.introduction)),
      url: `/learn/${course.id}/`,
      skills: course.skills.map((s) => s.skill),
      trade: course.trade,
      hours: course.hours,
      updatedAt,
    });
    for (const lesson of course.lessons) {
      documents.push({
        id: `lesson:${course.id}/${lesson.id}`,
        type: 'lesson',
        title: lesson.title,
        summary: `Lesson ${lesson.position} of ${course.title}`,
        body: cut(markdownToText(lesson.markdown)),
        url: `/learn/${course.id}/${lesson.id}/`,
        skills: course.skills.map((s) => s.skill),
        trade: course.trade,
        updatedAt,
      });
    }
  }
  for (const practice of commons.practices.values()) {
    documents.push({
      id: `practice:${practice.id}`,
      type: 'practice',
      title: practice.title,
      summary: practice.summary,
      body: cut(markdownToText(practice.markdown)),
      url: `/learn/practices/${practice.id}/`,
      skills: practice.skills,
      trade: practice.trade,
      updatedAt,
    });
  }
  return documents;
}

export function openingDocument(
  opening: Opening,
  syndicate: Pick<Syndicate, 'name' | 'trade'> | null,
  now: Date,
): SearchDocument {
  const firstPay = opening.pay[0];
  return {
    id: `opening:${opening.id}`,
    type: 'opening',
    title: opening.title,
    summary: `${syndicate?.name ?? opening.syndicateId} · ${opening.remote ? 'Remote' : opening.place}`,
    body: cut(markdownToText(opening.description)),
    url: `/jobs/${opening.id}/`,
    skills: opening.skills.map((s) => s.skill),
    trade: syndicate?.trade,
    // A job or a training place (the board's kind filter), and the course a training place trains toward.
    kind: opening.kind ?? 'job',
    ...(opening.training ? { course: opening.training.courseId } : {}),
    place: opening.place,
    remote: opening.remote,
    status: isListed(opening, now) ? 'open' : opening.status === 'open' ? 'expired' : opening.status,
    pay: firstPay?.amount,
    payUnit: firstPay?.currency,
    hours: opening.hoursPerWeek,
    updatedAt: opening.updatedAt,
    // A draft has no posting date; it never reaches the index (isSearchable), so this is the published one.
    posted: opening.datePosted ?? opening.createdAt,
    closes: opening.validThrough,
  };
}

export function syndicateDocument(syndicate: Syndicate): SearchDocument {
  return {
    id: `syndicate:${syndicate.id}`,
    type: 'syndicate',
    title: syndicate.name,
    summary: `${syndicate.place} · ${syndicate.memberCount} members`,
    body: cut(`${syndicate.description} ${syndicate.rateCard.map((r) => r.service).join('. ')}`),
    url: `/syndicates/${syndicate.id}/`,
    skills: [],
    trade: syndicate.trade,
    place: syndicate.place,
    updatedAt: syndicate.createdAt,
  };
}

/**
 * A published innovation record, from its newest published version: its practice guide, and its status
 * `adopted` once a syndicate adopted it (`published` before), so the registry can filter by both.
 */
export function innovationDocument(
  version: InnovationVersion,
  trade: string | undefined,
  record: Pick<InnovationRecord, 'adopterCount'> = {},
): SearchDocument {
  return {
    id: `innovation:${version.innovationId}`,
    type: 'innovation',
    title: version.title,
    summary: cut(markdownToText(version.problem)).slice(0, 300),
    body: cut(markdownToText(version.improvement)),
    url: `/innovations/${version.innovationId}/`,
    skills: version.skills,
    trade,
    ...(version.practice ? { practice: version.practice } : {}),
    status: (record.adopterCount ?? 0) > 0 ? 'adopted' : 'published',
    updatedAt: version.publishedAt ?? version.updatedAt,
  };
}

/**
 * An open offer or want on the marketplace: faceted by side (`type`), kind, trade, skills, unit
 * (`payUnit`), place and remote; its price per unit is `pay` (minor units of Bound), a want's hours of
 * work `hours`, its last instant `closes`. Only open listings are documents (see index-changes.ts).
 */
export function listingDocument(listing: Offer | Want): SearchDocument {
  const side = 'seller' in listing ? 'offer' : 'want';
  const owner = 'seller' in listing ? listing.seller : listing.buyer;
  return {
    id: `${side}:${listing.id}`,
    type: side,
    title: listing.title,
    summary: `${listing.kind} · ${listing.remote ? 'Remote' : (listing.place ?? '')} · ${owner}`,
    body: cut(markdownToText(listing.description)),
    url: `/market/${side}s/${listing.id}/`,
    skills: [...listing.skillIds],
    trade: listing.trade,
    kind: listing.kind,
    ...(listing.place === undefined ? {} : { place: listing.place }),
    remote: listing.remote,
    status: listing.status,
    // Minor units fit a double exactly up to 2^53, far past the largest price (10^12).
    ...(listing.price === undefined ? {} : { pay: Number(listing.price) }),
    payUnit: listing.unit,
    ...('demandHours' in listing ? { hours: listing.demandHours } : {}),
    updatedAt: listing.withdrawnAt ?? listing.createdAt,
    posted: listing.createdAt,
    closes: listing.expiresAt,
  };
}

/** Drafts are private: they never enter the index. */
export const isSearchable = (opening: Opening) => opening.status !== 'draft';
