// Notices (seed 004 TV §2.1.3, general §5): every profile reads them; the terms of a
// contract change only the profiles seed 002 gives contract data (domain/permissions).
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { ApiErrorBody, NoticeDetail, NoticeList, NoticeListQuery, NoticeParams, ROUTES } from '../../contract'
import { can } from '../../domain/permissions'
import type { RouteContext } from '../http/context'
import type { Session } from '../http/context'
import { sessionOf } from '../http/auth'
import { guarded } from '../http/operation'
import { forbidden, notFound } from '../http/errors'
import { markNoticeRead, noticeDetail, noticesPage } from './service'

const refusals = { 403: ApiErrorBody }

function missing(id: string): Error {
  return notFound(`Não existe o aviso «${id}» nesta conta.`)
}

/** A contract change's terms are refused to profiles without contract data, with who can help. */
function mayOpen(session: Session, notice: NoticeDetail): void {
  if (notice.restricted && !can(session.viewer.profile, 'notices.contract')) throw forbidden('notices.contract')
}

export const noticeRoutes: FastifyPluginAsyncTypebox<RouteContext> = async (app, { db, today, now }) => {
  /** The notice, if it is this account's and the viewer's profile may open it. */
  async function openableNotice(session: Session, id: string): Promise<{ session: Session; notice: NoticeDetail }> {
    const notice = await noticeDetail(db, session, id, today())
    if (!notice) throw missing(id)
    mayOpen(session, notice)
    return { session, notice }
  }

  app.get(
    ROUTES.notices,
    guarded('notices.read', {
      operationId: 'listNotices',
      summary: 'A page of the channel and contract notices, unread first, then the most urgent (cursor from the previous page), with the unread count of them all',
      tags: ['notices'],
      querystring: NoticeListQuery,
      response: { 200: NoticeList, ...refusals },
    }),
    async (request) => noticesPage(db, sessionOf(request), today(), request.query),
  )

  app.get(
    ROUTES.notice,
    guarded('notices.read', {
      operationId: 'getNotice',
      summary: 'One notice, without marking it read',
      tags: ['notices'],
      params: NoticeParams,
      response: { 200: NoticeDetail, ...refusals, 404: ApiErrorBody },
    }),
    async (request) => (await openableNotice(sessionOf(request), request.params.id)).notice,
  )

  app.post(
    ROUTES.noticeRead,
    guarded('notices.read', {
      operationId: 'openNotice',
      summary: 'Opens a notice: marks it read for the account (the first opening is kept) and returns it',
      tags: ['notices'],
      params: NoticeParams,
      response: { 200: NoticeDetail, ...refusals, 404: ApiErrorBody },
    }),
    async (request) => {
      const { session, notice } = await openableNotice(sessionOf(request), request.params.id)
      return (await markNoticeRead(db, session, request.params.id, now(), today())) ?? notice
    },
  )
}
