// Learning beyond the catalogue, in Dutch (je).
import type { MessagesOf } from '../messages.ts';
import type { en } from './en.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const nl: MessagesOf<typeof en> = {
  'recommend.heading': 'Aanbevolen voor jou',
  'recommend.byGoal': (goal) => `Cursussen eerst gerangschikt op je doel (${goal}; `,
  'recommend.changeGoal': 'wijzig het',
  'recommend.byGoalRest':
    '), dan op hoeveel ze een tekort zouden verkleinen en hoe goed ze passen bij de vaardigheden die je hebt.',
  'recommend.noGoal':
    'Cursussen gerangschikt op hoeveel ze een tekort zouden verkleinen en hoe goed ze passen bij de vaardigheden die je hebt.',
  'recommend.setGoal': 'Stel een doel',
  'recommend.setGoalRest': ' om voorop te zetten waar je naartoe wilt.',
  'recommend.everyShortage': 'Alle tekorten bekijken',
  'recommend.meta': (hours, skills) =>
    `Ongeveer ${hours} uur · leert je ${skills} ${skills === 1 ? 'nieuwe vaardigheid' : 'nieuwe vaardigheden'}`,
  'recommend.allStarted':
    'Elke cursus die je iets nieuws zou leren, ben je al begonnen: je vindt ze onder ‘Lopende cursussen’.',
  'recommend.holdAll': 'Je hebt elke vaardigheid die de cursussen van het gemeengoed leren. Dank je: deel ze.',
  'recommend.openings': 'Vacatures waarvoor je nu al in aanmerking komt',
  'recommend.andMore': 'en meer op ',
  'recommend.board': 'het overzicht',
  'recommend.noOpenings':
    'Nog geen: je komt in aanmerking voor een vacature als je elke vaardigheid hebt die ze vraagt. De cursussen hierboven zijn de kortste weg daarheen.',
  'demand.asked': (positions, openings) =>
    ` ${count(positions, 'open plaats', 'open plaatsen')} in ${count(openings, 'vacature', 'vacatures')} ${positions === 1 ? 'vraagt' : 'vragen'} erom`,
  'demand.none': ' op dit moment vraagt geen open plaats erom',
  'demand.wanted': (hours) => `; leden vragen er ${hours} uur van`,
  'demand.rank': (rank, of) => `plaats ${rank} van ${of} in de tekorten`,
  'demand.score': (score, demand, supply) =>
    ` (score ${score}: ${demand} voltijdbanen voor ${supply === undefined ? 'nog niemand met de vaardigheid' : `${supply} gewogen personen`})`,
  'trend.none': 'Nog geen momentopnamen.',
  'trend.one': (value, day) => `Eén momentopname tot nu toe: ${value} op ${day}.`,
  'trend.change': (from, fromDay, direction, to, toDay) =>
    direction === 'same'
      ? `Onveranderd op ${to} van ${fromDay} tot ${toDay}.`
      : `Van ${from} op ${fromDay} ${direction === 'up' ? 'gestegen' : 'gedaald'} naar ${to} op ${toDay}.`,
  'shortageMethod.description':
    'Vraag: de resterende plaatsen van open, niet verlopen vacatures die om de vaardigheid vragen, in voltijdequivalenten (uren per week ÷ 40), gehalveerd voor elke 30 dagen sinds de vacature werd geplaatst; plus de uren die leden vragen (open verzoeken en bestellingen die nog niet geleverd zijn), waarbij 40 uur telt als één voltijdbaan, volledig zolang het verzoek open is. Aanbod: beschikbare leden met de vaardigheid (1 met een diploma, 0,5 als ze die zelf opgeven) plus cursisten die halverwege een cursus zijn die haar leert (elk 0,25). Score: vraag ÷ (aanbod + 1); hoe hoger, hoe schaarser.',
};

/** Keys whose Dutch is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
