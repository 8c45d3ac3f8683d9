import { useTranslation } from 'react-i18next';

/** A message type or warning code with its Dutch (or English) description, the code itself always shown
 *  so it can be looked up; a code without a description (a newer data side) shows just the code. */
export function CodeLabel({ group, code }: { group: 'messageType' | 'warning'; code: string }) {
  const { t, i18n } = useTranslation();
  const key = `codes.${group}.${code}`;
  // Codes are data: a dot in one must not be read as a key path.
  const known = !code.includes('.') && i18n.exists(key);
  return (
    <>
      {known && <span className="code-label">{t(key)}</span>} <code>{code}</code>
    </>
  );
}
