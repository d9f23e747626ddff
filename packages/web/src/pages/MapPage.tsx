import type { AdminUnitView, Boundaries, MeetingsTimelineReport, ReturnsReport } from '@tansiq/core';
import { useId, useMemo } from 'react';
import type { Page as ApiPage } from '../api.ts';
import { Card } from '../components/Card.tsx';
import { Page } from '../components/Page.tsx';
import { Async, Empty } from '../components/Pending.tsx';
import { Localized } from '../components/Text.tsx';
import { useI18n } from '../i18n/context.tsx';
import { classOf, fitProjection, type Geometry, geometryPoints, pathOf } from '../lib/geo.ts';
import { setQuery, useLocation } from '../router.tsx';
import { type ApiState, useApi } from '../useApi.ts';

const figures = ['activities', 'individuals', 'returns', 'meetings'] as const;
type Figure = (typeof figures)[number];

interface ThreeWRow {
  governorate: { id: string; pcode: string } | null;
  activities: number;
  individuals: number;
}

function sumBy<T>(rows: T[], key: (row: T) => string | null | undefined, value: (row: T) => number) {
  const sums = new Map<string, number>();
  for (const row of rows) {
    const k = key(row);
    if (k) sums.set(k, (sums.get(k) ?? 0) + value(row));
  }
  return sums;
}

/** The governorate p-code of any p-code: SY0101 → SY01. */
export function governorateOf(pcode: string | null | undefined): string | null {
  return pcode && /^SY\d{2}/.test(pcode) ? pcode.slice(0, 4) : null;
}

export function GovernorateMap({
  units,
  values,
  boundaries,
  title,
}: {
  units: AdminUnitView[];
  values: Map<string, number>;
  boundaries: Map<string, Geometry>;
  title: string;
}) {
  const { t, formatNumber, pick } = useI18n();
  const titleId = useId();
  const placed = units.filter((unit) => unit.centre || boundaries.has(unit.pcode));
  if (placed.length === 0) return <Empty>{t('map.noPlaces')}</Empty>;
  const points = placed.flatMap((unit) => {
    const boundary = boundaries.get(unit.pcode);
    return boundary ? geometryPoints(boundary) : unit.centre ? [unit.centre] : [];
  });
  const projection = fitProjection(points, 640, 48);
  const max = Math.max(0, ...values.values());
  return (
    // A map is never mirrored: east stays on the right whatever the page direction.
    <figure className="map-figure" dir="ltr">
      <svg
        viewBox={`0 0 ${projection.width} ${projection.height}`}
        role="img"
        aria-labelledby={titleId}
        className="map"
        data-testid="map"
      >
        <title id={titleId}>{title}</title>
        {placed.map((unit) => {
          const value = values.get(unit.pcode) ?? 0;
          const shade = classOf(value, max);
          const name = pick(unit.names)?.text ?? unit.pcode;
          const label = `${name}: ${formatNumber(value)}`;
          const boundary = boundaries.get(unit.pcode);
          if (boundary)
            return (
              <path
                key={unit.id}
                d={pathOf(boundary, projection)}
                className={`map-area shade-${shade}`}
                fillRule="evenodd"
              >
                <title>{label}</title>
              </path>
            );
          if (!unit.centre) return null;
          const { x, y } = projection.project(unit.centre);
          const radius = 10 + (max > 0 ? Math.sqrt(value / max) * 26 : 0);
          return (
            <g key={unit.id} className="map-place">
              <circle cx={x} cy={y} r={radius} className={`map-area shade-${shade}`}>
                <title>{label}</title>
              </circle>
              <text x={x} y={y + radius + 13} className="map-label" textAnchor="middle">
                {name}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption className="map-legend">
        <span>{t('map.legend.none')}</span>
        {[0, 1, 2, 3, 4, 5].map((shade) => (
          <span key={shade} className={`legend-swatch shade-${shade}`} aria-hidden="true" />
        ))}
        <span>{t('map.legend.max', { value: formatNumber(max) })}</span>
        {boundaries.size === 0 && <span className="muted map-note">{t('map.centresOnly')}</span>}
      </figcaption>
    </figure>
  );
}

export default function MapPage() {
  const { t, label, formatNumber } = useI18n();
  const { query } = useLocation();
  const figure: Figure = figures.find((f) => f === query.get('figure')) ?? 'activities';
  const units = useApi<ApiPage<AdminUnitView>>('/api/admin-units?level=1&limit=100');
  const threeW = useApi<{ items: ThreeWRow[] }>(
    figure === 'activities' || figure === 'individuals' ? '/api/reports/3w?groupBy=year' : null,
  );
  const returns = useApi<ReturnsReport>(figure === 'returns' ? '/api/reports/returns?groupBy=year' : null);
  const meetings = useApi<MeetingsTimelineReport>(
    figure === 'meetings' ? '/api/reports/meetings-timeline?limit=2000' : null,
  );

  const source: ApiState<unknown> & { reload: () => void } =
    figure === 'returns' ? returns : figure === 'meetings' ? meetings : threeW;
  const values = useMemo(() => {
    if (figure === 'returns' && returns.status === 'ready')
      return sumBy(
        returns.data.totals,
        (row) => row.governorate?.pcode,
        (row) => row.individuals ?? 0,
      );
    if (figure === 'meetings' && meetings.status === 'ready')
      return sumBy(
        meetings.data.items,
        (row) => governorateOf(row.place.pcode),
        () => 1,
      );
    if ((figure === 'activities' || figure === 'individuals') && threeW.status === 'ready')
      return sumBy(
        threeW.data.items,
        (row) => row.governorate?.pcode,
        (row) => (figure === 'activities' ? row.activities : row.individuals),
      );
    return new Map<string, number>();
  }, [figure, returns, meetings, threeW]);

  // Boundaries exist once `tansiq gazetteer import` has read a GeoJSON file; until then the map
  // draws circles at the governorates' centres.
  const shapes = useApi<Boundaries>('/api/admin-units/boundaries?level=1');
  const boundaries = useMemo(() => {
    const byPcode = new Map<string, Geometry>();
    if (shapes.status === 'ready') {
      for (const feature of shapes.data.features)
        byPcode.set(feature.properties.pcode, feature.geometry as Geometry);
    }
    return byPcode;
  }, [shapes]);

  return (
    <Page title={t('map.title')} intro={t('map.intro')}>
      <div className="toolbar">
        <label className="field field-inline">
          <span className="field-label">{t('map.figure')}</span>
          <select value={figure} onChange={(event) => setQuery({ figure: event.target.value })}>
            {figures.map((f) => (
              <option key={f} value={f}>
                {label('map.figure', f)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="map-layout">
        <Card title={label('map.figure', figure)}>
          <Async state={units}>
            {(page) => (
              <Async state={source}>
                {() => (
                  <GovernorateMap
                    units={page.items}
                    values={values}
                    boundaries={boundaries}
                    title={t('map.svgTitle', { figure: label('map.figure', figure) })}
                  />
                )}
              </Async>
            )}
          </Async>
        </Card>
        <Card title={t('map.table')}>
          <Async state={units}>
            {(page) => (
              <table className="table">
                <thead>
                  <tr>
                    <th scope="col">{t('map.governorate')}</th>
                    <th scope="col" className="num">
                      {label('map.figure', figure)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {[...page.items]
                    .sort((a, b) => (values.get(b.pcode) ?? 0) - (values.get(a.pcode) ?? 0))
                    .map((unit) => (
                      <tr key={unit.id}>
                        <th scope="row">
                          <Localized text={unit.names} />
                        </th>
                        <td className="num">{formatNumber(values.get(unit.pcode) ?? 0)}</td>
                      </tr>
                    ))}
                </tbody>
              </table>
            )}
          </Async>
        </Card>
      </div>
    </Page>
  );
}
