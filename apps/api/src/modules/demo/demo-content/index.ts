import { ARMENIA_DEMO } from './armenia';
import { KAZAKHSTAN_DEMO } from './kazakhstan';
import type { DemoCountryContent } from './types';

export const DEMO_CONTENT: DemoCountryContent[] = [KAZAKHSTAN_DEMO, ARMENIA_DEMO];
