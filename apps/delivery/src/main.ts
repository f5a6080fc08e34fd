import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { bootstrapService } from '#libs/platform';
import { DeliveryModule } from './delivery.module.js';

const config = loadConfig('delivery');
await bootstrapService(DeliveryModule.register(config), config);
