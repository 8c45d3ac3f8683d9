// The one Content-Security-Policy of the app, for the browser host and the Electron shell alike:
// only 'self', no remote origins, no 'unsafe-eval' (vega runs through its CSP-safe interpreter).
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');
