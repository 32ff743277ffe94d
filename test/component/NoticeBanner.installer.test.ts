// The start-up banner belongs to the subscriber's home: the installer sequence (Blue 0 0 0)
// pressed while it is up opens the installer screen without it (it hid *Medir de novo*),
// and the banner looks focused only while it has focus.
import { afterAll, beforeAll, expect, test } from 'vitest'
import { COLOR } from '../../src/app/kit/theme'
import { testServer, type TestServer } from '../unit/server/helpers'
import { contains, isShown, shownTexts } from './helpers'
import { startShell } from './shell'

let server: TestServer
beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server.close())

test('Blue 0 0 0 with the banner up: the installer screen, without the banner, has focus; home does not offer it again', { timeout: 30_000 }, async () => {
  const app = startShell(server, 'demo-notices-0005')
  await app.until('home with the banner', () => app.onHome() && isShown(app.banner))
  const background = app.banner.tag('Background')!
  expect(background.color).toBe(COLOR.focusFill)
  app.banner._unfocus()
  expect(background.color).toBe(COLOR.surface)
  app.banner._focus()

  app.press('Blue', '0', '0', '0')
  await app.until('the installer screen', () => app.route() === 'installer' && shownTexts(app.app).includes('Medir de novo'))
  expect(isShown(app.banner)).toBe(false)
  expect(contains(app.banner, app.focused())).toBe(false)

  app.press('Back')
  await app.until('home', () => app.onHome())
  app.settle()
  expect(isShown(app.banner)).toBe(false)
  expect(await app.unreadOnServer()).toBe(4)
})
