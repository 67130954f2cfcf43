import i18next, { type TFunction } from 'i18next';
import en from '../i18n/en/shortlist.json';
import es from '../i18n/es/shortlist.json';
import { reasonText, type ScoreLineView } from './score-reason';

const i18n = i18next.createInstance();
void i18n.init({ resources: { es: { shortlist: es }, en: { shortlist: en } }, lng: 'es', ns: ['shortlist'], interpolation: { escapeValue: false }, initAsync: false });
const t = (lang: string) => i18n.getFixedT(lang, 'shortlist') as unknown as TFunction<'shortlist'>;
const line = (code: string | null, params: unknown, explanation = 'the api sentence'): ScoreLineView => ({ factor: 'x', points: 1, maxPoints: 2, explanation, code, params });
const context = { municipality: 'La Unión Sur', gender: 'FEMALE' };
const say = (lang: string, l: ScoreLineView) => reasonText(t(lang), lang, l, context);

describe('score reasons in the reader’s language', () => {
  it('says each code with its numbers, in Spanish and English, with plurals', () => {
    expect(say('es', line('REQUIRED_SKILLS', { matched: 1, asked: 1 }))).toBe('Tiene 1 de 1 habilidad requerida');
    expect(say('es', line('REQUIRED_SKILLS', { matched: 2, asked: 3 }))).toBe('Tiene 2 de 3 habilidades requeridas');
    expect(say('en', line('REQUIRED_SKILLS', { matched: 2, asked: 3 }))).toBe('Has 2 of the 3 required skills');
    expect(say('es', line('EVALUATIONS_AVERAGE', { average: 4.6, evaluations: 3, wouldRehire: 2 }))).toBe(
      'Calificación promedio de 4,6 en 3 temporadas evaluadas; lo volverían a contratar: 2 de 3',
    );
    expect(say('en', line('EXPERIENCE', { years: 1, beyond: 0, minimum: 1 }))).toBe('1 year of experience (0 beyond the minimum of 1)');
  });

  it('keeps a year and a level as they are, and formats rates and shares through Intl', () => {
    expect(say('es', line('RETURNING_WOULD_REHIRE', { year: 2026 }))).toBe('Trabajó para su empresa en 2026, que indicó que lo volvería a contratar');
    expect(say('en', line('LANGUAGE_DESTINATION', { level: 'B1' }))).toBe('Speaks a language of the destination at level B1');
    const fairness = line('FAIRNESS', { overallRate: 12.4, municipalityRate: 0, municipalityUnderPercent: 100, genderRate: 12.4, genderUnderPercent: 0 });
    // Intl writes a no-break space before the percent sign in Spanish.
    expect(say('es', fairness)).toBe(
      'La Unión Sur: 0 viajes por cada 1000 inscritos, frente a 12,4 en todo el programa (subrepresentado en 100\u00a0%); mujeres: 12,4 viajes por cada 1000 inscritos, no por debajo de 12,4 en todo el programa',
    );
    expect(say('en', fairness)).toContain('La Unión Sur: 0 deployments per 1,000 registrants against 12.4 overall (under-represented by 100%)');
  });

  it('falls back to the api’s sentence for a line stored before codes, or a code this portal does not know', () => {
    expect(say('es', line(null, null, '3 of 3 required skills'))).toBe('3 of 3 required skills');
    expect(say('es', line('SOMETHING_NEW', { n: 1 }, 'something new'))).toBe('something new');
  });
});
