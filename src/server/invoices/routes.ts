// Invoices: financial data, for the profiles seed 002 allows (domain/permissions).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorBody,
  ComplaintReceipt,
  ComplaintRequest,
  InvoiceDetail,
  InvoiceList,
  InvoiceListQuery,
  InvoiceParams,
  ROUTES,
} from '../../contract'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'
import { notFound } from '../http/errors'
import { fileComplaint, invoiceDetail, invoicesPage } from './service'
import { upcomingPremium } from '../premium/catalogue'

const refusals = { 403: ApiErrorBody }

export const invoiceRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today, now }) => {
  app.get(
    ROUTES.invoices,
    guarded('invoices.read', {
      operationId: 'listInvoices',
      summary: 'A page of the invoices, newest first (cursor from the previous page), with what is to pay on every page and where the most urgent is',
      tags: ['invoices'],
      querystring: InvoiceListQuery,
      response: { 200: InvoiceList, ...refusals },
    }),
    async (request) => {
      const session = sessionOf(request)
      const page = await invoicesPage(db, session, request.query, today())
      // Premium charges the next invoice will carry, once there is one (seed 001 §12).
      const upcoming = page.total > 0 ? await upcomingPremium(db, session, today()) : null
      return upcoming && upcoming.lines.length > 0 ? { ...page, upcomingPremium: upcoming } : page
    },
  )

  app.get(
    ROUTES.invoice,
    guarded('invoices.read', {
      operationId: 'getInvoice',
      summary: 'One invoice: lines, IVA, payment data, overdue timeline',
      tags: ['invoices'],
      params: InvoiceParams,
      response: { 200: InvoiceDetail, ...refusals, 404: ApiErrorBody },
    }),
    async (request) => {
      const session = sessionOf(request)
      const invoice = await invoiceDetail(db, session, request.params.id, today())
      if (!invoice) throw notFound(`Não existe a fatura «${request.params.id}» nesta conta.`)
      return invoice
    },
  )

  app.post(
    ROUTES.invoiceComplaint,
    guarded('invoices.complain', {
      operationId: 'complainAboutInvoice',
      summary: 'Complain about an invoice or one of its lines, within 30 days of its issue (idempotency key)',
      tags: ['invoices'],
      params: InvoiceParams,
      body: ComplaintRequest,
      response: { 200: ComplaintReceipt, 201: ComplaintReceipt, ...refusals, 404: ApiErrorBody, 409: ApiErrorBody, 422: ApiErrorBody },
    }),
    async (request, reply) => {
      const answer = await fileComplaint(db, sessionOf(request), request.params.id, request.body, today(), now())
      if (!answer) throw notFound(`Não existe a fatura «${request.params.id}» nesta conta.`)
      reply.code(answer.body.replayed ? 200 : 201)
      return answer.body
    },
  )
}
