import { configure } from '@testing-library/react';
import { GENEROUS_WAIT_MS } from '../../vitest.timeouts.mts';

// findBy… and waitFor give up after one second by default: too short on a loaded machine.
configure({ asyncUtilTimeout: GENEROUS_WAIT_MS });
