// The strip under the header for long work in the data process (core/contract/work.ts): rebuilding the model,
// writing an export, importing CBS figures. It appears only once a call has waited 400 ms — quick calls never
// make it flash — then asks work/status every 300 ms while calls wait, shows the newest task with a bar and the
// time left, and cancels. The calls that were cancelled fail with code 'cancelled'; their views say so
// (Cancelled.tsx).
import { useEffect, useState, useSyncExternalStore } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { SpiegelApi } from '../../core/contract/api.js';
import type { WorkTask } from '../../core/contract/work.js';
import { formatDuration, formatNumber } from '../format.js';
import type { Lang } from '../i18n/index.js';
import type { CallTracker } from './trackCalls.js';
import './work.css';

export const SHOW_AFTER_MS = 400;
export const POLL_MS = 300;

export function WorkProgress({ api, tracker }: { api: SpiegelApi; tracker: CallTracker }) {
  const oldest = useSyncExternalStore(tracker.subscribe, tracker.oldestPending);
  const tasks = useWorkStatus(api, oldest);
  const [cancelAsked, setCancelAsked] = useState(false);
  const host = useFullscreenElement();
  useEffect(() => {
    if (oldest === null) setCancelAsked(false);
  }, [oldest]);

  const task = tasks?.at(-1);
  if (oldest === null || !task) return null;
  const cancel = () => {
    setCancelAsked(true);
    // Everything running stops: an export waiting for the model would otherwise wait on.
    void api.invoke('work/cancel', {});
  };
  const strip = <WorkStrip task={task} others={tasks!.length - 1} cancelling={cancelAsked || task.cancelling} onCancel={cancel} />;
  // When one element is full screen only it is drawn, so the strip goes in it (meeting mode now makes the whole
  // page full screen, where the strip can stay where it is).
  return host && !host.contains(document.body) ? createPortal(strip, host) : strip;
}

/** The running tasks while counted calls wait (after SHOW_AFTER_MS); null while none wait. */
function useWorkStatus(api: SpiegelApi, oldest: number | null): WorkTask[] | null {
  const [tasks, setTasks] = useState<WorkTask[] | null>(null);
  useEffect(() => {
    if (oldest === null) {
      setTasks(null);
      return;
    }
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      const r = await api.invoke('work/status', {});
      if (stopped) return;
      if (r.ok) setTasks(r.value.tasks);
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), Math.max(0, oldest + SHOW_AFTER_MS - performance.now()));
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [api, oldest]);
  return tasks;
}

function useFullscreenElement(): Element | null {
  const [el, setEl] = useState<Element | null>(() => document.fullscreenElement);
  useEffect(() => {
    const onChange = () => setEl(document.fullscreenElement);
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  return el;
}

interface StripProps {
  task: WorkTask;
  others: number;
  cancelling: boolean;
  onCancel: () => void;
}

function WorkStrip({ task, others, cancelling, onCancel }: StripProps) {
  const { t, i18n } = useTranslation();
  const percent = Math.min(100, Math.floor(task.fraction * 100));
  const title = `${t(`work.kind.${task.kind}`)} — ${t(`work.phase.${task.phase}`)}`;
  const eta = task.etaMs === null ? t('work.etaUnknown') : t('work.eta', { time: formatDuration(task.etaMs, i18n.language as Lang) });
  const detail = [`${formatNumber(percent)} %`, eta, others > 0 ? t('work.others', { count: others, n: formatNumber(others) }) : null].filter(Boolean).join(' · ');
  return (
    // A polite live region: a new phase or "cancelling" is read out; the percentage lives in the bar's
    // aria-valuetext, so a screen reader is not interrupted three times a second.
    <div className="work-progress" role="status" aria-labelledby="work-progress-title">
      <p id="work-progress-title" className="work-title">
        {title}
      </p>
      <div
        className="work-bar"
        role="progressbar"
        aria-labelledby="work-progress-title"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        aria-valuetext={detail}
      >
        <div className="work-fill" style={{ width: `${percent}%` }} />
      </div>
      <p className="work-detail" aria-hidden="true">
        {detail}
      </p>
      {/* aria-disabled, not disabled: a disabled button drops the keyboard focus while the cancel runs. */}
      <button type="button" className="secondary" onClick={cancelling ? undefined : onCancel} aria-disabled={cancelling}>
        {cancelling ? t('work.cancelling') : t('work.cancel')}
      </button>
    </div>
  );
}
