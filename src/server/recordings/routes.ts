// Recordings and the quota (seed 004 TV §5.8–5.12), for the profiles that may
// see and manage the TV service (domain/permissions). The QA routes exist only
// when the server runs with demo data.
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import {
  ApiErrorBody,
  AutoDeletionPreview,
  AutoDeletionQuery,
  QuotaChange,
  RecordingChange,
  RecordingList,
  RecordingListQuery,
  RecordingParams,
  ROUTES,
  SimulatedRecording,
  SimulatedRecordingResult,
} from '../../contract'
import { AccountCache } from '../http/account-cache'
import type { RouteContext } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'
import { notFound } from '../http/errors'
import { type BesidePage, changeQuota, deleteRecording, listRecordings, previewAutoDeletion, setProtection, simulateRecording } from './service'

const refusals = { 403: ApiErrorBody }
const common = { tags: ['recordings'] }

const missing = (id: string) => notFound(`Não existe a gravação «${id}» nesta conta.`)

/** Accounts whose totals are kept at most (the oldest kept goes first): ~2 KB each. */
const KEPT = 5000

export const recordingRoutes: FastifyPluginAsyncTypebox<RouteContext & { demo: boolean }> = async (app, { db, today, demo }) => {
  // Issue 20: a box scrolling a long list asks for page after page; the totals beside each are kept.
  const besidePages = new AccountCache<BesidePage>(KEPT)
  app.get(
    ROUTES.recordings,
    guarded('recordings.read', {
      ...common,
      operationId: 'listRecordings',
      summary: 'A page of the recordings, first to be deleted first (cursor from the previous page), with the quota, the totals and what automatic management deletes next',
      querystring: RecordingListQuery,
      response: { 200: RecordingList, ...refusals },
    }),
    async (request) => listRecordings(db, sessionOf(request), today(), request.query, besidePages),
  )

  app.get(
    ROUTES.recordingsAutoDeletion,
    guarded('recordings.read', {
      ...common,
      operationId: 'previewAutoDeletion',
      summary: 'What automatic management would delete to make room for N more hours (nothing is deleted)',
      querystring: AutoDeletionQuery,
      response: { 200: AutoDeletionPreview, ...refusals },
    }),
    async (request) => previewAutoDeletion(db, sessionOf(request), request.query.hours, today()),
  )

  for (const [method, protect] of [
    ['PUT', true],
    ['DELETE', false],
  ] as const) {
    app.route({
      method,
      url: ROUTES.recordingProtection,
      ...guarded('recordings.manage', {
        ...common,
        operationId: protect ? 'protectRecording' : 'unprotectRecording',
        summary: protect ? 'Protect a recording from automatic management (idempotent)' : 'Unprotect a recording (idempotent)',
        params: RecordingParams,
        response: { 200: RecordingChange, ...refusals, 404: ApiErrorBody },
      }),
      handler: async (request) => {
        const change = await setProtection(db, sessionOf(request), request.params.id, protect, today())
        if (!change) throw missing(request.params.id)
        return change
      },
    })
  }

  app.delete(
    ROUTES.recording,
    guarded('recordings.manage', {
      ...common,
      operationId: 'deleteRecording',
      summary: 'Delete a recording (idempotent: a deleted one answers the same; an unknown id is 404)',
      params: RecordingParams,
      response: { 200: RecordingChange, ...refusals, 404: ApiErrorBody },
    }),
    async (request) => {
      const change = await deleteRecording(db, sessionOf(request), request.params.id, today())
      if (!change) throw missing(request.params.id)
      return change
    },
  )

  if (!demo) return

  app.post(
    ROUTES.qaRecordings,
    guarded('recordings.manage', {
      operationId: 'qaSimulateRecording',
      tags: ['demo'],
      summary: 'QA: the recorder adds a recording; automatic management makes room if the quota is full',
      body: SimulatedRecording,
      response: { 201: SimulatedRecordingResult, ...refusals, 409: ApiErrorBody },
    }),
    async (request, reply) => {
      const result = await simulateRecording(db, sessionOf(request), request.body, today())
      reply.code(201)
      return result
    },
  )

  app.put(
    ROUTES.qaRecordingQuota,
    guarded('recordings.manage', {
      operationId: 'qaChangeQuota',
      tags: ['demo'],
      summary: 'QA: the operator changes the recording quota (nothing is deleted until space is needed)',
      body: QuotaChange,
      response: { 200: RecordingList, ...refusals },
    }),
    async (request) => changeQuota(db, sessionOf(request), request.body.totalHours, today()),
  )
}
