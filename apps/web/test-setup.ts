import { configure } from '@testing-library/react';
import { GENEROUS_WAIT_MS } from '../../vitest.timeouts.mts';
import { loadStaffTranslations } from './src/i18n/i18n';

// findBy… and waitFor give up after one second by default: too short on a loaded machine.
configure({ asyncUtilTimeout: GENEROUS_WAIT_MS });

// Components of staff pages read the staff pages' sentences, which the app loads with those pages.
await loadStaffTranslations();
