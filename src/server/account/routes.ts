// The account section: the account page, the e-invoice switch, registration in the Área de Cliente.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountPage, ApiErrorBody, EInvoice, EInvoiceChange, Registration, ROUTES } from '../../contract'
import { can } from '../../domain/permissions'
import { accountPage, registration, setEInvoice } from './service'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'

const refusals = { 401: ApiErrorBody, 403: ApiErrorBody }

export const accountRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today }) => {
  app.get(
    ROUTES.account,
    {
      schema: {
        summary: 'Holder, contract, services, commitment and termination, e-invoice, points; sections a profile may not see say why',
        tags: ['account'],
        security: [{ deviceToken: [] }],
        response: { 200: AccountPage, ...refusals },
      },
      config: { action: 'account.read' },
    },
    async (request) => accountPage(db, sessionOf(request), today()),
  )

  app.put(
    ROUTES.accountEInvoice,
    {
      schema: {
        summary: 'Switch the e-invoice (fatura eletrónica) on or off',
        tags: ['account'],
        security: [{ deviceToken: [] }],
        body: EInvoiceChange,
        response: { 200: EInvoice, 400: ApiErrorBody, ...refusals },
      },
      config: { action: 'einvoice.write' },
    },
    async (request) => {
      const session = sessionOf(request)
      await setEInvoice(db, session, request.body.enabled)
      return { enabled: request.body.enabled, canChange: can(session.viewer.profile, 'einvoice.write') }
    },
  )

  app.get(
    ROUTES.registration,
    {
      schema: {
        summary: 'Is the account registered in the Área de Cliente; services still pending activation (48 h)',
        tags: ['account'],
        security: [{ deviceToken: [] }],
        response: { 200: Registration, ...refusals },
      },
      config: { action: 'registration.read' },
    },
    async (request) => registration(db, sessionOf(request), today()),
  )
}
