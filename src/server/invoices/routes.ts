// Invoices: financial data, for the profiles seed 002 allows (domain/permissions).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorBody,
  INVOICE_LIST_DEFAULT_LIMIT,
  InvoiceDetail,
  InvoiceList,
  InvoiceListQuery,
  InvoiceParams,
  ROUTES,
} from '../../contract'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { notFound } from '../http/errors'
import { invoiceDetail, listInvoices } from './service'
import { upcomingPremium } from '../premium/service'

const refusals = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody }

export const invoiceRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today }) => {
  app.get(
    ROUTES.invoices,
    {
      schema: {
        summary: 'Invoices, newest first',
        tags: ['invoices'],
        security: [{ deviceToken: [] }],
        querystring: InvoiceListQuery,
        response: { 200: InvoiceList, ...refusals },
      },
      config: { action: 'invoices.read' },
    },
    async (request) => {
      const session = sessionOf(request)
      const items = await listInvoices(db, session, request.query.limit ?? INVOICE_LIST_DEFAULT_LIMIT, today())
      // Premium charges the next invoice will carry, once there is one (seed 001 §12).
      const upcoming = items.length > 0 ? await upcomingPremium(db, session, today()) : null
      return upcoming && upcoming.lines.length > 0 ? { items, upcomingPremium: upcoming } : { items }
    },
  )

  app.get(
    ROUTES.invoice,
    {
      schema: {
        summary: 'One invoice: lines, IVA, payment data, overdue timeline',
        tags: ['invoices'],
        security: [{ deviceToken: [] }],
        params: InvoiceParams,
        response: { 200: InvoiceDetail, ...refusals, 404: ApiErrorBody },
      },
      config: { action: 'invoices.read' },
    },
    async (request) => {
      const session = sessionOf(request)
      const invoice = await invoiceDetail(db, session, request.params.id, today())
      if (!invoice) throw notFound(`Não existe a fatura «${request.params.id}» nesta conta.`)
      return invoice
    },
  )
}
