// One setting: a heading, what it does and why (Dutch first), then its controls.
import { useId, type ReactNode } from 'react';

export function Section({ title, help, children, id }: { title: string; help: ReactNode; children: ReactNode; id: string }) {
  const heading = useId();
  return (
    <section className="setting" aria-labelledby={heading} data-setting={id}>
      <h3 id={heading}>{title}</h3>
      <div className="setting-help">{help}</div>
      {children}
    </section>
  );
}
