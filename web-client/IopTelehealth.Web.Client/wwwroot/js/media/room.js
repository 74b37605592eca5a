// One page's media in the room (media.js creates it at join and drives it from the hub's events): the local tracks,
// the link to the others (SFU or mesh), the tiles' sources, the remote sound, audio-only, screen share and the stats
// the media controls show. How it works: docs/browser-media.md.

import * as devices from './devices.js';
import { StatsSampler, grade } from './stats.js';
import { SfuLink } from './sfu.js';
import { MeshLink } from './mesh.js';

const STATS_EVERY_MS = 1000;

export class Room {
    constructor(area, config, bridge) {
        this.area = area;
        this.bridge = bridge;
        this.mode = config.mode;
        this.selfId = config.selfId;
        this.audioOnly = !!config.audioOnly;
        this.wanted = { audio: !!config.audio, video: !!config.video };
        this.devices = { audioDeviceId: config.audioDeviceId, videoDeviceId: config.videoDeviceId };
        // A null username or credential would reach the browser as the string "null": leave them out instead.
        const iceServers = (config.iceServers ?? []).map(s => (s.username ? { urls: s.urls, username: s.username, credential: s.credential } : { urls: s.urls }));
        this.rtcConfiguration = { iceServers, bundlePolicy: 'max-bundle' };
        this.knownParticipants = new Set(config.participants ?? []);
        this.localStream = new MediaStream();
        this.remote = new Map();
        this.trackOwner = new Map();
        this.screen = null;
        this.sampler = new StatsSampler();
        this.firstRemoteFrameAt = null;
        // performance.now() of the steps of the start, for the join-to-first-frame breakdown (docs/benchmarks.md).
        this.timeline = { start: performance.now() };
        this.reported = '';
        this.onConnectionState = () => {
            if (this.link.connections.some(pc => pc.connectionState === 'connected')) this.timeline.connected ??= performance.now();
            this.report();
        };
        this.link = this.mode === 'sfu' ? new SfuLink(this) : new MeshLink(this);
    }

    async start() {
        let stream;
        try {
            stream = await devices.capture({ ...this.devices, audioOnly: this.audioOnly });
        } catch (e) {
            // No camera or microphone (denied, missing): the person still sees and hears the group.
            console.warn('media: no local devices', e?.name);
            stream = new MediaStream();
        }
        this.timeline.captured = performance.now();
        this.localStream = stream;
        this.applyLocal();
        this.render();
        this.timer = setInterval(() => this.report(), STATS_EVERY_MS);
        this.started = true;
        await this.link.start();
    }

    async call(method, ...args) {
        const result = await this.bridge.invokeMethodAsync(method, ...args);
        this.timeline[method] ??= performance.now();
        return result;
    }

    /** What we send: the microphone, and the camera (or the shared screen) unless audio-only. */
    sendTracks() {
        const audio = this.localStream.getAudioTracks();
        const video = this.audioOnly ? [] : (this.screen ? this.screen.getVideoTracks() : this.localStream.getVideoTracks());
        return [...audio, ...video];
    }

    remoteIds() {
        return [...this.knownParticipants].filter(id => id !== this.selfId);
    }

    setParticipants(ids) {
        this.knownParticipants = new Set(ids);
        for (const id of this.remote.keys()) {
            if (!this.knownParticipants.has(id)) this.forgetRemoteTracks(id);
        }
        // Before start() the link has no tracks yet; start() connects to everyone known then.
        if (this.started && this.link instanceof MeshLink) this.link.setPeers(this.remoteIds());
    }

    setLocal(audio, video) {
        this.wanted = { audio, video };
        this.applyLocal();
    }

    /** A disabled track sends silence / black frames: the connection stays up and turning back on is instant. */
    applyLocal() {
        this.localStream.getAudioTracks().forEach(t => { t.enabled = this.wanted.audio; });
        this.localStream.getVideoTracks().forEach(t => { t.enabled = this.wanted.video; });
    }

    async setAudioOnly(on) {
        if (this.audioOnly === on) return;
        this.audioOnly = on;
        if (on) {
            await this.stopScreen();
            this.localStream.getVideoTracks().forEach(t => { t.stop(); this.localStream.removeTrack(t); });
            for (const id of this.remote.keys()) this.dropRemoteVideo(id);
        } else {
            try {
                const camera = await devices.capture({ ...this.devices, audioOnly: false });
                camera.getAudioTracks().forEach(t => t.stop());
                camera.getVideoTracks().forEach(t => this.localStream.addTrack(t));
                this.applyLocal();
            } catch (e) {
                console.warn('media: camera unavailable', e?.name);
            }
        }
        await this.link.republish();
        if (this.link instanceof SfuLink) await this.link.subscribe();
        this.render();
    }

    async shareScreen(on) {
        if (!on) {
            await this.stopScreen();
            return false;
        }
        if (this.audioOnly || this.screen) return !!this.screen;
        try {
            this.screen = await navigator.mediaDevices.getDisplayMedia({ video: { frameRate: { ideal: 5 } }, audio: false });
        } catch {
            return false;
        }
        const track = this.screen.getVideoTracks()[0];
        track.addEventListener('ended', () => { this.stopScreen(); this.bridge.invokeMethodAsync('OnScreenShareEnded'); });
        await this.replaceVideo(track);
        return true;
    }

    async stopScreen() {
        if (!this.screen) return;
        devices.stopTracks(this.screen);
        this.screen = null;
        await this.replaceVideo(this.localStream.getVideoTracks()[0] ?? null);
    }

    /** Camera ↔ screen without renegotiation: the same sender carries the other track. */
    async replaceVideo(track) {
        for (const pc of this.link.connections) {
            for (const sender of pc.getSenders()) {
                if (sender.track?.kind === 'video' || (sender.track === null && pc.getTransceivers().some(t => t.sender === sender && t.receiver.track.kind === 'video'))) {
                    await sender.replaceTrack(track);
                }
            }
        }
    }

    /** Brings one connection's video sender in line with audio-only (the link renegotiates after). */
    syncSenders(pc) {
        const video = this.sendTracks().find(t => t.kind === 'video') ?? null;
        const sending = pc.getTransceivers().find(t => !t.stopped && t.receiver.track.kind === 'video' && (t.sender.track || t.direction.startsWith('send') || t.direction === 'inactive'));
        if (video && sending) {
            sending.sender.replaceTrack(video);
            sending.direction = this.mode === 'sfu' ? 'sendonly' : 'sendrecv';
        } else if (video) {
            if (this.mode === 'sfu') pc.addTransceiver(video, { direction: 'sendonly', streams: [this.localStream] });
            else pc.addTrack(video, this.localStream);
        } else if (sending) {
            sending.sender.replaceTrack(null);
            sending.direction = 'inactive';
        }
    }

    addRemoteTrack(owner, track) {
        const stream = this.remote.get(owner) ?? new MediaStream();
        this.remote.set(owner, stream);
        stream.getTracks().filter(t => t.kind === track.kind && t !== track).forEach(t => stream.removeTrack(t));
        stream.addTrack(track);
        this.trackOwner.set(track.id, owner);
        track.addEventListener('ended', () => stream.removeTrack(track));
        this.render();
    }

    dropRemoteVideo(owner) {
        const stream = this.remote.get(owner);
        stream?.getVideoTracks().forEach(t => stream.removeTrack(t));
    }

    forgetRemoteTracks(owner) {
        const owners = owner ? [owner] : [...this.remote.keys()];
        for (const id of owners) {
            this.remote.delete(id);
            this.area?.querySelector(`audio[data-participant-id="${id}"]`)?.remove();
        }
        this.render();
    }

    attach(element) {
        this.area = element;
        this.timeline.attached ??= performance.now();
        this.render();
    }

    /** Video tiles are Blazor's; this only sets their sources. Remote sound plays from audio elements this module owns. */
    render() {
        if (!this.area) return;
        for (const video of this.area.querySelectorAll('video[data-participant-id]')) {
            const id = video.dataset.participantId;
            video.muted = true;
            video.playsInline = true;
            const source = id === this.selfId
                ? (this.audioOnly ? null : (this.screen ?? this.localStream))
                : (this.audioOnly ? null : this.remote.get(id) ?? null);
            if (video.srcObject !== source) {
                video.srcObject = source;
                if (source) video.play().catch(() => {});
                if (source && id !== this.selfId) this.timeline.firstRemoteTrack ??= performance.now();
                if (source && id !== this.selfId && this.firstRemoteFrameAt === null && video.requestVideoFrameCallback) {
                    video.requestVideoFrameCallback(now => { this.firstRemoteFrameAt ??= now; });
                }
            }
        }
        const sink = this.area.querySelector('[data-media-audio]');
        if (!sink) return;
        for (const [id, stream] of this.remote) {
            if (stream.getAudioTracks().length === 0) continue;
            let audio = sink.querySelector(`audio[data-participant-id="${id}"]`);
            if (!audio) {
                audio = document.createElement('audio');
                audio.dataset.participantId = id;
                audio.autoplay = true;
                sink.appendChild(audio);
            }
            if (audio.srcObject !== stream) {
                audio.srcObject = stream;
                audio.play().catch(() => {});
            }
        }
    }

    statsConnections() {
        if (this.link instanceof MeshLink) {
            return this.link.connections.map(pc => ({ pc, owner: () => this.link.owner(pc), selfId: this.selfId }));
        }
        return this.link.connections.map(pc => ({ pc, owner: trackId => this.trackOwner.get(trackId) ?? null, selfId: this.selfId }));
    }

    /** Quality and speaker to Blazor, only when they change (a JS → .NET call per second would be wasted otherwise). */
    async report() {
        const connections = this.link.connections;
        let quality;
        let sample = { rttMs: null, lossPct: null, speaker: null };
        if (connections.length === 0) {
            quality = this.knownParticipants.size > 1 ? 'connecting' : 'unknown';
        } else if (connections.some(pc => pc.connectionState === 'failed' || pc.connectionState === 'disconnected')) {
            quality = 'reconnecting';
        } else if (connections.some(pc => pc.connectionState !== 'connected')) {
            quality = 'connecting';
        } else {
            sample = await this.sampler.sample(this.statsConnections());
            quality = grade(sample.rttMs, sample.lossPct);
        }
        const speaker = this.wanted.audio || sample.speaker !== this.selfId ? sample.speaker : null;
        const report = { quality, rttMs: sample.rttMs, lossPct: sample.lossPct, speaker };
        const key = `${quality}|${speaker}|${Math.round((sample.rttMs ?? 0) / 50)}|${Math.round(sample.lossPct ?? 0)}`;
        if (key === this.reported || this.closed) return;
        this.reported = key;
        this.bridge.invokeMethodAsync('OnStats', report).catch(() => {});
    }

    async resumed() {
        if (this.link instanceof MeshLink) {
            this.link.recoverBroken();
            return;
        }
        // The SFU connections do not depend on the hub: keep them if their ICE is still connected, else start again
        // (their server node may have died, and Janus closed its handles with it).
        if (this.link.connections.some(pc => pc.iceConnectionState !== 'connected' && pc.iceConnectionState !== 'completed')) {
            await this.link.restart();
        } else {
            await this.link.resubscribe();
        }
    }

    close() {
        this.closed = true;
        clearInterval(this.timer);
        this.link.close();
        devices.stopTracks(this.localStream);
        devices.stopTracks(this.screen);
        this.screen = null;
        this.remote.clear();
        for (const video of this.area?.querySelectorAll('video[data-participant-id]') ?? []) video.srcObject = null;
        this.area?.querySelector('[data-media-audio]')?.replaceChildren();
    }
}
