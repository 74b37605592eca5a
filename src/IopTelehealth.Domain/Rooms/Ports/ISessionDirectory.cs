using IopTelehealth.Domain.People;

namespace IopTelehealth.Domain.Rooms.Ports;

/// <summary>Who is calling, from their token or session: account, tenant and roles.</summary>
public sealed record RoomCaller(Guid UserId, Guid ClinicId, IReadOnlySet<string> Roles);

/// <summary>The durable facts about a session that a room needs (from the clinic database).</summary>
public sealed record SessionFacts(SessionId Id, Guid ClinicId, Guid GroupId, string GroupName, string Topic, DateOnly LocalDate,
    DateTimeOffset ScheduledStart, DateTimeOffset ScheduledEnd, int Capacity, bool Cancelled, string ConsentVersion, string ConsentText);

/// <summary>The caller's place in a session: their room role and what peers see of them.</summary>
public sealed record RoomMember(ParticipantRole Role, string DisplayName, string? AcceptedConsentVersion, EmergencyContact? EmergencyContact);

/// <summary>A patient enrolled in a session's group on its date, as staff see them on the check-in roster (alias only).</summary>
public sealed record EnrolledPatient(Guid UserId, string Alias);

/// <summary>Port: sessions and memberships as the clinic database knows them.</summary>
public interface ISessionDirectory
{
    Task<SessionFacts?> FindAsync(SessionId sessionId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The caller's role in the session: an enrolled patient of the group (active on the session's date), an assigned
    /// therapist, other clinic staff; null when the caller has no place in it.
    /// </summary>
    Task<RoomMember?> ResolveMemberAsync(SessionFacts session, RoomCaller caller, CancellationToken cancellationToken = default);

    /// <summary>Every patient enrolled in the session's group with an enrollment active on the session's date, by alias.</summary>
    Task<IReadOnlyList<EnrolledPatient>> ListEnrolledAsync(SessionFacts session, CancellationToken cancellationToken = default);

    /// <summary>Stores that the patient accepted this version of the clinic's telehealth consent, and when.</summary>
    Task RecordConsentAsync(SessionFacts session, Guid userId, string version, DateTimeOffset at, CancellationToken cancellationToken = default);
}
