namespace IopTelehealth.Domain.Rooms.Ports;

/// <summary>An urgent, private request for help from a patient to the session's therapists (PHI: never logged).</summary>
public sealed record HelpAlert(ParticipantId ParticipantId, string DisplayName, string Message, Attestation? Attestation,
    People.EmergencyContact? EmergencyContact, DateTimeOffset At);

/// <summary>
/// Port: pushes what changed to the participants allowed to see it. The adapter decides the audience of each event
/// (lobby to moderators, private chat to sender, addressee and moderators, and so on).
/// </summary>
public interface IRoomNotifier
{
    Task PublishAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default);

    Task ChatAsync(RoomState state, ChatMessage message, CancellationToken cancellationToken = default);

    Task HelpAsync(RoomState state, HelpAlert alert, CancellationToken cancellationToken = default);
}

/// <summary>Port: anything that must learn of joins and leaves durably (the attendance ledger).</summary>
public interface IRoomEventSink
{
    Task HandleAsync(RoomState state, IReadOnlyList<RoomEvent> events, CancellationToken cancellationToken = default);
}
