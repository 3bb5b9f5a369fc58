'use strict';
// The search engine of search.js over the search fixture guide, served over HTTP.
const test = require('node:test');
const assert = require('node:assert/strict');
const { search, serve } = require('./support.js');

let site, engine;
test.before(async () => { site = await serve('fixture'); engine = site.engine(); });
test.after(() => site.close());

const urls = (out) => out.results.map((r) => r.url);
// Runs `body` with the built site `name` served, and stops serving it after.
const withSite = async (name, body) => {
  const served = await serve(name);
  try { await body(served); } finally { await served.close(); }
};
// With the text of every result shown (`more`), not only of the first five.
const run = async (query, filters) => (await engine.search(query, filters)).more;

test('BM25 with field weights: a title hit outranks body hits', async () => {
  const out = await run('cataloging ');
  assert.equal(out.mode, 'and');
  // The two entries with cataloging in their title come before the sections that only mention it.
  assert.deepEqual(urls(out).slice(0, 2).sort(), ['/certifications/cataloging-technician/', '/faq/cataloging-exam/']);
  assert.ok(urls(out).includes('/certifications/cataloging-technician/#exam'));
  const metadata = await run('metadata ');
  assert.equal(urls(metadata)[0], '/certifications/metadata-librarian/');
  // Three mentions in a short section beat one in a longer summary.
  assert.ok(urls(metadata).indexOf('/certifications/metadata-librarian/#standards') < urls(metadata).indexOf('/certifications/cataloging-technician/'));
});

test('every word must match, and a section borrows the words of its page', async () => {
  const out = await run('CATT renewal ');
  assert.equal(out.mode, 'and');
  assert.equal(urls(out)[0], '/certifications/cataloging-technician/#renewal');
  assert.ok(!urls(out).includes('/certifications/metadata-librarian/#renewal'));
  assert.ok(!urls(out).includes('/faq/how-do-i-renew/'));
});

test('when no entry has every word, any word counts, and the result says so', async () => {
  const out = await run('thesis lapses');
  assert.equal(out.mode, 'or');
  assert.ok(urls(out).includes('/certifications/bibliothecaire-diplome/#programme'));
  assert.ok(urls(out).includes('/certifications/cataloging-technician/#renewal'));
});

test('the last word matches as a prefix while it is typed, earlier words do not', async () => {
  assert.deepEqual(urls(await run('catal')).slice(0, 2).sort(), ['/certifications/cataloging-technician/', '/faq/cataloging-exam/']);
  const renewa = await run('renewa');
  assert.deepEqual(renewa.corrected, []);
  assert.deepEqual(urls(renewa).sort(), ['/certifications/cataloging-technician/#renewal', '/certifications/metadata-librarian/#renewal', '/faq/how-do-i-renew/']);
  const notLast = await run('catal exam');
  assert.equal(notLast.mode, 'or');
  assert.ok(!notLast.matched.has('catalog') && notLast.matched.has('exam'));
  assert.equal((await run('catal ')).results.length, 0);
});

test('a word with no hits is corrected to the nearest indexed word', async () => {
  const out = await run('metadeta ');
  assert.deepEqual(out.corrected, [['metadeta', 'metadata']]);
  assert.equal(urls(out)[0], '/certifications/metadata-librarian/');
  const two = await run('cataloging exma ');
  assert.deepEqual(two.corrected, [['exma', 'exam']]);
  assert.equal(urls(two)[0], '/faq/cataloging-exam/');
  // Nothing close enough: no guess.
  const none = await run('xylophone ');
  assert.equal(none.mode, 'none');
  assert.deepEqual(none.corrected, []);
});

test('accents and case do not matter', async () => {
  assert.equal(urls(await run('bibliothecaire diplome '))[0], '/certifications/bibliothecaire-diplome/');
  assert.equal(urls(await run('SOCIÉTÉ'))[0], '/certifications/bibliothecaire-diplome/');
});

test('facets filter (OR within a facet, AND across) and count the other facets', async () => {
  const all = await run('credential');
  const technician = await run('credential', { level: new Set(['technician']) });
  assert.ok(urls(all).includes('/faq/how-do-i-renew/'));
  assert.deepEqual(urls(technician).sort(), ['/certifications/archives-records-technician/',
    '/certifications/cataloging-technician/', '/certifications/cataloging-technician/#what-it-is']);
  // Counts of the level facet ignore the level filter itself, so other levels stay choosable.
  assert.deepEqual(technician.counts.level, all.counts.level);
  const settings = await run('', { setting: new Set(['public', 'archives']) });
  assert.deepEqual(urls(settings).sort(), ['/certifications/archives-records-technician/', '/certifications/cataloging-technician/']);
  const both = await run('', { setting: new Set(['public', 'archives']), cost: new Set(['200-500']) });
  assert.deepEqual(urls(both), ['/certifications/archives-records-technician/']);
  assert.equal(both.mode, 'browse');
  const free = await run('', { cost: new Set(['free']) });
  assert.deepEqual(urls(free), ['/certifications/bibliothecaire-diplome/']);
  // A value the index does not have (an old shared link) matches nothing.
  assert.deepEqual(urls(await run('', { cost: new Set(['priceless']) })), []);
  assert.deepEqual(urls(await run('diploma', { level: new Set(['grandmaster']) })), []);
  // No words and no filters: nothing listed, but counts over every page to choose from.
  const empty = await run('');
  assert.equal(empty.results.length, 0);
  assert.equal(empty.counts.kind.reduce((a, b) => a + b, 0), 7);
});

test('the count by each filter value is how many results ticking that value gives', () => withSite('groups', async (groups) => {
  const e = groups.engine(), facets = (await e.manifest()).facets;
  for (const [query, filters] of [['library', {}], ['technician exam', {}], ['library', { level: new Set(['technician']) }],
    ['', { setting: new Set(['public']) }], ['renewal', { level: new Set(['technician']), cost: new Set(['under-200']) }]]) {
    const out = await e.search(query, filters, 10);
    let checked = 0;
    for (const f of facets) {
      for (const [i, [slug]] of f.values.entries()) {
        const ticked = (await e.search(query, { ...filters, [f.id]: new Set([slug]) }, 10)).count;
        assert.equal(out.counts[f.id][i], ticked, `${query} ${JSON.stringify(Object.keys(filters))}: ${f.id}=${slug}`);
        checked += ticked;
      }
    }
    assert.ok(checked > 0, `${query}: some value counts`);
  }
}));

test('only the best results are listed, and count says how many matched', async () => {
  const all = await run('credential');
  assert.equal(all.count, all.results.length);
  assert.equal((await run('credential', { level: new Set(['technician']) })).count, 3);
  assert.equal((await run('')).count, 0);
  // Past the best `top`, documents are counted but not sorted or listed; ties go by document.
  const total = Float64Array.from([0, 3, 1, 3, 2]);
  assert.deepEqual(engine.order([0, 1, 2, 3, 4], total, 3), [1, 3, 4]);
  assert.deepEqual(engine.order([0, 1, 2, 3, 4], total, 1), [1]);
  assert.deepEqual(engine.order([4, 2], total, 3), [4, 2]);
});

test('excerpts mark the matched words and nothing else', async () => {
  const out = await run('renewal');
  const marked = search.highlight('You renew every five years. Renewal needs forty hours; a certificate that is not renewed lapses.', out.matched)
    .filter(([, mark]) => mark).map(([text]) => text);
  assert.deepEqual(marked, ['renew', 'Renewal', 'renewed']);
  const pieces = search.highlight('Bibliothécaire Diplômé', (await run('bibliothecaire ')).matched);
  assert.deepEqual(pieces, [['Bibliothécaire', true], [' Diplômé', false]]);
});

test('a sharded index gives the same results and fetches only the shards a query needs', () => withSite('fixture-sharded', async (sharded) => {
  const split = sharded.engine();
  for (const query of ['cataloging ', 'CATT renewal ', 'thesis lapses', 'catal', 'metadeta ', 'SOCIÉTÉ']) {
    assert.deepEqual(urls(await (await split.search(query)).more), urls(await run(query)), query);
  }
  await split.ready();
  const shards = split.m.shards.from.length;
  assert.ok(shards > 10, `only ${shards} shards`);
  const before = sharded.requests.length;
  const fresh = sharded.engine();
  await fresh.search('metadata ');
  const fetched = sharded.requests.slice(before).filter((p) => p.includes('/shard.'));
  assert.equal(fetched.length, 1, `fetched ${fetched}`);
  // Under its own hash: the 8 digits of `hashes` at its position, one slice a shard.
  const { from, hashes } = split.m.shards, at = from.findLastIndex((key) => key <= 'metadata');
  assert.equal(hashes.length, shards * 8);
  assert.deepEqual(fetched, [`/search/shard.${hashes.substr(at * 8, 8)}.${at}.json`]);
  // Text comes one page a file, only for the results shown.
  const one = sharded.engine(), mark = sharded.requests.length;
  const top = await one.search('metadata ', {}, 1);
  const texts = sharded.requests.slice(mark).filter((p) => p.includes('/text.'));
  assert.equal(texts.length, 1, `fetched ${texts}`);
  assert.equal(top.results[0].title, 'Metadata Librarian Certificate');
  assert.equal(top.results.filter((r) => r.title).length, top.results.filter((r) => r.url && r.url.startsWith('/certifications/metadata-librarian/')).length);
  // A typo is corrected to a word in a shard not loaded yet: the dictionary knows every
  // word found twice or more, and the correction's shard is fetched for its postings.
  const typo = sharded.engine(), asked = sharded.requests.length;
  const fixed = await typo.search('xatalog ');
  assert.deepEqual(fixed.corrected, [['xatalog', 'catalog']]);
  assert.deepEqual(urls(fixed), urls(await run('catalog ')));
  assert.equal(sharded.requests.slice(asked).filter((p) => p.includes('/dict.')).length, 1);
  // One letter fetches no shard at all.
  const onLetter = sharded.engine();
  const count = sharded.requests.length;
  assert.equal((await onLetter.search('m')).results.length, 0);
  assert.equal(sharded.requests.slice(count).filter((p) => p.includes('/shard.')).length, 0);
  // Nor does a second word of one letter: the results stay those of the first word.
  const second = sharded.engine();
  await second.search('metadata ');
  const held = sharded.requests.length;
  assert.deepEqual(urls(await (await second.search('metadata s')).more), urls(await run('metadata ')));
  assert.equal(sharded.requests.slice(held).filter((p) => p.includes('/shard.')).length, 0);
}));

test('a split index fetches each text file under its group\'s hash and its place in the group, and each shard under its own', () => withSite('groups', async (groups) => {
  const engine = groups.engine();
  await engine.ready();
  const { pages, files, sizes, hashes } = engine.m.text;
  const each = hashes.match(/.{8}/g);
  assert.ok(sizes.length >= 3, `only ${sizes.length} groups of ${files} text files`);
  assert.equal(sizes.reduce((a, b) => a + b, 0), files);
  assert.equal(each.length, sizes.length);
  assert.equal(new Set(each).size, sizes.length);
  // The first and last file of every group, fetched by the engine under the name the build wrote.
  const wanted = [], names = [];
  let start = 0;
  each.forEach((hash, g) => {
    for (const i of new Set([0, sizes[g] - 1])) { wanted.push(start + i); names.push(`/search/text.${hash}.${i}.json`); }
    start += sizes[g];
  });
  const mark = groups.requests.length;
  await engine.texts(wanted.map((n) => engine.starts[n * pages]));
  const fetched = groups.requests.slice(mark);
  assert.deepEqual(fetched.sort(), names.sort());
  for (const n of wanted) assert.ok(engine.text[engine.starts[n * pages]], `no text for file ${n}`);
  // Every shard, fetched by the engine under its own hash, all of them different.
  const { from, hashes: shardHashes } = engine.m.shards, own = shardHashes.match(/.{8}/g);
  assert.ok(from.length > 1, `${from.length} shard`);
  assert.equal(own.length, from.length);
  assert.equal(new Set(own).size, own.length);
  const asked = groups.requests.length;
  const parts = await Promise.all(from.map((key) => engine.part(engine.files(key, key)[0])));
  assert.deepEqual(groups.requests.slice(asked).sort(), own.map((hash, i) => `/search/shard.${hash}.${i}.json`).sort());
  parts.forEach((part, i) => assert.ok(part.keys.length && part.keys[0] >= from[i], `shard ${i}`));
  // A search for the title of a page in the last group shows it first, with its text.
  const last = engine.starts[(files - 1) * pages], [url, title] = engine.text[last];
  const top = (await groups.engine().search(`${title} `, {}, 1)).results[0];
  assert.deepEqual([top.url, top.title], [url, title]);
}));

test('the first five results resolve a search, the others shown follow with `more`', () => withSite('groups', async (groups) => {
  const engine = groups.engine();
  const out = await engine.search('library ', {}, 10);
  assert.ok(out.count >= 10, `only ${out.count} results`);
  const texts = () => out.results.slice(0, 10).map((r) => typeof r.title === 'string');
  assert.deepEqual(texts().slice(0, 5), [true, true, true, true, true]);
  assert.equal(await out.more, out);
  assert.deepEqual(texts(), Array(10).fill(true));
  // Only the text files of the ten results were fetched, each once.
  const asked = groups.requests.filter((p) => p.includes('/text.'));
  const files = new Set(out.results.slice(0, 10).map((r) => Math.floor(engine.pageNo[r.doc] / engine.m.text.pages)));
  assert.equal(asked.length, files.size, `${asked}`);
}));

test('a file that failed to load is asked for again by the next search', async () => {
  // The first request for each shard and text file fails, as on a flaky connection. A failed
  // file is forgotten, so searching again recovers (a request still on its way when a search
  // fails is shared by the next one, which may fail with it).
  const asked = new Set();
  const served = await serve('fixture-sharded', { fail: (path) => /^\/search\/(shard|text)\./.test(path) && !asked.has(path) && !!asked.add(path) });
  try {
    const engine = served.engine();
    let out = null, failures = 0;
    while (!out && failures < 5) {
      try { out = await engine.search('cataloging '); } catch (error) { assert.match(error.message, /HTTP 503/); failures++; }
    }
    assert.ok(out, 'five searches in a row failed');
    assert.ok(failures >= 2, `${failures} searches failed; the shard and then the text should have`);
    assert.deepEqual(urls(out).slice(0, 2).sort(), ['/certifications/cataloging-technician/', '/faq/cataloging-exam/']);
    assert.ok(out.results.slice(0, 5).every((r) => r.title));
    const shard = [...asked].find((path) => path.includes('/shard.'));
    assert.equal(served.requests.filter((path) => path === shard).length, 2);
  } finally {
    await served.close();
  }
});
