// The floor the app is measured against (issue 8): a bare Lightning app with the
// same core, the same stage settings as src/index.ts (settings.json + the device
// profile + the resolution's precision), the SDK Router and one ui-components
// Column of 12 Buttons. Its "meaningful frame" is the honest equivalent of home's: the
// same API as deployed, the app's boot request (POST /v1/session?with=overview with the
// same device token: a session and home's overview) and the viewer's greeting rendered
// as the first Button's title. Nothing else: no data layer, no answer checks, no
// translations, no pages beyond one.
import { Launch, Lightning, Router } from '@lightningjs/sdk'
import { Button, Column } from '@lightningjs/ui-components'
import settings from '../../../settings.json'
import { DEVICES, RESOLUTIONS, type DeviceId, type ResolutionId } from '../../../src/platform/devices'

const query = new URLSearchParams(window.location.search)
const device = DEVICES[(query.get('device') as DeviceId) ?? 'uma'] ?? DEVICES.uma
const resolution = RESOLUTIONS[(query.get('resolution') as ResolutionId) ?? '1080p'] ?? RESOLUTIONS['1080p']
const api = query.get('api') ?? settings.launch.api
const token = query.get('token') ?? ''

interface Titled {
  title: string
}

class Home extends Lightning.Component {
  static override _template(): Lightning.Component.Template<Lightning.Component.TemplateSpecLoose> {
    return {
      List: {
        type: Column as unknown as Lightning.Component.Constructor,
        x: 96,
        y: 160,
        w: 800,
        h: 860,
        items: Array.from({ length: 12 }, (_, i) => ({ type: Button, title: `Botão ${i + 1}`, w: 600 })),
      },
    }
  }

  set greeting(name: string) {
    const first = (this.tag('List') as unknown as { items: Titled[] }).items[0]
    if (first) first.title = `Olá, ${name}`
  }

  override _getFocused(): Lightning.Component {
    return this.tag('List') as Lightning.Component
  }
}

class App extends Router.App {
  override _setup(): void {
    Router.startRouter(
      {
        root: 'home',
        routes: [
          {
            path: 'home',
            component: Home,
            on: async (page: Home) => {
              // As the app's boot asks (src/data/client.ts): the session, with home's overview in its answer.
              const session = await fetch(`${api}/v1/session?with=overview`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
              const { overview } = (await session.json()) as { overview: { viewer: { name: string } } }
              page.greeting = overview.viewer.name
            },
          },
        ],
      } as unknown as Router.Config,
      this,
    )
  }
}

const appSettings = {
  ...settings.appSettings,
  stage: {
    ...settings.appSettings.stage,
    memoryPressure: device.memoryPressure,
    bufferMemory: device.bufferMemory,
    pauseRafLoopOnIdle: device.pauseRafLoopOnIdle,
    clearColor: 0xff0d1b2a,
  },
}
const platformSettings = { ...settings.platformSettings, width: resolution.width, height: resolution.height, router: { ...device.router } }

const application = Launch(App, appSettings as unknown as Parameters<typeof Launch>[1], platformSettings, {}) as unknown as {
  stage: { getCanvas(): HTMLCanvasElement }
}
document.body.appendChild(application.stage.getCanvas())
