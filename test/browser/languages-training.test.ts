// A training place's refusal on the Spanish opening form (issue 19): Bram, admin of Riverside Builders,
// names a mentor without the course's credential on /es/…/openings/new/ without JavaScript, and the
// rule's sentence shows beside the mentor field in Spanish, the course's skills named as Spanish lists them.
import { describe, expect, inject, it } from 'vitest';
import { browserForFile } from '../support/browser.ts';
import { courseNamed } from '../support/quiz.ts';
import { signIn } from '../support/sign-in.ts';

const baseUrl = inject('baseUrl');
const course = courseNamed('plasterboard-hanging-and-jointing');
const browser = browserForFile();

describe('a training place’s refusal in Spanish', () => {
  it('shows the mentor rule’s sentence in Spanish beside the mentor field, keeping what was chosen', async () => {
    const admin = await (await browser.newContext({ locale: 'en-GB', javaScriptEnabled: false })).newPage();
    await signIn(admin, baseUrl, /Bram Jansen/, '/es/syndicates/riverside-builders/openings/new/');
    await expect(admin.locator('html').getAttribute('lang')).resolves.toBe('es');
    await admin.locator('#f-title').fill(`Aprendiz de pladur ${Date.now()}`);
    await admin
      .locator('#f-description')
      .fill('Colocar y rematar placas en nuestras reformas junto a un mentor, mientras terminas el curso.');
    await admin.getByLabel('Competencia 1').selectOption('plasterboard-hanging');
    await admin.locator('#f-hoursPerWeek').fill('20');
    await admin.getByLabel('Cantidad 1').fill('15');
    await admin.getByLabel('Es una plaza de formación').check();
    await admin.locator('#f-trainingCourse').selectOption(course.id);
    // Joost is a member without the course's credential.
    await admin.locator('#f-trainingMentor').selectOption({ label: 'Joost de Vries' });
    await admin.getByRole('button', { name: 'Guardar como borrador' }).click();
    await expect(admin.locator('#e-trainingMentor').textContent()).resolves.toMatch(
      new RegExp(
        `^Para acompañar esta plaza, el mentor necesita una credencial de .+ del nivel que enseña «${course.title}» o superior\\.$`,
      ),
    );
    await expect(admin.locator('#f-trainingMentor').getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(admin.locator('#f-trainingCourse').inputValue()).resolves.toBe(course.id);
  });
});
