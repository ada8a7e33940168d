import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ListFilter } from '../../src/ui/list-filter.js';
import { indexRows, sortIndexed, type Column } from '../../src/ui/list-model.js';

interface Person {
  readonly id: string;
  readonly email: string;
  readonly role: string;
}

const columns: readonly Column<Person>[] = [
  { header: 'EMAIL', width: 20, text: (p) => p.email, searchable: true },
  { header: 'ROLE', width: 10, text: (p) => p.role },
  { header: 'ID', width: 6, text: (p) => p.id, searchable: true },
];

const people = (emails: readonly string[]): Person[] =>
  emails.map((email, i) => ({ id: `u${i}`, email, role: i % 2 ? 'viewer' : 'admin' }));

const sortedByEmail = (rows: readonly Person[]) =>
  sortIndexed(indexRows(rows, columns), { label: 'email', compare: (a, b) => a.email.localeCompare(b.email) });

/** What any query must give: a search of the whole list by a filter that remembers nothing. */
function fresh(rows: readonly Person[], query: string) {
  const list = new ListFilter(sortedByEmail(rows), columns).apply(query);
  return { ids: list.ids, highlights: list.items.map((i) => list.highlightsOf(i)) };
}

describe('ListFilter', () => {
  const rows = people(['carol@example.com', 'alice@example.com', 'bob@corp.io', 'alex@example.com']);

  it('narrows the list in its sort order, not by score', () => {
    // A fuzzy match: cArοL, one word of carol@example.com, has an a followed by an l.
    const list = new ListFilter(sortedByEmail(rows), columns).apply('al');
    expect(list.items.map((i) => i.row.email)).toEqual(['alex@example.com', 'alice@example.com', 'carol@example.com']);
    expect(list.ids).toEqual(list.items.map((i) => i.row.id));
  });

  it('an empty or blank filter is the whole list, with nothing highlighted', () => {
    const filter = new ListFilter(sortedByEmail(rows), columns);
    for (const query of ['', '   ']) {
      const list = filter.apply(query);
      expect(list.items.map((i) => i.row.email)).toEqual([
        'alex@example.com',
        'alice@example.com',
        'bob@corp.io',
        'carol@example.com',
      ]);
      expect(list.items.every((i) => list.highlightsOf(i) === undefined)).toBe(true);
    }
  });

  it('highlights the matched characters in the column that matched, and only in searchable columns', () => {
    const list = new ListFilter(sortedByEmail(rows), columns).apply('bob');
    const [bob] = list.items;
    expect(bob?.row.email).toBe('bob@corp.io');
    expect(list.highlightsOf(bob!)).toEqual([[0, 1, 2], undefined, undefined]);
    // The same array each time: a memoised row is not redrawn for nothing.
    expect(list.highlightsOf(bob!)).toBe(list.highlightsOf(bob!));
  });

  it('matches on any searchable column', () => {
    const list = new ListFilter(sortedByEmail(rows), columns).apply('u2');
    expect(list.items.map((i) => i.row.email)).toEqual(['bob@corp.io']);
    expect(list.highlightsOf(list.items[0]!)).toEqual([undefined, undefined, [0, 1]]);
  });

  it('each word may match a different column; letters of a word match in order, not necessarily together', () => {
    const filter = new ListFilter(sortedByEmail(rows), columns);
    expect(filter.apply('u3 alx').items.map((i) => i.row.email)).toEqual(['alex@example.com']);
    expect(filter.apply('xela').items).toEqual([]);
    const alex = filter.apply('alx').items[0]!;
    // Not found whole: the letters' first places, in order.
    expect(filter.apply('alx').highlightsOf(alex)).toEqual([[0, 1, 3], undefined, undefined]);
    // Found whole: that place, not the first scattered letters.
    const list = filter.apply('example');
    expect(list.highlightsOf(list.items[0]!)).toEqual([[5, 6, 7, 8, 9, 10, 11], undefined, undefined]);
  });

  it('ignores case and counts highlight positions in characters as drawn', () => {
    const odd = people(['😀bob@EXAMPLE.com', 'İnci@example.com']);
    const filter = new ListFilter(sortedByEmail(odd), columns);
    const bob = filter.apply('BOB');
    expect(bob.items.map((i) => i.row.email)).toEqual(['😀bob@EXAMPLE.com']);
    expect(bob.highlightsOf(bob.items[0]!)).toEqual([[1, 2, 3], undefined, undefined]);
    // Lower-casing İ changes the text's length: the row still matches, but nothing is highlighted off by one.
    const inci = filter.apply('nci');
    expect(inci.items.map((i) => i.row.email)).toEqual(['İnci@example.com']);
    expect(inci.highlightsOf(inci.items[0]!)).toEqual([undefined, undefined, undefined]);
  });

  it('gives back the remembered result when a query is erased to an earlier one', () => {
    const filter = new ListFilter(sortedByEmail(rows), columns);
    const a = filter.apply('a');
    filter.apply('al');
    expect(filter.apply('ali').items.map((i) => i.row.email)).toEqual(['alice@example.com']);
    expect(filter.apply('al').items.map((i) => i.row.email)).toEqual([
      'alex@example.com',
      'alice@example.com',
      'carol@example.com',
    ]);
    expect(filter.apply('a')).toBe(a);
  });

  it('letters in order count within one word of a column only, so a shared domain does not match everything', () => {
    const staff = people([
      'alex.morgan@acme-analytics.example',
      'nadia.okafor@acme-analytics.example',
      'sam.alexander@acme-analytics.example',
    ]);
    const filter = new ListFilter(sortedByEmail(staff), columns);
    // a, l, e, x in order across the address (acme-anaLytics.EXample) is not a match; within one word it is.
    expect(filter.apply('alex').items.map((i) => i.row.email)).toEqual([
      'alex.morgan@acme-analytics.example',
      'sam.alexander@acme-analytics.example',
    ]);
    expect(filter.apply('alx').items.map((i) => i.row.email)).toEqual([
      'alex.morgan@acme-analytics.example',
      'sam.alexander@acme-analytics.example',
    ]);
    const alx = filter.apply('alx');
    expect(alx.highlightsOf(alx.items[1]!)).toEqual([[4, 5, 7], undefined, undefined]);
    // Typed across a separator, a word matches as typed.
    expect(filter.apply('n.ok').items).toEqual([]);
    expect(filter.apply('dia.ok').items.map((i) => i.row.email)).toEqual(['nadia.okafor@acme-analytics.example']);
    expect(filter.apply('example').items).toHaveLength(3);
  });

  it('a word holding a separator matches as typed, whatever its characters (regular expression syntax, emoji)', () => {
    const odd = people(['a.b*c@x.io', 'a.bbc@x.io', 'li😀.wei@x.io', 'li.wei@x.io', '(x)+[y]@z.io']);
    const emails = (query: string) =>
      new ListFilter(sortedByEmail(odd), columns).apply(query).items.map((i) => i.row.email);
    expect(emails('a.b*')).toEqual(['a.b*c@x.io']);
    expect(emails('😀.w')).toEqual(['li😀.wei@x.io']);
    expect(emails('i.w')).toEqual(['li.wei@x.io']);
    expect(emails('(x)+[')).toEqual(['(x)+[y]@z.io']);
    expect(emails('.b.')).toEqual([]);
  });

  it('matches exactly the rows where every word is, as typed or letter by letter within one word, in one searchable column', () => {
    const naive = (word: string, target: string) =>
      target.includes(word) ||
      target.split(/[^a-z0-9\u0080-\u{10FFFF}]/u).some((part) => {
        let at = 0;
        for (const ch of word) {
          at = part.indexOf(ch, at);
          if (at < 0) return false;
          at += ch.length;
        }
        return true;
      });
    // Digits share mask bits and other characters one bit: the quick rejection must never drop a real match.
    const text = fc.string({
      unit: fc.constantFrom('a', 'z', 'q', '0', '5', '9', '4', '@', '-', '.', 'é', '😀', ' '),
      maxLength: 8,
    });
    fc.assert(
      fc.property(fc.array(text, { maxLength: 25 }), text, (emails, query) => {
        const rows = people(emails);
        const words = query.toLowerCase().split(/\s+/).filter(Boolean);
        const expected = sortedByEmail(rows)
          .filter((i) => words.every((w) => [i.row.email.toLowerCase(), i.row.id].some((t) => naive(w, t))))
          .map((i) => i.row.id);
        expect(new ListFilter(sortedByEmail(rows), columns).apply(query).ids).toEqual(expected);
      }),
      { numRuns: 500 },
    );
  });

  it('typing, erasing and retyping give exactly what a fresh search gives, whatever the rows', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'c', 'l', 'e', 'x', '@', '.', ' ', 'A'), maxLength: 6 });
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.array(word, { minLength: 1, maxLength: 8 }),
        (emails, queries) => {
          const rows = people(emails);
          const filter = new ListFilter(sortedByEmail(rows), columns);
          // Type each query key by key, then erase it key by key, as a person does.
          const typed = queries.flatMap((q) => [
            ...[...q].map((_, i) => q.slice(0, i + 1)),
            ...[...q].map((_, i) => q.slice(0, q.length - i - 1)),
          ]);
          for (const query of typed) {
            const list = filter.apply(query);
            expect({ ids: list.ids, highlights: list.items.map((i) => list.highlightsOf(i)) }).toEqual(
              fresh(rows, query),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
  it('searches only the previous matches when the query grows, and nothing when it goes back', () => {
    const emails = Array.from({ length: 200 }, (_, i) => `${i % 10 === 0 ? 'alex' : 'bob'}${i}@corp.io`);
    const sorted = sortedByEmail(people(emails));
    let reads = 0;
    // Counts every row the filter reads from the whole list.
    const watched = new Proxy(sorted, {
      get(target, key, receiver) {
        if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
        return Reflect.get(target, key, receiver) as unknown;
      },
    });
    const filter = new ListFilter(watched, columns);
    filter.apply('a');
    const wholeList = reads;
    expect(wholeList).toBeGreaterThanOrEqual(200);
    const al = filter.apply('al');
    expect(al.items).toHaveLength(20);
    filter.apply('alex1');
    filter.apply('al');
    filter.apply('a');
    expect(reads).toBe(wholeList);
    // A query that extends none remembered ("s" after "a…") reads the whole list again.
    filter.apply('s');
    expect(reads).toBeGreaterThanOrEqual(wholeList + 200);
  });

  it('shares the arrays of the list it narrows when every row still matches, so nothing is allocated per row', () => {
    const emails = Array.from({ length: 50 }, (_, i) => `user${i}@corp.io`);
    const filter = new ListFilter(sortedByEmail(people(emails)), columns);
    const all = filter.apply('');
    const co = filter.apply('co');
    expect(co.items).toBe(all.items);
    expect(co.ids).toBe(all.ids);
    expect(filter.apply('corp').items).toBe(all.items);
    // Highlights are still the query's own.
    expect(co.highlightsOf(co.items[0]!)).toEqual([[6, 7], undefined, undefined]);
    const narrower = filter.apply('corp user1');
    expect(narrower.items).not.toBe(all.items);
    expect(narrower.ids).toEqual(narrower.items.map((i) => i.row.id));
  });

  it('gives what a fresh search gives for any sequence of queries: typed, erased, replaced or pasted', () => {
    const word = fc.string({ unit: fc.constantFrom('a', 'b', 'l', 'e', 'x', '@', '.', ' ', 'A', 'é'), maxLength: 5 });
    fc.assert(
      fc.property(
        fc.array(word, { maxLength: 30 }),
        fc.array(word, { minLength: 1, maxLength: 25 }),
        (emails, queries) => {
          const rows = people(emails);
          const filter = new ListFilter(sortedByEmail(rows), columns);
          for (const query of queries) {
            const list = filter.apply(query);
            expect({ ids: list.ids, highlights: list.items.map((i) => list.highlightsOf(i)) }).toEqual(
              fresh(rows, query),
            );
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
