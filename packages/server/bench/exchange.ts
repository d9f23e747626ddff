import { once } from 'node:events';
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { uuidv7 } from '@tansiq/core';
import { from as copyFrom } from 'pg-copy-streams';
import type { Ctx } from '../src/services/context.ts';
import { exportRecords } from '../src/services/export-records.ts';
import { importRecords } from '../src/services/import-records.ts';
import { shipments as shipmentResource } from '../src/services/resources/shipments.ts';
import type { PgPool as Pool } from '../src/store/db.ts';
import { type BenchEnv, type Benchmark, mebibyte, RssMonitor, Stopwatch, systemCtx } from './bench.ts';
import { Prng } from './data.ts';

/**
 * Issue 7's measure: a shipments CSV of N rows (one row per shipment line, 1–7 lines a shipment,
 * names and codes as partners write them) through `importRecords` — decoding, HXL and header
 * mapping, reference lookups, grouping, natural-key matching, validation, one transaction — against
 * COPY of the same rows, already resolved to ids, into the same tables. Then the N rows exported as
 * CSV and XLSX, with the peak memory each export adds at N/10 and N rows: flat as rows grow.
 */

const itemCount = 12;
const organizationCount = 20;
const governorateCount = 14;
const modes = ['road', 'road', 'road', 'air', 'cross_border'];

const itemCode = (i: number) => `BX-I${String(i).padStart(2, '0')}`;
/** Even items are counted in pieces, odd ones weighed: lines in kg or tonnes. */
const itemUnits = (i: number) => (i % 2 === 0 ? ['piece'] : ['kg', 'tonne']);
const acronym = (i: number) => `BXO${i}`;
const pcode = (i: number) => `BX${String(i + 1).padStart(2, '0')}`;

/** The reference data every shipment row names, imported as partners would. */
const seedFiles = {
  items: [
    'Code,Item (English),Category,Sector,Base unit,Unit kind',
    ...Array.from({ length: itemCount }, (_, i) =>
      i % 2 === 0
        ? `${itemCode(i)},Bench kit ${i},nfi,shelter,piece,count`
        : `${itemCode(i)},Bench flour ${i},food,food_security,kg,mass`,
    ),
  ].join('\n'),
  organizations: [
    'Organization (English),Organization (Arabic),Acronym,Type',
    ...Array.from(
      { length: organizationCount },
      (_, i) => `Bench Organization ${i},منظمة القياس ${i},${acronym(i)},national_ngo`,
    ),
  ].join('\n'),
  'admin-units': [
    'P-code,Name (English),Level',
    ...Array.from({ length: governorateCount }, (_, i) => `${pcode(i)},Bench Governorate ${i + 1},1`),
  ].join('\n'),
};

interface ShipmentLine {
  item: number;
  quantity: number;
  unit: string;
}

interface Shipment {
  reference: string;
  title: string;
  destination: number;
  consignee: number;
  donors: number[];
  mode: string;
  start: string;
  lines: ShipmentLine[];
}

/** Shipments whose lines add up to exactly `rows`. */
export function shipmentsOf(rows: number): Shipment[] {
  const random = new Prng(7);
  const shipments: Shipment[] = [];
  let written = 0;
  while (written < rows) {
    const count = Math.min(rows - written, 1 + random.int(7));
    const n = shipments.length;
    const day = 1 + random.int(28);
    shipments.push({
      reference: `BX-${String(n).padStart(7, '0')}`,
      title: `Convoy ${n} to governorate ${1 + (n % governorateCount)}`,
      destination: random.int(governorateCount),
      consignee: random.int(organizationCount),
      donors: [...new Set([random.int(organizationCount), random.int(organizationCount)])],
      mode: random.pick(modes),
      start: `202${random.int(6)}-${String(1 + random.int(12)).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
      lines: Array.from({ length: count }, () => {
        const item = random.int(itemCount);
        return { item, quantity: 1 + random.int(5000), unit: random.pick(itemUnits(item)) };
      }),
    });
    written += count;
  }
  return shipments;
}

/** The CSV a partner sends: one row per line, the shipment's own columns repeated on each. */
export function csvOf(shipments: readonly Shipment[]): Uint8Array {
  const parts: string[] = [
    'Reference,Shipment (English),Destination,Consignee,Donors,Mode,Start,Item,Quantity,Unit\n',
  ];
  for (const s of shipments) {
    const own = `${s.reference},${s.title},${pcode(s.destination)},${acronym(s.consignee)},${s.donors.map(acronym).join('; ')},${s.mode},${s.start}`;
    for (const line of s.lines) parts.push(`${own},${itemCode(line.item)},${line.quantity},${line.unit}\n`);
  }
  return Buffer.from(parts.join(''), 'utf8');
}

export async function seed(db: Pool): Promise<void> {
  for (const [resource, csv] of Object.entries(seedFiles)) {
    await importRecords(systemCtx(db), {
      bytes: new TextEncoder().encode(csv),
      fileName: `${resource}.csv`,
      resource,
      dryRun: false,
    });
  }
}

async function idsOf(db: Pool, sql: string): Promise<Map<string, string>> {
  const result = await db.query<{ key: string; id: string }>(sql);
  return new Map(result.rows.map((row) => [row.key, row.id]));
}

/** Streams CSV lines into `COPY … FROM STDIN` in chunks. */
async function copyInto(db: Pool, sql: string, lines: Iterable<string>): Promise<void> {
  const client = await db.connect();
  try {
    const sink = client.query(copyFrom(sql)) as Writable;
    const done = once(sink, 'finish');
    let chunk: string[] = [];
    for (const line of lines) {
      chunk.push(line);
      if (chunk.length === 5000) {
        if (!sink.write(chunk.join(''))) await once(sink, 'drain');
        chunk = [];
      }
    }
    sink.end(chunk.join(''));
    await done;
  } finally {
    client.release();
  }
}

const tonne = 1000;

/** COPY of the same shipments, their lines and donors, with names already resolved to ids. */
async function copyShipments(db: Pool, shipments: readonly Shipment[]): Promise<void> {
  const operation = (await db.query<{ id: string }>('SELECT id FROM operations ORDER BY id LIMIT 1')).rows[0]
    ?.id;
  const items = await idsOf(db, 'SELECT code AS key, id FROM items');
  const organizations = await idsOf(db, 'SELECT acronym AS key, id FROM organizations');
  const units = await idsOf(db, 'SELECT pcode AS key, id FROM admin_units');
  const ids = shipments.map(() => uuidv7());
  await copyInto(
    db,
    'COPY shipments (operation_id, id, reference, title_en, destination_admin_unit_id, consignee_id, mode, period_start, search_terms) FROM STDIN (FORMAT csv)',
    (function* () {
      for (const [i, s] of shipments.entries()) {
        // The search terms the import stores, computed as it computes them: the same rows.
        const terms = shipmentResource.searchText({ reference: s.reference, title_en: s.title });
        yield `${operation},${ids[i]},${s.reference},${s.title},${units.get(pcode(s.destination))},${organizations.get(acronym(s.consignee))},${s.mode},${s.start},"${terms.replaceAll('"', '""')}"\n`;
      }
    })(),
  );
  await copyInto(
    db,
    'COPY shipment_lines (operation_id, id, shipment_id, position, item_id, quantity, unit, base_quantity) FROM STDIN (FORMAT csv)',
    (function* () {
      for (const [i, s] of shipments.entries()) {
        for (const [position, line] of s.lines.entries()) {
          const base = line.unit === 'tonne' ? line.quantity * tonne : line.quantity;
          yield `${operation},${uuidv7()},${ids[i]},${position + 1},${items.get(itemCode(line.item))},${line.quantity},${line.unit},${base}\n`;
        }
      }
    })(),
  );
  await copyInto(
    db,
    'COPY shipment_donors (operation_id, shipment_id, organization_id) FROM STDIN (FORMAT csv)',
    (function* () {
      for (const [i, s] of shipments.entries()) {
        for (const donor of s.donors) yield `${operation},${ids[i]},${organizations.get(acronym(donor))}\n`;
      }
    })(),
  );
}

/** Runs an export into a sink that counts bytes; returns time, bytes, and the peak RSS and heap. */
async function timeExport(ctx: Ctx, format: 'csv' | 'xlsx') {
  global.gc?.();
  const monitor = new RssMonitor(10);
  // The JS heap as well: RSS keeps pages V8 has not given back, the heap shows what is live.
  let heapPeak = process.memoryUsage().heapUsed;
  const heapTimer = setInterval(() => {
    heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
  }, 10);
  const watch = new Stopwatch();
  let bytes = 0;
  let livePeak = 0;
  const liveEvery = 1024 * 1024;
  await pipeline(
    exportRecords(ctx, 'shipments', { format, hxl: true }),
    new Writable({
      write(chunk: Buffer, _encoding, done) {
        const before = Math.floor(bytes / liveEvery);
        bytes += chunk.length;
        // Now and then a full GC, then the heap: what the export really holds, garbage aside.
        if (global.gc && Math.floor(bytes / liveEvery) !== before) {
          global.gc();
          livePeak = Math.max(livePeak, process.memoryUsage().heapUsed);
        }
        done();
      },
    }),
  );
  const ms = watch.wallMs;
  clearInterval(heapTimer);
  return { ms, bytes, peak: monitor.stop(), heapPeak, livePeak };
}

async function count(db: Pool, table: string): Promise<number> {
  return Number((await db.query<{ n: string }>(`SELECT count(*) AS n FROM ${table}`)).rows[0]?.n);
}

async function run(env: BenchEnv) {
  const n = env.rows;
  const small = Math.max(1, Math.floor(n / 10));
  const { log } = env;
  log(`  generating ${n} shipment lines…`);
  let shipments: Shipment[] = shipmentsOf(n);
  const bytes = csvOf(shipments);
  const shipmentCount = shipments.length;

  log('  COPY: N rows into a fresh database, and N/10 into another…');
  const copyDb = await env.freshDatabase();
  await seed(copyDb);
  const copyWatch = new Stopwatch();
  await copyShipments(copyDb, shipments);
  const copyMs = copyWatch.wallMs;
  // The import's memory is measured without the generated shipments beside it.
  shipments = [];
  const smallDb = await env.freshDatabase();
  await seed(smallDb);
  await copyShipments(smallDb, shipmentsOf(small));
  env.memory.sample();

  // Exports first, from the databases COPY filled, so that their memory is not the import's leftovers.
  log('  export: CSV and XLSX at N/10 and N rows…');
  const csvSmall = await timeExport(systemCtx(smallDb), 'csv');
  const csvFull = await timeExport(systemCtx(copyDb), 'csv');
  const xlsxSmall = await timeExport(systemCtx(smallDb), 'xlsx');
  const xlsxFull = await timeExport(systemCtx(copyDb), 'xlsx');

  log(`  import: ${n} rows through importRecords…`);
  await seed(env.db);
  global.gc?.();
  const importMemory = new RssMonitor(10);
  // With --expose-gc, a full GC every 2 s, then the heap: what the import really holds, garbage aside.
  let importLive = 0;
  const liveTimer = global.gc
    ? setInterval(() => {
        global.gc?.();
        importLive = Math.max(importLive, process.memoryUsage().heapUsed);
      }, 2000)
    : undefined;
  const importWatch = new Stopwatch();
  const report = await importRecords(systemCtx(env.db), {
    bytes,
    fileName: 'shipments.csv',
    resource: 'shipments',
    dryRun: false,
    maxBytes: bytes.byteLength,
  });
  const importMs = importWatch.wallMs;
  const importPeak = importMemory.stop();
  clearInterval(liveTimer);
  env.memory.sample();
  const lines = await count(env.db, 'shipment_lines');
  if (report.created !== shipmentCount || lines !== n) {
    throw new Error(`import created ${report.created} of ${shipmentCount} shipments, ${lines} of ${n} lines`);
  }

  const rate = (ms: number) => (n / ms) * 1000;
  const mib = (value: number) => value / mebibyte;
  return {
    figures: [
      { name: 'import (parse, map, resolve, validate, write)', value: rate(importMs), unit: 'rows/s' },
      { name: 'COPY of the same rows', value: rate(copyMs), unit: 'rows/s' },
      { name: 'import wall time', value: importMs / 1000, unit: 's' },
      { name: 'import peak RSS', value: mib(importPeak), unit: 'MiB' },
      ...(global.gc
        ? [{ name: 'import live heap (after GC, every 2 s)', value: mib(importLive), unit: 'MiB' }]
        : []),
      { name: 'CSV file', value: mib(bytes.byteLength), unit: 'MiB' },
      { name: 'export CSV', value: rate(csvFull.ms), unit: 'rows/s' },
      { name: 'export XLSX', value: rate(xlsxFull.ms), unit: 'rows/s' },
      { name: `export CSV peak RSS, ${n} rows`, value: mib(csvFull.peak), unit: 'MiB' },
      { name: `export CSV peak RSS, ${small} rows`, value: mib(csvSmall.peak), unit: 'MiB' },
      { name: `export XLSX peak RSS, ${n} rows`, value: mib(xlsxFull.peak), unit: 'MiB' },
      { name: `export XLSX peak RSS, ${small} rows`, value: mib(xlsxSmall.peak), unit: 'MiB' },
      { name: `export CSV peak heap, ${n} rows`, value: mib(csvFull.heapPeak), unit: 'MiB' },
      { name: `export XLSX peak heap, ${n} rows`, value: mib(xlsxFull.heapPeak), unit: 'MiB' },
      ...(global.gc
        ? [
            { name: `export CSV live heap, ${n} rows`, value: mib(csvFull.livePeak), unit: 'MiB' },
            { name: `export CSV live heap, ${small} rows`, value: mib(csvSmall.livePeak), unit: 'MiB' },
            { name: `export XLSX live heap, ${n} rows`, value: mib(xlsxFull.livePeak), unit: 'MiB' },
            { name: `export XLSX live heap, ${small} rows`, value: mib(xlsxSmall.livePeak), unit: 'MiB' },
          ]
        : []),
      { name: 'export CSV size', value: mib(csvFull.bytes), unit: 'MiB' },
      { name: 'export XLSX size', value: mib(xlsxFull.bytes), unit: 'MiB' },
    ],
    ratios: [
      { name: 'import rate / COPY rate', value: copyMs / importMs, note: 'goal ≥ 0.5' },
      { name: 'CSV export peak RSS, N / (N/10) rows', value: csvFull.peak / csvSmall.peak, note: 'flat ≈ 1' },
      {
        name: 'XLSX export peak RSS, N / (N/10) rows',
        value: xlsxFull.peak / xlsxSmall.peak,
        note: 'flat ≈ 1',
      },
    ],
    notes: [
      `import: ${shipmentCount} shipments of 1–7 lines, referring to items by code, places by p-code and organizations by acronym; one importRecords call, one transaction; verified: every shipment and line written`,
      'COPY: the same shipments, lines and donors with ids resolved beforehand, CSV format, into the same tables (their triggers fire), with the search terms the import stores',
      'export memory: peak RSS and heap sampled every 10 ms, exports run before the import; with node --expose-gc, a full GC every MiB of output gives the live heap',
    ],
  };
}

export const exchangeBench: Benchmark = {
  name: 'exchange',
  description: 'N shipment lines imported from CSV vs COPY; N rows exported as CSV and XLSX with peak memory',
  defaultRows: 1_000_000,
  run,
};
