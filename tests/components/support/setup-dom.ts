import '@testing-library/jest-dom';

// NutUI's Dialog animates with react-transition-group, which still calls findDOMNode: React 18
// warns on every open dialog. That warning is about the library, not about the code under test.
const consoleError = console.error.bind(console);
beforeAll(() => {
  jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].includes('findDOMNode is deprecated')) return;
    consoleError(...args);
  });
});
