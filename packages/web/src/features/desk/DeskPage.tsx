import { Route, Routes } from 'react-router-dom';
import { Availability } from './Availability';
import { InboxPage } from './InboxPage';
import { TicketPage } from './TicketPage';
import './desk.css';

/** The Desk: the inbox at /desk, a ticket at /desk/:id, and the agent's availability on both. */
export function DeskPage() {
  return (
    <>
      <Availability />
      <Routes>
        <Route index element={<InboxPage />} />
        <Route path=":id" element={<TicketPage />} />
      </Routes>
    </>
  );
}
