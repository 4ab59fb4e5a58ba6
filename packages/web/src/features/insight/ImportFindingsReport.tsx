// What an import found beyond per-ticket flags (issue #14 items 10–11): how much of each mapped field
// the mapping translated, and warnings for rules or fields that matched nothing and for reply links
// that point nowhere. Silent mappings put every ticket under the default provider before this.

import type { ImportFindings } from '@shoreline/server/contract';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../kit/DataTable';
import { useFormat } from '../../lib/useFormat';

const COVERED = ['status', 'priority', 'channel', 'provider'] as const;
type Covered = (typeof COVERED)[number];
const isCovered = (f: string): f is Covered => (COVERED as readonly string[]).includes(f);

export function ImportFindingsReport({ findings }: { findings: ImportFindings }) {
  const { t } = useTranslation();
  const fmt = useFormat();
  const fieldLabel = (f: string) => (isCovered(f) ? t(`insight.imports.coverageFields.${f}`) : f);
  if (findings.coverage.length === 0 && findings.warnings.length === 0) return null;
  return (
    <section data-testid="import-findings">
      {findings.warnings.length > 0 ? (
        <>
          <h3>{t('insight.imports.warningsTitle')}</h3>
          <ul className="banner insight-warnings" data-testid="import-warnings">
            {findings.warnings.map((w) => (
              <li key={`${w.code}:${w.field}:${w.value ?? ''}`} data-code={w.code}>
                {t(`insight.imports.warnings.${w.code}`, {
                  field:
                    w.code === 'rule_matched_nothing' || w.code === 'reply_links_unresolved'
                      ? w.field
                      : fieldLabel(w.field),
                  value: w.value ?? '',
                  number: w.count ?? 0,
                })}
              </li>
            ))}
          </ul>
          {findings.replyLinks && findings.replyLinks.unresolved > 0 ? (
            <p className="field-help">
              {t('insight.imports.replyExamples', {
                examples: findings.replyLinks.examples.map((e) => `${e.id} → ${e.inReplyTo}`).join(', '),
              })}
            </p>
          ) : null}
        </>
      ) : null}
      {findings.coverage.length > 0 ? (
        <>
          <h3>{t('insight.imports.findingsTitle')}</h3>
          <DataTable
            caption={t('insight.imports.findingsTitle')}
            testId="mapping-coverage"
            rows={findings.coverage}
            rowKey={(c) => c.field}
            rowProps={(c) => ({ 'data-field': c.field })}
            columns={[
              {
                key: 'field',
                header: t('insight.imports.findingsField'),
                rowHeader: true,
                cell: (c) => fieldLabel(c.field),
              },
              {
                key: 'share',
                header: t('insight.imports.findingsShare'),
                numeric: true,
                cell: (c) =>
                  c.share === null
                    ? t('insight.imports.findingsNoValues')
                    : fmt.number(c.share, { style: 'percent', maximumFractionDigits: 1 }),
                sortValue: (c) => c.share,
              },
              {
                key: 'rows',
                header: '',
                numeric: true,
                cell: (c) => (
                  <span className="muted">
                    {t('insight.imports.findingsRows', {
                      mapped: fmt.number(c.mapped),
                      rows: fmt.number(c.rows),
                    })}
                  </span>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </section>
  );
}
