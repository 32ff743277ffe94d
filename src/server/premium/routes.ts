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
import { cancel, changePurchasePin, premiumCatalogue, premiumProductDetail, subscribe } from './service'

const refusals = { 400: ApiErrorBody, 401: ApiErrorBody, 403: ApiErrorBody }
/** A PIN-guarded write: 403 also for a wrong PIN (tries left), 429 while locked (until when). */
const writeRefusals = {
  400: ApiErrorBody,
  401: ApiErrorBody,
  403: PinRefusal,
  404: ApiErrorBody,
  409: ApiErrorBody,
  422: ApiErrorBody,
  429: PinRefusal,
}

export const premiumRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today, now }) => {
  app.get(
    ROUTES.premium,
    {
      schema: {
        summary: 'Premium catalogue and the account’s active subscriptions',
        tags: ['premium'],
        security: [{ deviceToken: [] }],
        response: { 200: PremiumCatalogue, ...refusals },
      },
      config: { action: 'premium.read' },
    },
    async (request) => premiumCatalogue(db, sessionOf(request), today(), now()),
  )

  app.put(
    ROUTES.premiumPin,
    {
      schema: {
        summary: 'Change the purchase PIN (the current one is needed; 0000 and 1234 are refused)',
        tags: ['premium'],
        security: [{ deviceToken: [] }],
        body: SetPinRequest,
        response: { 200: PinChanged, ...writeRefusals },
      },
      config: { action: 'premium.manage' },
    },
    async (request) => {
      await changePurchasePin(db, sessionOf(request), request.body.currentPin, request.body.newPin, now())
      return { changed: true as const }
    },
  )

  app.get(
    ROUTES.premiumProduct,
    {
      schema: {
        summary: 'One product: what it includes, price, minimum period, first charge or the cancellation date',
        tags: ['premium'],
        security: [{ deviceToken: [] }],
        params: PremiumParams,
        querystring: PremiumDetailQuery,
        response: { 200: PremiumProductDetail, ...refusals, 404: ApiErrorBody, 422: ApiErrorBody },
      },
      config: { action: 'premium.read' },
    },
    async (request) => premiumProductDetail(db, sessionOf(request), request.params.id, today(), now(), request.query.promoCode),
  )

  app.post(
    ROUTES.premiumSubscribe,
    {
      schema: {
        summary: 'Subscribe (purchase PIN, idempotency key, optional promotional code)',
        tags: ['premium'],
        security: [{ deviceToken: [] }],
        params: PremiumParams,
        body: SubscribeRequest,
        response: { 200: PremiumReceipt, 201: PremiumReceipt, ...writeRefusals },
      },
      config: { action: 'premium.manage' },
    },
    async (request, reply) => {
      const answer = await subscribe(db, sessionOf(request), request.params.id, request.body, today(), now())
      reply.code(answer.receipt.replayed ? 200 : answer.status)
      return answer.receipt
    },
  )

  app.post(
    ROUTES.premiumCancel,
    {
      schema: {
        summary: 'Cancel: effective at the end of the minimum period or of the billing cycle; the answer gives the date',
        tags: ['premium'],
        security: [{ deviceToken: [] }],
        params: PremiumParams,
        body: CancelRequest,
        response: { 200: PremiumReceipt, ...writeRefusals },
      },
      config: { action: 'premium.manage' },
    },
    async (request) => (await cancel(db, sessionOf(request), request.params.id, request.body, today(), now())).receipt,
  )
}
