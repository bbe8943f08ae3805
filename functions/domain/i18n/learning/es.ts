// Learning beyond the catalogue, in Spanish (tú).
import type { MessagesOf } from '../messages.ts';
import type { en } from './en.ts';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const es: MessagesOf<typeof en> = {
  'recommend.heading': 'Recomendado para ti',
  'recommend.byGoal': (goal) => `Cursos ordenados primero según tu objetivo (${goal}; `,
  'recommend.changeGoal': 'cámbialo',
  'recommend.byGoalRest':
    '), después según cuánto ayudarían a cubrir una carencia y cuánto encajan con las habilidades que tienes.',
  'recommend.noGoal':
    'Cursos ordenados según cuánto ayudarían a cubrir una carencia y cuánto encajan con las habilidades que tienes.',
  'recommend.setGoal': 'Fíjate un objetivo',
  'recommend.setGoalRest': ' para poner primero lo que buscas.',
  'recommend.everyShortage': 'Ver todas las carencias',
  'recommend.meta': (hours, skills) =>
    `Unas ${hours} horas · te enseña ${skills} ${skills === 1 ? 'habilidad nueva' : 'habilidades nuevas'}`,
  'recommend.allStarted':
    'Todos los cursos que te enseñarían algo nuevo ya los has empezado: los tienes en «Cursos en curso».',
  'recommend.holdAll': 'Ya tienes todas las habilidades que enseñan los cursos del procomún. Gracias: compártelas.',
  'recommend.openings': 'Vacantes para las que ya cumples los requisitos',
  'recommend.andMore': 'y más en ',
  'recommend.board': 'el tablón',
  'recommend.noOpenings':
    'Ninguna todavía: cumples los requisitos de una vacante cuando tienes todas las habilidades que pide. Los cursos de arriba son el camino más corto.',
  'demand.asked': (positions, openings) =>
    ` la piden ${count(positions, 'puesto abierto', 'puestos abiertos')} en ${count(openings, 'vacante', 'vacantes')}`,
  'demand.none': ' ningún puesto abierto la pide ahora mismo',
  'demand.wanted': (hours) => `; los miembros piden ${count(hours, 'hora', 'horas')}`,
  'demand.rank': (rank, of) => `puesto ${rank} de ${of} en carencias`,
  'demand.score': (score, demand, supply) =>
    ` (puntuación ${score}: ${demand} puestos a jornada completa para ${supply === undefined ? 'nadie que ya tenga la habilidad' : `${supply} personas ponderadas`})`,
  'trend.none': 'Aún no hay instantáneas.',
  'trend.one': (value, day) => `Una sola instantánea por ahora: ${value} el ${day}.`,
  'trend.change': (from, fromDay, direction, to, toDay) =>
    direction === 'same'
      ? `Sin cambios en ${to} desde el ${fromDay} hasta el ${toDay}.`
      : `De ${from} el ${fromDay} ${direction === 'up' ? 'sube' : 'baja'} a ${to} el ${toDay}.`,
  'shortageMethod.description':
    'Demanda: puestos que quedan por cubrir en vacantes abiertas y vigentes que piden la habilidad, en equivalentes a jornada completa (horas por semana ÷ 40), reducidos a la mitad por cada 30 días desde que se publicó la vacante; más las horas que piden los miembros (peticiones abiertas y pedidos aún sin entregar), donde 40 horas cuentan como un puesto a jornada completa, enteras mientras la petición siga abierta. Oferta: miembros disponibles que tienen la habilidad (1 con credencial, 0,5 si la declaran ellos mismos) más quienes están a mitad de un curso que la enseña (0,25 cada uno). Puntuación: demanda ÷ (oferta + 1); cuanto más alta, más escasa.',
};

/** Keys whose Spanish is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
