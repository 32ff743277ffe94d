// The account API contract: route paths and the schemas of their answers.
// server/ registers these; data/ requests and checks them.
export * from './common'
export * from './invoices'
export * from './account'
export * from './notices'
export * from './recordings'
export * from './installer'
export * from './account-page'
export * from './http'
export * from './session'
export * from './premium'
