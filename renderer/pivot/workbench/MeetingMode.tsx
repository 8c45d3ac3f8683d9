// Meeting mode: full screen where the browser allows it (else the pivot fills the window), large type,
// suppression forced on screen, no drill-through or record counts, and a banner that says so. Esc leaves
// it: in real full screen the browser takes Esc to end full screen, and leaving full screen leaves the mode.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface Meeting {
  on: boolean;
  enter: () => void;
  leave: () => void;
}

export function useMeetingMode(): Meeting {
  const [on, setOn] = useState(false);
  const fullscreen = useRef(false);

  const leave = useCallback(() => {
    setOn(false);
    if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
    fullscreen.current = false;
  }, []);

  const enter = useCallback(() => {
    setOn(true);
    // requestFullscreen needs a user gesture and may be refused (policy, iframe): the full-window layout
    // (CSS class) is there either way.
    const el = document.documentElement;
    if (typeof el.requestFullscreen === 'function' && document.fullscreenEnabled) {
      el.requestFullscreen()
        .then(() => (fullscreen.current = true))
        .catch(() => (fullscreen.current = false));
    }
  }, []);

  useEffect(() => {
    if (!on) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape' && !e.defaultPrevented) leave();
    };
    const onFullscreen = () => {
      if (!document.fullscreenElement && fullscreen.current) leave();
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('fullscreenchange', onFullscreen);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('fullscreenchange', onFullscreen);
    };
  }, [on, leave]);

  return { on, enter, leave };
}

export function MeetingToggle({ meeting }: { meeting: Meeting }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="meeting-toggle" aria-pressed={meeting.on} onClick={meeting.on ? meeting.leave : meeting.enter}>
      {meeting.on ? t('workbench.meeting.leave') : t('workbench.meeting.enter')}
    </button>
  );
}

export function MeetingBanner() {
  const { t } = useTranslation();
  return (
    <p className="meeting-banner" role="status">
      {t('workbench.meeting.banner')}
    </p>
  );
}
