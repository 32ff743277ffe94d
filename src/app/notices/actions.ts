// The notices' reads past the first page, through the API client (DESIGN §2: pages never
// call the API). Opening a notice is the route's read (notices/:id marks it read).
import { NOTICES_PAGE_DEFAULT, type NoticeList } from '../../contract'
import { type PagedWindow, pagesOf } from '../../data/pagedWindow'
import { services } from '../shell/services'

/** The first page, as the route asks for it. */
export function firstNoticesPage() {
  return services().api.notices({ limit: NOTICES_PAGE_DEFAULT })
}

/** The list from its first page on: further pages are asked for around the focus. */
export function noticesWindow(first: NoticeList): PagedWindow<NoticeList['items'][number], NoticeList> {
  return pagesOf(first, (page) => services().api.notices(page), NOTICES_PAGE_DEFAULT)
}
