namespace IopTelehealth.Domain.Rooms;

/// <summary>Who is joining, already authorized and resolved by the caller (membership, role, alias).</summary>
public sealed record JoinRequest(Guid UserId, ParticipantRole Role, string DisplayName, string ConnectionId, string NodeId, Attestation? Attestation);

/// <summary>The joined participant and whether it was an existing one resumed within the grace window.</summary>
public sealed record JoinResult(RoomParticipant Participant, bool Resumed);
