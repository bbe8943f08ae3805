// Learning beyond the catalogue: enrolling, practical work and its assessment, quiz results, a skill's and a practice's pages, paths, shortage wording, problem titles.
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
    'Demand: remaining positions of open, unexpired openings asking for the skill, in full-time equivalents (hours per week ÷ 40), halved for every 30 days since the opening was posted; plus the hours members want (open wants, and orders not yet delivered), 40 hours counting as one full-time position, in full while the want is open. Supply: available members holding the skill (1 with a credential, 0.5 self-declared) plus learners part-way through a course that teaches it (0.25 each), or 0.5 each for learners in a filled training place for that course, who work beside a mentor holding it (counted once, as trainees instead of learners). Score: demand ÷ (supply + 1); the higher, the scarcer.',

  // Starting a course (learn/[course]/enroll).
  'enroll.noSuchCourse': 'No such course.',
  'enroll.title': (course: string) => `Start ${course}`,
  'enroll.text': (name: string | undefined, lessons: number, hours: number) =>
    `You are signed in${name ? ` as ${name}` : ''}, and not yet enrolled in this course. Start it to keep your place: ${lessons} lessons, about ${hours} hours, then a quiz. Your profile shows how far you are.`,
  'enroll.start': 'Start the course',
  'enroll.back': 'Back to the course page',
  // A quiz's latest attempt (learn/[course]/quiz/result).
  'quizResult.title': (course: string) => `Quiz result · ${course}`,
  'quizResult.crumb': 'Quiz result',
  'quizResult.heading': 'Your result',
  'quizResult.passed': 'You passed.',
  'quizResult.failed': 'Not this time.',
  'quizResult.score': (correct: number, total: number, attempt: number) =>
    `${correct} of ${total} right (attempt ${attempt}).`,
  'quizResult.credentialReady': (course: string) => `Your credential for ${course} is ready:`,
  'quizResult.download': 'download your credential',
  'quizResult.share': 'Share ',
  'quizResult.publicPage': 'its public page',
  'quizResult.shareRest': ' (with badge images and an “Add to LinkedIn” link); ',
  'quizResult.verify': 'Anyone can check it on the ',
  'quizResult.verifyPage': 'verification page',
  'quizResult.practical': (tasks: number) =>
    `The credential for this course also needs its ${tasks} practical tasks signed off by an assessor from a syndicate of the trade: `,
  'quizResult.sendEvidence': 'send your evidence',
  'quizResult.eachQuestion': 'Below, each question says whether your answer was right. ',
  'quizResult.revisit': 'Revisit the lessons',
  'quizResult.revisitRest': ' before you try again.',
  'quizResult.wait': (minutes: number) =>
    `You have failed this quiz twice in a row. You can try again in ${count(minutes, 'minute', 'minutes')}.`,
  'quizResult.tryAgain': 'Try again',
  'quizResult.tryAgainRest': ' with newly drawn questions.',
  'quizResult.byQuestion': 'Question by question',
  'quizResult.right': 'Right:',
  'quizResult.notRight': 'Not right:',
  'quizResult.chose': (choice: string | undefined) => ` you chose “${choice ?? 'nothing'}”.`,
  'quizResult.answer': (answer: string) => ` The answer is “${answer}”.`,
  // A learner's practical work on a course (learn/[course]/practical).
  'practical.noSuchCourse': 'No such course with practical tasks.',
  'practical.choosePhoto': 'Choose a photo (JPEG or PNG) to add.',
  'practical.photoTooBig': (most: string, size: string) => `A photo may be at most ${most}; this one is ${size}.`,
  'practical.status.todo': 'No evidence yet',
  'practical.status.waiting': (syndicate: string) => `Waiting for an assessor from ${syndicate}`,
  'practical.status.askOne': 'Evidence sent; ask a syndicate below',
  'practical.status.moreAsked': 'The assessor asked for more',
  'practical.status.signedOff': 'Signed off',
  'practical.title': (course: string) => `Practical tasks · ${course}`,
  'practical.heading': 'Practical tasks',
  'practical.lede': (trade: string) =>
    `Show each task to an assessor from a ${trade.toLowerCase()} syndicate, in person or by video, and send your evidence here. An assessor holds the task’s skills by credential, is not you, and is not weighing an application of yours. The credential is issued with the last sign-off.`,
  'practical.saved': 'Saved.',
  'practical.asked': 'Asked: the syndicate’s assessors can see your evidence now.',
  'practical.credential': 'Every task is signed off and the credential is yours: ',
  'practical.seeIt': 'see it',
  'practical.passFirst': 'Pass ',
  'practical.theQuiz': 'the course’s quiz',
  'practical.passFirstRest': ' first; then send evidence for each task.',
  'practical.reviewed': (signedOff: boolean) => `${signedOff ? 'Signed off' : 'Asked for more'} on `,
  'practical.photo': (size: string) => `Photo (${size})`,
  'practical.removePhoto': 'Remove this photo',
  'practical.description': 'What you did, and how the assessor saw it',
  'practical.descriptionHint': 'At least 20 characters.',
  'practical.links': 'Links',
  'practical.linksHint': 'One web address a line, at most 5 (a video, say).',
  'practical.save': 'Save evidence',
  'practical.addPhoto': 'Add a photo',
  'practical.addPhotoHint': (most: string) => `JPEG or PNG, at most ${most}; where it was taken is removed.`,
  'practical.addThePhoto': 'Add the photo',
  'practical.ask': 'Ask a syndicate to assess',
  'practical.askedOne': 'Asked: ',
  'practical.askedRest': '. Asking another moves your work to its assessors; sign-offs given stay.',
  'practical.ofTrade': (trade: string) => `A ${trade.toLowerCase()} syndicate`,
  'practical.syndicateId': 'The syndicate’s id',
  'practical.syndicateIdHint': 'The last part of its address, such as riverside-builders: ',
  'practical.findOne': 'find one',
  'practical.askButton': 'Ask for an assessment',
  // A skill's page and a practice guide's page (learn/skills/[skill], learn/practices/[practice]).
  'skill.id': 'Id',
  'skill.courses': 'Courses that teach it',
  'skill.noCourse': 'No course teaches this skill yet.',
  'skill.related': 'Related skills',
  // Paths to an occupation (paths/).
  'paths.description': 'The skills each occupation needs and the commons courses that teach them, in order.',
  'paths.lede':
    'Each path lists the skills an occupation needs, the courses of the commons that teach them in the order their prerequisites impose, and the open positions asking for them. Sign in to see what you already hold and set a path as your goal.',
  'paths.filters': 'Filter paths',
  'paths.mappedBy': 'Mapped by',
  'paths.anyone': 'Anyone',
  'paths.theCommons': 'The commons',
  'paths.escoAlone': 'ESCO alone',
  'paths.show': 'Show paths',
  'paths.yourGoal': ' Your goal',
  'paths.byCommons': (trade: string | undefined) => `Mapped by the commons${trade ? ` · ${trade}` : ''}`,
  'paths.fromEsco': 'Skills from ESCO',
  'paths.counts': (skills: number, taught: number) =>
    `${count(skills, 'skill', 'skills')}, ${taught} taught by a commons course`,
  'paths.none': 'No path matches these filters. ',
  'paths.seeEvery': 'See every path',
  'paths.pages': 'Pages of paths',
  'paths.esco':
    'Occupations and skills marked ESCO come from ESCO, the European Commission’s classification of skills and occupations, used under ',
  // One path (paths/[path]).
  'path.description': (path: string) => `The skills a ${path} needs and the commons courses that teach them.`,
  'path.crumb': 'Paths',
  'path.byCommons': 'Skills mapped by the commons',
  'path.inEsco': 'The occupation in ESCO',
  'path.goalSet': 'This path is now your goal.',
  'path.goalCleared': 'This path is no longer your goal.',
  'path.progress': 'Your progress',
  'path.hold': (held: number, needed: number) => `You hold ${held} of ${needed} skills`,
  'path.holdRest': ' this path needs.',
  'path.heldOf': (held: number, needed: number) => `${held} of ${needed}`,
  'path.nextCourse': 'Next course: ',
  'path.allDone': 'You have done every course on this path.',
  'path.isGoal': 'This path is your goal. ',
  'path.stopAiming': 'Stop aiming for it',
  'path.setGoal': 'Set as my goal',
  'path.signIn': 'Sign in',
  'path.signInRest': ' to see which of these skills you hold and to set this path as your goal.',
  'path.courses': 'Courses, in order',
  'path.hours': (hours: number) => `${hours} h`,
  'path.done': ' Done',
  'path.neededFirst': ' (needed first by a later course)',
  'path.noCourse': 'No course of the commons teaches these skills yet: the commons is open to contributions.',
  'path.skills': 'Skills it needs',
  'path.escoSkill': 'ESCO skill',
  'path.heldCredential': 'Held: credential',
  'path.heldDeclared': 'Held: declared',
  'path.taughtIn': 'Taught in ',
  'path.notTaught': 'No commons course teaches it yet',
  'path.openings': 'Open positions asking for these skills',
  'path.searchDown': 'Search is unavailable just now, so open positions cannot be listed: try again in a minute.',
  'path.noOpenings': 'No open position asks for these skills just now. ',
  'path.jobBoard': 'See the job board',
  'path.openingPages': 'Pages of open positions',
  'path.esco': 'ESCO occupations and skills: ESCO, the European Commission’s classification, used under ',
  'path.none': 'No such path',
  'path.noneText': (id: string) => `There is no path “${id}”. `,
  // One learner's practical work as an assessor sees it (practical-work/[person]/[course]).
  'assess.notFound': 'No such practical work for you to see.',
  'assess.crumb': (syndicate: string) => `${syndicate}: practical work`,
  'assess.reviewed': 'Your review is recorded.',
  'assess.issued': 'Every task is signed off: the credential is issued.',
  'assess.credential': 'The credential is issued: ',
  'assess.publicPage': 'its public page',
  'assess.status.signedOff': 'Signed off',
  'assess.status.moreAsked': 'More asked for',
  'assess.status.submitted': 'Waiting for review',
  'assess.status.todo': 'No evidence yet',
  'assess.lookFor': 'What to look for:',
  'assess.photo': (n: number) => `Photo ${n}`,
  'assess.yours': 'Your assessment',
  'assess.signOff': ' Sign off: I saw it done right',
  'assess.askMore': ' Ask for more',
  'assess.comment': 'What you saw, or what is missing',
  'assess.commentHint':
    'At least 10 characters; the learner reads it, and a sign-off’s comment goes into the credential.',
  'assess.record': 'Record my assessment',
  // The practical work waiting for a syndicate (syndicates/[id]/practical-work).
  'toAssess.notFound': 'No such syndicate of yours.',
  'toAssess.title': (syndicate: string) => `Practical work to assess · ${syndicate}`,
  'toAssess.crumb': 'Practical work',
  'toAssess.heading': 'Practical work to assess',
  'toAssess.lede': (syndicate: string) =>
    `Learners who passed a course’s quiz asked ${syndicate} to assess their practical tasks. Watch the work in person or by video, then sign it off or ask for more. You may assess a task if you hold its skills by credential at the course’s level, it is not your own, and the learner has no open application to ${syndicate}.`,
  'toAssess.none': 'Nothing waits for an assessment.',
  'toAssess.asked': 'Asked ',
  'toAssess.waiting': (n: number) => ` · ${n} ${n === 1 ? 'task waits' : 'tasks wait'}`,
  'toAssess.pages': 'Pages of practical work',
  // Taking a quiz (learn/[course]/quiz): what the core's `quiz.*` does not say.
  'quizPage.notAForm': 'These answers did not arrive as the quiz form: answer the questions below and submit again.',
  'quizPage.stale':
    'These answers were for questions that are no longer waiting (the quiz was submitted in another tab, or its questions changed). Here is the quiz as it stands now.',
  'quizPage.lessonsLeft': (left: number, of: number) =>
    `Finish the lessons before the quiz: ${left} of ${of} ${left === 1 ? 'is' : 'are'} left.`,
  'quizPage.next': ' Next: ',
  'quizPage.meanwhile': ' Meanwhile, ',
  'quizPage.revisit': 'revisit the lessons',
  'quizPage.unanswered': 'Some questions have no answer',
  'quizPage.question': (n: number) => `Question ${n}`,
  'quizPage.needsAnswer': ' needs an answer.',
  'quizPage.chooseOne': 'Choose one answer.',
  'quizPage.submit': 'Submit my answers',
  // A goal and a recommendation's reason in words (site/src/lib/recommendation-words.ts; the API's are
  // domain/shortages/reason-words.ts, which a unit test holds these to).
  'words.and': ' and ',
  'goalWords.path': (label: string) => `for the ${label} path`,
  'goalWords.trade': (label: string) => `to work in ${label.toLowerCase()}`,
  'goalWords.skills': (list: string) => `for ${list}`,
  'goalWords.phrase': (parts: string) => `you aim ${parts}`,
  'reason.asked': (positions: number, syndicates: number, skill: string) =>
    `${count(positions, 'open position', 'open positions')} in ${count(syndicates, 'syndicate', 'syndicates')} ${positions === 1 ? 'asks' : 'ask'} for ${skill}`,
  'reason.noneAsked': 'no open position asks for what it teaches yet',
  'reason.needsNothing': 'it needs no earlier skills',
  'reason.holdPrerequisites': (held: number, total: number) =>
    `you hold ${held} of its ${count(total, 'prerequisite', 'prerequisites')}`,
  'reason.buildsOn': (skill: string) => `it builds on ${skill}, which you hold`,
  'reason.unlocks': (openings: number) =>
    `after this course you would qualify for ${count(openings, 'more opening', 'more openings')}`,
  'reason.alreadyHold': (skills: number) => `you already hold ${skills} of what it teaches`,
  'reason.inShortage': (list: string, n: number) => `${list} ${n === 1 ? 'is' : 'are'} in shortage`,
  'reason.because': (goal: string, list: string) => `because ${goal}, it teaches ${list}`,
  // A course page's training places (CourseTrainingPlaces.astro) and the shortage table's supply with trainees.
  'courseTraining.heading': 'Train with a syndicate',
  'courseTraining.lede': (course: string) =>
    `Syndicates take learners of “${course}” into training places, to work beside a mentor while they finish it.`,
  'courseTraining.all': (total: number | undefined) =>
    total === undefined ? 'Every training place for this course' : `All ${total} training places for this course`,
  'courseTraining.fallback': (course: string) => `Training places for learners of “${course}”`,
  'shortages.supplyPartsTrainees': 'Supply: credentialed, declared, learning, in training places',
  // The catalogue's courses from the commons this one follows (issue 20).
  // The region on /shortages/ (issue 20): this commons and the commons it follows.
  'shortages.regionHeading': 'In the region',
  'shortages.regionLede':
    'This commons and the commons it follows, each by its own figures: a skill counts once across them, with each commons’ part. The score is the same formula over the sums.',
  'shortages.regionHere': (host: string) => `${host} (here, today)`,
  'shortages.regionInstance': (host: string, date: string, members: number, positions: number) =>
    `${host}: ${date}, ${count(members, 'member', 'members')}, ${count(positions, 'open position', 'open positions')}`,
  'shortages.regionCaption': 'The region’s scarcest skills, with each commons’ part',
  'shortages.regionParts': 'Each commons’ part',
  'shortages.regionPart': (host: string, demand: string, supply: string) =>
    `${host}: demand ${demand}, supply ${supply}`,
  'shortages.regionPages': 'Pages of the commons followed',
  'learn.remoteHeading': 'From the commons we follow',
  'learn.remoteLede':
    'Courses and practice guides other Guildhall commons publish. Each opens on its own commons, where you enrol.',
  'learn.remoteAt': (host: string) => `At ${host}`,
  'learn.remoteCourse': 'Course',
  'learn.remoteGuide': 'Practice guide',
  'learn.remotePages': 'Pages of courses from other commons',
};
