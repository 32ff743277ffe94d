// Route paths and the auth header: plain values both sides use, no schema builder.
export const API_PREFIX = '/v1'

export const ROUTES = {
  health: '/health',
  openapi: '/openapi.json',
  demoScenarios: `${API_PREFIX}/demo/scenarios`,
  overview: `${API_PREFIX}/overview`,
  invoices: `${API_PREFIX}/invoices`,
  invoice: `${API_PREFIX}/invoices/:id`,
  invoiceComplaint: `${API_PREFIX}/invoices/:id/complaint`,
  notices: `${API_PREFIX}/notices`,
  notice: `${API_PREFIX}/notices/:id`,
  noticeRead: `${API_PREFIX}/notices/:id/read`,
  recordings: `${API_PREFIX}/recordings`,
  recording: `${API_PREFIX}/recordings/:id`,
  recordingProtection: `${API_PREFIX}/recordings/:id/protection`,
  recordingsAutoDeletion: `${API_PREFIX}/recordings/auto-deletion`,
  qaRecordings: `${API_PREFIX}/qa/recordings`,
  qaRecordingQuota: `${API_PREFIX}/qa/recordings/quota`,
  session: `${API_PREFIX}/session`,
  premium: `${API_PREFIX}/premium`,
  premiumPin: `${API_PREFIX}/premium/pin`,
  premiumProduct: `${API_PREFIX}/premium/:id`,
  premiumSubscribe: `${API_PREFIX}/premium/:id/subscribe`,
  premiumCancel: `${API_PREFIX}/premium/:id/cancel`,
  diagnostics: `${API_PREFIX}/diagnostics`,
  account: `${API_PREFIX}/account`,
  accountEInvoice: `${API_PREFIX}/account/einvoice`,
  registration: `${API_PREFIX}/registration`,
} as const

/** Header carrying the device token bound to an account. */
export const TOKEN_HEADER = 'authorization'
export const bearer = (token: string): string => `Bearer ${token}`
