// Learning beyond the catalogue in Spanish and Dutch: the paths to an occupation, a skill's page, the
// shortages' method and trends, a member's recommendations and starting a course, each under /es/ or
// /nl/ with the page's language declared.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';
import { commons } from '../support/services.ts';
import { apiAs, signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const browser = browserForFile();
const taught = [...commons.courses.values()][0]?.skills[0]?.skill;
if (!taught) throw new Error('the commons has no course that teaches a skill');

const newPage = async () => (await browser.newContext({ locale: 'en-GB' })).newPage();

describe('the learning pages in Spanish and Dutch', () => {
  it('lists the paths in Spanish, shows one path in Dutch, and a skill’s page in Spanish', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/es/paths/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe('Itinerarios hacia una ocupación');
    await expect(page.getByRole('button', { name: 'Ver itinerarios' }).count()).resolves.toBe(1);
    await expect(page.getByLabel('Trazado por').count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/nl/paths/electrician/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.getByRole('heading', { name: 'Cursussen, op volgorde' }).count()).resolves.toBe(1);
    await expect(page.getByRole('heading', { name: 'Vaardigheden die het vraagt' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Log in', exact: true }).count()).resolves.toBe(1);

    await page.goto(`${baseUrl}/es/learn/skills/${taught}/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.getByRole('heading', { name: 'Cursos que la enseñan' }).count()).resolves.toBe(1);
    await expect(page.locator('dl.facts dt').first().textContent()).resolves.toBe('Oficio');
  });

  it('says how a shortage score is worked out, and each trend, in Dutch', async () => {
    const page = await newPage();
    await page.goto(`${baseUrl}/nl/shortages/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.locator('main details > p').first().textContent()).resolves.toMatch(
      /^Vraag: de resterende plaatsen/,
    );
    const trend = await page.locator('.trend .words').first().textContent();
    expect(trend).toMatch(/^(Nog geen momentopnamen\.|Eén momentopname|Van \d|Onveranderd op \d)/);
  });

  it('recommends courses on my page in Dutch, asks me to start one in Spanish, and says its quiz waits in Dutch', async () => {
    const page = await newPage();
    await signIn(page, baseUrl, /Bram Jansen/, '/nl/me/');
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('nl');
    await expect(page.getByRole('heading', { name: 'Aanbevolen voor jou' }).count()).resolves.toBe(1);
    await expect(
      page.getByRole('heading', { name: 'Vacatures waarvoor je nu al in aanmerking komt' }).count(),
    ).resolves.toBe(1);
    await expect(page.locator('.recommended ol.cards li > p').first().textContent()).resolves.toMatch(
      /^(Past bij je doel|\d+ open plaats|Nog geen open plaats)/,
    );
    // A recommended course is one I have not started: its start page asks me to confirm.
    const href = await page.locator('.recommended ol.cards h3 a').first().getAttribute('href');
    const courseId = href?.match(/\/learn\/([^/]+)\//)?.[1] ?? '';
    const course = commons.courses.get(courseId);
    if (!course) throw new Error(`no recommended course on Bram's page (${href})`);
    await page.goto(`${baseUrl}/es/learn/${course.id}/enroll/`);
    await expect(page.locator('html').getAttribute('lang')).resolves.toBe('es');
    await expect(page.locator('h1').textContent()).resolves.toBe(`Empezar ${course.title}`);
    await expect(page.getByRole('button', { name: 'Empezar el curso' }).count()).resolves.toBe(1);
    await expect(page.getByRole('link', { name: 'Volver a la página del curso' }).count()).resolves.toBe(1);
    // Not started, so its quiz waits for the lessons, and says so in Dutch.
    await page.goto(`${baseUrl}/nl/learn/${course.id}/quiz/`);
    const lessons = course.lessons.length;
    await expect(page.getByRole('status').textContent()).resolves.toContain(
      `Rond eerst de lessen af voor de toets: er ${lessons === 1 ? 'is' : 'zijn'} nog ${lessons} van de ${lessons} over.`,
    );
  });

  it('quotes my goal in Spanish on the jobs board’s best match, as the recommendations do', async () => {
    // Kwame, whom no other language test signs in as, aims for a trade for the length of this test.
    await apiAs(baseUrl, 'demo-kwame', 'PUT', '/api/me/goal', { trade: 'construction', skills: [] });
    try {
      const page = await newPage();
      await signIn(page, baseUrl, /Kwame Boateng/, '/es/jobs/?sort=match');
      await expect(page.locator('main p.notice').first().textContent()).resolves.toMatch(
        /^Lo más adecuado para ti: primero las ofertas que piden aquello a lo que aspiras \(buscas trabajar en .+; cambia tu objetivo\)/,
      );
    } finally {
      await apiAs(baseUrl, 'demo-kwame', 'PUT', '/api/me/goal', { skills: [] });
    }
  });
});
