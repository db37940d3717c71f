import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { DiscoveryService, MetadataScanner, ModulesContainer, Reflector } from '@nestjs/core';
import type { INestApplication } from '@nestjs/common';
import { ACCESS_RULE, type AccessRule } from '../../src/modules/access/access.decorators';

export interface DeclaredRoute {
  method: string;
  path: string;
  rule: AccessRule | undefined;
  handler: string;
}

function joinPath(...parts: string[]): string {
  return `/${parts.flatMap((part) => part.split('/')).filter(Boolean).join('/')}`;
}

/** Every HTTP route the application itself declares, read from its controllers. */
export function declaredRoutes(app: INestApplication, globalPrefix = 'api'): DeclaredRoute[] {
  const discovery = new DiscoveryService(app.get(ModulesContainer));
  const scanner = new MetadataScanner();
  const reflector = new Reflector();
  const routes: DeclaredRoute[] = [];
  for (const wrapper of discovery.getControllers()) {
    const { instance, metatype } = wrapper;
    if (!instance || !metatype) continue;
    const controllerPath = Reflect.getMetadata(PATH_METADATA, metatype) as string;
    const prototype = Object.getPrototypeOf(instance);
    for (const name of scanner.getAllMethodNames(prototype)) {
      const handler = prototype[name];
      const path = Reflect.getMetadata(PATH_METADATA, handler) as string | undefined;
      if (path === undefined) continue;
      const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as number];
      routes.push({
        method,
        path: controllerPath.startsWith('iiif') ? joinPath(controllerPath, path) : joinPath(globalPrefix, controllerPath, path),
        rule: reflector.getAllAndOverride<AccessRule>(ACCESS_RULE, [handler, metatype]),
        handler: `${metatype.name}.${name}`,
      });
    }
  }
  return routes;
}
