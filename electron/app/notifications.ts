import type { Alert } from '../../shared/contract/history';
import type { DesktopText } from './desktop-text';

/** The slice of Electron's Notification the app uses (a fake in tests). */
export interface NotificationLike {
  show(): void;
  on(event: 'click', listener: () => void): unknown;
}
export interface NotificationConstructor {
  new (options: { title: string; body: string; silent?: boolean; urgency?: 'normal' | 'critical' | 'low' }): NotificationLike;
  isSupported(): boolean;
}

/** At most this many notifications a minute: a burst of new listeners becomes one summary. */
const PER_MINUTE = 5;

/**
 * Desktop notifications for alerts. Alert text carries process names, which are other programs'
 * text: notifications show plain text (no markup is interpreted by Electron's Notification on
 * any platform), and a flood is capped so a misbehaving program cannot bury the desktop.
 */
export class AlertNotifier {
  private sent: number[] = [];
  private held = 0;

  constructor(
    private readonly Notification: NotificationConstructor,
    private readonly onClick: () => void,
    /** The language notifications speak, read at each one (it follows the page's switch). */
    private readonly text: Pick<DesktopText, 't' | 'engine'>,
    private readonly now: () => number = Date.now,
  ) {}

  notify(alert: Alert): boolean {
    if (!this.Notification.isSupported()) return false;
    const t = this.now();
    this.sent = this.sent.filter((s) => t - s < 60_000);
    if (this.sent.length >= PER_MINUTE) {
      this.held++;
      return false;
    }
    this.sent.push(t);
    const message = this.text.engine(alert);
    const body = this.held > 0 ? this.text.t('desktop.notify.withMore', { message, count: this.held }) : message;
    this.held = 0;
    const n = new this.Notification({
      title: this.text.t('desktop.notify.title', { kind: alertKind(alert) }),
      body,
      urgency: alert.severity === 'danger' ? 'critical' : 'normal',
    });
    n.on('click', this.onClick);
    n.show();
    return true;
  }
}

/** The title's `kind`: a port that stopped listening, a risky new one, or another new one. */
export function alertKind(alert: Pick<Alert, 'reasons' | 'severity'>): 'stopped' | 'risky' | 'new' {
  if (alert.reasons.includes('service-down')) return 'stopped';
  return alert.severity === 'danger' ? 'risky' : 'new';
}
