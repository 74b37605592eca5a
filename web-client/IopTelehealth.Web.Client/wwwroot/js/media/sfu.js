// SFU mode (Janus through the hub): one publishing connection and one multistream receiving connection.
// The server holds every Janus handle; this side only sees SDP and ICE, through the .NET bridge.

import { watchConnection } from './recovery.js';

const PUBLISHER = 'publisher';
const SUBSCRIBER = 'subscriber';

/**
 * The participant a subscriber track belongs to. Janus's subscriber offers carry `a=msid:<feed> <mid>`, the feed being
 * the publisher's participant id (12 hex digits) written in decimal (docs/room-protocol.md).
 */
export function ownerOfStream(streamId, known) {
    if (!streamId) return null;
    if (known.has(streamId)) return streamId;
    const digits = /(\d+)/.exec(streamId)?.[1];
    if (!digits) return null;
    const hex = BigInt(digits).toString(16).padStart(12, '0');
    return known.has(hex) ? hex : null;
}

export class SfuLink {
    #room;
    #publisher = null;
    #subscriber = null;
    #stopSubscriberWatch = null;
    #pending = { [PUBLISHER]: [], [SUBSCRIBER]: [] };
    #ready = { [PUBLISHER]: false, [SUBSCRIBER]: false };
    #subscribing = null;
    #subscribeAgain = false;
    #unwatch = [];
    #closed = false;

    /** How many times both connections were started again (MediaRestart, a dead connection); tests read it. */
    restarts = 0;

    constructor(room) {
        this.#room = room;
    }

    get connections() {
        return [this.#publisher, this.#subscriber].filter(Boolean);
    }

    async start() {
        await Promise.all([this.publish(), this.subscribe()]);
    }

    /** Offer → hub Publish → answer. A second call renegotiates the same connection (or restarts its ICE). */
    async publish({ iceRestart = false } = {}) {
        const tracks = this.#room.sendTracks();
        if (tracks.length === 0 && !this.#publisher) return;
        const pc = this.#publisher ??= this.#newPublisher(tracks);
        this.#ready[PUBLISHER] = false;
        const offer = await pc.createOffer(iceRestart ? { iceRestart: true } : undefined);
        await pc.setLocalDescription(offer);
        const answer = await this.#room.call('Publish', { type: 'offer', sdp: offer.sdp });
        if (this.#closed) return;
        await pc.setRemoteDescription(answer);
        this.#flush(PUBLISHER);
    }

    /** Hub Subscribe → the SFU's offer (or nothing new) → our answer. Calls while one runs coalesce into one more. */
    subscribe() {
        if (this.#subscribing) {
            this.#subscribeAgain = true;
            return this.#subscribing;
        }
        this.#subscribing = (async () => {
            try {
                do {
                    this.#subscribeAgain = false;
                    try {
                        await this.#subscribeOnce();
                    } catch (e) {
                        // A newer request came while this one ran (a feed came up: FeedsChanged). It may succeed where
                        // this one failed (after a Janus restart a feed can be listed while it republishes), so it is
                        // not dropped; only the last attempt's failure is the caller's.
                        if (!this.#subscribeAgain || this.#closed) throw e;
                        console.warn('media: a subscription failed; the newer request tries again', e?.message);
                    }
                } while (this.#subscribeAgain && !this.#closed);
            } finally {
                this.#subscribing = null;
            }
        })();
        return this.#subscribing;
    }

    /** The sender side changed (audio-only, camera back): the publisher renegotiates. */
    async republish() {
        if (this.#publisher) {
            this.#room.syncSenders(this.#publisher);
        }
        await this.publish();
    }

    /**
     * After a resume this page speaks through a new hub connection, and the server answers that connection's first
     * Subscribe from a new subscriber handle (docs/room-protocol.md, media step 6), which a surviving receiving
     * connection cannot take: it is replaced now. The publisher stays (same DTLS fingerprint: the same handle).
     */
    async resubscribe() {
        const old = this.#subscriber;
        this.#stopSubscriberWatch?.();
        this.#subscriber = null;
        this.#pending[SUBSCRIBER] = [];
        this.#ready[SUBSCRIBER] = false;
        old?.close();
        this.#room.forgetRemoteTracks();
        await this.subscribe();
    }

    /** Janus lost our handles (MediaRestart) or the connections died for good: publish and subscribe from scratch. */
    async restart() {
        this.restarts++;
        this.#closeConnections();
        this.#closed = false;
        await this.start();
    }

    close() {
        this.#closed = true;
        this.#closeConnections();
    }

    #closeConnections() {
        this.#unwatch.forEach(stop => stop());
        this.#unwatch = [];
        this.#publisher?.close();
        this.#subscriber?.close();
        this.#publisher = this.#subscriber = null;
        this.#pending = { [PUBLISHER]: [], [SUBSCRIBER]: [] };
        this.#ready = { [PUBLISHER]: false, [SUBSCRIBER]: false };
        this.#room.forgetRemoteTracks();
    }

    async #subscribeOnce() {
        const offer = await this.#room.call('Subscribe');
        if (!offer || this.#closed) return;
        const pc = this.#subscriber ??= this.#newSubscriber();
        this.#ready[SUBSCRIBER] = false;
        await pc.setRemoteDescription(offer);
        // Audio-only receives no video: the answer declines every video stream, so Janus sends none.
        for (const t of pc.getTransceivers()) {
            if (t.receiver.track.kind === 'video' && !t.stopped) t.direction = this.#room.audioOnly ? 'inactive' : 'recvonly';
        }
        const answer = await pc.createAnswer();
        await pc.setLocalDescription(answer);
        await this.#room.call('AnswerSubscription', { type: 'answer', sdp: answer.sdp });
        this.#flush(SUBSCRIBER);
    }

    #newPublisher(tracks) {
        const pc = new RTCPeerConnection(this.#room.rtcConfiguration);
        for (const track of tracks) {
            pc.addTransceiver(track, { direction: 'sendonly', streams: [this.#room.localStream] });
        }
        this.#wire(pc, PUBLISHER, () => this.publish({ iceRestart: true }));
        return pc;
    }

    #newSubscriber() {
        const pc = new RTCPeerConnection(this.#room.rtcConfiguration);
        pc.ontrack = ({ track, streams }) => {
            const owner = ownerOfStream(streams[0]?.id, this.#room.knownParticipants);
            if (owner) {
                this.#room.addRemoteTrack(owner, track);
            } else {
                console.warn('media: a received stream matches no participant', streams[0]?.id);
            }
        };
        // Janus offers the ICE restart of a receiving connection itself; from here the recovery is a fresh subscription.
        this.#stopSubscriberWatch = this.#wire(pc, SUBSCRIBER, () => this.restart());
        return pc;
    }

    #wire(pc, leg, recover) {
        pc.onicecandidate = ({ candidate }) => {
            const c = candidate ? candidate.toJSON() : { candidate: '', sdpMid: null, sdpMLineIndex: null };
            if (this.#ready[leg]) {
                this.#room.call('Trickle', leg, c).catch(e => console.warn('media: trickle refused', e?.message));
            } else {
                this.#pending[leg].push(c);
            }
        };
        const stop = watchConnection(pc, recover, this.#room.onConnectionState);
        this.#unwatch.push(stop);
        return stop;
    }

    /** Candidates wait until the hub exchange of their leg is done: the server has no handle to give them to before. */
    #flush(leg) {
        this.#ready[leg] = true;
        const pending = this.#pending[leg];
        this.#pending[leg] = [];
        for (const c of pending) {
            this.#room.call('Trickle', leg, c).catch(e => console.warn('media: trickle refused', e?.message));
        }
    }
}
