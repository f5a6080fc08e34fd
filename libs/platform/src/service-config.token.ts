/** The process's ServiceConfig (#libs/config), provided once by PlatformModule for every provider to inject. */
export const SERVICE_CONFIG = Symbol('SERVICE_CONFIG');
