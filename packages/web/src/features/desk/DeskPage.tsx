import { Route, Routes } from 'react-router-dom';
import { InboxPage } from './InboxPage';
import { TicketPage } from './TicketPage';
import './desk.css';

/** The Desk: the inbox at /desk, a ticket at /desk/:id. */
export function DeskPage() {
  return (
    <Routes>
      <Route index element={<InboxPage />} />
      <Route path=":id" element={<TicketPage />} />
    </Routes>
  );
}
