// Buttons for the actions a kind offers; denied ones are disabled with the reason as tooltip.
import type { AccessResult } from '../../shared/bridge/types';
import type { ActionDef } from './catalog';

export function ActionBar({ actions, access, onRun }: { actions: ActionDef[]; access(a: ActionDef): AccessResult | undefined; onRun(a: ActionDef): void }) {
  return (
    <div className="action-bar" role="toolbar" aria-label="Actions">
      {actions.map((a) => {
        const verdict = access(a);
        const denied = verdict?.allowed === false;
        const reason = denied ? `Not allowed: ${verdict.reason || `${a.check.verb} ${a.check.resource}${a.check.subresource ? `/${a.check.subresource}` : ''} is denied`}` : a.label;
        return (
          <span key={a.id} title={reason} className="action-wrap">
            <button className={a.destructive ? 'danger-outline' : ''} disabled={denied} onClick={() => onRun(a)}>
              {a.label}
            </button>
          </span>
        );
      })}
    </div>
  );
}
