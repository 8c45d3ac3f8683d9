// Turns planned assignments into JW315/JW301/JW305/JW307 messages (rendered once their Identificatie is known).
import { iso, type Day } from './dates.js';
import type { Assignment } from './plan.js';
import { jw301, jw305, jw307, jw315, type Head, type Person } from './xml.js';

export interface Message {
  code: Head['code'];
  afzender: string;
  ontvanger: string;
  dagtekening: Day;
  /** headOf gives the header another message was written with (a JW325 names its JW323). */
  render: (head: Head, headOf: (other: Message) => Head) => string;
}

export function personOf(a: Assignment): Person {
  const c = a.child;
  const at = c.addresses[a.address]!;
  return {
    bsn: c.bsn,
    birthDate: iso(c.birth),
    gender: c.gender,
    firstName: c.firstName,
    lastName: c.lastName,
    street: at.street,
    houseNumber: at.houseNumber,
    postcode: at.postcode,
    place: at.place,
  };
}

export function careMessages(a: Assignment): Message[] {
  const out: Message[] = [];
  const person = personOf(a);
  const product = { category: a.category, code: a.code };
  const toMuni = (code: Message['code'], dagtekening: Day, render: Message['render']): Message => ({ code, afzender: a.provider, ontvanger: a.municipality, dagtekening, render });
  const firstEnd = a.versions[0]?.end ?? null;
  if (a.request) {
    const r = a.request;
    out.push(toMuni('JW315', r.sent, (h) => jw315(h, person, [{ ...product, reference: r.reference, start: iso(a.start), end: firstEnd === null ? null : iso(firstEnd), omvang: a.omvang, referrer: r.referrer }])));
  }
  for (const v of a.versions) {
    out.push({
      code: 'JW301',
      afzender: a.municipality,
      ontvanger: a.provider,
      dagtekening: v.date,
      render: (h) =>
        jw301(h, person, [{ ...product, nr: a.nr, reference: a.request?.reference, date: iso(v.date), time: v.time, start: iso(a.start), end: v.end === null ? null : iso(v.end), reason: v.reason, omvang: a.omvang }]),
    });
  }
  for (const s of a.starts) {
    out.push(toMuni('JW305', s.sent, (h) => jw305(h, person, [{ ...product, nr: a.nr, start: iso(s.start), status: '1' }])));
    if (s.retractedOn !== undefined) out.push(toMuni('JW305', s.retractedOn, (h) => jw305(h, person, [{ ...product, nr: a.nr, start: iso(s.start), status: '3' }])));
  }
  const standing = a.starts.filter((s) => s.retractedOn === undefined);
  const begin = standing[standing.length - 1];
  if (begin) {
    for (const t of a.stops) {
      out.push(toMuni('JW307', t.sent, (h) => jw307(h, person, [{ ...product, nr: a.nr, start: iso(begin.start), end: iso(t.end), reason: t.reason, status: '1' }])));
    }
  }
  return out;
}
