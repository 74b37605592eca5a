// The pre-join page's camera preview and microphone level meter (media.js re-exports startPreview / stopPreview for
// Blazor). The preview stops when the form goes (a patient may wait in the lobby for minutes: no camera runs unseen
// there); the room starts the camera again.

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
