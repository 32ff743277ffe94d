// Before the first page: find the device token. A token in the launch URL or
// settings wins; `scenario=` asks the reference server for a demo account's token.
import { services } from './services'

export async function resolveToken(): Promise<void> {
  const { api, launch } = services()
  // Already found, or found at boot to be unknown: only a down API is worth asking again.
  if (api.hasToken || services().launchProblems.some((problem) => problem.param === 'scenario')) return
  if (launch.token) {
    api.setToken(launch.token)
    return
  }
  if (!launch.scenario) return
  try {
    const { data } = await api.demoScenarios()
    const scenario = data.items.find((item) => item.id === launch.scenario)
    if (scenario) api.setToken(scenario.token)
    // Without a token home explains the 401; the header names the bad parameter.
    else services().launchProblems.push({ param: 'scenario', value: launch.scenario, fallback: '—' })
  } catch {
    // The API is down: home's own request fails the same way and says so with a retry.
  }
}
