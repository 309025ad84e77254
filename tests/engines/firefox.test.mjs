import { engineSuite } from './flows.mjs';

engineSuite('firefox');
