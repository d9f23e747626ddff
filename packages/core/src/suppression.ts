/**
 * Small-count suppression for published two-dimensional tables of counts (statistical disclosure
 * control). Pure and browser-safe. Decision 013 gives the rules and why.
 *
 * A table is published as its cells, its row totals, its column totals and its grand total.
 * Every count with 0 < value < threshold is suppressed (primary suppression); then more values are
 * suppressed (complementary suppression) until, from everything published and the fact that
 * counts are non-negative, every suppressed value can lie anywhere in a range at least
 * `threshold` wide. Zeros are published ("none" is not a small count).
 *
 * The table is a circulation in a small network: a node S, one node per row, one per column and
 * a node T, with an arc S→row (the row total), row→column (the cell), column→T (the column
 * total) and T→S (the grand total). Every arc's value is the flow on it, and the published
 * figures fix the flow on their arcs. A value can rise by as much flow as can be sent around a
 * cycle through its arc whose other arcs are unpublished (they may rise without bound and fall
 * to zero): two maximum flows give how far each value can rise and fall. The constraint matrix
 * of a network is totally unimodular, so these bounds are the integer bounds too.
 *
 * `auditSuppression` checks a published table with a different method (a two-phase simplex over
 * the published equations only) and is what the tests hold the algorithm to.
 */
import { AppError } from './errors.ts';

/** A value of a published table: a cell or one of the totals. */
export type TablePosition =
  | { kind: 'cell'; row: number; column: number }
  | { kind: 'rowTotal'; row: number }
  | { kind: 'columnTotal'; column: number }
  | { kind: 'grandTotal' };

/** Which totals are published next to the cells (all by default). */
export interface PublishedTotals {
  rowTotals?: boolean;
  columnTotals?: boolean;
  grandTotal?: boolean;
}

export interface SuppressionOptions {
  /**
   * Counts with 0 < value < threshold are suppressed, and every suppressed value must be able to
   * lie anywhere in a range at least this wide. A positive integer; configuration, not a constant
   * (10 for the public, 5 for partners).
   */
  threshold: number;
  publish?: PublishedTotals;
}

/**
 * What may be shown: `null` is a suppressed value; a total that is not published is absent.
 * Nothing else of a `SuppressionResult` may be shown (knowing which values are primary
 * suppressions would tell that they are small).
 */
export interface PublishedTable {
  rows: number;
  columns: number;
  cells: (number | null)[][];
  rowTotals?: (number | null)[];
  columnTotals?: (number | null)[];
  grandTotal?: number | null;
}

export interface SuppressionResult {
  table: PublishedTable;
  /** Values suppressed because they are small (including small totals that are not published). */
  primary: TablePosition[];
  /** Values suppressed only to protect others. */
  complementary: TablePosition[];
}

function invalid(reason: string, details: Record<string, unknown> = {}): AppError {
  return new AppError('validation.invalid', { module: 'suppression', reason, ...details });
}

function checkThreshold(threshold: number): void {
  if (!Number.isSafeInteger(threshold) || threshold < 1) throw invalid('threshold', { threshold });
}

function at(values: ArrayLike<number>, index: number): number {
  const value = values[index];
  if (value === undefined) throw new RangeError(`index ${index} out of range`);
  return value;
}

// ---------------------------------------------------------------------------------------------
// The table as a network

const S = 0;
const T = 1;

class Network {
  readonly nodes: number;
  readonly arcs: number;
  readonly tail: number[] = [];
  readonly head: number[] = [];
  readonly value: number[] = [];
  /** Arcs incident to each node. */
  readonly incident: number[][];

  constructor(
    readonly m: number,
    readonly n: number,
    cells: readonly (readonly number[])[],
  ) {
    this.nodes = 2 + m + n;
    this.arcs = m * n + m + n + 1;
    this.incident = Array.from({ length: this.nodes }, () => []);
    const rowSums = new Array<number>(m).fill(0);
    const columnSums = new Array<number>(n).fill(0);
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < n; j++) {
        const value = cells[i]?.[j] ?? 0;
        this.add(2 + i, 2 + m + j, value);
        rowSums[i] = at(rowSums, i) + value;
        columnSums[j] = at(columnSums, j) + value;
      }
    }
    for (let i = 0; i < m; i++) this.add(S, 2 + i, at(rowSums, i));
    for (let j = 0; j < n; j++) this.add(2 + m + j, T, at(columnSums, j));
    this.add(
      T,
      S,
      rowSums.reduce((sum, value) => sum + value, 0),
    );
  }

  private add(tail: number, head: number, value: number): void {
    const arc = this.tail.length;
    this.tail.push(tail);
    this.head.push(head);
    this.value.push(value);
    this.incident[tail]?.push(arc);
    this.incident[head]?.push(arc);
  }

  rowArc(row: number): number {
    return this.m * this.n + row;
  }

  columnArc(column: number): number {
    return this.m * this.n + this.m + column;
  }

  get grandArc(): number {
    return this.m * this.n + this.m + this.n;
  }

  isTotal(arc: number): boolean {
    return arc >= this.m * this.n;
  }

  position(arc: number): TablePosition {
    const { m, n } = this;
    if (arc < m * n) return { kind: 'cell', row: Math.floor(arc / n), column: arc % n };
    if (arc < m * n + m) return { kind: 'rowTotal', row: arc - m * n };
    if (arc < m * n + m + n) return { kind: 'columnTotal', column: arc - m * n - m };
    return { kind: 'grandTotal' };
  }
}

interface Protection {
  /** How far the value can rise (capped at the threshold). */
  up: number;
  /** How far it can fall (capped at the threshold and at the value itself). */
  down: number;
  /** The flows found, as changes per arc: the residual network the searches continue from. */
  upDelta: number[];
  downDelta: number[];
}

interface Path {
  /** Published arcs the path needs suppressed. */
  arcs: number[];
  cost: number;
  capacity: number;
}

/**
 * How far values can move given which arcs are unknown to the reader (`free`): suppressed values
 * and totals that are not published. The true table is a feasible point, so no search for one is
 * needed: an unknown arc may rise without bound and fall by its value.
 */
class Protector {
  private readonly costs: number[];

  constructor(
    readonly net: Network,
    readonly threshold: number,
    readonly free: boolean[],
    /** Arcs that may be suppressed (published values). */
    readonly eligible: boolean[],
  ) {
    const largest = Math.max(1, ...net.value);
    // A new suppression costs about 1 whatever the value (fewer suppressions first), smaller
    // values a little less (less information lost); a zero a little more (it protects only by
    // rising); a total far more (a table without its totals is of little use, and one total
    // hides a whole row or column).
    this.costs = net.value.map((value, arc) =>
      net.isTotal(arc) ? 1000 : value === 0 ? 1.5 : 1 + (0.5 * value) / largest,
    );
  }

  /**
   * Sends up to `limit` units from `source` to `sink` through unknown arcs other than `skip`,
   * augmenting along shortest paths; `delta` records the change on every arc.
   */
  private augment(source: number, sink: number, skip: number, limit: number, delta: number[]): number {
    const { net, free } = this;
    const previousArc = new Array<number>(net.nodes);
    let flow = 0;
    while (flow < limit) {
      previousArc.fill(-1);
      const queue = [source];
      const seen = new Array<boolean>(net.nodes).fill(false);
      seen[source] = true;
      for (let k = 0; k < queue.length && !seen[sink]; k++) {
        const node = at(queue, k);
        for (const arc of net.incident[node] ?? []) {
          if (arc === skip || !free[arc]) continue;
          const forward = net.tail[arc] === node;
          const next = forward ? at(net.head, arc) : at(net.tail, arc);
          if (seen[next]) continue;
          if (!forward && at(net.value, arc) + at(delta, arc) <= 0) continue;
          seen[next] = true;
          previousArc[next] = arc;
          queue.push(next);
        }
      }
      if (!seen[sink]) break;
      let amount = limit - flow;
      for (let node = sink; node !== source; ) {
        const arc = at(previousArc, node);
        const forward = net.head[arc] === node;
        if (!forward) amount = Math.min(amount, at(net.value, arc) + at(delta, arc));
        node = forward ? at(net.tail, arc) : at(net.head, arc);
      }
      for (let node = sink; node !== source; ) {
        const arc = at(previousArc, node);
        const forward = net.head[arc] === node;
        delta[arc] = at(delta, arc) + (forward ? amount : -amount);
        node = forward ? at(net.tail, arc) : at(net.head, arc);
      }
      flow += amount;
    }
    return flow;
  }

  protection(arc: number): Protection {
    const { net, threshold } = this;
    const tail = at(net.tail, arc);
    const head = at(net.head, arc);
    const upDelta = new Array<number>(net.arcs).fill(0);
    const downDelta = new Array<number>(net.arcs).fill(0);
    // Rising by d: d more units leave `head` and must come back to `tail` by other arcs.
    const up = this.augment(head, tail, arc, threshold, upDelta);
    const down = this.augment(tail, head, arc, Math.min(threshold, at(net.value, arc)), downDelta);
    return { up, down, upDelta, downDelta };
  }

  isProtected(arc: number): boolean {
    const { up, down } = this.protection(arc);
    return up + down >= this.threshold;
  }

  /**
   * The cheapest path from `source` to `sink` in the residual network left by `delta`, where
   * published arcs may join at their cost (rising without bound, falling by their value); only
   * arcs that can carry at least `minCapacity` are used.
   */
  private cheapestPath(
    source: number,
    sink: number,
    skip: number,
    delta: number[],
    minCapacity: number,
  ): Path | undefined {
    const { net, free, eligible } = this;
    const distance = new Array<number>(net.nodes).fill(Number.POSITIVE_INFINITY);
    const previousArc = new Array<number>(net.nodes).fill(-1);
    const done = new Array<boolean>(net.nodes).fill(false);
    distance[source] = 0;
    for (;;) {
      let node = -1;
      for (let k = 0; k < net.nodes; k++) {
        if (
          !done[k] &&
          at(distance, k) < Number.POSITIVE_INFINITY &&
          (node < 0 || at(distance, k) < at(distance, node))
        )
          node = k;
      }
      if (node < 0 || node === sink) break;
      done[node] = true;
      for (const arc of net.incident[node] ?? []) {
        if (arc === skip || !(free[arc] || eligible[arc])) continue;
        const forward = net.tail[arc] === node;
        const next = forward ? at(net.head, arc) : at(net.tail, arc);
        if (done[next]) continue;
        const capacity = forward
          ? Number.POSITIVE_INFINITY
          : at(net.value, arc) + (free[arc] ? at(delta, arc) : 0);
        if (capacity < minCapacity || capacity <= 0) continue;
        const cost = at(distance, node) + (free[arc] ? 0 : at(this.costs, arc));
        if (cost < at(distance, next)) {
          distance[next] = cost;
          previousArc[next] = arc;
        }
      }
    }
    if (at(distance, sink) === Number.POSITIVE_INFINITY) return undefined;
    const arcs: number[] = [];
    let capacity = Number.POSITIVE_INFINITY;
    for (let node = sink; node !== source; ) {
      const arc = at(previousArc, node);
      const forward = net.head[arc] === node;
      if (!free[arc]) arcs.push(arc);
      if (!forward) capacity = Math.min(capacity, at(net.value, arc) + (free[arc] ? at(delta, arc) : 0));
      node = forward ? at(net.tail, arc) : at(net.head, arc);
    }
    return { arcs, cost: at(distance, sink), capacity };
  }

  /**
   * Published arcs to suppress so that `arc` gains protection: the cheapest cycle through it,
   * rising or falling, preferring one that closes the whole gap. Never empty: the flows in
   * `protection` are maximal, so any further path crosses a published arc; and a path always
   * exists, since every arc may rise without bound once all are suppressed.
   */
  complement(arc: number, protection: Protection): number[] {
    const { net, threshold } = this;
    const { up, down, upDelta, downDelta } = protection;
    const need = threshold - up - down;
    const tail = at(net.tail, arc);
    const head = at(net.head, arc);
    const roomDown = at(net.value, arc) - down;
    const options: Path[] = [];
    for (const minCapacity of [need, 1]) {
      const rise = this.cheapestPath(head, tail, arc, upDelta, minCapacity);
      if (rise) options.push(rise);
      if (roomDown >= minCapacity) {
        const fall = this.cheapestPath(tail, head, arc, downDelta, minCapacity);
        if (fall) options.push({ ...fall, capacity: Math.min(fall.capacity, roomDown) });
      }
    }
    // A path that closes the gap alone is worth one more suppression than one that does not.
    const score = (path: Path) => path.cost + (path.capacity >= need ? 0 : 1);
    const best = options.reduce<Path | undefined>(
      (chosen, path) => (chosen === undefined || score(path) < score(chosen) ? path : chosen),
      undefined,
    );
    if (!best || best.arcs.length === 0) {
      throw new Error(`suppression: no complement for ${JSON.stringify(net.position(arc))}`);
    }
    return best.arcs;
  }
}

function validateTable(table: readonly (readonly number[])[]): number {
  const columns = table[0]?.length ?? 0;
  table.forEach((row, i) => {
    if (row.length !== columns) throw invalid('ragged', { row: i, columns: row.length, expected: columns });
    row.forEach((value, j) => {
      if (!Number.isSafeInteger(value) || value < 0) throw invalid('count', { row: i, column: j, value });
    });
  });
  return columns;
}

/**
 * Suppresses the small counts of a table of non-negative integer counts (rows × columns) and
 * enough other values that none of the suppressed ones can be narrowed to a range smaller than
 * the threshold from what is published. Rules (decision 013):
 * - a cell or total with 0 < value < threshold is suppressed (a small total not published is
 *   protected all the same); zeros are published;
 * - every suppressed value, primary or complementary, can take values over a range at least
 *   `threshold` wide given all published figures and non-negativity;
 * - complements are cells where possible (the cheapest cycle through the value needing
 *   protection); totals are suppressed only when no cells can protect a value;
 * - complements that turn out unnecessary once all are chosen are published again.
 */
export function suppressTable(
  table: readonly (readonly number[])[],
  options: SuppressionOptions,
): SuppressionResult {
  const { threshold } = options;
  checkThreshold(threshold);
  const m = table.length;
  const n = validateTable(table);
  const publish = {
    rowTotals: options.publish?.rowTotals ?? true,
    columnTotals: options.publish?.columnTotals ?? true,
    grandTotal: options.publish?.grandTotal ?? true,
  };
  const net = new Network(m, n, table);
  const omitted = new Array<boolean>(net.arcs).fill(false);
  for (let i = 0; i < m; i++) omitted[net.rowArc(i)] = !publish.rowTotals;
  for (let j = 0; j < n; j++) omitted[net.columnArc(j)] = !publish.columnTotals;
  omitted[net.grandArc] = !publish.grandTotal;

  const small = net.value.map((value) => value > 0 && value < threshold);
  const free = omitted.slice();
  const primary: number[] = [];
  for (let arc = 0; arc < net.arcs; arc++) {
    if (!small[arc]) continue;
    primary.push(arc);
    free[arc] = true;
  }
  const eligible = free.map((isFree) => !isFree);
  const protector = new Protector(net, threshold, free, eligible);

  // Suppressing more only removes equations, so a value once protected stays protected: one pass
  // over a work list that grows with each complement suffices. Small totals first: they force
  // the most.
  const complementary: number[] = [];
  const work = [...primary.filter((arc) => net.isTotal(arc)), ...primary.filter((arc) => !net.isTotal(arc))];
  for (let k = 0; k < work.length; k++) {
    const arc = at(work, k);
    for (;;) {
      const protection = protector.protection(arc);
      if (protection.up + protection.down >= threshold) break;
      for (const added of protector.complement(arc, protection)) {
        free[added] = true;
        eligible[added] = false;
        complementary.push(added);
        work.push(added);
      }
    }
  }

  // Greedy choices can overshoot: publish again any complement without which every suppressed
  // value (and every small unpublished total) stays protected, the most informative first.
  const needing = () => net.value.map((_, arc) => free[arc] && (!omitted[arc] || small[arc]));
  const byValue = complementary.slice().sort((a, b) => {
    const totalFirst = Number(net.isTotal(b)) - Number(net.isTotal(a));
    return totalFirst !== 0 ? totalFirst : at(net.value, b) - at(net.value, a);
  });
  for (const arc of byValue) {
    free[arc] = false;
    const stillSafe = needing().every((needs, other) => !needs || protector.isProtected(other));
    if (!stillSafe) free[arc] = true;
  }
  const kept = complementary.filter((arc) => free[arc]).sort((a, b) => a - b);

  const shown = (arc: number): number | null => (free[arc] ? null : at(net.value, arc));
  const published: PublishedTable = {
    rows: m,
    columns: n,
    cells: Array.from({ length: m }, (_, i) => Array.from({ length: n }, (_, j) => shown(i * n + j))),
  };
  if (publish.rowTotals) published.rowTotals = Array.from({ length: m }, (_, i) => shown(net.rowArc(i)));
  if (publish.columnTotals) {
    published.columnTotals = Array.from({ length: n }, (_, j) => shown(net.columnArc(j)));
  }
  if (publish.grandTotal) published.grandTotal = shown(net.grandArc);
  return {
    table: published,
    primary: primary.map((arc) => net.position(arc)),
    complementary: kept.map((arc) => net.position(arc)),
  };
}

// ---------------------------------------------------------------------------------------------
// The auditor: a two-phase simplex over the published equations only

const EPS = 1e-9;

interface Tableau {
  /** Constraint rows (coefficients per column); kept in canonical form for `basis`. */
  rows: number[][];
  rhs: number[];
  basis: number[];
}

function pivot(tableau: Tableau, reduced: number[], row: number, column: number): number {
  const pivotRow = tableau.rows[row] ?? [];
  const factor = at(pivotRow, column);
  for (let c = 0; c < pivotRow.length; c++) pivotRow[c] = at(pivotRow, c) / factor;
  tableau.rhs[row] = at(tableau.rhs, row) / factor;
  const eliminate = (target: number[], multiplier: number) => {
    for (let c = 0; c < target.length; c++) {
      const next = at(target, c) - multiplier * at(pivotRow, c);
      target[c] = Math.abs(next) < EPS ? 0 : next;
    }
  };
  tableau.rows.forEach((other, r) => {
    if (r === row) return;
    const multiplier = at(other, column);
    if (multiplier === 0) return;
    eliminate(other, multiplier);
    const next = at(tableau.rhs, r) - multiplier * at(tableau.rhs, row);
    tableau.rhs[r] = Math.abs(next) < EPS ? 0 : next;
  });
  const step = at(reduced, column);
  eliminate(reduced, step);
  tableau.basis[row] = column;
  return step * at(tableau.rhs, row);
}

/** Minimizes cost·x over the tableau's feasible set (Bland's rule: no cycling); mutates it. */
function minimize(tableau: Tableau, cost: readonly number[]): number {
  const reduced = cost.slice();
  let value = 0;
  tableau.rows.forEach((row, r) => {
    const basic = at(cost, at(tableau.basis, r));
    if (basic === 0) return;
    for (let c = 0; c < reduced.length; c++) reduced[c] = at(reduced, c) - basic * at(row, c);
    value += basic * at(tableau.rhs, r);
  });
  for (;;) {
    const entering = reduced.findIndex((d) => d < -EPS);
    if (entering < 0) return value;
    let leaving = -1;
    let best = Number.POSITIVE_INFINITY;
    tableau.rows.forEach((row, r) => {
      const coefficient = at(row, entering);
      if (coefficient <= EPS) return;
      const ratio = at(tableau.rhs, r) / coefficient;
      if (
        ratio < best - EPS ||
        (ratio <= best + EPS && leaving >= 0 && at(tableau.basis, r) < at(tableau.basis, leaving))
      ) {
        best = Math.min(best, ratio);
        leaving = r;
      }
    });
    if (leaving < 0) return Number.NEGATIVE_INFINITY;
    value += pivot(tableau, reduced, leaving, entering);
  }
}

/** Phase one: a feasible basis for A·x = b, x ≥ 0 without redundant rows, or undefined if none. */
function feasibleTableau(coefficients: number[][], rhs: number[], variables: number): Tableau | undefined {
  const count = coefficients.length;
  const tableau: Tableau = {
    rows: coefficients.map((row, r) => {
      const sign = at(rhs, r) < 0 ? -1 : 1;
      const artificial = new Array<number>(count).fill(0);
      artificial[r] = 1;
      return [...row.map((c) => sign * c), ...artificial];
    }),
    rhs: rhs.map((b) => Math.abs(b)),
    basis: coefficients.map((_, r) => variables + r),
  };
  const cost = [...new Array<number>(variables).fill(0), ...new Array<number>(count).fill(1)];
  if (minimize(tableau, cost) > 1e-7) return undefined;
  // Drive artificial variables out of the basis; a row where none can leave is redundant.
  const scratch = new Array<number>(variables + count).fill(0);
  for (let r = tableau.rows.length - 1; r >= 0; r--) {
    if (at(tableau.basis, r) < variables) continue;
    const row = tableau.rows[r] ?? [];
    const column = row.findIndex((c, index) => index < variables && Math.abs(c) > EPS);
    if (column >= 0) {
      pivot(tableau, scratch, r, column);
    } else {
      tableau.rows.splice(r, 1);
      tableau.rhs.splice(r, 1);
      tableau.basis.splice(r, 1);
    }
  }
  tableau.rows = tableau.rows.map((row) => row.slice(0, variables));
  return tableau;
}

function copyTableau(tableau: Tableau): Tableau {
  return {
    rows: tableau.rows.map((row) => row.slice()),
    rhs: tableau.rhs.slice(),
    basis: tableau.basis.slice(),
  };
}

function snap(value: number): number {
  const rounded = Math.round(value);
  return Math.abs(value - rounded) < 1e-6 ? rounded : value;
}

export interface AuditedRange {
  position: TablePosition;
  /** Suppressed (null) rather than not published at all. */
  suppressed: boolean;
  min: number;
  /** `Infinity` when nothing published bounds it. */
  max: number;
}

export interface AuditFailure {
  position: TablePosition;
  reason: 'small_published' | 'range_too_narrow';
  min?: number;
  max?: number;
}

export interface SuppressionAudit {
  safe: boolean;
  /** The feasible range of every value that is not published: suppressed ones and omitted totals. */
  ranges: AuditedRange[];
  failures: AuditFailure[];
}

/**
 * Checks a published table from the published figures only: no published value is a small
 * count, and every suppressed value's feasible range (given all published cells and totals and
 * non-negativity) is at least `threshold` wide — so none can be recovered exactly. Ranges are
 * computed by linear programming over the published equations (independently of the network
 * method `suppressTable` uses); the equations are those of a network, so the bounds of the
 * linear program are integers and are the bounds over integer tables too.
 */
export function auditSuppression(table: PublishedTable, threshold: number): SuppressionAudit {
  checkThreshold(threshold);
  const { rows: m, columns: n } = table;
  const failures: AuditFailure[] = [];
  const cell = (i: number, j: number): number | null => {
    const value = table.cells[i]?.[j];
    if (value === undefined) throw invalid('shape', { row: i, column: j });
    return value;
  };
  const variableOf = new Map<number, number>();
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < n; j++) {
      const value = cell(i, j);
      if (value === null) variableOf.set(i * n + j, variableOf.size);
      else if (value > 0 && value < threshold)
        failures.push({ position: { kind: 'cell', row: i, column: j }, reason: 'small_published' });
    }
  }
  const variables = variableOf.size;

  // Each total as a linear form over the unknown cells plus a known constant.
  interface Form {
    position: TablePosition;
    published: number | null | undefined;
    coefficients: number[];
    constant: number;
  }
  const form = (
    position: TablePosition,
    published: number | null | undefined,
    members: [number, number][],
  ) => {
    const coefficients = new Array<number>(variables).fill(0);
    let constant = 0;
    for (const [i, j] of members) {
      const variable = variableOf.get(i * n + j);
      if (variable === undefined) constant += cell(i, j) ?? 0;
      else coefficients[variable] = 1;
    }
    return { position, published, coefficients, constant } satisfies Form;
  };
  const range = (length: number) => Array.from({ length }, (_, k) => k);
  const forms: Form[] = [
    ...range(m).map((i) =>
      form(
        { kind: 'rowTotal', row: i },
        table.rowTotals ? (table.rowTotals[i] ?? null) : undefined,
        range(n).map((j): [number, number] => [i, j]),
      ),
    ),
    ...range(n).map((j) =>
      form(
        { kind: 'columnTotal', column: j },
        table.columnTotals ? (table.columnTotals[j] ?? null) : undefined,
        range(m).map((i): [number, number] => [i, j]),
      ),
    ),
    form(
      { kind: 'grandTotal' },
      table.grandTotal,
      range(m).flatMap((i) => range(n).map((j): [number, number] => [i, j])),
    ),
  ];

  const equations: number[][] = [];
  const rhs: number[] = [];
  for (const f of forms) {
    if (typeof f.published !== 'number') continue;
    if (f.published > 0 && f.published < threshold)
      failures.push({ position: f.position, reason: 'small_published' });
    if (f.coefficients.every((c) => c === 0)) {
      if (f.published !== f.constant) throw invalid('inconsistent', { position: f.position });
      continue;
    }
    equations.push(f.coefficients);
    rhs.push(f.published - f.constant);
  }
  const tableau = feasibleTableau(equations, rhs, variables);
  if (!tableau) throw invalid('inconsistent');

  const bounds = (coefficients: number[], constant: number) => {
    const low = minimize(copyTableau(tableau), coefficients);
    const high = -minimize(
      copyTableau(tableau),
      coefficients.map((c) => -c),
    );
    return {
      min: snap(constant + low),
      max: high === Number.POSITIVE_INFINITY ? high : snap(constant + high),
    };
  };
  const ranges: AuditedRange[] = [];
  for (const [index, variable] of variableOf) {
    const coefficients = new Array<number>(variables).fill(0);
    coefficients[variable] = 1;
    const position: TablePosition = { kind: 'cell', row: Math.floor(index / n), column: index % n };
    ranges.push({ position, suppressed: true, ...bounds(coefficients, 0) });
  }
  for (const f of forms) {
    if (typeof f.published === 'number') continue;
    ranges.push({
      position: f.position,
      suppressed: f.published === null,
      ...bounds(f.coefficients, f.constant),
    });
  }
  for (const r of ranges) {
    if (r.suppressed && r.max - r.min < threshold) {
      failures.push({ position: r.position, reason: 'range_too_narrow', min: r.min, max: r.max });
    }
  }
  return { safe: failures.length === 0, ranges, failures };
}
