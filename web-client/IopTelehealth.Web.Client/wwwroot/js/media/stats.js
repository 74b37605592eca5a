// Reading RTCPeerConnection.getStats(): connection quality, the active speaker, and per-participant receive counters.

/** The thresholds the quality indicator uses (docs/browser-media.md): round-trip time in ms and packet loss in %. */
export const QUALITY = { good: { rttMs: 300, lossPct: 2 }, fair: { rttMs: 600, lossPct: 10 } };

/** An audio level above this (0..1, from inbound-rtp / media-source audioLevel) counts as speaking. */
export const SPEAKING_LEVEL = 0.02;

export function grade(rttMs, lossPct) {
    if (rttMs === null && lossPct === null) return 'unknown';
    const rtt = rttMs ?? 0, loss = lossPct ?? 0;
    if (rtt <= QUALITY.good.rttMs && loss <= QUALITY.good.lossPct) return 'good';
    if (rtt <= QUALITY.fair.rttMs && loss <= QUALITY.fair.lossPct) return 'fair';
    return 'poor';
}

/**
 * Samples a set of connections. `connections` is a list of { pc, owner(trackId) → participant id | null, selfId }.
 * Keeps the previous counters so loss is measured over the last interval, not since the start.
 */
export class StatsSampler {
    #previous = new Map();

    async sample(connections) {
        let rttMs = null, lost = 0, received = 0;
        const levels = new Map();
        const remotes = {};
        for (const { pc, owner, selfId } of connections) {
            if (pc.connectionState === 'closed') continue;
            const report = await pc.getStats();
            for (const s of report.values()) {
                if (s.type === 'candidate-pair' && s.nominated && s.state === 'succeeded' && typeof s.currentRoundTripTime === 'number') {
                    rttMs = Math.max(rttMs ?? 0, s.currentRoundTripTime * 1000);
                } else if (s.type === 'inbound-rtp') {
                    const who = owner(s.trackIdentifier);
                    if (!who) continue;
                    const r = remotes[who] ??= { framesDecoded: 0, audioPacketsReceived: 0, videoPacketsReceived: 0, videoBytesReceived: 0 };
                    if (s.kind === 'video') {
                        r.framesDecoded += s.framesDecoded ?? 0;
                        r.videoPacketsReceived += s.packetsReceived ?? 0;
                        r.videoBytesReceived += s.bytesReceived ?? 0;
                    } else {
                        r.audioPacketsReceived += s.packetsReceived ?? 0;
                        if (typeof s.audioLevel === 'number') levels.set(who, Math.max(levels.get(who) ?? 0, s.audioLevel));
                    }
                    const before = this.#previous.get(s.id) ?? { lost: 0, received: 0 };
                    lost += Math.max(0, (s.packetsLost ?? 0) - before.lost);
                    received += Math.max(0, (s.packetsReceived ?? 0) - before.received);
                    this.#previous.set(s.id, { lost: s.packetsLost ?? 0, received: s.packetsReceived ?? 0 });
                } else if (s.type === 'media-source' && s.kind === 'audio' && typeof s.audioLevel === 'number' && selfId) {
                    levels.set(selfId, Math.max(levels.get(selfId) ?? 0, s.audioLevel));
                }
            }
        }
        const lossPct = lost + received > 0 ? (100 * lost) / (lost + received) : (rttMs === null ? null : 0);
        let speaker = null, loudest = SPEAKING_LEVEL;
        for (const [who, level] of levels) {
            if (level > loudest) { speaker = who; loudest = level; }
        }
        return { rttMs: rttMs === null ? null : Math.round(rttMs), lossPct: lossPct === null ? null : Math.round(lossPct * 10) / 10, speaker, remotes };
    }
}
