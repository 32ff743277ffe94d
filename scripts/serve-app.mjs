// Static server for the built app (dist/app), on 127.0.0.1 only.
import Fastify from 'fastify'
import fastifyStatic from '@fastify/static'
import { resolve } from 'node:path'

export async function serveApp({ port = 8080, root = 'dist/app' } = {}) {
  const server = Fastify({ logger: false })
  await server.register(fastifyStatic, { root: resolve(root) })
  await server.listen({ host: '127.0.0.1', port })
  const address = server.server.address()
  return { server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : port}/` }
}
