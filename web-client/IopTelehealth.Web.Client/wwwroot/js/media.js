// WebRTC for the room page, called from Blazor (MediaModule.cs). No third-party WebRTC library: the browser's
// RTCPeerConnection, getUserMedia and getStats only. Signaling goes through the .NET RoomClient: every hub call is a
// JS → .NET call on the `bridge` (a DotNetObjectReference to MediaBridge). How it works: docs/browser-media.md.

import { stopPreview } from './media/preview.js';
import { Room } from './media/room.js';

let room = null;
// The video area of the room screen, once it is on the page (attach); a room started before it renders tiles later.
let area = null;

// Pre-join: preview, device pickers, level meter.
export { startPreview, stopPreview } from './media/preview.js';

// ---- The room ----

/**
 * Starts media in the room. `config`: { mode, iceServers, selfId, audioOnly, audio, video, audioDeviceId,
 * videoDeviceId, participants }. The page may start it from the admission, before the room screen is drawn: the tiles
 * get their streams once attach() hands over the video area.
 */
export async function join(config, bridge) {
    // Synchronously up to start(): hub events queued right behind this call must already find the new room.
    stopPreview();
    room?.close();
    const r = room = new Room(area, config, bridge);
    r.ready = r.start();
    await r.ready;
}

/**
 * The room screen is on the page: `element` holds the tiles Blazor renders (video[data-participant-id]) and a
 * [data-media-audio] element this module fills with the remote audio players. Before or after join().
 */
export function attach(element) {
    area = element;
    room?.attach(element);
}

/** The room's participants changed (ids of admitted, connected people; self excluded by the room). */
export function participants(list) {
    room?.setParticipants(list);
}

/** Our own microphone and camera flags as the server holds them (also after a moderator's mute). */
export function setLocal(audio, video) {
    room?.setLocal(audio, video);
}

/** Blazor re-rendered the tiles: attach the streams to the video elements. */
export function render() {
    room?.render();
}

/** Hub events wait for the start (camera, first connections): an offer must not meet a connection without tracks. */
async function whenReady(action) {
    const r = room;
    if (!r) return;
    await r.ready;
    if (room !== r) return;
    try {
        await action(r);
    } catch (e) {
        console.warn('media: a hub event could not be applied', e?.message);
    }
}

export function signal(from, message) {
    return whenReady(r => r.link.onSignal?.(from, message));
}

export function feedsChanged() {
    return whenReady(r => r.link.subscribe?.());
}

export function mediaRestart() {
    return whenReady(r => r.link.restart());
}

/** The hub connection came back after a drop (the server resumed us): repair what broke meanwhile. */
export function resumed() {
    return whenReady(r => r.resumed());
}

export async function setAudioOnly(on) {
    await room?.setAudioOnly(on);
}

/** Starts or stops sharing the screen in place of the camera; false when the person cancelled the picker. */
export async function shareScreen(on) {
    return (await room?.shareScreen(on)) ?? false;
}

/** Stops every track and closes every connection (leave, removal, end of session, page closed). */
export async function leave() {
    stopPreview();
    const r = room;
    room = null;
    area = null;
    r?.close();
}

/** What this page receives, per participant (tests and the join-to-first-frame benchmark read it). */
export async function inspect() {
    if (!room) return { active: false, connections: 0, liveTracks: 0, remotes: {}, firstRemoteFrameAt: null, restarts: 0 };
    const sample = await room.sampler.sample(room.statsConnections());
    return {
        active: true,
        mode: room.mode,
        connections: room.link.connections.filter(pc => pc.connectionState !== 'closed').length,
        liveTracks: room.localStream.getTracks().filter(t => t.readyState === 'live').length,
        remotes: sample.remotes,
        firstRemoteFrameAt: room.firstRemoteFrameAt,
        restarts: room.link.restarts ?? 0,
        timeline: room.timeline,
        // For failure messages: where each connection stands.
        states: room.link.connections.map(pc => `${pc.signalingState}/${pc.iceConnectionState}/${pc.connectionState}`),
    };
}
