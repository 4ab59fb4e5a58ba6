import { AVAILABILITIES, type DeskAvailabilityStatus } from '@shoreline/server/contract';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OptionSelect } from '../../kit/fields';
import { deskApi } from './api';

/** Renewed well within the server's 90 s availability timeout. */
const RENEW_MS = 30_000;

/**
 * The agent's availability for chats while the Desk is open: online on arrival, renewed every
 * 30 s (a closed tab stops renewing, and the server counts the agent offline after 90 s), and a
 * choice of online, away or offline. Chats are given only to agents online now.
 */
export function Availability() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<DeskAvailabilityStatus>('online');
  const current = useRef(status);
  current.current = status;
  useEffect(() => {
    const renew = () => void deskApi.availability(current.current).catch(() => undefined);
    renew();
    const timer = window.setInterval(renew, RENEW_MS);
    return () => window.clearInterval(timer);
  }, []);
  const choose = (next: DeskAvailabilityStatus) => {
    setStatus(next);
    void deskApi.availability(next).catch(() => undefined);
  };
  return (
    <div className="desk-availability">
      <label htmlFor="desk-availability">{t('desk.availability.label')}</label>
      <OptionSelect
        id="desk-availability"
        value={status}
        onValue={choose}
        options={AVAILABILITIES.map((a) => ({ value: a, label: t(`desk.availability.${a}`) }))}
      />
    </div>
  );
}
