import { DomainException } from '@puente/common';
import type { PublicJobOrderModel } from './graphql/public-job-order.model';
import {
  cdataSafe,
  escapeHtml,
  etagOf,
  feedItemData,
  feedItemHtml,
  feedItemText,
  feedLanguage,
  longDate,
  matchesEtag,
  orderUrl,
} from './job-order-feed.rules';

const order = (overrides: Partial<PublicJobOrderModel> = {}): PublicJobOrderModel => ({
  reference: 'JO-2026-000123',
  title: 'Ordeñador',
  occupation: { iscoCode: '9212', title: 'Livestock farm labourers', sector: 'LIVESTOCK', nocCodes: ['85100'], socCodes: ['45-2093'] },
  destinationOccupationSystem: 'NOC_2021',
  destinationOccupationCode: '85100',
  country: 'CA',
  workRegion: { code: 'CA-QC', country: 'CA', name: 'Quebec' } as PublicJobOrderModel['workRegion'],
  workCity: 'Saint-Hyacinthe',
  hourlyWage: 16.1,
  currency: 'CAD',
  hoursPerWeek: 45,
  startDate: '2026-09-01',
  endDate: '2027-08-30',
  durationWeeks: 52,
  positions: 12,
  housingProvided: true,
  housingDescription: 'Bunkhouse <for> 24 & more',
  employerPaysRecruitment: true,
  employerPaysTravel: true,
  approvedOn: '2026-06-15',
  approvedAt: new Date('2026-06-15T16:00:00Z'),
  employer: {
    legalName: 'Ferme Lévesque inc.',
    tradeName: 'Les Serres Lévesque',
    country: 'CA',
    region: { code: 'CA-QC', country: 'CA', name: 'Quebec' } as PublicJobOrderModel['workRegion'],
    city: 'Saint-Hyacinthe',
    sector: 'LIVESTOCK',
    program: 'CA_SAWP',
    programReference: '9012345',
    verifiedOn: '2026-01-10',
  },
  ...overrides,
});

describe('feedLanguage', () => {
  it('is Spanish by default, English on lang=en, in any case', () => {
    expect(feedLanguage(undefined)).toBe('es');
    expect(feedLanguage('')).toBe('es');
    expect(feedLanguage('es')).toBe('es');
    expect(feedLanguage('en')).toBe('en');
    expect(feedLanguage('EN')).toBe('en');
  });

  it('refuses any other language, or the parameter twice, naming lang', () => {
    for (const lang of ['fr', ['en', 'es'], 'en-US']) {
      let error: unknown;
      try {
        feedLanguage(lang);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(DomainException);
      expect((error as DomainException).fields).toEqual([{ field: 'lang', message: 'must be es or en' }]);
    }
  });
});

describe('longDate', () => {
  it('writes a day as people read it, in Spanish and English, first and last month included', () => {
    expect(longDate('2026-09-01', 'es')).toBe('1 de septiembre de 2026');
    expect(longDate('2026-09-01', 'en')).toBe('1 September 2026');
    expect(longDate('2027-01-31', 'es')).toBe('31 de enero de 2027');
    expect(longDate('2027-12-05', 'en')).toBe('5 December 2027');
  });
});

describe('feedItemText', () => {
  it('says the job, employer, program, place, pay, dates, positions and housing in Spanish', () => {
    const text = feedItemText(order(), 'es');
    expect(text.title).toBe('Ordeñador: Les Serres Lévesque (Ferme Lévesque inc.), Saint-Hyacinthe, Quebec, Canadá');
    expect(text.summary).toBe(
      'Ordeñador en Saint-Hyacinthe, Quebec, Canadá: 16.10 CAD por hora, desde el 1 de septiembre de 2026. Empleador verificado: Les Serres Lévesque (Ferme Lévesque inc.).',
    );
    expect(text.lines).toEqual([
      'Empleador verificado por el Ministerio de Trabajo: Les Serres Lévesque (Ferme Lévesque inc.), Saint-Hyacinthe, Quebec, Canadá.',
      'Programa: Programa de Trabajadores Agrícolas Estacionales (SAWP, Canadá); referencia 9012345.',
      'Ocupación: Livestock farm labourers (CIUO-08 9212).',
      'Lugar de trabajo: Saint-Hyacinthe, Quebec, Canadá.',
      'Salario: 16.10 CAD por hora, 45 horas por semana.',
      'Del 1 de septiembre de 2026 al 30 de agosto de 2027 (52 semanas).',
      'Puestos: 12.',
      'Vivienda: la proporciona el empleador (Bunkhouse <for> 24 & more).',
      'El empleador paga el reclutamiento y el viaje de ida y vuelta. Usted nunca paga una tarifa a nadie por este empleo: si alguien le pide dinero, es fraude; denúncielo al Ministerio de Trabajo.',
      'Referencia de la orden: JO-2026-000123, aprobada el 15 de junio de 2026.',
    ]);
  });

  it('says the same in English', () => {
    const text = feedItemText(order(), 'en');
    expect(text.summary).toBe('Ordeñador in Saint-Hyacinthe, Quebec, Canada: 16.10 CAD an hour, from 1 September 2026. Verified employer: Les Serres Lévesque (Ferme Lévesque inc.).');
    expect(text.lines).toContain('Program: Seasonal Agricultural Worker Program (SAWP, Canada); reference 9012345.');
    expect(text.lines).toContain('From 1 September 2026 to 30 August 2027 (52 weeks).');
    expect(text.lines).toContain(
      'The employer pays recruitment and travel both ways. You never pay a fee to anyone for this job: whoever asks you for money is committing fraud; report it to the Ministry of Labour.',
    );
  });

  it('names the employer by its legal name alone when it has no other trade name', () => {
    const employer = { ...order().employer, tradeName: null };
    expect(feedItemText(order({ employer }), 'es').title).toBe('Ordeñador: Ferme Lévesque inc., Saint-Hyacinthe, Quebec, Canadá');
    expect(feedItemText(order({ employer: { ...employer, tradeName: employer.legalName } }), 'en').title).toBe(
      'Ordeñador: Ferme Lévesque inc., Saint-Hyacinthe, Quebec, Canada',
    );
  });

  it('says when housing is not provided, or provided without a description', () => {
    expect(feedItemText(order({ housingProvided: false, housingDescription: null }), 'es').lines).toContain('Vivienda: el empleador no la proporciona.');
    expect(feedItemText(order({ housingProvided: false, housingDescription: null }), 'en').lines).toContain('Housing: not provided by the employer.');
    expect(feedItemText(order({ housingDescription: null }), 'en').lines).toContain('Housing: provided by the employer.');
  });

  it('claims the Employer Pays Principle only when the order declares both recruitment and travel paid', () => {
    for (const unpaid of [{ employerPaysRecruitment: false }, { employerPaysTravel: false }]) {
      const es = feedItemText(order(unpaid), 'es').lines.join(' ');
      expect(es).toContain('Atención: esta orden no declara que el empleador pague el reclutamiento y el viaje.');
      expect(es).not.toContain('Usted nunca paga');
      expect(feedItemText(order(unpaid), 'en').lines.join(' ')).toContain('Warning: this order does not declare');
    }
  });

  it('writes the wage with two decimals, and a US order in US words', () => {
    const us = order({ country: 'US', currency: 'USD', hourlyWage: 15, workRegion: { code: 'US-FL', country: 'US', name: 'Florida' } as PublicJobOrderModel['workRegion'] });
    expect(feedItemText({ ...us, employer: { ...us.employer, program: 'US_H2A' } }, 'es').lines).toEqual(
      expect.arrayContaining(['Salario: 15.00 USD por hora, 45 horas por semana.', 'Lugar de trabajo: Saint-Hyacinthe, Florida, Estados Unidos.']),
    );
  });
});

describe('feedItemHtml and escapeHtml', () => {
  it('escapes every line, the employer’s own words included', () => {
    expect(escapeHtml(`<script>alert("x") & 'y'</script>`)).toBe('&lt;script&gt;alert(&quot;x&quot;) &amp; &#39;y&#39;&lt;/script&gt;');
    const html = feedItemHtml({ title: 't', summary: 's', lines: ['a <b>', 'c & d'] });
    expect(html).toBe('<p>a &lt;b&gt;</p><p>c &amp; d</p>');
  });
});

describe('cdataSafe', () => {
  it('parts a CDATA terminator and drops the control characters XML forbids, keeping the rest', () => {
    expect(cdataSafe('a]]>b]]>c')).toBe('a]] >b]] >c');
    expect(cdataSafe('tab\tline\nend\u0001\u001F')).toBe('tab\tline\nend');
    expect(cdataSafe('Ordeñador – café')).toBe('Ordeñador – café');
  });
});

describe('orderUrl', () => {
  it("is the api's address of the order on PUBLIC_URL", () => {
    expect(orderUrl('https://puente.trabajo.gob.sv', 'JO-2026-000123')).toBe('https://puente.trabajo.gob.sv/feeds/job-orders/JO-2026-000123.json');
  });
});

describe('etagOf and matchesEtag', () => {
  it('gives the same tag to the same bytes and another to other bytes', () => {
    expect(etagOf('abc')).toBe(etagOf('abc'));
    expect(etagOf('abc')).not.toBe(etagOf('abd'));
    expect(etagOf('abc')).toMatch(/^"[\w-]{32}"$/);
  });

  it('matches the tag among several, weak or strong, and *; nothing else', () => {
    const tag = etagOf('abc');
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"other", W/${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag(['"other"', tag], tag)).toBe(true);
    expect(matchesEtag('"other"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
    expect(matchesEtag('', tag)).toBe(false);
  });
});

describe('feedItemData', () => {
  it('carries the public order and employer in snake_case, and nothing else', () => {
    const data = feedItemData(order());
    expect(Object.keys(data).sort()).toEqual(
      [
        'approved_on', 'city', 'country', 'currency', 'destination_occupation_code', 'destination_occupation_system', 'duration_weeks', 'employer',
        'employer_pays_recruitment', 'employer_pays_travel', 'end_date', 'hourly_wage', 'hours_per_week', 'housing_description', 'housing_provided',
        'isco_code', 'occupation_title', 'positions', 'reference', 'region_code', 'region_name', 'start_date', 'title',
      ].sort(),
    );
    expect(data['employer']).toEqual({
      legal_name: 'Ferme Lévesque inc.',
      trade_name: 'Les Serres Lévesque',
      country: 'CA',
      region_code: 'CA-QC',
      region_name: 'Quebec',
      city: 'Saint-Hyacinthe',
      sector: 'LIVESTOCK',
      program: 'CA_SAWP',
      program_reference: '9012345',
      verified_on: '2026-01-10',
    });
  });
});
