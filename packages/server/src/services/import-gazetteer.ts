import { AppError, uuidv7 } from '@tansiq/core';
import { normalizeForMatch } from '@tansiq/core/text/arabic';
import { GazetteerFileError, type GazetteerRow, parseGazetteerFile } from '../exchange/gazetteer-file.ts';
import { type AdminUnitRecord, gazetteerTable, loadAdminUnits } from '../store/admin-units.ts';
import { inTransaction } from '../store/db.ts';
import { type ColumnValues, insertRows, updateRow } from '../store/registry.ts';
import type { Ctx } from './context.ts';
import { adminUnits } from './resources/registry.ts';

export interface GazetteerImportInput {
  content: string;
  fileName: string;
  dryRun: boolean;
}

export interface GazetteerChange {
  pcode: string;
  action: 'create' | 'update';
  fields: string[];
}

export interface GazetteerImportReport {
  file: string;
  format: 'csv' | 'geojson';
  rows: number;
  matched: number;
  unchanged: number;
  updated: number;
  created: number;
  unmatched: { line: number; name: string }[];
  ambiguous: { line: number; name: string; candidates: string[] }[];
  changes: GazetteerChange[];
  dryRun: boolean;
}

interface Planned {
  row: GazetteerRow;
  unit: AdminUnitRecord | undefined;
  values: ColumnValues;
  fields: string[];
}

const sameNumber = (a: number | null, b: number | undefined) =>
  b === undefined || (a !== null && Math.abs(a - b) < 1e-4);

/** What differs between the file's row and the stored unit, as column values to write. */
function differences(row: GazetteerRow, unit: AdminUnitRecord): { values: ColumnValues; fields: string[] } {
  const values: ColumnValues = {};
  const fields: string[] = [];
  const set = (field: string, column: string, value: unknown) => {
    fields.push(field);
    values[column] = value;
  };
  if (row.names.ar && row.names.ar !== unit.name_ar) set('names.ar', 'name_ar', row.names.ar);
  if (row.names.en && row.names.en !== unit.name_en) set('names.en', 'name_en', row.names.en);
  if (row.validFrom && row.validFrom !== unit.valid_from) set('validFrom', 'valid_from', row.validFrom);
  if (row.validTo && row.validTo !== unit.valid_to) set('validTo', 'valid_to', row.validTo);
  if (row.parentPcode && row.parentPcode !== unit.parent_pcode)
    set('parentPcode', 'parent_id', row.parentPcode);
  if (
    row.centre &&
    !(sameNumber(unit.centre_lat, row.centre.lat) && sameNumber(unit.centre_lon, row.centre.lon))
  ) {
    fields.push('centre');
    values.centre_lat = row.centre.lat;
    values.centre_lon = row.centre.lon;
  }
  if (row.geometry !== undefined && JSON.stringify(row.geometry) !== JSON.stringify(unit.boundary)) {
    set('boundary', 'boundary', row.geometry);
  }
  return { values, fields };
}

/**
 * Rows without a p-code are matched on exact name (folded for case, diacritics and hamza forms).
 * Names repeat across levels (Damascus is a governorate and a district), so the file's level is
 * the one where most of its names are found, and rows match within it.
 */
function matchByName(rows: GazetteerRow[], units: AdminUnitRecord[]) {
  const byName = new Map<string, AdminUnitRecord[]>();
  for (const unit of units) {
    for (const name of new Set(
      [unit.name_ar, unit.name_en].filter((n): n is string => Boolean(n)).map(normalizeForMatch),
    )) {
      byName.set(name, [...(byName.get(name) ?? []), unit]);
    }
  }
  const candidatesOf = (row: GazetteerRow) => {
    const found = new Map<string, AdminUnitRecord>();
    for (const name of [row.names.en, row.names.ar]) {
      for (const unit of name ? (byName.get(normalizeForMatch(name)) ?? []) : []) found.set(unit.id, unit);
    }
    return [...found.values()].filter((unit) => row.level === null || unit.level === row.level);
  };
  const coverage = new Map<number, number>();
  const candidates = rows.map((row) => {
    const found = candidatesOf(row);
    for (const level of new Set(found.map((unit) => unit.level)))
      coverage.set(level, (coverage.get(level) ?? 0) + 1);
    return found;
  });
  const fileLevel = [...coverage.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0];
  return candidates.map((found) => found.filter((unit) => unit.level === fileLevel));
}

export async function importGazetteer(
  ctx: Ctx,
  input: GazetteerImportInput,
  onProgress?: (done: number, total: number) => void,
): Promise<GazetteerImportReport> {
  let parsed: ReturnType<typeof parseGazetteerFile>;
  try {
    parsed = parseGazetteerFile(input.content, input.fileName);
  } catch (error) {
    if (error instanceof GazetteerFileError) {
      throw new AppError(error.code, { file: input.fileName, ...error.details }, { cause: error });
    }
    throw error;
  }
  const report: GazetteerImportReport = {
    file: input.fileName,
    format: parsed.format,
    rows: parsed.rows.length,
    matched: 0,
    unchanged: 0,
    updated: 0,
    created: 0,
    unmatched: [],
    ambiguous: [],
    changes: [],
    dryRun: input.dryRun,
  };

  return await inTransaction(ctx.db, async (tx) => {
    const units = await loadAdminUnits(tx);
    const byPcode = new Map(units.map((unit) => [unit.pcode, unit]));
    const nameless = parsed.rows.filter((row) => !row.pcode);
    const matchedByName = matchByName(nameless, units);
    const nameMatches = new Map(nameless.map((row, i) => [row, matchedByName[i] ?? []]));

    const plan: Planned[] = [];
    for (const row of parsed.rows) {
      const label = row.names.en ?? row.names.ar ?? row.pcode ?? '';
      let unit: AdminUnitRecord | undefined;
      if (row.pcode) {
        unit = byPcode.get(row.pcode);
      } else {
        const found = nameMatches.get(row) ?? [];
        if (found.length > 1) {
          report.ambiguous.push({ line: row.line, name: label, candidates: found.map((u) => u.pcode) });
          continue;
        }
        unit = found[0];
        if (!unit) {
          report.unmatched.push({ line: row.line, name: label });
          continue;
        }
      }
      if (unit) {
        report.matched++;
        const { values, fields } = differences(row, unit);
        if (fields.length === 0) report.unchanged++;
        else plan.push({ row, unit, values, fields });
      } else {
        const level = row.level ?? parsed.level;
        if (level === null || !row.pcode) {
          report.unmatched.push({ line: row.line, name: label });
          continue;
        }
        plan.push({
          row,
          unit: undefined,
          values: {
            pcode: row.pcode,
            level,
            parent_id: row.parentPcode,
            name_ar: row.names.ar ?? null,
            name_en: row.names.en ?? null,
            valid_from: row.validFrom ?? null,
            valid_to: row.validTo ?? null,
            centre_lat: row.centre?.lat ?? null,
            centre_lon: row.centre?.lon ?? null,
            boundary: row.geometry ?? null,
          },
          fields: [],
        });
      }
    }

    for (const step of plan) {
      report.changes.push({
        pcode: step.unit?.pcode ?? String(step.values.pcode),
        action: step.unit ? 'update' : 'create',
        fields: step.fields,
      });
      if (step.unit) report.updated++;
      else report.created++;
    }
    if (input.dryRun || plan.length === 0) return report;

    // Parents first, so that a created district finds the governorate created before it.
    plan.sort((a, b) => Number(a.values.level ?? a.unit?.level) - Number(b.values.level ?? b.unit?.level));
    const ids = new Map(units.map((unit) => [unit.pcode, unit.id]));
    let done = 0;
    for (const step of plan) {
      const parent = step.values.parent_id;
      if (typeof parent === 'string') {
        const parentId = ids.get(parent);
        if (!parentId) {
          throw new AppError('record.reference_missing', {
            field: 'parentPcode',
            resource: 'admin-unit',
            value: parent,
            line: step.row.line,
          });
        }
        step.values.parent_id = parentId;
      }
      if (step.unit) {
        await updateRow(
          tx,
          gazetteerTable,
          step.unit.id,
          step.values,
          adminUnits.searchText({ ...step.unit, ...step.values }),
        );
      } else {
        const id = uuidv7(ctx.now().getTime());
        await insertRows(tx, gazetteerTable, [
          { id, values: step.values, searchTerms: adminUnits.searchText(step.values) },
        ]);
        ids.set(String(step.values.pcode), id);
      }
      onProgress?.(++done, plan.length);
    }
    return report;
  });
}
