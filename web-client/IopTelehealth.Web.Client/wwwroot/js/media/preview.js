// The pre-join page's camera preview and microphone level meter (media.js re-exports startPreview / stopPreview for
// Blazor); the room takes the preview's stream over instead of starting the camera a second time.

import * as devices from './devices.js';

let preview = null;

/** Starts (or restarts with other devices) the camera preview and the mic meter; returns the device lists and what is in use. */
export async function startPreview(video, meterElement, audioDeviceId, videoDeviceId, audioOnly) {
    stopPreview();
    const stream = await devices.capture({ audioDeviceId, videoDeviceId, audioOnly });
    video.muted = true;
    video.srcObject = audioOnly ? null : stream;
    const audioTrack = stream.getAudioTracks()[0];
    const stopMeter = audioTrack ? devices.meter(audioTrack, level => { meterElement.value = level; }) : () => {};
    preview = { stream, stopMeter, video, audioOnly };
    const lists = await devices.list();
    return {
        ...lists,
        audioDeviceId: audioTrack?.getSettings().deviceId ?? null,
        videoDeviceId: stream.getVideoTracks()[0]?.getSettings().deviceId ?? null,
    };
}

export function stopPreview() {
    if (!preview) return;
    preview.stopMeter();
    devices.stopTracks(preview.stream);
    if (preview.video) preview.video.srcObject = null;
    preview = null;
}

/** The preview's stream goes on into the room (no second camera start); its meter stops. */
export function takePreview(audioOnly) {
    if (!preview || preview.audioOnly !== audioOnly) {
        stopPreview();
        return null;
    }
    preview.stopMeter();
    const stream = preview.stream;
    preview = null;
    return stream;
}
