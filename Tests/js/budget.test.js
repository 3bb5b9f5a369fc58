'use strict';
// The README promises search scripts under 8 KB gzipped together: every first search downloads
// both. Measured on the built sites, as published (comment lines stripped by the build), each
// file gzipped on its own at level 9, as scripts/bench-search counts what a host sends.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { sites } = require('./support.js');

const BUDGET = 8 * 1024;
const SCRIPTS = ['search-engine.js', 'search.js'];
// Every site scripts/test-web built: the same templates, but each as that build published them.
const built = fs.existsSync(sites) ? fs.readdirSync(sites).filter((name) => fs.existsSync(path.join(sites, name, 'assets', SCRIPTS[0]))).sort() : [];

test('scripts/test-web built sites with search scripts', () => {
  assert.ok(built.length, `no built site with assets/${SCRIPTS[0]} in ${sites}: run scripts/test-web`);
});

for (const name of built) {
  test(`the search scripts of the ${name} site stay under 8 KB gzipped together`, () => {
    const sizes = SCRIPTS.map((file) => {
      const source = fs.readFileSync(path.join(sites, name, 'assets', file));
      // The published script, not the source: a comment line left in would count.
      assert.ok(!/^\s*(\/\/|\/\*)/m.test(source.toString('utf8')), `${file} still has comment lines`);
      return zlib.gzipSync(source, { level: 9 }).length;
    });
    const total = sizes[0] + sizes[1];
    console.log(`${name}: ${SCRIPTS.map((file, i) => `${file} ${sizes[i]}`).join(' + ')} = ${total} bytes gzipped (budget ${BUDGET})`);
    assert.ok(total <= BUDGET, `${total} bytes gzipped, ${total - BUDGET} over the budget of ${BUDGET}`);
  });
}
