// Camera and microphone: capture with the chosen devices, the device lists, and a microphone level meter.

/** getUserMedia for the chosen devices; audio-only asks for no camera at all (its light stays off). */
export async function capture({ audioDeviceId, videoDeviceId, audioOnly }) {
    const audio = audioDeviceId ? { deviceId: { exact: audioDeviceId } } : true;
    const video = audioOnly ? false
        : { ...(videoDeviceId ? { deviceId: { exact: videoDeviceId } } : {}), width: { ideal: 640 }, height: { ideal: 360 }, frameRate: { ideal: 15 } };
    return navigator.mediaDevices.getUserMedia({ audio, video });
}

/** Inputs by kind; labels are only filled once the page holds a permission (after the first capture). */
export async function list() {
    const devices = await navigator.mediaDevices.enumerateDevices();
    const pick = kind => devices.filter(d => d.kind === kind && d.deviceId)
        .map((d, i) => ({ id: d.deviceId, label: d.label || `${kind === 'audioinput' ? 'Microphone' : 'Camera'} ${i + 1}` }));
    return { audioInputs: pick('audioinput'), videoInputs: pick('videoinput') };
}

/**
 * Level of an audio track (0..1, RMS over ~40 ms) read with an AnalyserNode; `onLevel` is called every `every` ms.
 * Returns a function that stops the meter and closes its AudioContext.
 */
export function meter(track, onLevel, every = 100) {
    const context = new AudioContext();
    const source = context.createMediaStreamSource(new MediaStream([track]));
    const analyser = context.createAnalyser();
    analyser.fftSize = 2048;
    source.connect(analyser);
    const samples = new Float32Array(analyser.fftSize);
    const timer = setInterval(() => {
        analyser.getFloatTimeDomainData(samples);
        let sum = 0;
        for (const s of samples) sum += s * s;
        // RMS of speech sits around 0.02-0.2; scale so normal speech fills most of the meter.
        onLevel(Math.min(1, Math.sqrt(sum / samples.length) * 4));
    }, every);
    return () => {
        clearInterval(timer);
        source.disconnect();
        context.close();
    };
}

export function stopTracks(stream) {
    stream?.getTracks().forEach(t => t.stop());
}
