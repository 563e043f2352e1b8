/**
 * slant's Node-only entry (`slant/node`): what needs Node built-ins (worker threads, sockets, files). The core,
 * `slant`, stays browser-safe and never imports this.
 */
export { createServer, type ServerOptions, type SlantServer } from './server';
