import { describe, expect, it } from 'vitest';
import { articleDraftFromTicket, redactPersonalData } from './ticket-draft.js';

describe('an article draft from a ticket', () => {
  it('removes e-mail addresses, phone numbers and URL query strings', () => {
    expect(
      redactPersonalData(
        'Mail ayşe.yılmaz@örnek.com.tr or call +90 (532) 123-45-67; card 4111 1111 1111 1111; see https://shop.example/track?token=abc123 today',
      ),
    ).toBe('Mail [email] or call [phone]; card [phone]; see https://shop.example/track today');
  });

  it('keeps order numbers shorter than a phone number, dates and prices', () => {
    expect(redactPersonalData('Order 12345 of 2026-03-02 cost 49.90 EUR')).toBe(
      'Order 12345 of 2026-03-02 cost 49.90 EUR',
    );
  });

  it('quotes the question, keeps the answer without greeting and sign-off', () => {
    const draft = articleDraftFromTicket({
      subject: 'Refund for order sent to ann@example.com',
      question: 'Where is my refund?\nMy number is 0532 123 45 67',
      answer: 'Hi Ann,\n\nRefunds reach your card within 14 days of the return.\n\nBest regards,\nBo',
    });
    expect(draft).toEqual({
      title: 'Refund for order sent to [email]',
      body: '> Where is my refund?\n> My number is [phone]\n\nRefunds reach your card within 14 days of the return.\n',
    });
  });
});
