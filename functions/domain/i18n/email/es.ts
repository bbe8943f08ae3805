// Emails and notifications, written in the language the person chose, in Spanish (tú).
import { notEnactedIn } from '../work/not-enacted.ts';
import type { MessagesOf } from '../messages.ts';
import { boundIn, type en, type ProposalChange, toTheMinute } from './en.ts';

const bound = boundIn('es-ES');

const stageWords: Record<string, string> = {
  submitted: 'enviada',
  shortlisted: 'preseleccionada',
  interview: 'en entrevista',
  offered: 'con oferta',
  accepted: 'aceptada',
  declined: 'rechazada',
  withdrawn: 'retirada',
};
const stage = (word: string) => stageWords[word] ?? word;

const stageTitle = (word: string, name: string) =>
  ({
    shortlisted: `Estás en la preselección para ${name}`,
    interview: `Te invitan a una entrevista para ${name}`,
    offered: `Tienes una oferta para ${name}`,
    accepted: `Tu candidatura a ${name} fue aceptada`,
    declined: `Tu candidatura a ${name} fue rechazada`,
  })[word] ?? `Tu candidatura a ${name} ahora está ${stage(word)}`;

const movedTitle = (word: string, name: string) =>
  ({
    withdrawn: `Una persona candidata se retiró de ${name}`,
    accepted: `Una persona candidata aceptó la oferta para ${name}`,
    declined: `Una persona candidata rechazó la oferta para ${name}`,
  })[word] ?? `Una candidatura a ${name} ahora está ${stage(word)}`;

const statusWords: Record<string, string> = {
  ordered: 'pedido',
  accepted: 'aceptado',
  declined: 'rechazado',
  delivered: 'entregado',
  refunded: 'reembolsado',
  cancelled: 'cancelado',
  disputed: 'en disputa',
  confirmed: 'confirmado',
};
const orderWords = (status: string) =>
  ({
    accepted: 'fue aceptado',
    declined: 'fue rechazado',
    delivered: 'fue entregado: confírmalo, o ábrele una disputa dentro de su plazo',
    refunded: 'fue reembolsado: no se pagó nada',
    cancelled: 'fue cancelado por quien compra',
    disputed: 'está en disputa por quien compra',
    confirmed: 'fue confirmado y pagado',
  })[status] ?? `ahora está ${statusWords[status] ?? status}`;

const when = (iso: string) => (iso ? toTheMinute(iso) : 'su cierre');

const resultados = { passed: 'fue aprobada', rejected: 'fue rechazada', 'without-quorum': 'se cerró sin quórum' };

function changed({ change, subject, why }: ProposalChange): string {
  switch (change) {
    case 'nothing':
      return 'No cambió nada.';
    case 'not-enacted':
      return `No cambió nada: ${(why && notEnactedIn(why, 'es')) ?? subject}`;
    case 'sense-check':
      return 'Una consulta de opinión no cambia nada por sí misma.';
    case 'rate-card':
      return 'La tabla de tarifas propuesta es ahora la del colectivo.';
    case 'credit-limit':
      return `El límite de crédito de ${subject} es ahora el propuesto.`;
    case 'admit':
      return `${subject} fue admitido como miembro.`;
    case 'remove':
      return `${subject} dejó de ser miembro.`;
    case 'make-admin':
      return `${subject} pasó a ser administrador.`;
    case 'unmake-admin':
      return `${subject} ya no es administrador.`;
    case 'credit-policy':
      return 'La política de crédito del procomún es ahora la propuesta.';
    case 'report-closed':
      return `El informe en disputa ${subject} se cerró sin nada que pagar.`;
    case 'report-settled':
      return `El informe en disputa ${subject} se liquidó por el importe que acordó el círculo.`;
    default:
      return 'El cambio propuesto ya está en vigor.';
  }
}

export const es: MessagesOf<typeof en> = {
  'email.language.label': 'Idioma de los correos',
  'email.language.hint': 'Guildhall te escribe los avisos por correo en este idioma.',

  'email.subjectFallback': 'Novedades de Guildhall',
  'email.greeting': (name) => `Hola, ${name}:`,
  'email.open': 'Ábrelo en Guildhall',
  'email.why': (kind) => `Recibes este correo porque «${kind}» está activado en tus ajustes de correo de Guildhall.`,
  'email.stop': 'Dejar de recibir estos correos',
  'email.settings': 'Todos los ajustes de correo',

  'email.kind.application-received': 'Alguien se presenta a una oferta de un colectivo que administras',
  'email.kind.application-stage-changed': 'Tu candidatura pasa a otra fase',
  'email.kind.application-message': 'Hay un mensaje sobre una candidatura',
  'email.kind.join-request-decided': 'Se decide tu solicitud para unirte a un colectivo',
  'email.kind.co-inventor-invited': 'Te nombran coinventor',
  'email.kind.value-report-awaiting': 'Un informe de valor espera tu decisión',
  'email.kind.value-report-decided': 'Un informe de valor se confirma o se disputa',
  'email.kind.value-report-settled': 'Un informe de valor se liquida, con lo que has recibido',
  'email.kind.saved-search-match': 'Hay ofertas nuevas que coinciden con una búsqueda que guardaste',
  'email.kind.order-received': 'Alguien pide una de tus ofertas',
  'email.kind.order-changed': 'Un pedido que compraste o vendiste avanza (aceptado, entregado, confirmado…)',
  'email.kind.proposal-opened': 'Un colectivo del que formas parte abre una propuesta para que votes',
  'email.kind.proposal-closing-soon': 'Una propuesta que no has votado se cierra en menos de un día',
  'email.kind.proposal-decided': 'Se decide una propuesta que podías votar',
  'email.kind.assessment-requested':
    'Un aprendiz pide a un colectivo del que formas parte que evalúe su trabajo práctico',

  'email.unnamed.opening': 'una oferta',
  'email.unnamed.syndicate': 'un colectivo',
  'email.unnamed.innovation': 'una innovación',

  'email.applicationReceived.title': ({ name }) => `Nueva candidatura para ${name}`,
  'email.applicationReceived.summary': ({ name }) =>
    `Alguien se presentó a ${name}. Las candidaturas se ordenan por coincidencia de habilidades en la página de la oferta.`,
  'email.applicantMoved.title': ({ name, stage: word }) => movedTitle(word, name),
  'email.applicantMoved.summary': ({ name, stage: word }) => `Una candidatura a ${name} ahora está ${stage(word)}.`,
  'email.applicationStage.title': ({ name, stage: word }) => stageTitle(word, name),
  'email.applicationStage.summary': ({ name, stage: word, withMessage, withReason }) =>
    [
      `${stageTitle(word, name)}.`,
      withMessage && 'El colectivo escribió un mensaje con ello.',
      withReason && 'El colectivo dio un motivo.',
      'Léelo en la página de tu candidatura.',
    ]
      .filter(Boolean)
      .join(' '),
  'email.applicationMessage.title': ({ name }) => `Nuevo mensaje sobre ${name}`,
  'email.applicationMessage.summary': ({ name, fromApplicant }) =>
    fromApplicant
      ? `Una persona candidata a ${name} escribió en el hilo de su candidatura.`
      : `El colectivo te escribió sobre tu candidatura a ${name}.`,

  'email.joinDecided.title': ({ name, accepted }) =>
    accepted ? `Te uniste a ${name}` : `Tu solicitud para unirte a ${name} fue rechazada`,
  'email.joinDecided.summary': ({ name, accepted }) =>
    accepted ? `Tu solicitud para unirte a ${name} fue aceptada.` : `${name} rechazó tu solicitud para unirte.`,
  'email.assessmentRequested.title': ({ name }) => `Un aprendiz pide a ${name} que evalúe su trabajo práctico`,
  'email.assessmentRequested.summary': ({ name, course }) =>
    `Un aprendiz de «${course}» envió pruebas de sus tareas prácticas y pidió a ${name} que las evalúe. Tienes las credenciales para aprobarlas: esperan en la página de trabajo práctico de ${name}.`,
  'email.coInventorInvited.title': ({ name }) => `Te nombran coinventor de ${name}`,
  'email.coInventorInvited.summary': ({ name }) =>
    `Un borrador te nombra coinventor de ${name}. Acepta o rechaza los inventores y sus partes antes de que se publique.`,

  'email.reportAwaiting.title': ({ name }) => `Un informe de valor sobre ${name} espera tu decisión`,
  'email.reportAwaiting.summary': ({ name }) =>
    `Un colectivo informó del valor obtenido de ${name}. Confírmalo o disputa el informe antes de que cierre su plazo.`,
  'email.reportDecided.title': ({ name, confirmed }) =>
    `Un informe de valor sobre ${name} fue ${confirmed ? 'confirmado' : 'disputado'}`,
  'email.reportDecided.summary': ({ name, confirmed, paid }) =>
    confirmed
      ? `El informe de valor sobre ${name} fue confirmado${paid ? ' y liquidado' : ' y se puede liquidar'}.`
      : `El informe de valor sobre ${name} fue disputado; no se liquidará tal como se informó.`,
  'email.reportSettled.title': ({ name }) => `Un informe de valor sobre ${name} se liquidó`,
  'email.reportSettled.summary': ({ name, received, kept }) => {
    const said = [
      received && `recibiste ${bound(received)}`,
      kept && `tu parte como implementador es ${bound(kept)}, que guarda el colectivo`,
    ].filter(Boolean);
    return `El informe de valor sobre ${name} se liquidó${said.length > 0 ? `: ${said.join('; ')}` : ''}. Tu extracto lo muestra.`;
  },

  'email.orderReceived.title': ({ name }) => `Nuevo pedido: ${name}`,
  'email.orderReceived.summary': ({ name }) => `Alguien pidió ${name}. Acéptalo o recházalo.`,
  'email.orderChanged.title': ({ name, status }) => `Pedido ${name}: ${statusWords[status] ?? status}`,
  'email.orderChanged.summary': ({ name, status }) => `El pedido ${name} ${orderWords(status)}.`,

  'email.savedSearch.title': ({ search, count, more }) =>
    count === 1
      ? `Una nueva oferta coincide con «${search}»`
      : `${count}${more ? ' o más' : ''} ofertas nuevas coinciden con «${search}»`,
  'email.savedSearch.summary': ({ titles, rest, more }) =>
    `${titles}${rest > 0 || more ? `; y ${more ? 'más' : `${rest} más`}` : ''}.`,

  'email.proposalOpened.title': ({ syndicate, title, closesAt }) =>
    `${syndicate} vota sobre ${title}, hasta ${when(closesAt)}`,
  'email.proposalOpened.summary': ({ syndicate, title, closesAt }) =>
    `${syndicate} abrió una propuesta: ${title}. Puedes votar sí, no o abstención hasta ${when(closesAt)}, y cambiar tu voto hasta entonces.`,
  'email.proposalClosing.title': ({ title }) => `La votación sobre ${title} se cierra en menos de un día`,
  'email.proposalClosing.summary': ({ syndicate, title, closesAt }) =>
    `No has votado sobre ${title} en ${syndicate}. La votación se cierra el ${when(closesAt)}; solo se aprueba si dice sí la mitad de los miembros que pueden votar.`,
  'email.proposalChanged': changed,
  'email.proposalDecided.title': ({ title, outcome }) => `${title} ${resultados[outcome]}`,
  'email.proposalDecided.summary': (v) =>
    `La propuesta ${v.title} de ${v.syndicate} ${resultados[v.outcome]}: sí ${v.yes}, no ${v.no}, abstención ${v.abstain} de ${v.eligible} que podían votar. ${changed(v)}`,
};

/** Keys whose Spanish is rightly the same as the English (a unit, a brand, a shared word). */
export const sameAsEnglish: readonly (keyof typeof en)[] = [];
