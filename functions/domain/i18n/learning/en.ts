// Learning beyond the catalogue: enrolling, practical work and its assessment, quiz results, a skill's and a practice's pages, paths, shortage wording, the restorative circle's words, problem titles.
// English is the source: es.ts and nl.ts must give every key (MessagesOf fails `tsc` otherwise).
const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const en = {
  // Recommendations on /me/.
  'recommend.heading': 'Recommended for you',
  'recommend.byGoal': (goal: string) => `Courses ranked first by your goal (${goal}; `,
  'recommend.changeGoal': 'change it',
  'recommend.byGoalRest':
    '), then by how much they would close a skill shortage and how well they fit the skills you hold.',
  'recommend.noGoal':
    'Courses ranked by how much they would close a skill shortage and how well they fit the skills you hold.',
  'recommend.setGoal': 'Set a goal',
  'recommend.setGoalRest': ' to put what you aim for first.',
  'recommend.everyShortage': 'See every shortage',
  'recommend.meta': (hours: number, skills: number) =>
    `About ${hours} hours · teaches you ${skills} new ${skills === 1 ? 'skill' : 'skills'}`,
  'recommend.allStarted':
    'Every course that would teach you something new is one you have started: see them under “Courses in progress”.',
  'recommend.holdAll': "You hold every skill the commons' courses teach. Thank you: share it.",
  'recommend.openings': 'Openings you qualify for now',
  'recommend.andMore': 'and more on ',
  'recommend.board': 'the board',
  'recommend.noOpenings':
    'None yet: you qualify for an opening when you hold every skill it asks for. The courses above are the shortest way there.',
  // A course's skills in demand (SkillDemand, a server island on course pages).
  'demand.asked': (positions: number, openings: number) =>
    ` ${count(positions, 'open position', 'open positions')} in ${count(openings, 'opening', 'openings')} ask for it`,
  'demand.none': ' no open position asks for it right now',
  'demand.wanted': (hours: number) => `; members want ${count(hours, 'hour', 'hours')} of it`,
  'demand.rank': (rank: number, of: number) => `shortage rank ${rank} of ${of}`,
  'demand.score': (score: string, demand: string, supply: string | undefined) =>
    ` (score ${score}: ${demand} full-time positions for ${supply === undefined ? 'no one who has the skill yet' : `${supply} weighted people`})`,
  // A trend in words (TrendLine, on /shortages/).
  'trend.none': 'No snapshots yet.',
  'trend.one': (value: string, day: string) => `One snapshot so far: ${value} on ${day}.`,
  'trend.change': (from: string, fromDay: string, direction: 'up' | 'down' | 'same', to: string, toDay: string) =>
    `From ${from} on ${fromDay}, ${direction === 'same' ? 'unchanged at' : direction === 'up' ? 'up to' : 'down to'} ${to} on ${toDay}.`,
  // How a shortage score is worked out (shortageMethod.description, on /shortages/).
  'shortageMethod.description':
    'Demand: remaining positions of open, unexpired openings asking for the skill, in full-time equivalents (hours per week ÷ 40), halved for every 30 days since the opening was posted; plus the hours members want (open wants, and orders not yet delivered), 40 hours counting as one full-time position, in full while the want is open. Supply: available members holding the skill (1 with a credential, 0.5 self-declared) plus learners part-way through a course that teaches it (0.25 each). Score: demand ÷ (supply + 1); the higher, the scarcer.',
};
