// The one date field of the app. A native <input type="date"> shows mm/dd/yyyy in an American browser and
// follows the laptop's locale elsewhere, while Spiegel promises 31-12-2025 everywhere: so a text field that
// shows and reads dd-mm-jjjj (also d-m-jjjj, and jjjj-mm-dd when pasted; ui/dates.ts), with the format always
// visible under it and a plain error for a date that does not exist. Callers keep ISO YYYY-MM-DD in their
// state: `onChange` gets the ISO date, or '' while the text is empty or not (yet) a date.
import { useEffect, useId, useState } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format.js';
import { isoOf, parseDateInput, type DateProblem } from './dates.js';
import './ui.css';

interface Props {
  /** The input's id, for the caller's <label htmlFor>. */
  id: string;
  /** ISO YYYY-MM-DD, or '' for none. */
  value: string;
  onChange: (iso: string) => void;
  /** The caller's own verdict (e.g. "must lie after the baseline month"); the field adds its own. */
  invalid?: boolean;
}

export function DateField({ id, value, onChange, invalid }: Props) {
  const { t, i18n } = useTranslation();
  const own = useId();
  const [text, setText] = useState(() => formatDate(value));
  // Checked once the person leaves the field or presses Enter, so "31-0" is not called wrong halfway through.
  const [checked, setChecked] = useState(false);
  // A new value from outside (saved, reset, another default) replaces the text; the caller's echo of what
  // was just typed does not, so typing is never rewritten under the cursor.
  useEffect(() => {
    setText((current) => (isoOf(current) === value ? current : formatDate(value)));
  }, [value]);

  const parsed = parseDateInput(text);
  const problem = checked && !parsed.ok && !parsed.empty ? parsed.problem : null;
  const hintId = `${own}-hint`;
  const errorId = `${own}-error`;
  return (
    <span className="date-field">
      <input
        id={id}
        type="text"
        inputMode="numeric"
        autoComplete="off"
        spellCheck={false}
        size={11}
        value={text}
        placeholder={t('dateField.placeholder')}
        aria-invalid={problem || invalid ? true : undefined}
        aria-describedby={problem ? `${hintId} ${errorId}` : hintId}
        onChange={(e) => {
          setText(e.target.value);
          onChange(isoOf(e.target.value));
        }}
        onBlur={() => {
          setChecked(true);
          // A pasted 2025-12-31 or a quick 1-2-2025 is shown back the one way Spiegel writes dates.
          if (parsed.ok) setText(formatDate(parsed.iso));
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter') setChecked(true);
        }}
      />
      <span className="date-field-hint" id={hintId}>
        {t('dateField.hint')}
      </span>
      {problem && (
        <span className="error date-field-error" id={errorId} role="alert">
          {problemText(problem, text.trim(), i18n.language, t)}
        </span>
      )}
    </span>
  );
}

function problemText(p: DateProblem, typed: string, lang: string, t: TFunction): string {
  switch (p.kind) {
    case 'format':
      return t('dateField.format', { typed });
    case 'year':
      return t('dateField.year', { year: p.year });
    case 'month':
      return t('dateField.month', { month: p.month });
    case 'day': {
      const month = new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { month: 'long', timeZone: 'UTC' }).format(new Date(Date.UTC(p.year, p.month - 1, 1)));
      return t('dateField.day', { typed, month, year: p.year, days: p.daysInMonth });
    }
  }
}
