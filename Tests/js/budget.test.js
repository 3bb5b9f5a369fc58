'use strict';
// The budget, which the README repeats: the search script under 8 KB gzipped (8,000
// bytes, as scripts/bench-search counts KB). Measured on the built sites, as published (comments
// and unneeded spaces taken out by the build), gzipped at level 9 as a host would send it.
const test = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { sites } = require('./support.js');

const BUDGET = 8000;
const SCRIPT = 'search.js';
// Every site scripts/test-web built: the same templates, but each as that build published them.
const built = fs.existsSync(sites) ? fs.readdirSync(sites).filter((name) => fs.existsSync(path.join(sites, name, 'assets', SCRIPT))).sort() : [];

test('scripts/test-web built sites with the search script', () => {
  assert.ok(built.length, `no built site with assets/${SCRIPT} in ${sites}: run scripts/test-web`);
});

for (const name of built) {
  test(`the search script of the ${name} site stays under 8 KB gzipped`, () => {
    const source = fs.readFileSync(path.join(sites, name, 'assets', SCRIPT));
    // The published script, not the source: a comment line left in would count.
    assert.ok(!/^\s*(\/\/|\/\*)/m.test(source.toString('utf8')), `${SCRIPT} still has comment lines`);
    const size = zlib.gzipSync(source, { level: 9 }).length;
    console.log(`${name}: ${SCRIPT} ${size} bytes gzipped (budget ${BUDGET})`);
    assert.ok(size <= BUDGET, `${size} bytes gzipped, ${size - BUDGET} over the budget of ${BUDGET}`);
  });
}
