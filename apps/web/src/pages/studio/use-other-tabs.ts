import { useEffect, useState } from 'react';

/** A tab's word about a record it has open, on the browser's channel between this site's tabs. */
interface TabMessage {
  kind: 'open' | 'here' | 'closed';
  slot: string;
  tab: string;
}

const CHANNEL = 'vitrina.editors';

/**
 * Whether another tab of this browser has the record of `slot` (a draft's
 * storage key: person, country, kind, record) open in its editor right now.
 * Tabs say so on a BroadcastChannel: "open" when they open it (those that
 * have it open answer "here"), "closed" when they leave. Where the browser
 * has no BroadcastChannel the answer is simply no.
 */
export function useOtherTabs(slot: string | undefined): boolean {
  // The tabs heard of, with the record they were heard about: a tab heard of on another record counts not.
  const [heard, setHeard] = useState<{ slot: string; tabs: ReadonlySet<string> }>();
  // Another record opened: what was heard about the last one is forgotten (adjusted while rendering).
  const [heardFor, setHeardFor] = useState(slot);
  if (heardFor !== slot) {
    setHeardFor(slot);
    setHeard(undefined);
  }

  useEffect(() => {
    if (!slot || typeof BroadcastChannel === 'undefined') return;
    const tab = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}`;
    const channel = new BroadcastChannel(CHANNEL);
    const say = (kind: TabMessage['kind']) => channel.postMessage({ kind, slot, tab } satisfies TabMessage);
    channel.onmessage = ({ data }: MessageEvent<TabMessage>) => {
      if (data?.slot !== slot || data.tab === tab) return;
      setHeard((now) => {
        const tabs = new Set(now?.slot === slot ? now.tabs : []);
        if (data.kind === 'closed') tabs.delete(data.tab);
        else tabs.add(data.tab);
        return { slot, tabs };
      });
      if (data.kind === 'open') say('here');
    };
    say('open');
    const closed = () => say('closed');
    // A page restored from the back-forward cache has the record open again.
    const shown = (event: PageTransitionEvent) => event.persisted && say('open');
    window.addEventListener('pagehide', closed);
    window.addEventListener('pageshow', shown);
    return () => {
      window.removeEventListener('pagehide', closed);
      window.removeEventListener('pageshow', shown);
      closed();
      channel.close();
    };
  }, [slot]);

  return heard !== undefined && heard.slot === slot && heard.tabs.size > 0;
}
