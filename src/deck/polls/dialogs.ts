// Modal dialogs of the presenter's deck (native <dialog>: focus is trapped and Escape closes it).
// Keys pressed in a dialog stay there, so typing a password does not move the slides.

let counter = 0;

function openDialog(
  title: string,
  build: (body: HTMLFormElement, dialog: HTMLDialogElement) => void,
): HTMLDialogElement {
  const dialog = document.createElement('dialog');
  dialog.className = 'deck-dialog';
  const headingId = `deck-dialog-${++counter}`;
  dialog.setAttribute('aria-labelledby', headingId);
  const heading = document.createElement('h2');
  heading.id = headingId;
  heading.textContent = title;
  const form = document.createElement('form');
  form.method = 'dialog';
  dialog.append(heading, form);
  build(form, dialog);
  dialog.addEventListener('keydown', (event) => event.stopPropagation());
  dialog.addEventListener('close', () => dialog.remove());
  document.body.append(dialog);
  dialog.showModal();
  return dialog;
}

function paragraph(text: string, className?: string): HTMLParagraphElement {
  const p = document.createElement('p');
  p.textContent = text;
  if (className) p.className = className;
  return p;
}

function button(label: string, value: string, primary = false): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'submit';
  b.value = value;
  b.textContent = label;
  if (primary) b.className = 'is-primary';
  return b;
}

function buttonRow(...buttons: HTMLButtonElement[]): HTMLDivElement {
  const row = document.createElement('div');
  row.className = 'deck-dialog-buttons';
  row.append(...buttons);
  return row;
}

/** Asks the presenter for PRESENTER_PASSWORD. Resolves to null when they choose not to start a session. */
export function askPresenterPassword(wrong: boolean): Promise<string | null> {
  return new Promise((resolve) => {
    let input: HTMLInputElement;
    const dialog = openDialog('Wachtwoord voor de trainer', (form) => {
      form.append(paragraph('Deze server vraagt een wachtwoord voordat je een sessie met live polls start.'));
      if (wrong) {
        const error = paragraph('Dit wachtwoord klopt niet. Probeer het opnieuw.', 'deck-dialog-error');
        error.id = `deck-dialog-error-${counter}`;
        form.append(error);
      }
      const label = document.createElement('label');
      label.textContent = 'Wachtwoord';
      input = document.createElement('input');
      input.type = 'password';
      input.name = 'password';
      input.autocomplete = 'current-password';
      input.required = true;
      input.maxLength = 200;
      if (wrong) input.setAttribute('aria-describedby', `deck-dialog-error-${counter}`);
      label.append(input);
      const cancel = button('Zonder live polls verder', 'cancel');
      cancel.formNoValidate = true;
      form.append(label, buttonRow(button('Sessie starten', 'ok', true), cancel));
    });
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok' && input.value ? input.value : null));
  });
}

/** Asks to confirm an action; resolves to true only when the presenter confirms. */
export function confirmAction(title: string, text: string, confirmLabel: string): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = openDialog(title, (form) => {
      const confirm = button(confirmLabel, 'ok', true);
      form.append(paragraph(text), buttonRow(confirm, button('Annuleren', 'cancel')));
      queueMicrotask(() => confirm.focus());
    });
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'));
  });
}

/** A dialog with free content and a close button; returns the dialog, so the caller can fill it. */
export function infoDialog(title: string, build: (body: HTMLFormElement) => void): HTMLDialogElement {
  return openDialog(title, (form) => {
    build(form);
    form.append(buttonRow(button('Sluiten', 'close', true)));
  });
}
