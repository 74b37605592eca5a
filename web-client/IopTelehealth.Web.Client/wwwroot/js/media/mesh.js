// Mesh mode: one RTCPeerConnection per other admitted participant, signaling relayed by the hub (SendSignal/Signal).
// As docs/room-protocol.md says: the participant with the greater id (ordinal) creates the connection and offers
// first; the smaller one creates its side when that offer arrives. Later renegotiations (audio-only, screen) may come
// from either side: perfect negotiation, the smaller id polite (rolls back on a collision), the greater impolite.

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
            // A connection made for an offer from someone this page has not heard of yet stays until they are known and gone.
            if (wanted.has(id)) peer.known = true;
            else if (peer.known) {
                peer.stop();
                peer.pc.close();
                this.#peers.delete(id);
                this.#room.forgetRemoteTracks(id);
            }
        }
        for (const id of wanted) {
            if (!this.#peers.has(id) && this.#offersFirst(id)) this.#create(id, true);
        }
    }

    async onSignal(from, signal) {
        if (this.#closed) return;
        const peer = this.#peers.get(from) ?? this.#create(from, false);
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
        if (!peer.sending) {
            // The answering side's tracks go onto the transceivers the offer made, so the answer carries them at once.
            this.#addTracks(peer);
        }
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

    /** Not sent in mesh (no SFU); harmless: the connections we start begin again, the others wait for a new offer. */
    async restart() {
        const ids = this.#room.remoteIds();
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

    #offersFirst(id) {
        return this.#room.selfId > id;
    }

    #addTracks(peer) {
        peer.sending = true;
        for (const track of this.#room.sendTracks()) peer.pc.addTrack(track, this.#room.localStream);
    }

    /** `offering`: we hold the greater id and start; otherwise the connection is made for an offer that just arrived. */
    #create(id, offering) {
        const pc = new RTCPeerConnection(this.#room.rtcConfiguration);
        const peer = {
            pc, polite: this.#room.selfId < id, makingOffer: false, ignoreOffer: false, early: [], sending: false, stop: () => {},
            known: this.#room.knownParticipants.has(id),
        };
        this.#peers.set(id, peer);
        if (offering) this.#addTracks(peer);
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
