import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { bootstrapService } from '#libs/platform';
import { ApprovalModule } from './approval.module.js';

const config = loadConfig('approval');
await bootstrapService(ApprovalModule.register(config), config);
