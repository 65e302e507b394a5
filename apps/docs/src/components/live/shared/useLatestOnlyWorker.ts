/** React glue for LatestOnlyChannel: the worker lives from mount to unmount, never during SSR. */
import { type RefObject, useEffect, useRef } from 'react';

import { type Delivery, LatestOnlyChannel } from './latestOnlyChannel';

/**
 * Creates the channel in an effect (workers exist only in the browser) and routes replies to the
 * newest `onDelivery`, so callers need not memoize it. Submissions made before the effect ran are
 * dropped; callers submit from effects, which run after this one when declared later.
 */
export function useLatestOnlyWorker<Request, Result>(
  createWorker: () => Worker,
  onDelivery: (delivery: Delivery<Request, Result>) => void,
): RefObject<LatestOnlyChannel<Request, Result> | null> {
  const channelRef = useRef<LatestOnlyChannel<Request, Result> | null>(null);
  const deliverRef = useRef(onDelivery);
  deliverRef.current = onDelivery;
  const createRef = useRef(createWorker);
  useEffect(() => {
    const channel = new LatestOnlyChannel<Request, Result>(createRef.current, (delivery) => deliverRef.current(delivery));
    channelRef.current = channel;
    return () => {
      channel.dispose();
      channelRef.current = null;
    };
  }, []);
  return channelRef;
}
