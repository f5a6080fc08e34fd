import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { bootstrapService } from '#libs/platform';
import { FeesModule } from './fees.module.js';

const config = loadConfig('fees');
await bootstrapService(FeesModule.register(config), config);
