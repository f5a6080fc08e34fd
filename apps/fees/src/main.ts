import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { bootstrapService } from '#libs/messaging';
import { FeesModule } from './fees.module.js';

const config = loadConfig('fees');
await bootstrapService(FeesModule.register(config), config);
