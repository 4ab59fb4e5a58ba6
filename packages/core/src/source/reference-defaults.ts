// Editable defaults seeded from the Source reference notes (../shared/reference/source/ when
// present), each with its source and evidence grade so the page can show them. Never truth:
// the rate-card figures are all vendor marketing ("weak").

export type EvidenceGrade = 'solid' | 'moderate' | 'weak' | 'assumption';

export interface ReferenceDefault {
  readonly key: string;
  readonly country: string | null;
  readonly low: number;
  readonly high: number;
  readonly unit: string;
  readonly currency: string | null;
  readonly year: string;
  readonly source: string;
  readonly grade: EvidenceGrade;
}

export const REFERENCE_DEFAULTS: readonly ReferenceDefault[] = [
  {
    key: 'wage-hourly',
    country: 'DE',
    low: 11.59,
    high: 11.59,
    unit: 'per hour gross',
    currency: 'EUR',
    year: '2017',
    source:
      'https://www.callcenterprofi.de/branchennews/detailseite/veroeffentlicht-die-grosse-contact-center-gehaltsstudie-2017-20175485/',
    grade: 'moderate',
  },
  {
    key: 'wage-hourly',
    country: 'PH',
    low: 2,
    high: 3,
    unit: 'per hour base',
    currency: 'USD',
    year: '2024',
    source:
      'https://info.siteselectiongroup.com/blog/labor-cost-comparison-of-nearshore-and-offshore-call-center-locations',
    grade: 'moderate',
  },
  {
    key: 'on-cost-rate',
    country: 'PH',
    low: 0.4,
    high: 0.5,
    unit: 'fraction of base',
    currency: null,
    year: '2024',
    source:
      'https://info.siteselectiongroup.com/blog/labor-cost-comparison-of-nearshore-and-offshore-call-center-locations',
    grade: 'moderate',
  },
  {
    key: 'on-cost-rate',
    country: 'LV',
    low: 0.2359,
    high: 0.2359,
    unit: 'fraction of gross',
    currency: null,
    year: '2025',
    source: 'https://mindlink.lv/useful/national-social-insurance-rates',
    grade: 'moderate',
  },
  {
    key: 'on-cost-rate',
    country: 'HU',
    low: 0.13,
    high: 0.13,
    unit: 'fraction of gross',
    currency: null,
    year: '2025',
    source: 'https://everest.hu/hu/wage-contributions-in-hungary',
    grade: 'moderate',
  },
  {
    key: 'on-cost-rate',
    country: 'IL',
    low: 0.1605,
    high: 0.2,
    unit: 'fraction of gross',
    currency: null,
    year: 'n.d.',
    source: 'https://www.cpa-dray.com/en/blog/what-are-the-employer-contributions-in-israel/',
    grade: 'moderate',
  },
  {
    key: 'benefits-share',
    country: 'US',
    low: 0.295,
    high: 0.295,
    unit: 'fraction of total compensation',
    currency: null,
    year: '2024',
    source: 'https://www.bls.gov/news.release/ecec.nr0.htm',
    grade: 'solid',
  },
  {
    key: 'night-premium',
    country: 'PH',
    low: 0.1,
    high: 0.1,
    unit: 'fraction of hourly wage, 22:00–06:00',
    currency: null,
    year: '2016',
    source: 'http://online.flipbuilder.com/awdz/onjr/files/basic-html/page37.html',
    grade: 'solid',
  },
  {
    key: 'vendor-rate-hourly',
    country: 'PH',
    low: 6,
    high: 14,
    unit: 'per agent hour',
    currency: 'USD',
    year: '2021',
    source:
      'https://www.bworldonline.com/spotlight/2021/12/17/418231/call-center-outsourcing-philippines-done-right/',
    grade: 'weak',
  },
  {
    key: 'vendor-rate-minute',
    country: 'PH',
    low: 0.35,
    high: 0.45,
    unit: 'per talk minute',
    currency: 'USD',
    year: 'n.d.',
    source:
      'https://www.magellan-solutions.com/blog/what-are-the-ideal-outsourced-phone-support-contracts-for-smes/',
    grade: 'weak',
  },
  {
    key: 'vendor-rate-hourly',
    country: 'DE',
    low: 22,
    high: 28,
    unit: 'per agent hour, inbound L1',
    currency: 'EUR',
    year: 'n.d.',
    source: 'https://www.callcenterprojekte.com/blog/outsourcing-preise-guide',
    grade: 'weak',
  },
  {
    key: 'vendor-rate-hourly',
    country: 'PL',
    low: 0,
    high: 0,
    unit: 'no public figure found: enter a quote',
    currency: 'EUR',
    year: 'c.2006',
    source: 'http://www.zdnet.com/article/offshore-outsourcing-upstarts-bite-at-indias-heels/',
    grade: 'weak',
  },
  {
    key: 'shrinkage',
    country: null,
    low: 0.24,
    high: 0.3,
    unit: 'fraction of paid time',
    currency: null,
    year: '2011',
    source: 'https://customerthink.com/contact_center_shrinkage_survey/',
    grade: 'moderate',
  },
  {
    key: 'agents-per-supervisor',
    country: null,
    low: 8,
    high: 14,
    unit: 'agents',
    currency: null,
    year: '2012–2022',
    source: 'https://www.icmi.com/resources/2012/staff-to-supervisor-ratio',
    grade: 'moderate',
  },
  {
    key: 'attrition',
    country: null,
    low: 0.27,
    high: 0.56,
    unit: 'per year (all sectors vs outsourcers, US 2014)',
    currency: null,
    year: '2014',
    source:
      'https://www.thefreelibrary.com/ContactBabel+details+recent+Contact+Center+HR+%26+operational+trends+and...-a0402049488',
    grade: 'solid',
  },
  {
    key: 'governance-rate',
    country: null,
    low: 0.03,
    high: 0.07,
    unit: 'fraction of contract value',
    currency: null,
    year: 'n.d.',
    source: 'general practice (selection.md §1, marked k)',
    grade: 'assumption',
  },
  {
    key: 'service-level',
    country: null,
    low: 0.8,
    high: 0.8,
    unit: 'answered within 20 s (common, not a standard)',
    currency: null,
    year: 'n.d.',
    source:
      'http://www.offcenterinsight.com/off-center-blog/service-level-the-indispensable-call-center-accessibility-metric',
    grade: 'moderate',
  },
];
