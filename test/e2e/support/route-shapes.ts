import { INestApplication } from '@nestjs/common';
import { RouteParamtypes } from '@nestjs/common/enums/route-paramtypes.enum';
import { METHOD_METADATA, PATH_METADATA, ROUTE_ARGS_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import { DeclaredRoute, declaredRoutes } from './routes';

/** A declared route, and whether its handler reads a request body at all. */
export interface RouteShape extends DeclaredRoute {
  takesBody: boolean;
  params: string[];
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function routeShapes(app: INestApplication): RouteShape[] {
  const discovery = app.get(DiscoveryService);
  const scanner = app.get(MetadataScanner);
  const bodies = new Set<string>();
  for (const wrapper of discovery.getControllers()) {
    const instance = wrapper.instance as object | undefined;
    if (!instance) continue;
    const controllerClass = wrapper.metatype as new (...args: unknown[]) => unknown;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      if (Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
      if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
      const args = (Reflect.getMetadata(ROUTE_ARGS_METADATA, controllerClass, name) ??
        {}) as Record<string, unknown>;
      if (Object.keys(args).some((k) => k.split(':')[0] === String(RouteParamtypes.BODY)))
        bodies.add(`${controllerClass.name}.${name}`);
    }
  }
  return declaredRoutes(app).map((r) => ({
    ...r,
    takesBody: bodies.has(`${r.controller}.${r.handler}`),
    params: [...r.path.matchAll(/:([A-Za-z]+)/g)].map((m) => m[1]),
  }));
}

export function writeRoutes(app: INestApplication): RouteShape[] {
  return routeShapes(app).filter((r) => WRITE_METHODS.has(r.method));
}
