import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { etagOf, HelpCenterCache, matchesEtag } from './page-cache.js';

const page = (html: string) => ({ html, etag: etagOf(html), articleId: 'a1', shownLanguage: 'en' });

describe('help-center cache', () => {
  it('serves what it stored until the organization changes, and never an answer read before a change', () => {
    let now = 0;
    const cache = new HelpCenterCache<string>(
      () => true,
      () => now,
    );
    const mark = cache.mark();
    cache.putPage('k', 'org1', page('<p>v1</p>'), mark);
    cache.putSite('acme', 'org1', 'site', mark);
    cache.putPage('other', 'org2', page('<p>o</p>'), mark);
    expect(cache.page('k')?.html).toBe('<p>v1</p>');
    // A read that began before the change may not store its older page.
    const before = cache.mark();
    cache.onSignal('knowledge.site:org1');
    cache.putPage('k', 'org1', page('<p>stale</p>'), before);
    expect(cache.page('k')).toBeUndefined();
    expect(cache.site('acme')).toBeUndefined();
    expect(cache.page('other')?.html).toBe('<p>o</p>');
    // Signals missed: everything goes.
    cache.onSignal('*');
    expect(cache.page('other')).toBeUndefined();
    // Past its age bound an entry is read again.
    cache.putPage('k', 'org1', page('<p>v2</p>'), cache.mark());
    now = 60_000;
    expect(cache.page('k')).toBeUndefined();
  });

  it('serves nothing while signals do not arrive', () => {
    let live = true;
    const cache = new HelpCenterCache<string>(
      () => live,
      () => 0,
    );
    cache.putPage('k', 'org1', page('x'), cache.mark());
    live = false;
    expect(cache.page('k')).toBeUndefined();
    cache.putPage('j', 'org1', page('y'), cache.mark());
    live = true;
    expect(cache.page('j')).toBeUndefined();
  });

  it('keeps at most its limit of pages, the oldest going first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 0, max: 60 }), (max, n) => {
        const cache = new HelpCenterCache<string>(
          () => true,
          () => 0,
          60_000,
          max,
        );
        for (let i = 0; i < n; i++) cache.putPage(`p${i}`, 'org', page(`${i}`), cache.mark());
        expect(cache.size.pages).toBe(Math.min(n, max));
        for (let i = 0; i < n; i++) expect(cache.page(`p${i}`) !== undefined).toBe(i >= n - max);
      }),
    );
  });

  it('compares ETags as If-None-Match lists them', () => {
    const tag = etagOf('<p>a</p>');
    expect(tag).toBe(etagOf('<p>a</p>'));
    expect(tag).not.toBe(etagOf('<p>b</p>'));
    expect(matchesEtag(tag, tag)).toBe(true);
    expect(matchesEtag(`"x", W/${tag}`, tag)).toBe(true);
    expect(matchesEtag('*', tag)).toBe(true);
    expect(matchesEtag('"x"', tag)).toBe(false);
    expect(matchesEtag(undefined, tag)).toBe(false);
  });
});
