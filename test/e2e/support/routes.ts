import { INestApplication, RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, Reflector } from '@nestjs/core';
import { PUBLIC_ROUTE, REQUIRED_PERMISSION } from '../../../src/auth/access.decorators';

export interface DeclaredRoute {
  method: string;
  path: string;
  controller: string;
  handler: string;
  isPublic: boolean;
  permission: string | undefined;
}

/** Every HTTP route of the application, read from Nest's own metadata, with its declared access. */
export function declaredRoutes(app: INestApplication): DeclaredRoute[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const reflector = app.get(Reflector);
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const controllerClass = wrapper.metatype as new (...args: unknown[]) => unknown;
    const base = [Reflect.getMetadata(PATH_METADATA, controllerClass) ?? ''].flat()[0] as string;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const subPath = Reflect.getMetadata(PATH_METADATA, handler);
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (subPath === undefined || method === undefined) continue;
      for (const sub of [subPath].flat() as string[]) {
        const path = `/${[base, sub].filter((p) => p && p !== '/').join('/')}`.replace(/\/+/g, '/');
        routes.push({
          method: RequestMethod[method],
          path,
          controller: controllerClass.name,
          handler: name,
          isPublic: !!reflector.getAllAndOverride(PUBLIC_ROUTE, [handler, controllerClass]),
          permission: reflector.getAllAndOverride(REQUIRED_PERMISSION, [handler, controllerClass]),
        });
      }
    }
  }
  return routes;
}
