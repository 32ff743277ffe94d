// The account section: the account page, the e-invoice switch, registration in the Área de Cliente.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { AccountPage, ApiErrorBody, EInvoice, EInvoiceChange, Registration, ROUTES } from '../../contract'
import { can } from '../../domain/permissions'
import { accountPage, registration, setEInvoice } from './service'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'

const refusals = { 403: ApiErrorBody }

export const accountRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today }) => {
  app.get(
    ROUTES.account,
    guarded('account.read', {
      operationId: 'getAccount',
      summary: 'Holder, contract, services, commitment and termination, e-invoice, points; sections a profile may not see say why',
      tags: ['account'],
      response: { 200: AccountPage, ...refusals },
    }),
    async (request) => accountPage(db, sessionOf(request), today()),
  )

  app.put(
    ROUTES.accountEInvoice,
    guarded('einvoice.write', {
      operationId: 'setEInvoice',
      summary: 'Switch the e-invoice (fatura eletrónica) on or off',
      tags: ['account'],
      body: EInvoiceChange,
      response: { 200: EInvoice, ...refusals },
    }),
    async (request) => {
      const session = sessionOf(request)
      await setEInvoice(db, session, request.body.enabled)
      return { enabled: request.body.enabled, canChange: can(session.viewer.profile, 'einvoice.write') }
    },
  )

  app.get(
    ROUTES.registration,
    guarded('registration.read', {
      operationId: 'getRegistration',
      summary: 'Is the account registered in the Área de Cliente; services still pending activation (48 h)',
      tags: ['account'],
      response: { 200: Registration, ...refusals },
    }),
    async (request) => registration(db, sessionOf(request), today()),
  )
}
