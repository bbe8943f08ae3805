import type { SkillLevel } from '#domain/content/commons.ts';
import { newPerson, type Person } from '#domain/people/person.ts';

/** Skills a demo person declared, at working level: what they say they do every week. */
const declared = (...skills: string[]) => skills.map((skill) => ({ skill, level: 'working' as SkillLevel }));

/** Demo people: each signs in with one click on the local sign-in page. */
export const demoPeople: Person[] = [
  newPerson({
    id: 'demo-ada',
    name: 'Ada Okafor',
    email: 'ada@demo.guildhall.coop',
    bio: 'Learner moving from retail into renewable energy installation.',
    place: 'Leeds',
    declaredSkills: [],
    createdAt: '2026-01-05T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-bram',
    name: 'Bram Jansen',
    email: 'bram@demo.guildhall.coop',
    bio: 'Carpenter; admin of the Riverside Builders syndicate.',
    place: 'Rotterdam',
    declaredSkills: declared(
      'construction-site-safety',
      'reading-construction-drawings',
      'construction-setting-out',
      'construction-power-tools',
    ),
    createdAt: '2026-01-06T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-carmen',
    name: 'Carmen Ruiz',
    email: 'carmen@demo.guildhall.coop',
    bio: 'Repair technician and inventor of a faster diagnostic routine.',
    place: 'Valencia',
    declaredSkills: declared('repair-workshop-safety', 'repair-systematic-fault-finding', 'repair-multimeter-testing'),
    availability: { status: 'unavailable' },
    createdAt: '2026-01-07T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-dev',
    name: 'Dev Patel',
    email: 'dev@demo.guildhall.coop',
    bio: 'Software developer in a worker-owned web studio.',
    place: 'Remote',
    declaredSkills: declared(
      'software-development-fundamentals',
      'version-control-git',
      'javascript-programming',
      'typescript-programming',
    ),
    createdAt: '2026-01-08T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-eunji',
    name: 'Eun-ji Park',
    email: 'eunji@demo.guildhall.coop',
    bio: 'Care worker and trainer; admin of the Homecare Commons syndicate.',
    place: 'Manchester',
    declaredSkills: declared('care-infection-prevention', 'safe-moving-and-handling', 'safeguarding-adults'),
    createdAt: '2026-01-09T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-femi',
    name: 'Femi Adeyemi',
    email: 'femi@demo.guildhall.coop',
    bio: 'Bookkeeper for three food co-operatives.',
    place: 'Bristol',
    declaredSkills: declared('bookkeeping-fundamentals', 'recording-sales-and-purchases', 'bank-reconciliation'),
    createdAt: '2026-01-10T09:00:00.000Z',
  }),
  newPerson({
    // No browser test but the forms' write-limit one signs in as Hamid: it needs his count at zero.
    id: 'demo-hamid',
    name: 'Hamid Rahimi',
    email: 'hamid@demo.guildhall.coop',
    bio: 'Cook and co-admin of Common Table Kitchens.',
    place: 'Bristol',
    declaredSkills: declared('food-hygiene-basics', 'food-temperature-control'),
    createdAt: '2026-01-11T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-grace',
    name: 'Grace Mensah',
    email: 'grace@demo.guildhall.coop',
    bio: 'Steward of this instance: grants the credit limits the community agreed. Belongs to no syndicate, so she grants none to herself.',
    place: 'Leeds',
    declaredSkills: [],
    availability: { status: 'unavailable' },
    createdAt: '2026-01-02T09:00:00.000Z',
  }),
  // Riverside Builders' other four members (it votes its rate card: "3 of 5" needs five). Only the
  // rate-card vote's browser test (rate-card-vote.test.ts) signs in as them; no other test reads them.
  // They declare no skills: four more builders would drop the construction skills out of the demo's
  // top shortages, which the shortages page's browser test reads.
  newPerson({
    id: 'demo-joost',
    name: 'Joost de Vries',
    email: 'joost@demo.guildhall.coop',
    bio: 'Bricklayer and member of Riverside Builders.',
    place: 'Rotterdam',
    declaredSkills: [],
    createdAt: '2026-01-12T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-lotte',
    name: 'Lotte Bakker',
    email: 'lotte@demo.guildhall.coop',
    bio: 'Plasterer and member of Riverside Builders.',
    place: 'Rotterdam',
    declaredSkills: [],
    createdAt: '2026-01-13T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-sanne',
    name: 'Sanne Visser',
    email: 'sanne@demo.guildhall.coop',
    bio: 'Carpenter and member of Riverside Builders.',
    place: 'Schiedam',
    declaredSkills: [],
    createdAt: '2026-01-14T09:00:00.000Z',
  }),
  newPerson({
    id: 'demo-kwame',
    name: 'Kwame Boateng',
    email: 'kwame@demo.guildhall.coop',
    bio: 'Labourer and apprentice plasterer with Riverside Builders.',
    place: 'Rotterdam',
    declaredSkills: [],
    createdAt: '2026-01-15T09:00:00.000Z',
  }),
];

/** The demo's steward (STEWARDS on one machine): she granted every demo syndicate its credit. */
export const demoSteward = 'demo-grace';
