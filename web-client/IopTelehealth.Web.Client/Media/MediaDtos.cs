namespace IopTelehealth.Web.Client.Media;

/// <summary>A camera or microphone as enumerateDevices reports it (labels only after permission).</summary>
public sealed record MediaDevice(string Id, string Label);

/// <summary>The preview's answer: the inputs to choose from and the ones in use.</summary>
public sealed record DeviceList(IReadOnlyList<MediaDevice> AudioInputs, IReadOnlyList<MediaDevice> VideoInputs, string? AudioDeviceId, string? VideoDeviceId);

/// <summary>
/// From getStats about once a second, sent only when something shown changes. <paramref name="Quality"/> is unknown,
/// connecting, reconnecting, good, fair or poor (thresholds in docs/browser-media.md); <paramref name="Speaker"/> the
/// participant id heard loudest, if anyone speaks.
/// </summary>
public sealed record MediaStats(string Quality, int? RttMs, double? LossPct, string? Speaker);

/// <summary>What media.js's join() takes.</summary>
internal sealed record MediaJoinConfig(string Mode, IReadOnlyList<IceServerDto> IceServers, string SelfId, bool AudioOnly, bool Audio, bool Video,
    string? AudioDeviceId, string? VideoDeviceId, IReadOnlyList<string> Participants);
