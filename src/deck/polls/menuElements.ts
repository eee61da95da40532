// The small building blocks of the Trainer menu's dialog.

export function actionButton(label: string, onClick: () => void): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.addEventListener('click', onClick);
  return button;
}

export function section(title: string, ...content: (Node | string)[]): HTMLElement {
  const element = document.createElement('section');
  const heading = document.createElement('h3');
  heading.textContent = title;
  element.append(heading, ...content);
  return element;
}

export function text(tag: 'p' | 'li', content: string): HTMLElement {
  const element = document.createElement(tag);
  element.textContent = content;
  return element;
}
