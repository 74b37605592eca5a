// When a connection breaks: `failed` recovers at once; `disconnected` often heals by itself (a Wi-Fi hiccup), so it
// waits DISCONNECTED_GRACE_MS first and recovers only if it is still not connected.

export const DISCONNECTED_GRACE_MS = 2500;

export function watchConnection(pc, recover, onState) {
    let timer = null;
    let recovering = false;
    const run = async () => {
        if (recovering || pc.connectionState === 'closed') return;
        recovering = true;
        try {
            await recover();
        } catch (e) {
            console.warn('media: recovery failed', e?.message);
        } finally {
            recovering = false;
        }
    };
    const changed = () => {
        onState?.();
        clearTimeout(timer);
        if (pc.connectionState === 'failed') {
            run();
        } else if (pc.connectionState === 'disconnected') {
            timer = setTimeout(() => { if (pc.connectionState !== 'connected') run(); }, DISCONNECTED_GRACE_MS);
        }
    };
    pc.addEventListener('connectionstatechange', changed);
    return () => {
        clearTimeout(timer);
        pc.removeEventListener('connectionstatechange', changed);
    };
}
