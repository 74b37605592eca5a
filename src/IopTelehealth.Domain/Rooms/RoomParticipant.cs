namespace IopTelehealth.Domain.Rooms;

/// <summary>
/// One person (or the clinic room device) in a room. Plain data so stores can serialise it; the rules that change it
/// live in <see cref="Room"/>.
/// </summary>
public sealed class RoomParticipant
{
    public ParticipantId Id { get; set; }

    public Guid UserId { get; set; }

    public ParticipantRole Role { get; set; }

    /// <summary>What peers see: the alias for patients, the staff display name for staff.</summary>
    public string DisplayName { get; set; } = "";

    public Admission Admission { get; set; }

    public bool AudioOn { get; set; }

    public bool VideoOn { get; set; }

    /// <summary>Set by a moderator; the participant cannot turn audio back on until a moderator allows it.</summary>
    public bool HardMuted { get; set; }

    public bool VideoStopped { get; set; }

    /// <summary>Neither sends nor receives video (billing: modifier 93 instead of 95).</summary>
    public bool AudioOnly { get; set; }

    public bool ScreenSharing { get; set; }

    /// <summary>A moderator let this patient share their screen (staff who moderate may always share).</summary>
    public bool ScreenShareAllowed { get; set; }

    /// <summary>
    /// Mesh: participants whose offer to this one is still unanswered. An answer is relayed only to someone listed here,
    /// so a browser cannot push an answer nobody asked for. A list (not a set) so stores serialise it plainly.
    /// </summary>
    public List<ParticipantId> OffersFrom { get; set; } = [];

    /// <summary>Position in the hand queue (room sequence number when raised); null when the hand is down.</summary>
    public long? HandRaisedAt { get; set; }

    public string? ConnectionId { get; set; }

    public string? NodeId { get; set; }

    public DateTimeOffset JoinedAt { get; set; }

    /// <summary>When the connection dropped; null while connected. Within the grace window the participant can resume.</summary>
    public DateTimeOffset? DisconnectedAt { get; set; }

    public LeaveReason? DisconnectReason { get; set; }

    public Attestation? Attestation { get; set; }

    /// <summary>
    /// Checked in at the clinic: present in the clinic room without a connection of their own (the room device carries the
    /// room's camera and screen). Never disconnected by a transport; leaves by check-out, removal or the session's end.
    /// </summary>
    public bool InClinic { get; set; }

    public bool IsConnected => DisconnectedAt is null;

    public bool IsPresent => IsConnected && Admission == Admission.Admitted;

    /// <summary>A full copy: every member but <see cref="OffersFrom"/> is a value or immutable.</summary>
    public RoomParticipant Copy()
    {
        var copy = (RoomParticipant)MemberwiseClone();
        copy.OffersFrom = [.. OffersFrom];
        return copy;
    }
}
