import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkFacts, type FactsFile, formatFactsReport, referenceTimeOf } from '../../eval/facts.ts';
import { testConfig } from '../../test/helpers.ts';
import { extract } from './index.ts';

// The founding article and what must (not) be found in it live in the shared folder, never here.
const corpus = path.join(testConfig().sharedDir, 'corpus');
const articlePath = path.join(corpus, 'seed-article.txt');
const factsPath = path.join(corpus, 'seed-article.facts.json');
const present = fs.existsSync(articlePath) && fs.existsSync(factsPath);

describe.skipIf(!present)('the founding article (shared/corpus/seed-article.txt)', () => {
  const facts = present ? (JSON.parse(fs.readFileSync(factsPath, 'utf8')) as FactsFile) : null;
  const article = present ? fs.readFileSync(articlePath, 'utf8') : '';

  it('yields every must item and no must_not item, with no publication date given', () => {
    if (!facts) return;
    const referenceTime = referenceTimeOf(facts);
    expect(referenceTime, 'the facts file names the evaluation reference time').not.toBeNull();
    const report = checkFacts(extract(article, { referenceTime }), facts);
    const failures = [...report.must, ...report.mustNot].filter((check) => !check.ok);
    expect(
      failures.map((check) => `${check.path} — ${check.detail} [${check.stage}]`),
      formatFactsReport(report).join('\n'),
    ).toEqual([]);
  });
});

if (!present) {
  describe('the founding article', () => {
    it.skip(`is not at ${corpus}: set TANSIQ_SHARED_DIR to the shared folder to run this check`, () =>
      undefined);
  });
}
