// The help panel of the open view: what it shows, a question it answers, the definitions it uses (from the
// registry) and the keyboard shortcuts. '?' opens the same dialog on the shortcuts only.
import { useTranslation } from 'react-i18next';
import type { Lang } from '../../core/registry.js';
import { Dialog } from '../ui/Dialog.js';
import { SHORTCUTS, viewDefinitions, type DefinitionText } from './viewHelp.js';
import './help.css';

interface Props {
  view: string;
  /** 'shortcuts': only the keyboard list (the '?' key). */
  part: 'view' | 'shortcuts';
  onClose: () => void;
  onStartTour?: () => void;
}

export function HelpDialog({ view, part, onClose, onStartTour }: Props) {
  const { t, i18n } = useTranslation();
  const lang: Lang = i18n.language === 'en' ? 'en' : 'nl';
  const name = t(`nav.${view}`, { defaultValue: view });
  const known = i18n.exists(`help.views.${view}.shows`);
  const defs = viewDefinitions(view, lang);
  const actions = (
    <>
      {part === 'view' && onStartTour && (
        <button type="button" className="secondary" onClick={onStartTour}>
          {t('help.startTour')}
        </button>
      )}
      <button type="button" onClick={onClose}>
        {t('help.close')}
      </button>
    </>
  );
  return (
    <Dialog title={part === 'view' ? t('help.title', { view: name }) : t('help.shortcutsTitle')} onClose={onClose} closeLabel={t('help.close')} actions={actions} className="help-dialog">
      {part === 'view' && (
        <>
          <h3>{t('help.shows')}</h3>
          <p>{known ? t(`help.views.${view}.shows`) : t('help.generic')}</p>
          {known && (
            <>
              <h3>{t('help.question')}</h3>
              <p className="help-question">{t(`help.views.${view}.question`)}</p>
            </>
          )}
          {defs.measures.length + defs.dimensions.length > 0 && (
            <>
              <h3>{t('help.definitions')}</h3>
              <p className="note">{t('help.definitionsNote')}</p>
              <Definitions title={t('help.measures')} entries={defs.measures} />
              <Definitions title={t('help.dimensions')} entries={defs.dimensions} />
            </>
          )}
        </>
      )}
      <Shortcuts heading={part === 'view'} />
    </Dialog>
  );
}

function Definitions({ title, entries }: { title: string; entries: DefinitionText[] }) {
  if (entries.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <dl className="help-definitions">
        {entries.map((e) => (
          <div key={e.id} data-definition={e.id}>
            <dt>{e.label}</dt>
            <dd>{e.definition}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}

export function Shortcuts({ heading }: { heading: boolean }) {
  const { t } = useTranslation();
  return (
    <>
      {heading && <h3>{t('help.shortcutsTitle')}</h3>}
      <table className="help-shortcuts">
        <caption className="visually-hidden">{t('help.shortcutsTitle')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('help.keys')}</th>
            <th scope="col">{t('help.action')}</th>
          </tr>
        </thead>
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.what} data-shortcut={s.what}>
              <td>
                {s.keys.map((k, i) => (
                  <span key={k}>
                    {i > 0 && ' '}
                    <kbd>{t(`help.keyNames.${k}`, { defaultValue: k })}</kbd>
                  </span>
                ))}
              </td>
              <td>{t(`help.shortcuts.${s.what}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
