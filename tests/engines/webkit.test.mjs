import { engineSuite } from './flows.mjs';

engineSuite('webkit');
