import 'reflect-metadata';
import { loadConfig } from '#libs/config';
import { bootstrapService } from '#libs/platform';
import { IntakeModule } from './intake.module.js';

const config = loadConfig('intake');
await bootstrapService(IntakeModule.register(config), config);
