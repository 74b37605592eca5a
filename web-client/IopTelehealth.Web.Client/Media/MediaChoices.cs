namespace IopTelehealth.Web.Client.Media;

/// <summary>What the person chose on the pre-join page, carried into the room: devices and audio-only mode.</summary>
public sealed class MediaChoices
{
    public string? AudioDeviceId { get; set; }

    public string? VideoDeviceId { get; set; }

    /// <summary>Neither send nor receive video (weak network, no camera, or the person's wish); recorded for billing.</summary>
    public bool AudioOnly { get; set; }
}
