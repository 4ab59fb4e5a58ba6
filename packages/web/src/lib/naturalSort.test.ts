import { describe, expect, it } from 'vitest';
import { naturalSort } from './naturalSort';

describe('natural sort', () => {
  it('puts Category 7 before Category 13 (text order put 13 first)', () => {
    expect(naturalSort(['Category 13', 'Category 7', 'Billing', 'Category 100'], 'en')).toEqual([
      'Billing',
      'Category 7',
      'Category 13',
      'Category 100',
    ]);
  });

  it('follows the reader’s language for letters (Turkish ç after c)', () => {
    expect(naturalSort(['Çağrı', 'Destek', 'Cihaz'], 'tr')).toEqual(['Cihaz', 'Çağrı', 'Destek']);
  });
});
