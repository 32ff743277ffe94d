// Premium subscriptions: the catalogue for the profiles that may see it, subscribe and
// cancel only for Administrador and Responsável Delegado (seed 002), behind the purchase PIN.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorBody,
  CancelRequest,
  PinChanged,
  PinRefusal,
  PremiumCatalogue,
  PremiumDetailQuery,
  PremiumParams,
  PremiumProductDetail,
  PremiumReceipt,
  ROUTES,
  SetPinRequest,
  SubscribeRequest,
} from '../../contract'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'
import { premiumCatalogue, premiumProductDetail } from './catalogue'
import { changePurchasePin } from './pin'
import { cancel, subscribe } from './writes'

const refusals = { 403: ApiErrorBody }
/** A PIN-guarded write: 403 also for a wrong PIN (tries left), 429 while locked (until when). */
const writeRefusals = {
  403: PinRefusal,
  404: ApiErrorBody,
  409: ApiErrorBody,
  422: ApiErrorBody,
  429: PinRefusal,
}

export const premiumRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today, now }) => {
  app.get(
    ROUTES.premium,
    guarded('premium.read', {
      operationId: 'getPremiumCatalogue',
      summary: 'Premium catalogue and the account’s active subscriptions',
      tags: ['premium'],
      response: { 200: PremiumCatalogue, ...refusals },
    }),
    async (request) => premiumCatalogue(db, sessionOf(request), today(), now()),
  )

  app.put(
    ROUTES.premiumPin,
    guarded('premium.manage', {
      operationId: 'changePurchasePin',
      summary: 'Change the purchase PIN (the current one is needed; 0000 and 1234 are refused)',
      tags: ['premium'],
      body: SetPinRequest,
      response: { 200: PinChanged, ...writeRefusals },
    }),
    async (request) => {
      await changePurchasePin(db, sessionOf(request), request.body.currentPin, request.body.newPin, now())
      return { changed: true as const }
    },
  )

  app.get(
    ROUTES.premiumProduct,
    guarded('premium.read', {
      operationId: 'getPremiumProduct',
      summary: 'One product: what it includes, price, minimum period, first charge or the cancellation date',
      tags: ['premium'],
      params: PremiumParams,
      querystring: PremiumDetailQuery,
      response: { 200: PremiumProductDetail, ...refusals, 404: ApiErrorBody, 422: ApiErrorBody },
    }),
    async (request) => premiumProductDetail(db, sessionOf(request), request.params.id, today(), now(), request.query.promoCode),
  )

  app.post(
    ROUTES.premiumSubscribe,
    guarded('premium.manage', {
      operationId: 'subscribePremium',
      summary: 'Subscribe (purchase PIN, idempotency key, optional promotional code)',
      tags: ['premium'],
      params: PremiumParams,
      body: SubscribeRequest,
      response: { 200: PremiumReceipt, 201: PremiumReceipt, ...writeRefusals },
    }),
    async (request, reply) => {
      const answer = await subscribe(db, sessionOf(request), request.params.id, request.body, today(), now())
      reply.code(answer.receipt.replayed ? 200 : answer.status)
      return answer.receipt
    },
  )

  app.post(
    ROUTES.premiumCancel,
    guarded('premium.manage', {
      operationId: 'cancelPremium',
      summary: 'Cancel: effective at the end of the minimum period or of the billing cycle; the answer gives the date',
      tags: ['premium'],
      params: PremiumParams,
      body: CancelRequest,
      response: { 200: PremiumReceipt, ...writeRefusals },
    }),
    async (request) => (await cancel(db, sessionOf(request), request.params.id, request.body, today(), now())).receipt,
  )
}
