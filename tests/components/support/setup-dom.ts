import '@testing-library/jest-dom';
import { configure } from '@testing-library/react';
import { testNow } from '../../support/test-instant';

// findBy/waitFor give up after 1 s by default: on a busy 2-core machine a first render of a Taro
// page can take longer. What the user would see is unchanged; only the patience is.
configure({ asyncUtilTimeout: 5000 });

// NutUI's Dialog animates with react-transition-group, which still calls findDOMNode: React 18
// warns on every open dialog. That warning is about the library, not about the code under test.
const consoleError = console.error.bind(console);
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return;
    consoleError(...args);
  });
});

// "Now" is the run's instant (TEST_NOW, see tests/support/test-instant.ts), not the day the suite
// runs: only Date is faked, and it runs on at real speed, so timers and waitFor behave as before.
jest.useFakeTimers({
  now: testNow(),
  advanceTimers: true,
  doNotFake: ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'],
});
