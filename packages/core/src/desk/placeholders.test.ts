import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pickTranslation, placeholderNames, renderPlaceholders } from './placeholders.js';
import { textSearchConfig } from './text-search.js';

describe('macro placeholders', () => {
  it('fills the customer, ticket and agent into a script', () => {
    const r = renderPlaceholders(
      'Merhaba {{customer.name}}, talebiniz {{ ticket.number }} — {{agent.name}}',
      {
        'customer.name': 'Ayşe',
        'ticket.number': 'NW-1042',
        'agent.name': 'Noa',
      },
    );
    expect(r).toEqual({ text: 'Merhaba Ayşe, talebiniz NW-1042 — Noa', missing: [] });
  });

  it('leaves a placeholder without a value as written and names it', () => {
    const r = renderPlaceholders('Hi {{customer.name}}, {{customer.name}} again {{x}}', { x: '' });
    expect(r.text).toBe('Hi {{customer.name}}, {{customer.name}} again {{x}}');
    expect(r.missing).toEqual(['customer.name', 'x']);
  });

  it('never expands braces inside a value, nor inherited names', () => {
    const r = renderPlaceholders('{{a}} {{constructor}}', { a: '{{b}}', b: 'no' });
    expect(r.text).toBe('{{b}} {{constructor}}');
    expect(r.missing).toEqual(['constructor']);
  });

  it('lists the names a template uses', () => {
    expect(placeholderNames('{{a.b}} {{ c }} {{a.b}} {{not valid}} {x}')).toEqual(['a.b', 'c']);
  });

  it('property: text without double braces comes back unchanged, whatever the values', () => {
    fc.assert(
      fc.property(
        fc.string().filter((s) => !s.includes('{{')),
        fc.dictionary(fc.string(), fc.string()),
        (text, values) => {
          expect(renderPlaceholders(text, values)).toEqual({ text, missing: [] });
        },
      ),
    );
  });

  it('property: every placeholder is either replaced by its value or reported missing', () => {
    const name = fc.stringMatching(/^[a-z][a-z0-9_]{0,6}(\.[a-z][a-z0-9_]{0,6})?$/);
    fc.assert(
      fc.property(
        fc.array(name, { minLength: 1, maxLength: 5 }),
        fc.dictionary(name, fc.stringMatching(/^[^{}]{1,8}$/)),
        (names, values) => {
          const r = renderPlaceholders(names.map((n) => `{{${n}}}`).join(' '), values);
          const expected = names.map((n) => (Object.hasOwn(values, n) ? values[n] : `{{${n}}}`)).join(' ');
          expect(r.text).toBe(expected);
          expect(new Set(r.missing)).toEqual(new Set(names.filter((n) => !Object.hasOwn(values, n))));
        },
      ),
    );
  });
});

describe('translations of a script', () => {
  const bodies = { en: 'Hello', tr: 'Merhaba', 'pt-BR': 'Olá' };
  it('picks the exact tag, then the primary language, then the fallback, then any', () => {
    expect(pickTranslation(bodies, 'pt-br', 'en')).toEqual({ language: 'pt-BR', text: 'Olá' });
    expect(pickTranslation(bodies, 'tr-TR', 'en')).toEqual({ language: 'tr', text: 'Merhaba' });
    expect(pickTranslation(bodies, 'lv', 'en')).toEqual({ language: 'en', text: 'Hello' });
    expect(pickTranslation({ hu: 'Szia' }, null, 'en')).toEqual({ language: 'hu', text: 'Szia' });
    expect(() => pickTranslation({}, 'en', 'en')).toThrow(/at least one/);
  });
});

describe('text-search configuration per language', () => {
  // Stemmers where PostgreSQL has one; Hebrew, Latvian and no language at all are indexed as simple.
  it.each([
    ['tr-TR', 'turkish'],
    ['HU', 'hungarian'],
    ['en', 'english'],
    ['he', 'simple'],
    ['lv', 'simple'],
    [null, 'simple'],
  ])('indexes a ticket in %s with %s', (language, config) => {
    expect(textSearchConfig(language)).toBe(config);
  });
});
