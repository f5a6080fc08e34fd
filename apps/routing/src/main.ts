import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { bootstrapService } from '#libs/platform';
import { RoutingModule } from './routing.module.js';

const config = loadConfig('routing');
await bootstrapService(RoutingModule.register(config), config);
