// Mesh mode: one RTCPeerConnection per other admitted participant, signaling relayed by the hub (SendSignal/Signal).
// Perfect negotiation: either side may offer at any time; on a collision the polite side (the smaller participant id)
// rolls back and answers, the impolite side ignores the other offer. So it does not matter who offers first.

import { watchConnection } from './recovery.js';

const END_OF_CANDIDATES = { candidate: '', sdpMid: null, sdpMLineIndex: null };

export class MeshLink {
    #room;
    #peers = new Map();
    #closed = false;

    constructor(room) {
        this.#room = room;
    }

    get connections() {
        return [...this.#peers.values()].map(p => p.pc);
    }

    owner(pc) {
        for (const [id, peer] of this.#peers) if (peer.pc === pc) return id;
        return null;
    }

    async start() {
        this.setPeers(this.#room.remoteIds());
    }

    /** Connects to participants who arrived and closes the connections of those who left. */
    setPeers(ids) {
        if (this.#closed) return;
        const wanted = new Set(ids);
        for (const [id, peer] of this.#peers) {
            if (!wanted.has(id)) {
                peer.stop();
                peer.pc.close();
                this.#peers.delete(id);
                this.#room.forgetRemoteTracks(id);
            }
        }
        for (const id of wanted) {
            if (!this.#peers.has(id)) this.#create(id);
        }
    }

    async onSignal(from, signal) {
        if (this.#closed) return;
        const peer = this.#peers.get(from) ?? this.#create(from);
        const { pc } = peer;
        if (signal.kind === 'candidate') {
            if (!pc.remoteDescription) {
                peer.early.push(signal.candidate);
                return;
            }
            await this.#addCandidate(peer, signal.candidate);
            return;
        }
        const description = signal.description;
        const collision = description.type === 'offer' && (peer.makingOffer || pc.signalingState !== 'stable');
        peer.ignoreOffer = !peer.polite && collision;
        if (peer.ignoreOffer) return;
        await pc.setRemoteDescription(description);
        for (const c of peer.early.splice(0)) await this.#addCandidate(peer, c);
        if (description.type === 'offer') {
            this.#declineVideoIfAudioOnly(pc);
            await pc.setLocalDescription();
            await this.#send(from, { kind: 'answer', description: { type: pc.localDescription.type, sdp: pc.localDescription.sdp } });
        }
    }

    /** The senders changed (audio-only, camera back): each connection renegotiates through negotiationneeded. */
    republish() {
        for (const { pc } of this.#peers.values()) this.#room.syncSenders(pc);
    }

    /** The hub came back after a drop: connections that did not survive restart their ICE. */
    recoverBroken() {
        for (const { pc } of this.#peers.values()) {
            if (pc.connectionState !== 'connected' && pc.connectionState !== 'connecting') pc.restartIce();
        }
    }

    /** Not used by mesh (no SFU), but a MediaRestart is harmless: start every connection again. */
    async restart() {
        const ids = [...this.#peers.keys()];
        this.setPeers([]);
        this.setPeers(ids);
    }

    close() {
        this.#closed = true;
        for (const peer of this.#peers.values()) {
            peer.stop();
            peer.pc.close();
        }
        this.#peers.clear();
    }

    #create(id) {
        const pc = new RTCPeerConnection(this.#room.rtcConfiguration);
        const peer = { pc, polite: this.#room.selfId < id, makingOffer: false, ignoreOffer: false, early: [], stop: () => {} };
        this.#peers.set(id, peer);
        for (const track of this.#room.sendTracks()) pc.addTrack(track, this.#room.localStream);
        pc.onnegotiationneeded = async () => {
            try {
                peer.makingOffer = true;
                await pc.setLocalDescription();
                await this.#send(id, { kind: 'offer', description: { type: pc.localDescription.type, sdp: pc.localDescription.sdp } });
            } catch (e) {
                console.warn('media: offer failed', e?.message);
            } finally {
                peer.makingOffer = false;
            }
        };
        pc.onicecandidate = ({ candidate }) => {
            this.#send(id, { kind: 'candidate', candidate: candidate ? candidate.toJSON() : END_OF_CANDIDATES });
        };
        pc.ontrack = ({ track }) => this.#room.addRemoteTrack(id, track);
        peer.stop = watchConnection(pc, async () => pc.restartIce(), this.#room.onConnectionState);
        return peer;
    }

    async #addCandidate(peer, candidate) {
        try {
            await peer.pc.addIceCandidate(candidate.candidate ? candidate : null);
        } catch (e) {
            // A candidate of an offer we ignored (collision, impolite side) may not apply; anything else is worth a look.
            if (!peer.ignoreOffer) console.warn('media: candidate refused', e?.message);
        }
    }

    #declineVideoIfAudioOnly(pc) {
        if (!this.#room.audioOnly) return;
        for (const t of pc.getTransceivers()) {
            if (t.receiver.track.kind === 'video' && !t.stopped) t.direction = 'inactive';
        }
    }

    async #send(to, signal) {
        try {
            await this.#room.call('SendSignal', to, signal);
        } catch (e) {
            console.warn('media: signal refused', e?.message);
        }
    }
}
