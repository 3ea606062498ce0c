// The documentation site's own script (TypeDoc's customJs), for keyboard and screen reader users
// of TypeDoc's default theme:
// - the menu button (a narrow window, or a page zoomed in) opens on a pointer only: Enter and
//   Space open it too, focus moves into the menu, Escape closes it and returns to the button,
//   and the button says whether the menu is open (aria-expanded);
// - a skip link goes past the toolbar to the page's content, which is the page's main landmark.
const trigger = document.getElementById('tsd-toolbar-menu-trigger');
const root = document.documentElement;
const isOpen = () => root.classList.contains('has-menu');
const close = () => document.body.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));

if (trigger) {
  trigger.setAttribute('role', 'button');
  trigger.setAttribute('aria-expanded', 'false');
  new MutationObserver(() => trigger.setAttribute('aria-expanded', String(isOpen()))).observe(
    root,
    { attributes: true, attributeFilter: ['class'] },
  );
  document.addEventListener('keydown', (event) => {
    if (event.target === trigger && (event.key === 'Enter' || event.key === ' ')) {
      event.preventDefault();
      if (isOpen()) return close();
      trigger.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
      document.querySelector('.col-sidebar a, .col-sidebar summary, .col-sidebar input')?.focus();
    } else if (event.key === 'Escape' && isOpen()) {
      close();
      trigger.focus();
    }
  });
}

const content = document.querySelector('.col-content');
if (content) {
  content.id ||= 'content';
  content.setAttribute('role', 'main');
  content.setAttribute('tabindex', '-1');
  const skip = document.createElement('a');
  skip.className = 'skip-link';
  skip.href = `#${content.id}`;
  skip.textContent = 'Skip to content';
  document.body.prepend(skip);
}
