import { act, fireEvent, screen, waitFor } from '@testing-library/react';

/**
 * Taro's H5 components are custom elements wrapping native ones: `<taro-input-core placeholder>`
 * holds the `<input placeholder>` a person types into. These helpers reach the native element.
 */
export function field(placeholder: string): Promise<HTMLInputElement> {
  // The custom element draws its native input a moment after React mounts it.
  return waitFor(() => {
    const input = screen.getAllByPlaceholderText(placeholder).find((el) => el.tagName === 'INPUT');
    if (!input) throw new Error(`没有占位文字为「${placeholder}」的输入框`);
    return input as HTMLInputElement;
  });
}

/** Types a whole value into the input with this placeholder. */
export async function typeInto(placeholder: string, value: string): Promise<void> {
  fireEvent.input(await field(placeholder), { target: { value } });
}

/** The NutUI button whose label is this text (click the outer element, as a finger would). */
export function button(label: string): HTMLElement {
  const matches = screen.getAllByText(label).map((el) => el.closest('.nut-button')).filter(Boolean) as HTMLElement[];
  if (matches.length !== 1) throw new Error(`找到 ${matches.length} 个「${label}」按钮`);
  return matches[0];
}

export const isDisabled = (el: HTMLElement): boolean => el.classList.contains('nut-button-disabled') || el.hasAttribute('disabled');

/** Taps the NutUI button with this label. */
export function tap(label: string): void {
  fireEvent.click(button(label));
}

/** Waits for the NutUI dialog titled `title` and taps its confirm button. */
export async function confirmDialog(title: string): Promise<void> {
  const dialog = await waitFor(() => {
    const found = Array.from(document.querySelectorAll('.nut-dialog')).find((el) => el.querySelector('.nut-dialog-header')?.textContent === title);
    if (!found) throw new Error(`没有标题为「${title}」的对话框`);
    return found;
  });
  const ok = dialog.querySelector('.nut-dialog-footer-ok');
  if (!ok) throw new Error('对话框没有确认按钮');
  // The dialog awaits its onConfirm, then closes: let that settle inside act.
  await act(async () => {
    fireEvent.click(ok);
  });
}

/** Taps an element and lets the state updates it starts settle (for handlers that await the gateway). */
export async function tapAndSettle(el: Element): Promise<void> {
  await act(async () => {
    fireEvent.click(el);
  });
}
