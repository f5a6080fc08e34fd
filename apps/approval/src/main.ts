import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { bootstrapService } from '#libs/messaging';
import { ApprovalModule } from './approval.module.js';

const config = loadConfig('approval');
await bootstrapService(ApprovalModule.register(config), config);
