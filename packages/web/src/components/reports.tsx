import type {
  ClaimedVsConfirmedRow,
  ConditionedAidRow,
  MeetingsTimelineEntry,
  PipelineRow,
  ReturnsReportTotal,
  TimelineParty,
} from '@tansiq/core';
import { useI18n } from '../i18n/context.tsx';
import { formatPercent } from '../i18n/index.ts';
import { Link } from '../router.tsx';
import { Empty } from './Pending.tsx';
import { Bidi, Localized, Quantity } from './Text.tsx';

/*
 * The figures the dashboard and the situation report share: each takes a report's rows as the API
 * gives them and shows them in the reader's language.
 */

const stages = ['pledged', 'dispatched', 'received', 'distributed'] as const;

/** `shipment` → `shipments`: the API path of an aid record, for its evidence. */
export function resourcePath(type: string): string {
  return type.endsWith('s') ? type : `${type}s`;
}

export function evidencePath(resource: string, id: string): string {
  return `/evidence/${encodeURIComponent(resource)}/${encodeURIComponent(id)}`;
}

/** Pledged → dispatched → received → distributed per item, with a bar per stage scaled to the largest. */
export function PipelineTable({ rows }: { rows: PipelineRow[] }) {
  const { t, formatNumber, label } = useI18n();
  if (rows.length === 0) return <Empty>{t('pipeline.empty')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table pipeline-table" data-testid="pipeline-table">
        <caption className="visually-hidden">{t('pipeline.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pipeline.item')}</th>
            {stages.map((stage) => (
              <th key={stage} scope="col" className="num">
                {t(`pipeline.${stage}`)}
              </th>
            ))}
            <th scope="col" className="num">
              {t('pipeline.planned')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const top = Math.max(1, ...stages.map((stage) => row[stage]), row.plannedDistribution);
            return (
              <tr key={row.itemId}>
                <th scope="row">
                  <Localized text={row.names} />
                  <span className="unit-note muted">{label('unit', row.baseUnit)}</span>
                </th>
                {stages.map((stage) => (
                  <td key={stage} className="num">
                    <span className="figure">{formatNumber(row[stage])}</span>
                    <span
                      className={`bar bar-${stage}`}
                      style={{ inlineSize: `${(row[stage] / top) * 100}%` }}
                    />
                  </td>
                ))}
                <td className="num">{formatNumber(row.plannedDistribution)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function Party({ party }: { party: TimelineParty }) {
  return 'group' in party ? <Localized text={party.group} /> : <Localized text={party.names} />;
}

export function PartyList({ parties }: { parties: TimelineParty[] }) {
  return (
    <ul className="inline-list">
      {parties.map((party) => (
        <li key={'organizationId' in party ? party.organizationId : JSON.stringify(party.group)}>
          <Party party={party} />
        </li>
      ))}
    </ul>
  );
}

/** Meetings with their place, status and who attended or boycotted. */
export function MeetingList({ meetings, compact }: { meetings: MeetingsTimelineEntry[]; compact?: boolean }) {
  const { t, label, formatPeriod } = useI18n();
  if (meetings.length === 0) return <Empty>{t('meetings.none')}</Empty>;
  return (
    <ol className="meeting-list">
      {meetings.map((meeting) => (
        <li key={meeting.id} className="meeting">
          <div className="meeting-head">
            <time className="meeting-date" dateTime={meeting.period.start ?? undefined}>
              {formatPeriod(meeting.period)}
            </time>
            {meeting.status && (
              <span className={`tag status-${meeting.status}`}>{label('meetingStatus', meeting.status)}</span>
            )}
            <span className="tag tag-quiet">{label('meetingKind', meeting.kind)}</span>
          </div>
          <Link to={evidencePath('meetings', meeting.id)} className="meeting-title link">
            <Localized text={meeting.titles} />
          </Link>
          {(meeting.place.names || meeting.place.text) && (
            <p className="muted">
              {meeting.place.names ? (
                <Localized text={meeting.place.names} />
              ) : (
                <Bidi>{meeting.place.text ?? ''}</Bidi>
              )}
            </p>
          )}
          {!compact && (
            <dl className="attendance">
              {(['attended', 'invited', 'boycotted', 'declined', 'walked_out', 'observer'] as const)
                .filter((role) => meeting.attendance[role].length > 0)
                .map((role) => (
                  <div key={role} className={`attendance-${role}`}>
                    <dt>{label('attendance', role)}</dt>
                    <dd>
                      <PartyList parties={meeting.attendance[role]} />
                    </dd>
                  </div>
                ))}
            </dl>
          )}
          {compact && meeting.counts.boycotted > 0 && (
            <p className="boycott-note">{t('meetings.boycottCount', { count: meeting.counts.boycotted })}</p>
          )}
        </li>
      ))}
    </ol>
  );
}

/** Aid tied to agreements: what is held back, by which condition, and how that condition stands. */
export function ConditionedAidList({ rows }: { rows: ConditionedAidRow[] }) {
  const { t, label, formatDate } = useI18n();
  if (rows.length === 0) return <Empty>{t('conditioned.empty')}</Empty>;
  return (
    <ul className="conditioned-list">
      {rows.map((row) => (
        <li key={row.linkId} className="conditioned">
          <div className="conditioned-aid">
            <Link to={evidencePath(resourcePath(row.aid.type), row.aid.id)} className="link">
              {row.aid.lines.length > 0 ? (
                row.aid.lines.map((line) => (
                  <span key={line.itemId} className="aid-line">
                    <Quantity value={line.quantity} unit={line.unit} /> <Localized text={line.itemNames} />
                  </span>
                ))
              ) : (
                <Localized text={row.aid.description} />
              )}
            </Link>
            <span className="tag tag-quiet">{label('aidType', row.aid.type)}</span>
            <span className="tag">{label('status', row.aid.status)}</span>
          </div>
          <p className="conditioned-condition">
            <span className={`badge badge-${row.condition.state === 'met' ? 'ok' : 'warn'}`}>
              {label('conditionState', row.condition.state)}
            </span>{' '}
            <Localized text={row.condition.texts} />
            {row.condition.stateOn && <span className="muted"> · {formatDate(row.condition.stateOn)}</span>}
          </p>
          <p className="muted">
            {t('conditioned.agreement')}{' '}
            <Link to={evidencePath('agreements', row.agreement.id)} className="link">
              <Localized text={row.agreement.titles} />
            </Link>{' '}
            · {label('agreementStatus', row.agreement.status)}
          </p>
        </li>
      ))}
    </ul>
  );
}

/** Each recorded figure beside what sources claim about it, with the difference. */
export function ClaimedVsConfirmedList({
  rows,
  itemNames,
}: {
  rows: ClaimedVsConfirmedRow[];
  itemNames: Map<string, PipelineRow['names']>;
}) {
  const { t, label, formatNumber, lang } = useI18n();
  const percent = (ratio: number) => formatPercent(lang, ratio);
  if (rows.length === 0) return <Empty>{t('claimed.empty')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table claimed-table" data-testid="claimed-table">
        <caption className="visually-hidden">{t('claimed.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('claimed.subject')}</th>
            <th scope="col" className="num">
              {t('claimed.recorded')}
            </th>
            <th scope="col">{t('claimed.claimant')}</th>
            <th scope="col" className="num">
              {t('claimed.claimed')}
            </th>
            <th scope="col" className="num">
              {t('claimed.ratio')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) => {
            const item = row.itemId ? itemNames.get(row.itemId) : undefined;
            const subject = (
              <Link to={evidencePath(row.subject.resource, row.subject.id)} className="link">
                {item ? <Localized text={item} /> : label('resource', row.subject.resource)}
              </Link>
            );
            const recorded =
              row.recorded.value === null ? (
                <span className="muted">—</span>
              ) : row.unit ? (
                <Quantity value={row.recorded.value} unit={row.unit} />
              ) : (
                formatNumber(row.recorded.value)
              );
            if (row.claims.length === 0)
              return [
                <tr key={`${row.subject.id}:${row.field}`}>
                  <th scope="row">{subject}</th>
                  <td className="num">{recorded}</td>
                  <td colSpan={3} className="muted">
                    {t('claimed.noClaims')}
                  </td>
                </tr>,
              ];
            return row.claims.map((claim, index) => {
              const off = claim.ratio !== null && Math.abs(claim.ratio - 1) >= 0.005;
              return (
                <tr key={claim.claimId} className={off ? 'row-differs' : undefined}>
                  {index === 0 && (
                    <>
                      <th scope="row" rowSpan={row.claims.length}>
                        {subject}
                      </th>
                      <td className="num" rowSpan={row.claims.length}>
                        {recorded}
                      </td>
                    </>
                  )}
                  <td>
                    <Localized text={claim.claimant.names} />
                    <span className="muted claim-status"> · {label('claimStatus', claim.status)}</span>
                  </td>
                  <td className="num">
                    {claim.amount === null ? (
                      '—'
                    ) : claim.unit ? (
                      <Quantity value={claim.amount} unit={claim.unit} approximate={claim.approximate} />
                    ) : (
                      formatNumber(claim.amount)
                    )}
                  </td>
                  <td className={`num ${off ? 'differs' : ''}`}>
                    {claim.ratio === null ? '—' : percent(claim.ratio)}
                  </td>
                </tr>
              );
            });
          })}
        </tbody>
      </table>
    </div>
  );
}

/** Returns per destination governorate over the whole period. */
export function ReturnsTotals({ totals }: { totals: ReturnsReportTotal[] }) {
  const { t, label, formatNumber } = useI18n();
  if (totals.length === 0) return <Empty>{t('returns.empty')}</Empty>;
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">{t('returns.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('returns.governorate')}</th>
            <th scope="col">{t('returns.method')}</th>
            <th scope="col" className="num">
              {t('returns.individuals')}
            </th>
            <th scope="col" className="num">
              {t('returns.households')}
            </th>
          </tr>
        </thead>
        <tbody>
          {totals.map((total) => (
            <tr key={`${total.governorate?.id ?? 'none'}:${total.countingMethod ?? 'all'}`}>
              <th scope="row">
                {total.governorate ? (
                  <Localized text={total.governorate.names} />
                ) : (
                  t('returns.noGovernorate')
                )}
              </th>
              <td>{total.countingMethods.map((method) => label('countingMethod', method)).join('، ')}</td>
              <td className="num">{total.individuals === null ? '—' : formatNumber(total.individuals)}</td>
              <td className="num">{total.households === null ? '—' : formatNumber(total.households)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
