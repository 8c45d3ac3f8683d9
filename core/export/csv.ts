// CSV for Dutch Excel: ';' separator, decimal comma, UTF-8 with BOM, CRLF; cells that a spreadsheet
// would run as a formula (= + - @) are prefixed with a quote.
export function toCsv(rows: string[][]): string {
  const quote = (s: string) => {
    const safe = /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s) ? `'${s}` : s;
    return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  return '\uFEFF' + rows.map((r) => r.map(quote).join(';')).join('\r\n') + '\r\n';
}
